"""CSL 1.0.2 "Citation-specific Options": year-suffix disambiguation, cite grouping."""
