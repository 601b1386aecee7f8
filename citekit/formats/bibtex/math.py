"""Math in BibTeX values, kept as the TeX it is written in.

Math (``$O(n \\log n)$``) is read into a nocase span of its own (inside a protected group's span
too): no style may change its case, and the BibTeX writers give it back as math, where any other
``$`` is escaped. Readers of CSL-JSON see the TeX; a writer that turns math into text can find it as
a nocase span holding ``$...$`` and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from citekit.formats.bibtex.latex.commands import safe_math
from citekit.formats.case_protection import CLOSE, OPEN, segments

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


def inner(piece: str, write: Callable[[str], str]) -> str:
    """A protected piece's content as written in its group: nested math as it is, the rest by
    ``write`` (nested nocase spans need no braces of their own inside a protecting group)."""
    if is_math(piece):
        return piece
    return "".join(p if nested and is_math(p) else write(p) for p, nested in segments(piece))


def carried_inner(piece: str) -> str:
    """A protected piece as reading its group back gives it: nested math in spans, nothing else nested."""
    return "".join(OPEN + p + CLOSE if nested and is_math(p) else p for p, nested in segments(piece))
