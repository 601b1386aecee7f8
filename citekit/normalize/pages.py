"""Page ranges as sources write them: the one pattern for the dash between two pages.

Sources write ``22-30``, BibTeX ``22--30``, typeset text ``22–30`` or ``22 — 30``; CSL-JSON, and so
every record, holds ``22-30``. Readers, writers and ``citekit check`` all go through this module.
"""

from __future__ import annotations

import re

# The dash between two pages: hyphens (BibTeX's "--" too), en or em dashes, with any spaces around.
DASH = re.compile(r"\s*[-–—]+\s*")
# A range of two pages, each a number with an optional prefix of letters ("S12-S15", "e101–e110"):
# prefix, first page, end prefix, last page.
RANGE = re.compile(r"([A-Za-z]*)(\d+)" + DASH.pattern + r"([A-Za-z]*)(\d+)")


def hyphenated(pages: str) -> str:
    """Pages as CSL-JSON writes them: each dash between pages a single hyphen (``22–30`` -> ``22-30``)."""
    return DASH.sub("-", pages)


def pieces(pages: str) -> list[str]:
    """The pages (or page ranges' ends) between the dashes: ``22 – 30`` -> ``['22', '30']``."""
    return DASH.split(pages)
