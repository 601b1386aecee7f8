"""RIS: reading (read.py), writing (write.py), and the tag tables both use (tables.py)."""
