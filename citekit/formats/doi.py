"""DOIs as CSL-JSON wants them: bare (``10.1000/xyz``), without a resolver address or ``doi:``."""

from __future__ import annotations

import re

_PREFIX = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def bare_doi(value: str) -> str:
    """``https://doi.org/10.1000/xyz`` -> ``10.1000/xyz``; anything else is kept as it is."""
    return _PREFIX.sub("", value).strip()
