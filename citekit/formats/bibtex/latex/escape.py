"""Escaping text for BibTeX values, and LaTeX accent commands for ``--ascii`` output."""

from __future__ import annotations

import re

from citekit.formats import case_protection
from citekit.formats.bibtex import braces

# The characters LaTeX gives a meaning of its own, and how to write each as text.
LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
# Character pairs TeX fonts turn into other characters (-- into an en dash, `` into a quote):
# an empty group after the first keeps both as written.
_LIGATURE = re.compile(r"-(?=-)|`(?=`)|'(?=')|[!?](?=`)")
_SPECIAL = re.compile("|".join(re.escape(c) for c in LATEX_SPECIALS))
# Words BibTeX styles must not lower-case: acronyms and words with inner capitals (COVID-19, iPhone).
# Letters and digits only: an underscore or a backslash is never part of a protected word.
_PROTECT = re.compile(
    r"(?<![^\W_])[^\W_]*[A-Z][^\W_]*[A-Z0-9][^\W_]*(?![^\W_])|(?<![^\W_])[a-z]+[A-Z][^\W_]*(?![^\W_])"
)


def escape(text: str) -> str:
    """Text as a BibTeX value that LaTeX prints literally and that cannot close its braces."""
    escaped = _SPECIAL.sub(lambda m: LATEX_SPECIALS[m.group(0)], text)
    return _LIGATURE.sub(lambda m: m.group(0) + "{}", escaped)


def protect_title(text: str) -> str:
    """Escape a title and brace its acronyms so that sentence-casing styles keep them (and what
    a nocase span protects)."""
    return "".join(
        braces.group(escape(piece)) if protected else escape(piece)
        for piece, protected in _title_pieces(text)
    )


def carried_title(text: str) -> str:
    """A title as reading ``protect_title``'s output gives it back: braced acronyms as nocase spans."""
    return case_protection.mark(_title_pieces(text))


def _title_pieces(text: str) -> list[tuple[str, bool]]:
    """A title in pieces, each with whether it is protected: its nocase spans and its acronyms."""
    pieces: list[tuple[str, bool]] = []
    for piece, protected in case_protection.segments(text):
        end = 0
        for match in () if protected else _PROTECT.finditer(piece):
            pieces += [(piece[end : match.start()], False), (match.group(0), True)]
            end = match.end()
        pieces.append((piece[end:], protected))
    return pieces


def escape_text(text: str) -> str:
    """``escape`` for a text field: what a nocase span protects is braced."""
    return braces.braced(text, escape)


def to_ascii(text: str) -> str:
    """Escaped text with every non-ASCII character as a LaTeX command (é -> \\'e, ß -> {\\ss})."""
    if text.isascii():
        return text
    from pylatexenc.latexencode import unicode_to_latex

    return str(unicode_to_latex(text, non_ascii_only=True, unknown_char_warning=False))
