"""Case protection: BibTeX's braces and CSL-JSON's ``<span class="nocase">`` say the same thing.

In a BibTeX title, ``{Editor's Comments}`` or ``The {LaTeX} Companion`` tells a style not to change
the case of what the braces hold. CSL-JSON says it with a nocase span, which citeproc-js, pandoc,
citation-js and Zotero all read. The BibTeX reader turns protecting braces into nocase spans, the
BibTeX writer turns nocase spans back into braces, and formats with no way to say it (RIS) drop the
spans: the words stay, only the protection goes.

BibTeX's rule decides which braces protect: a group at the top level of the value, not the argument
of a command (``\\'{e}``, ``\\textbf{x}``), and not a "special character" (a group opening with a
backslash, ``{\\'E}``).

Math (``$O(n \\log n)$``) is kept as the TeX it is written in, in a nocase span of its own (inside
a protected group's span too): no style may change its case, and the BibTeX writers give it back as
math, where any other ``$`` is escaped. Readers of CSL-JSON see the TeX; a writer that turns math
into text can find it as a nocase span holding ``$...$`` and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from citekit.formats.bibtex.latex.commands import safe_math

OPEN = '<span class="nocase">'
CLOSE = "</span>"
# CSL variables whose case styles change (text-case), and so whose protection is kept.
PROTECTED_VARIABLES = frozenset(
    {"title", "container-title", "collection-title", "event-title", "title-short", "container-title-short"}
    | {"genre"}  # BibTeX styles change the case of a thesis's type: {Ph.D.} keeps its capitals
)
_SPANS = re.compile(r"<span\b[^>]*>|</span>")
# Private-use characters marking a protected group while the value is decoded.
_START, _END = "\ue000", "\ue001"
_SPACE_AFTER_START = re.compile(_START + "( +)")
_SPACE_BEFORE_END = re.compile("( +)" + _END)
_MATH = re.compile(r"(?<!\\)\$")
# What comes right before a group that is a command's argument rather than protection
# (accents take an argument; escaped characters such as \& do not).
_COMMAND_BEFORE = re.compile(r"\\(?:[A-Za-z]+\s*|['`^\"~=.])$")


# Inline math: $...$ with no unescaped $ inside ($$ display math is not a BibTeX thing).
MATH = re.compile(r"(?<!\\)\$(?:\\.|[^$\\])+\$", re.S)
# Private-use characters standing for math spans while the value around them is decoded.
_MATH_HOLE = 0xE100
_MAX_MATH = 256


def is_math(text: str) -> bool:
    """Whether ``text`` is one math span and nothing else, which the BibTeX writers give back as
    math (only math of formulas: any other command is written as escaped text)."""
    return MATH.fullmatch(text) is not None and safe_math(text)


def read_keeping_math(value: str, read: Callable[[str], str]) -> str:
    """A BibTeX value read by ``read``, its math kept as written TeX, each in a nocase span."""
    spans: list[str] = []

    def hole(match: re.Match[str]) -> str:
        spans.append(" ".join(match.group(0).split()))
        return chr(_MATH_HOLE + len(spans) - 1)

    held = MATH.sub(hole, value) if "$" in value and "$" in value[value.index("$") + 1 :] else value
    if (
        not spans
        or len(spans) > _MAX_MATH
        or any(_MATH_HOLE <= ord(c) < _MATH_HOLE + _MAX_MATH for c in value)
    ):
        return read(value)
    text = read(held)
    for i, span in enumerate(spans):
        # Math a group holds alone ({$x$}) is one span, not a span in a span.
        text = text.replace(OPEN + chr(_MATH_HOLE + i) + CLOSE, chr(_MATH_HOLE + i))
        text = text.replace(chr(_MATH_HOLE + i), OPEN + span + CLOSE)
    return text


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


def inner(piece: str, write: Callable[[str], str]) -> str:
    """A protected piece's content as written in its group: nested math as it is, the rest by
    ``write`` (nested nocase spans need no braces of their own inside a protecting group)."""
    if is_math(piece):
        return piece
    return "".join(p if nested and is_math(p) else write(p) for p, nested in segments(piece))


def carried_inner(piece: str) -> str:
    """A protected piece as reading its group back gives it: nested math in spans, nothing else nested."""
    return "".join(OPEN + p + CLOSE if nested and is_math(p) else p for p, nested in segments(piece))


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


def strip(text: str, keep_math: bool = False) -> str:
    """``text`` without its nocase spans (the words kept); ``keep_math`` keeps the spans of math,
    as the BibTeX reader gives them in every field."""
    if OPEN not in text:
        return text
    return "".join(
        OPEN + piece + CLOSE if keep_math and protected and is_math(piece) else piece
        for piece, protected in segments(text)
    )


def mark(pieces: list[tuple[str, bool]]) -> str:
    """Pieces of text, the protected ones in nocase spans."""
    return "".join(OPEN + piece + CLOSE if protected else piece for piece, protected in pieces if piece)


def braced_pieces(value: str, group_end: Callable[[str, int], int]) -> list[tuple[str, bool]] | None:
    """A BibTeX value cut at its protecting brace groups (kept with their braces), each piece with
    whether it protects; None when nothing in it protects. ``group_end(value, i)`` is the index
    after the group opening at ``i`` (and raises on unbalanced braces)."""
    if "{" not in value or _MATH.search(value):
        return None
    pieces: list[tuple[str, bool]] = []
    done = i = 0
    while (i := value.find("{", i)) != -1:
        if i and value[i - 1] == "\\":
            i += 1
            continue
        end = group_end(value, i)
        inner = value[i + 1 : end - 1]
        if (
            inner.strip()
            and not inner.startswith("\\")
            and not _COMMAND_BEFORE.search(value[max(0, i - 40) : i])
        ):
            pieces += [(value[done:i], False), (value[i:end], True)]
            done = end
        i = end
    if not pieces:
        return None
    return [*pieces, (value[done:], False)]


def read(value: str, group_end: Callable[[str, int], int], decode: Callable[[str], str]) -> str:
    """A BibTeX value as text (``decode``), its protecting brace groups as nocase spans.

    The value is decoded whole, the protected groups marked by two private-use characters, so that
    LaTeX's spacing is read as in the plain reading (``{TUG}\\,2010`` keeps its thin space)."""
    pieces = braced_pieces(value, group_end)
    if not pieces or _START in value or _END in value:
        return decode(value)
    text = decode("".join(_START + raw + _END if protected else raw for raw, protected in pieces))
    # Spaces at the edge of a protected group belong outside it; an empty group protects nothing.
    if _START + " " in text or " " + _END in text or _START + _END in text:
        text = _SPACE_AFTER_START.sub(r"\1" + _START, _SPACE_BEFORE_END.sub(_END + r"\1", text))
        text = re.sub(" +", " ", text.replace(_START + _END, "")).strip(" ")
        if not text.replace(_START, "").replace(_END, ""):
            return decode(value)
    return text.replace(_START, OPEN).replace(_END, CLOSE)


def braced(text: str, write: Callable[[str], str]) -> str:
    """``text`` for a BibTeX value, every piece written by ``write``, outermost nocase spans as
    brace groups (math in them as it is)."""
    return "".join(
        group(inner(piece, write)) if protected else write(piece) for piece, protected in outer_spans(text)
    )


def group(text: str) -> str:
    """A protecting brace group around written text. BibTeX takes a group that opens with a
    backslash (``{\\& ...}``, or ``{\\'E ...}`` once ``--ascii`` has written an accent) for a
    special character, which does not protect: such text gets a second pair of braces."""
    if text.startswith("\\") or not text[:1].isascii():
        return "{{" + text + "}}"
    return "{" + text + "}"
