"""CSL 1.0.2 "Text" and "Terms": variables, values and terms of cs:text."""
