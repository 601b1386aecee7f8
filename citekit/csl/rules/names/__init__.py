"""CSL 1.0.2 "Names": cs:name formatting, cs:substitute, the default cs:name."""
