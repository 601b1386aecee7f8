"""CSL 1.0.2 "Formatting", "Text-case", "Affixes", "Display" and "Quotes"."""
