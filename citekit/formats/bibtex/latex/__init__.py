"""LaTeX in BibTeX values: escaping for output (escape.py), decoding on input (decode.py, fast.py)."""
