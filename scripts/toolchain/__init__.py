"""The LaTeX toolchain check: citekit's BibTeX and BibLaTeX output must compile as the source did.

``corpora`` finds the real bibliographies, ``runs`` compiles a bibliography with pdflatex and
bibtex or biber (always under a timeout) and reads every warning and error from the logs,
``compare`` finds what citekit's output adds to the original's findings and the words an entry
loses in the PDF, and ``measure`` runs the whole matrix and writes ``summary.md``.
"""
