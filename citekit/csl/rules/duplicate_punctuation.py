"""Punctuation meeting punctuation where affixes and delimiters join text (CSL 1.0.2 leaves the
detail to processors; this is citeproc-js's table): a mark already ending the text absorbs a
weaker one after it (``Why?.`` → ``Why?``, ``Note;:`` → ``Note;``), and a colon or semicolon gives
way to a following ``!`` or ``?``. Markup and closing quotes between the two marks stay where they
are; an ellipsis is left alone.

Only seams where style punctuation comes second are resolved: marks written next to each other
inside one field (``????``, ``state,:``) stay as the record has them, and so does a field's first
mark after a prefix or delimiter (``:`` + ``??-??`` is ``:??-??``), as citeproc-js leaves them.
``kept_apart`` marks such places when a field is read (``citekit.csl.richtext``); the marker stops
the resolution and is removed with it."""

from __future__ import annotations

import re
from typing import Any

# (mark ending the text, mark coming after it) -> what is written; pairs not listed keep both.
COLLISIONS = {
    (":", ":"): ":", (";", ":"): ";", ("!", ":"): "!", ("?", ":"): "?",
    (":", "."): ":", (".", "."): ".", (";", "."): ";", ("!", "."): "!", ("?", "."): "?",
    (";", ";"): ";",
    (":", "!"): "!", (";", "!"): "!", ("!", "!"): "!",
    (":", "?"): "?", (";", "?"): "?", ("?", "?"): "?",
    (",", ","): ",",
}  # fmt: skip
# Sits between two marks of one field, so that they never read as a seam; removed from the output.
KEEP_APART = "\ue004"
_MARKS = ":.;!?,"
_ADJACENT_MARKS = re.compile(f"(?<=[{_MARKS}])(?=[{_MARKS}])|^(?=[{_MARKS}])")
_SEAM = re.compile(r"(?<![.])([:.;!?,])((?:</?[a-z][^>]*>|[”’»\ue002\ue003])*)([:.;!?,])(?![.\w])")


def _joined(match: re.Match[str]) -> str:
    first, between, second = match.group(1), match.group(2), match.group(3)
    result = COLLISIONS.get((first, second))
    if result is None:
        return match.group(0)
    return (result + between) if result == first else (between + result if not between else result + between)


def kept_apart(text: str) -> str:
    """Field text with ``KEEP_APART`` between each two marks written next to each other, and
    before a mark that starts it."""
    return _ADJACENT_MARKS.sub(KEEP_APART, text)


def without_doubled_periods(text: str) -> str:
    """``text`` with colliding punctuation resolved by ``COLLISIONS`` (marks kept apart stay)."""
    return _SEAM.sub(_joined, text)


ELEMENTS: dict[str, Any] = {}
