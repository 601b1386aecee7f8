"""CSL 1.0.2 "Group" (suppression of empty groups) and "Choose" (conditions, positions)."""
