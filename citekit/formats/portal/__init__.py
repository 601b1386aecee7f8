"""Research-portal (Pure) pages: text (scan.py, build.py), saved HTML (html.py), the vocabulary (labels.py)."""
