"""Math in BibTeX values, kept as the TeX it is written in.

Math (``$O(n \\log n)$``) is read into a nocase span of its own (inside a protected group's span
too): no style may change its case, and the BibTeX writers give it back as math, where any other
``$`` is escaped. Readers of CSL-JSON see the TeX; a writer that turns math into text can find it as
a nocase span holding ``$...$`` and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from citekit.formats.bibtex.latex.commands import safe_math
from citekit.formats.case_protection import CLOSE, OPEN, segments
from citekit.model import Record

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


# --- math as text, for the outputs that are not TeX ------------------------------------------------
#
# CSL-JSON, RIS, MODS and styled references have no math: a formula the BibTeX reader kept as TeX
# is written there as what it shows, Unicode symbols with ``<sub>``/``<sup>`` rich text (CSL-JSON
# and styles: citeproc renders them) or Unicode sub- and superscript characters (plain outputs).
# A formula with anything else than formula commands stays as its TeX (``formula_text`` is None);
# the BibTeX reader names such formulas once per file.

# A math span as the reader keeps it: a nocase span holding ``$...$`` and nothing else.
MATH_SPAN = re.compile(re.escape(OPEN) + r"(\$(?:\\.|[^$\\])+\$)" + re.escape(CLOSE), re.S)
# A sub- or superscript and what it applies to: a group, a command or one character.
_SCRIPT = re.compile(r"([_^])\s*(\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|[^\s{}\\])")
_SUPERSCRIPTS = str.maketrans("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
_SUBSCRIPTS = str.maketrans("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
_LETTER = re.compile(r"[^\W\d_]")
_TAG = re.compile(r"</?su[bp]>")
# Operator names TeX sets apart from what precedes them (``n\log n`` shows "n log n").
_OPERATOR = re.compile(
    r"(?<=[\w)\]}])\\(?=(?:log|ln|lg|exp|sin|cos|tan|max|min|lim|sup|inf|det|gcd|arg|dim|ker|deg|Pr)\b)"
)

# Accents over a group that the text conversion would drop (``\overline{x}`` is not "x"): each
# character gets the combining mark.
_ACCENT = re.compile(r"\\(overline|underline|widehat|widetilde)\s*\{([^{}\\]*)\}")
_COMBINING = {"overline": "\u0305", "underline": "\u0332", "widehat": "\u0302", "widetilde": "\u0303"}
# Commands whose text form would lose what they show (``\binom{n}{k}`` as "nk", the 3 of
# ``\sqrt[3]``, a stacked or coloured piece, a box's words): such a formula stays TeX.
_NO_TEXT = re.compile(
    r"\\(?:binom|choose|atop|over\b|stackrel|overset|underset|substack|begin|color|mbox|hbox|sqrt\s*\[|not\b|overbrace|underbrace|xrightarrow|xleftarrow|overrightarrow|overleftarrow)"
)


def _symbols(tex: str) -> str | None:
    """Math without scripts as text (``\\le\\omega`` -> ``≤ω``), or None when a command is left."""
    if not tex.strip():
        return tex.strip()
    if "\\" not in tex and "{" not in tex:
        return " ".join(tex.split())
    from pylatexenc.latex2text import LatexNodes2Text

    if _NO_TEXT.search(tex):
        return None
    tex = _ACCENT.sub(
        lambda m: "".join(c + _COMBINING[m.group(1)] for c in m.group(2) if not c.isspace()), tex
    )
    tex = _OPERATOR.sub(" \\\\", tex).replace("\\|", "‖")
    text = str(LatexNodes2Text(math_mode="text").latex_to_text(f"${tex}$"))  # as math: \log n is "log n"
    if "\\" in text or "{" in text:
        return None
    # the spaces around the piece are the formula's (x^2 + y): kept, one each
    before = " " if tex[:1].isspace() else ""
    after = " " if tex[-1:].isspace() else ""
    return before + text.strip() + after


def _script(text: str, kind: str, markup: bool) -> str:
    if markup:
        return f"<sup>{text}</sup>" if kind == "^" else f"<sub>{text}</sub>"
    table = _SUPERSCRIPTS if kind == "^" else _SUBSCRIPTS
    shown = text.translate(table)
    if all(c != t for c, t in zip(text, shown, strict=True)):
        return shown
    bare = len(text) == 1 or (text.startswith("(") and text.endswith(")"))
    return f"{kind}{text}" if bare else f"{kind}({text})"


def formula_text(math: str, markup: bool = True) -> str | None:
    """``$...$`` as the text it shows (``markup``: sub- and superscripts as ``<sub>``/``<sup>``,
    else as Unicode characters), or None when it holds more than formula commands."""
    if not is_math(math):
        return None
    body = math[1:-1]
    pieces: list[str | None] = []
    last = 0
    for match in _SCRIPT.finditer(body):
        pieces.append(_symbols(body[last : match.start()]))
        argument = match.group(2)
        inner = _symbols(argument[1:-1] if argument.startswith("{") else argument)
        pieces.append(None if inner is None else _script(inner, match.group(1), markup))
        last = match.end()
    pieces.append(_symbols(body[last:]))
    if any(piece is None for piece in pieces):
        return None
    return "".join(piece for piece in pieces if piece)


def as_text(value: str, markup: bool = True) -> str:
    """``value`` with each math span the reader kept written as the text it shows; the span stays
    a nocase span where the text has letters a style could re-case (``O(n log n)``, ``Σ``)."""
    if "$" not in value:
        return value

    def written(match: re.Match[str]) -> str:
        text = formula_text(match.group(1), markup)
        if text is None:
            return match.group(0)
        return OPEN + text + CLOSE if _LETTER.search(_TAG.sub("", text)) else text

    return MATH_SPAN.sub(written, value)


def kept_formulas(value: str) -> list[str]:
    """The math spans of ``value`` that stay TeX outside BibTeX (``formula_text`` is None)."""
    if "$" not in value:
        return []
    return [m.group(1) for m in MATH_SPAN.finditer(value) if formula_text(m.group(1)) is None]


def record_as_text(record: Record, markup: bool = True) -> Record:
    """The record with its fields' formulas as text (``as_text``), for an output that is not TeX."""
    if not any("$" in value for value in record.fields.values()):
        return record
    fields = {name: as_text(value, markup) for name, value in record.fields.items()}
    return replace(record, fields=fields)
