"""Lines of a text as the tagged formats (RIS, MEDLINE, Web of Science) end them: at CR, LF or CRLF
only. ``str.splitlines`` also ends lines at U+2028, U+2029, NEL, VT, FF and FS, which would let a
value forge a tag or a record end; these readers never use it."""

from __future__ import annotations

import re
from collections.abc import Iterator

_LINE_END = re.compile(r"\r\n|\r|\n")


def numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number from 1, line) of each line, a leading BOM removed."""
    return enumerate(_LINE_END.split(text.lstrip("\ufeff")), start=1)
