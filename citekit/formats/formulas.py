"""Formulas outside TeX. The BibTeX reader keeps a formula as TeX (``$\\le\\omega$`` in a nocase
span) and the BibTeX writers write it back as math; CSL-JSON, RIS, MODS and styled references have
no math, so there a formula is written as the text it shows: Unicode symbols with ``<sub>``/``<sup>``
rich text (CSL-JSON and HTML: citeproc renders them) or Unicode sub- and superscript characters
(plain outputs). A formula holding anything text cannot show whole stays as its TeX
(``formula_text`` is None); the BibTeX reader names such formulas once per file.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from citekit.formats.bibtex.math import is_math
from citekit.formats.case_protection import CLOSE, OPEN
from citekit.model import Record

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


@lru_cache(maxsize=1)
def _converter() -> Any:
    """pylatexenc's converter, made once (its tables take a while to build)."""
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text")


def _symbols(tex: str) -> str | None:
    """Math without scripts as text (``\\le\\omega`` -> ``≤ω``), or None when a command is left."""
    if not tex.strip():
        return tex.strip()
    if "\\" not in tex and "{" not in tex:
        return " ".join(tex.split())
    if _NO_TEXT.search(tex):
        return None
    tex = _ACCENT.sub(
        lambda m: "".join(c + _COMBINING[m.group(1)] for c in m.group(2) if not c.isspace()), tex
    )
    tex = _OPERATOR.sub(" \\\\", tex).replace("\\|", "‖")
    text = str(_converter().latex_to_text(f"${tex}$"))  # as math: \log n is "log n"
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


@lru_cache(maxsize=4096)  # each formula is looked at by the reader's warning and again by each writer
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
