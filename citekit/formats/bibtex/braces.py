"""BibTeX's protecting braces, read as CSL-JSON nocase spans and written back.

In a BibTeX title, ``{Editor's Comments}`` or ``The {LaTeX} Companion`` tells a style not to change
the case of what the braces hold. The reader turns protecting braces into nocase spans
(``citekit.formats.case_protection``), the writer turns nocase spans back into braces.

BibTeX's rule decides which braces protect: a group at the top level of the value, not the argument
of a command (``\\'{e}``, ``\\textbf{x}``), and not a "special character" (a group opening with a
backslash, ``{\\'E}``). Math is read apart (``bibtex/math.py``): a value's math is taken out
before its braces are read, and put back in nocase spans of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from citekit.formats.bibtex.math import inner
from citekit.formats.case_protection import CLOSE, OPEN, outer_spans

# Private-use characters marking a protected group while the value is decoded.
_START, _END = "\ue000", "\ue001"
_SPACE_AFTER_START = re.compile(_START + "( +)")
_SPACE_BEFORE_END = re.compile("( +)" + _END)
_MATH = re.compile(r"(?<!\\)\$")
# What comes right before a group that is a command's argument rather than protection
# (accents take an argument; escaped characters such as \& do not).
_COMMAND_BEFORE = re.compile(r"\\(?:[A-Za-z]+\s*|['`^\"~=.])$")


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
