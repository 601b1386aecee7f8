"""Terminal punctuation is not doubled where a suffix or delimiter meets text that already ends a
sentence (``Why?. `` becomes ``Why? ``, ``Co.</b>.`` becomes ``Co.</b>``), as CSL processors join
affixes (CSL 1.0.2 leaves the detail to the processor; citeproc-js behaves so). Markup between the
two marks does not matter; an ellipsis is left alone."""

from __future__ import annotations

import re
from typing import Any

_DOUBLED = re.compile(r"(?<![.])([.?!])((?:</?[a-z][^>]*>)*)\.(?![.\w])")


def without_doubled_periods(text: str) -> str:
    return _DOUBLED.sub(lambda m: m.group(1) + m.group(2), text)


ELEMENTS: dict[str, Any] = {}
