"""Styles written by the citekit project, and the table of short style names (aliases.json)."""
