"""The LaTeX most BibTeX values hold, read without pylatexenc: braces, accents, letters such as
``\\ss`` and ``\\o``, escaped specials, dashes, quotes, ties and the logos citekit knows.

pylatexenc parses a value into a node tree first, which costs a third of a millisecond per value:
most of the time of reading a large bibliography. These values need no tree. ``fast_decode``
reads them in one pass and gives exactly what ``decode`` gets from pylatexenc (a property
test holds it to that); for anything else (math, unknown macros, macros with arguments, odd
spacing) it returns None and the caller asks pylatexenc.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from citekit.formats.bibtex.latex.commands import LOGOS, SYMBOLS

# Accents written with a symbol: \'e, \'{e}. And with a letter, which needs braces or a space: \c{c}.
_SYMBOL_ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
}
_LETTER_ACCENTS = {
    "c": "\u0327",
    "v": "\u030c",
    "u": "\u0306",
    "H": "\u030b",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
}
# Control words standing for text; the spaces after one are LaTeX's, not the text's.
_WORDS = {
    "ss": "ß",
    "o": "ø",
    "O": "Ø",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
    "relax": "",
    "textasciicircum": "^",
    "textasciitilde": "~",
    "textendash": "–",
    "textemdash": "—",
    "dots": "…",
    "ldots": "…",
    # Font switches ({\it ...}): the text after them is read as it is.
    **dict.fromkeys(("it", "sl", "tt", "rm", "bf", "em", "sf", "sc"), ""),
    **LOGOS,
    **SYMBOLS,
}
# Spacing commands: a thin or normal space, or nothing (the italic correction \/).
_SPACING = {",": " ", " ": " ", ";": " ", ":": " ", "/": "", "!": ""}
_ESCAPED = frozenset("&%$#_{}")
# Not macros to pylatexenc but environments, whose content it may drop (verbatim).
_ENVIRONMENTS = frozenset({"begin", "end"})
_PLAIN_RUN = re.compile(r"[^\\{}$%~`'!?\-]+")
_ACCENT_ARGUMENT = re.compile(r"\{([A-Za-z]|\\[ij])\}|([A-Za-z])|(\\[ij])(?![^\W\d_])")
_LETTER_ARGUMENT = re.compile(r"\{([A-Za-z]|\\[ij])\}| ([A-Za-z])()")
_CONTROL_WORD = re.compile(r"[A-Za-z]+(?![^\W\d_])")
_SPACES = re.compile(r"\s*")
_PUNCTUATION = (
    ("---", "—"),
    ("--", "–"),
    ("``", "“"),
    ("''", "”"),
    ("!`", "¡"),
    ("?`", "¿"),
    ("~", "\u00a0"),
)


def _accented(letter: str, accent: str) -> str:
    base = {"\\i": "i", "\\j": "j"}.get(letter, letter)
    return unicodedata.normalize("NFC", base + accent)


def fast_decode(value: str, unknown: Callable[[str], bool]) -> str | None:
    """``value`` as text, before white space is collapsed; None when it needs pylatexenc.

    ``unknown(name)`` says whether pylatexenc knows no macro of that name: such a macro is
    read as nothing (with the spaces after it), as pylatexenc reads it."""
    out: list[str] = []
    pos, end = 0, len(value)
    while pos < end:
        plain = _PLAIN_RUN.match(value, pos)
        if plain:
            out.append(plain.group())
            pos = plain.end()
            continue
        char = value[pos]
        if char in "{}":
            pos += 1
            continue
        if char == "\\":
            decoded = _macro(value, pos + 1, out, unknown)
            if decoded is None:
                return None
            pos = decoded
            continue
        if char in "$%":
            return None
        for text, replacement in _PUNCTUATION:
            if value.startswith(text, pos):
                out.append(replacement)
                pos += len(text)
                break
        else:
            out.append(char)
            pos += 1
    return "".join(out)


def _macro(value: str, pos: int, out: list[str], unknown: Callable[[str], bool]) -> int | None:
    """Read the macro whose name starts at ``pos``; the position after it, or None."""
    if pos >= len(value):
        return None
    char = value[pos]
    if char in _ESCAPED:
        out.append(char)
        return pos + 1
    if char in _SPACING:
        out.append(_SPACING[char])
        return pos + 1
    if char in _SYMBOL_ACCENTS:
        argument = _ACCENT_ARGUMENT.match(value, pos + 1)
        if argument is None:
            return None
        if argument.group(3):  # a control word (\'\i): the spaces after it are dropped
            out.append(_accented(argument.group(3), _SYMBOL_ACCENTS[char]))
            return _after_spaces(value, argument.end())
        out.append(_accented(argument.group(1) or argument.group(2), _SYMBOL_ACCENTS[char]))
        return argument.end()
    word = _CONTROL_WORD.match(value, pos)
    if word is None:
        return None
    name = word.group()
    if name in _LETTER_ACCENTS:
        argument = _LETTER_ARGUMENT.match(value, word.end())
        if argument is None:
            return None
        out.append(_accented(argument.group(1) or argument.group(2), _LETTER_ACCENTS[name]))
        return argument.end()
    if name in _WORDS:
        out.append(_WORDS[name])
    elif name in _ENVIRONMENTS or not unknown(name):
        return None
    return _after_spaces(value, word.end())


def _after_spaces(value: str, pos: int) -> int | None:
    """Past the spaces LaTeX drops after a control word; None at a blank line (a paragraph)."""
    spaces = _SPACES.match(value, pos).group()  # type: ignore[union-attr]
    return None if spaces.count("\n") > 1 else pos + len(spaces)
