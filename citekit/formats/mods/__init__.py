"""MODS 3.x: the reader (``read``), the writer (``write``, ``carry``) and their tables (``tables``)."""
