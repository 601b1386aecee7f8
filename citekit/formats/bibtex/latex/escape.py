"""Escaping text for BibTeX values, and LaTeX accent commands for ``--ascii`` output."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from citekit.formats import case_protection
from citekit.formats.bibtex import braces, math

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
        braces.group(math.inner(piece, escape)) if protected else escape(piece)
        for piece, protected in _title_pieces(text)
    )


def carried_title(text: str) -> str:
    """A title as reading ``protect_title``'s output gives it back: braced acronyms as nocase spans."""
    return case_protection.mark(
        [(math.carried_inner(p) if protected else p, protected) for p, protected in _title_pieces(text)]
    )


def _title_pieces(text: str) -> list[tuple[str, bool]]:
    """A title in pieces, each with whether it is protected: its outermost nocase spans (their
    nested spans kept as markup) and its acronyms."""
    pieces: list[tuple[str, bool]] = []
    for piece, protected in case_protection.outer_spans(text):
        end = 0
        for match in () if protected else _PROTECT.finditer(piece):
            pieces += [(piece[end : match.start()], False), (match.group(0), True)]
            end = match.end()
        pieces.append((piece[end:], protected))
    return pieces


def escape_text(text: str) -> str:
    """``escape`` for a text field: what a nocase span protects is braced."""
    return braces.braced(text, escape)


# Combining accents -> the LaTeX accent command writing them (the symbol accents take a bare
# letter, \'E; the letter accents need a group, \c{c}).
_ACCENT_COMMANDS = {
    "\u0300": "\\`",
    "\u0301": "\\'",
    "\u0302": "\\^",
    "\u0303": "\\~",
    "\u0304": "\\=",
    "\u0307": "\\.",
    "\u0308": '\\"',
    "\u0306": "\\u",
    "\u030a": "\\r",
    "\u030b": "\\H",
    "\u030c": "\\v",
    "\u0323": "\\d",
    "\u0326": "\\c",  # comma below (Romanian ș) as the cedilla 8-bit fonts have
    "\u0327": "\\c",
    "\u0328": "\\k",
    "\u0331": "\\b",
}
# Letters LaTeX writes with a command of their own (an accent may sit on them: \'{\i}).
_LETTERS = {"ı": "\\i", "ȷ": "\\j", "ø": "\\o", "Ø": "\\O", "ł": "\\l", "Ł": "\\L", "ß": "\\ss"}
# Punctuation as TeX's own ligatures, which every font has.
_PUNCTUATION = {"–": "--", "—": "---", "“": "``", "”": "''", "‘": "`", "’": "'", "\u00a0": "~"}
_COMBINING = re.compile(r"([^\u0300-\u036f]?)([\u0300-\u036f]+)")


def to_ascii(text: str) -> str:
    """Escaped text with every non-ASCII character written in ASCII: an accented letter as one
    braced special character (é -> {\\'e}, so that BibTeX abbreviates and sorts it as a letter),
    other letters and symbols as LaTeX commands (ß -> {\\ss}, – -> --), and a character LaTeX
    has no command for as its code point (U+4E2D), so that nothing is lost unseen."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    out = _COMBINING.sub(
        lambda m: _accented(m.group(1), m.group(2)) if m.group(1) != "\\" else m.group(0), text
    )
    written = ""
    for c in out:
        piece = c if c.isascii() else _character(c)
        # A dash or quote written beside another must not join it into a longer ligature.
        if piece[:1] in "-`'" and written[-1:] == piece[:1]:
            written += "{}"
        written += piece
    return written


def _accented(base: str, marks: str) -> str:
    """A letter with combining accents as one braced special character ({\\'E}, {\\c{c}})."""
    if not all(m in _ACCENT_COMMANDS for m in marks) or (base and not base.isalpha()):
        return base + marks  # left to _character, each on its own
    # An accented i is written \\'i, not \\'\\i: LaTeX sets both alike, and biber reads \\'\\i as a
    # dotless i and a combining accent, which pdflatex cannot set.
    inner = _LETTERS.get(base) or (base if base.isascii() else _unbraced(_character(base)))
    for mark in marks:
        command = _ACCENT_COMMANDS[mark]
        bare = len(inner) == 1 and not command[1].isalpha()
        inner = f"{command}{inner}" if bare else f"{command}{{{inner}}}"
    return "{" + inner + "}"


def _unbraced(latex: str) -> str:
    """A special character without its one outer pair of braces (``{\\v{s}}`` -> ``\\v{s}``; stripping
    every brace at the ends would leave ``\\v{s`` open)."""
    return latex[1:-1] if latex.startswith("{") and latex.endswith("}") else latex


@lru_cache(maxsize=4096)
def _character(char: str) -> str:
    if char in _PUNCTUATION:
        return _PUNCTUATION[char]
    if char in _LETTERS:
        return "{" + _LETTERS[char] + "}"
    decomposed = unicodedata.normalize("NFD", char)
    if decomposed != char and decomposed[0].isascii():
        return _accented(decomposed[0], decomposed[1:])
    from pylatexenc.latexencode import unicode_to_latex

    latex = str(unicode_to_latex(char, non_ascii_only=True, unknown_char_warning=False))
    return latex if latex.isascii() else f"U+{ord(char):04X}"


_GREEK_LETTER = re.compile(
    r"(?<![\u0370-\u03ff])[\u0391-\u03a9\u03b1-\u03c9\u03d1\u03d5\u03f5](?![\u0370-\u03ff])"
)


def to_utf8(text: str) -> str:
    """Escaped text as UTF-8 that pdflatex can set: an accent no precomposed letter has (P̄) as an
    accent command ({\\=P}), and a Greek letter standing alone in Latin text (β-decay, LaTeX 2ε), a
    symbol rather than a word, as math ($\\beta$). Greek words stay as they are."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    if _COMBINING.search(text):
        text = _COMBINING.sub(
            lambda m: _accented(m.group(1), m.group(2)) if m.group(1) != "\\" else m.group(0), text
        )
    return _GREEK_LETTER.sub(lambda m: _character(m.group()), text)
