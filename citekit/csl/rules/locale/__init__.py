"""CSL 1.0.2 "Locale" (locale fallback) and "Terms" (term form fallback)."""
