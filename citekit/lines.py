"""What a line is, for every line-based reader (RIS, BibTeX's line counts, MEDLINE, portal text).

A line ends at LF, CR or CRLF and nowhere else (``citekit.inputs`` turns CR and CRLF into LF as
it decodes; text given directly, as to ``citekit.loads``, may still hold them). Python's
``str.splitlines`` also ends lines at VT, FF, FS, GS, RS, NEL, U+2028 and U+2029: a value holding
one followed by ``ER  - `` would then end a record, and ``TY  - `` start a forged one. Those separators are text here: inside a line they become spaces, and the reader says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Characters some programs take as line or paragraph ends but a line here does not end at.
OTHER_SEPARATORS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_OTHER = re.compile(f"[{OTHER_SEPARATORS}]")
_CR_LINE_END = re.compile(r"\r\n|\r|\n")
_AS_SPACES = str.maketrans(dict.fromkeys(map(ord, OTHER_SEPARATORS), " "))


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` (ended at LF, CR or CRLF), without their ends; a final LF ends the last
    line rather than starting an empty one. Other separators stay inside their line."""
    lines = _CR_LINE_END.split(text) if "\r" in text else text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return lines


def numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number from 1, line) of each line (``split_lines``), a leading BOM removed."""
    return enumerate(split_lines(text.lstrip("\ufeff")), start=1)


def spaced(line: str) -> tuple[str, int]:
    """``line`` with every other separator as a space, and how many there were."""
    if not _OTHER.search(line):
        return line, 0
    return line.translate(_AS_SPACES), len(_OTHER.findall(line))


def separator_note(count: int) -> str:
    """The warning a reader gives for a record in which ``spaced`` changed ``count`` separators."""
    return f"{count} line or paragraph separator(s) other than a line end (U+2028, VT, NEL, …) read as spaces"
