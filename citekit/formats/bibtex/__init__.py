"""BibTeX and BibLaTeX: reading (read.py), writing (write.py, biblatex.py) and the LaTeX they hold (latex/)."""
