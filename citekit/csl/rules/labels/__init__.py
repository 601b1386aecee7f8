"""CSL 1.0.2 "Label": plurals, text-case and locator labels of cs:label."""
