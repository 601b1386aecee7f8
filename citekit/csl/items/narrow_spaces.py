"""A space before ``:`` ``;`` ``?`` ``!`` ``»`` and after ``«`` in an item's text becomes a narrow
no-break space (U+202F), as French typography wants it and as citeproc-js writes it, whatever the
locale (``Harbour, ??`` is ``Harbour,\u202f??``). CSL 1.0.2 says nothing of it; the style's own
affixes and delimiters keep their spaces."""

from __future__ import annotations

import re
from typing import Any

_BEFORE = re.compile(r" (?=[:;?!\u00bb])")
_AFTER = re.compile(r"(?<=\u00ab) ")


def narrow_spaces(text: str) -> str:
    """Item text with the spaces next to high punctuation made narrow no-break spaces."""
    return _AFTER.sub("\u202f", _BEFORE.sub("\u202f", text))


ELEMENTS: dict[str, Any] = {}
