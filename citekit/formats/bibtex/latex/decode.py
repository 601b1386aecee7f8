"""LaTeX in BibTeX values to Unicode text: accents in every form, special characters, logos.

pylatexenc (a dependency of bibtexparser 2) does the parsing; this module only tells it how
citekit wants a few macros read and takes the shortcut when a value holds no LaTeX at all.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from citekit.formats.bibtex.latex import commands
from citekit.formats.bibtex.latex.fast import _ENVIRONMENTS, _LETTER_ACCENTS, _WORDS, fast_decode

# Macros read as plain text: logos, and wrappers whose argument is the text itself.
_TEXT_MACROS: tuple[tuple[str, str], ...] = (
    ("url", "%s"),
    ("path", "%s"),
    ("mbox", "%s"),
    ("hbox", "%s"),
    ("textsc", "%s"),
    ("textnormal", "%s"),
    ("noopsort", ""),
    ("relax", ""),
    ("textasciicircum", "^"),
    ("textasciitilde", "~"),
    *commands.LOGOS.items(),
    *commands.SYMBOLS.items(),
    *((name, "%s") for name in commands.WRAPPERS),
)
# Characters that make a value worth parsing; anything else is returned as it is.
_LATEX_CHARS = re.compile(r"[\\{}$~%]|--|``|''|!`|\?`")
# An unescaped % would start a LaTeX comment and swallow the rest of the value.
_BARE_PERCENT = re.compile(r"(?<!\\)%")
# An accent over nothing is the accent's own character: ``\^{}word`` is "^word", the way LaTeX
# users write a caret or tilde (the parser would drop it).
_BARE_ACCENT = re.compile(r"(?<!\\)((?:\\\\)*)\\([\^~])\{\}")  # not after an odd backslash
_BARE_ACCENT_AS = {"^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}
_SPACES = re.compile(r"[ \t\r\n]+")


@lru_cache(maxsize=1)
def _converter() -> Any:
    from pylatexenc.latex2text import (
        LatexNodes2Text,
        MacroTextSpec,
        get_default_latex_context_db,
    )
    from pylatexenc.macrospec import MacroSpec

    db = get_default_latex_context_db()
    db.add_context_category(
        "citekit",
        prepend=True,
        macros=[MacroTextSpec(name, simplify_repl=text) for name, text in _TEXT_MACROS],
    )
    # The parser must know which of these macros take an argument.
    from pylatexenc.latexwalker import get_default_latex_context_db as walker_db

    wdb = walker_db()
    wdb.add_context_category(
        "citekit",
        prepend=True,
        macros=[
            MacroSpec(name, "{" if "%s" in text or name == "noopsort" else "") for name, text in _TEXT_MACROS
        ],
    )
    converter = LatexNodes2Text(latex_context=db, math_mode="verbatim", strict_latex_spaces=True)
    converter._citekit_walker_db = wdb
    return converter


def collapse(text: str) -> str:
    """Runs of ordinary white space (line breaks included) as one space; no-break spaces kept."""
    if "  " not in text and "\n" not in text and "\t" not in text and "\r" not in text:
        return text.strip(" ")  # most values: single spaces only
    return _SPACES.sub(" ", text).strip(" ")


# pylatexenc reads some 40 kB a second and recurses several frames deep per brace level (a
# RecursionError before 250 levels): a longer or deeper value is read by ``plain`` instead, and
# the reader warns (``beyond_limits``). Real values are far inside both limits.
MAX_LATEX_LENGTH = 50_000
MAX_BRACE_DEPTH = 64
_BRACE_OR_ESCAPE = re.compile(r"\\.|[{}]", re.S)
_ESCAPED_OR_BRACE = re.compile(r"\\([%_&#$~{}\\])|[{}]")


def brace_depth(value: str) -> int:
    """How deep the braces of a value nest (escaped braces do not count)."""
    depth = deepest = 0
    for match in _BRACE_OR_ESCAPE.finditer(value):
        if match.group(0) == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif match.group(0) == "}":
            depth = max(depth - 1, 0)
    return deepest


def beyond_limits(value: str) -> str:
    """Why ``decode`` reads a value without its LaTeX commands (empty when it does not)."""
    if len(value) > MAX_LATEX_LENGTH and _LATEX_CHARS.search(value):
        return f"is {len(value):,} characters long (LaTeX is read in values up to {MAX_LATEX_LENGTH:,})"
    # Braces cannot nest deeper than there are of them: most values need no count.
    depth = brace_depth(value) if value.count("{") > MAX_BRACE_DEPTH else 0
    if depth > MAX_BRACE_DEPTH:
        return f"nests braces {depth:,} deep (LaTeX is read up to {MAX_BRACE_DEPTH} deep)"
    return ""


def plain(value: str) -> str:
    """A value read without a LaTeX parser: escaped characters kept, braces dropped, commands as written."""
    return collapse(_ESCAPED_OR_BRACE.sub(lambda m: m.group(1) or "", value))


def decode(value: str) -> str:
    """A BibTeX value as Unicode text: ``{\\'e}``, ``\\'{e}``, ``\\'e`` -> é, ``\\ss{}`` -> ß, braces gone."""
    if not _LATEX_CHARS.search(value):
        return collapse(value)
    if beyond_limits(value):
        return plain(value)
    value = commands.with_unknown_commands_read(value, known_command)
    if "{}" in value:
        value = _BARE_ACCENT.sub(lambda m: m.group(1) + _BARE_ACCENT_AS[m.group(2)], value)
    fast = fast_decode(escape_bare_percent(value), unknown_macro)
    text = collapse(fast) if fast is not None else ""
    return text or pylatexenc_decode(value)


def escape_bare_percent(value: str) -> str:
    return _BARE_PERCENT.sub(r"\\%", value)


@lru_cache(maxsize=4096)
def unknown_macro(name: str) -> bool:
    """Whether pylatexenc knows no macro called ``name`` (it then reads it as nothing)."""
    converter = _converter()
    spec = converter._citekit_walker_db.get_macro_spec(name) or converter.latex_context.get_macro_spec(name)
    return spec is None


def known_command(name: str) -> bool:
    """Whether citekit reads the command ``name`` as LaTeX does (a logo, an accent, a font switch,
    or anything pylatexenc defines)."""
    return name in _WORDS or name in _LETTER_ACCENTS or name in _ENVIRONMENTS or not unknown_macro(name)


def unknown_commands(value: str) -> list[tuple[str, str]]:
    """The commands of a value that citekit reads by guessing (see ``commands``)."""
    return commands.unknown_commands(value, known_command) if "\\" in value else []


def pylatexenc_decode(value: str) -> str:
    """``decode`` by pylatexenc's parser: what ``fast`` declines (most values need no parser)."""
    from pylatexenc.latexwalker import LatexWalker

    converter = _converter()
    source = escape_bare_percent(value)
    walker = LatexWalker(source, latex_context=converter._citekit_walker_db, tolerant_parsing=True)
    nodes, _, _ = walker.get_latex_nodes()
    text = collapse(converter.nodelist_to_text(nodes))
    if not text:
        # Only macros citekit does not know (defined in the file's @preamble, say): their names
        # say more than nothing.
        text = collapse(re.sub(r"[\\{}]", " ", value))
    return text


# White space before a scheme (``http://``) and after no separator (; or ,): two URLs one after
# the other, as a field holding several may list them with nothing but a line break between.
_NEXT_URL = re.compile(r"(?<=[^;,\s])\s+(?=[A-Za-z][A-Za-z0-9+.-]*://)")


def unescape_verbatim(value: str) -> str:
    """A URL or DOI as written in BibTeX: braces and a ``\\url{}`` wrapper dropped, ``\\_`` -> ``_``.
    White space is dropped (a long URL broken over lines), but where it alone parts two URLs it
    stays one space, so that they are not glued into one."""
    value = value.strip()
    match = re.fullmatch(r"\\url\s*\{(.*)\}", value, re.S)
    if match:
        value = match.group(1)
    value = re.sub(r"\\([%_&#$~])", r"\1", value)
    value = value.replace("{", "").replace("}", "")
    return " ".join("".join(part.split()) for part in _NEXT_URL.split(value))
