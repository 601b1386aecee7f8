"""The one-pass LaTeX reader gives exactly what pylatexenc gives, or declines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citekit.formats.bibtex.latex import decode as latex_decode
from citekit.formats.bibtex.latex.fast import fast_decode
from tests.conftest import ROOT

# Pieces of BibTeX values: text, spaces, braces, accents in every form, letters, specials,
# punctuation ligatures, known and unknown macros, and things only pylatexenc reads.
PIECES = [
    "a", "B", "e", "o", "i", "z", " ", "  ", "\n", "\t", "{", "}", "{}", "-", "--", "---", "~", "`", "'",
    "``", "''", "!`", "?`", "!", "?", ",", ".", "\\'", '\\"', "\\^", "\\`", "\\~", "\\=", "\\.", "\\c",
    "\\v", "\\u", "\\H", "\\k", "\\r", "\\d", "\\b", "\\t", "\\ss", "\\o", "\\O", "\\ae", "\\AA", "\\l",
    "\\i", "\\j", "\\TeX", "\\LaTeX", "\\LaTeXe", "\\BibTeX", "\\MF", "\\relax", "\\dots", "\\ldots",
    "\\textendash", "\\&", "\\%", "\\$", "\\#", "\\_", "\\{", "\\}", "\\Dash", "\\acro", "\\slash",
    "\\hyphen",
    "\\it", "\\emph", "\\textbf", "\\url", "\\noopsort", "\\ ", "\\\\", "\\,", "\\-", "\\/", "$", "$x$",
    "\\;", "\\:", "\\!", "\\sl", "\\tt", "\\rm", "\\bf", "\\em", "\\sf", "\\sc",
    "%", "é", "\u00a0", "\\par", "\\begin{verbatim}", "\\end{verbatim}", "\\begin{x}", "\\end{x}",
]  # fmt: skip


def pylatexenc(value: str) -> str:
    return latex_decode.pylatexenc_decode(value)


def agrees(value: str) -> None:
    fast = fast_decode(latex_decode.escape_bare_percent(value), latex_decode.unknown_macro)
    if fast is not None and latex_decode.collapse(fast):
        assert latex_decode.collapse(fast) == pylatexenc(value), repr(value)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_fast_reading_matches_pylatexenc(value: str) -> None:
    """Any mix of the LaTeX BibTeX values hold reads the same as pylatexenc reads it."""
    agrees(value)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("{\\'e}t{\\'e}", "été"),
        ('M\\"{u}ller', "Müller"),
        ("D{\\'\\i}az", "Díaz"),
        ("\\c{C}a\\u{g}lar", "Çağlar"),
        ("Erd\\H{o}s", "Erdős"),
        ("Stra\\ss e", "Straße"),
        ("{\\TeX} and \\LaTeX{} 1990--2000", "TeX and LaTeX 1990–2000"),
        ("``A~title''", "“A\u00a0title”"),
        ("The {\\Dash} page", "The — page"),
        ("methodology\\hyphen independent", "methodology-independent"),
        ("R\\&D 50\\%", "R&D 50%"),
    ],
)
def test_common_values(value: str, text: str) -> None:
    """Everyday accents, ligatures and escapes are read in one pass, as pylatexenc reads them."""
    fast = fast_decode(value, latex_decode.unknown_macro)
    assert fast is not None
    assert latex_decode.collapse(fast) == text == pylatexenc(value)


@pytest.mark.parametrize("value", ["$x^2$", "\\emph{x}", "\\url{a_b}", "a\\\\b", "\\' e", "\\footnote{x}"])
def test_declines_what_needs_a_parser(value: str) -> None:
    """Math, macros with arguments, forced line breaks and odd spacing are left to pylatexenc."""
    assert fast_decode(value, latex_decode.unknown_macro) is None


BIB_DIR = Path(os.environ.get("CITEKIT_TEXLIVE", ROOT.parent / "texlive"))
TUGBOAT = BIB_DIR / "usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib"


def test_every_tugboat_value_reads_alike() -> None:
    """Every LaTeX value of a large real bibliography reads the same in one pass as with pylatexenc."""
    if not TUGBOAT.exists():
        pytest.skip("texlive-bibtex-extra is not unpacked (scripts/agreement/fetch_texlive.sh)")
    from bibtexparser.entrypoint import parse_string

    library = parse_string(TUGBOAT.read_text(encoding="utf-8"), parse_stack=[])
    values = {f.value[1:-1] for e in library.entries for f in e.fields if f.value[:1] in '{"'}
    checked = 0
    for value in values:
        if "\\" in value or "{" in value:
            agrees(value)
            checked += 1
    assert checked > 1000
