"""CSL 1.0.2 "Sorting": sort keys and how they compare."""
