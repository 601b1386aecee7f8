"""Case protection in records: CSL-JSON's ``<span class="nocase">``, shared by every format.

A record's title may hold text whose case no style may change (``The <span class="nocase">LaTeX</span>
Companion``): the form citeproc-js, pandoc, citation-js and Zotero read. Each format maps it to its
own way of saying it (BibTeX's protecting braces: ``bibtex/braces.py``), and formats with no way to
say it (RIS) drop the spans: the words stay, only the protection goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

OPEN = '<span class="nocase">'
CLOSE = "</span>"
# CSL variables whose case styles change (text-case), and so whose protection is kept.
PROTECTED_VARIABLES = frozenset(
    {"title", "container-title", "collection-title", "event-title", "title-short", "container-title-short"}
    | {"genre"}  # BibTeX styles change the case of a thesis's type: {Ph.D.} keeps its capitals
)
_SPANS = re.compile(r"<span\b[^>]*>|</span>")


def segments(text: str) -> list[tuple[str, bool]]:
    """``text`` in pieces, each with whether it lies inside a nocase span (spans removed)."""
    if OPEN not in text:
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    stack: list[bool] = []  # per open span: is it a nocase span
    end = 0
    for tag in _SPANS.finditer(text):
        if tag.group() == CLOSE and not stack:
            continue  # a stray closing tag is text
        if text[end : tag.start()]:
            out.append((text[end : tag.start()], any(stack)))
        if tag.group() == CLOSE:
            if not stack.pop():
                out.append((CLOSE, any(stack)))  # closes another kind of span: kept
        elif tag.group() == OPEN:
            stack.append(True)
        else:
            stack.append(False)
            out.append((tag.group(), any(stack)))
        end = tag.end()
    if text[end:]:
        out.append((text[end:], any(stack)))
    return out


def outer_spans(text: str) -> list[tuple[str, bool]]:
    """``text`` cut at its outermost nocase spans: (piece, protected), a protected piece being the
    whole content of one outermost span, the spans nested in it kept as markup."""
    if OPEN not in text:
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    stack: list[bool] = []  # per open span: is it a nocase span
    start = 0  # where the current piece starts
    for tag in _SPANS.finditer(text):
        if tag.group() == CLOSE and not stack:
            continue  # a stray closing tag is text
        if tag.group() == OPEN and not any(stack):
            if text[start : tag.start()]:
                out.append((text[start : tag.start()], False))
            start = tag.end()
        if tag.group() == CLOSE:
            closed = stack.pop()
            if closed and not any(stack):
                out.append((text[start : tag.start()], True))
                start = tag.end()
        elif tag.group() != CLOSE:
            stack.append(tag.group() == OPEN)
    if text[start:]:
        out.append((text[start:], any(stack)))
    return [(piece, protected) for piece, protected in out if piece]


def strip(text: str, keep: Callable[[str], bool] | None = None) -> str:
    """``text`` without its nocase spans (the words kept); ``keep`` names the protected pieces
    whose spans stay (the BibTeX writers keep the spans of math: ``bibtex/math.py``)."""
    if OPEN not in text:
        return text
    return "".join(
        OPEN + piece + CLOSE if keep is not None and protected and keep(piece) else piece
        for piece, protected in segments(text)
    )


def mark(pieces: list[tuple[str, bool]]) -> str:
    """Pieces of text, the protected ones in nocase spans."""
    return "".join(OPEN + piece + CLOSE if protected else piece for piece, protected in pieces if piece)
