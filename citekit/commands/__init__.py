"""One module per CLI command. Each module defines one function that ``citekit.cli`` registers.

Commands parse options, call the library once, and print; they hold no format logic.
"""
