"""CSL 1.0.2 "Bibliography-specific Options": second-field-align."""
