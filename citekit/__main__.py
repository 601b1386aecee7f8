"""``python -m citekit``."""

from citekit.launch import main

main()
