"""Formulas outside TeX: what a BibTeX file wrote as ``$...$`` is written as the text it shows in
CSL-JSON, RIS, MODS and styled references, kept as TeX in BibTeX, and named once when only TeX
can show it."""

from __future__ import annotations

import json

import pytest

import citekit
from citekit.formats.formulas import as_text, formula_text


@pytest.mark.parametrize(
    ("tex", "html", "plain"),
    [
        (r"$\le\omega$", "≤ω", "≤ω"),
        (r"$x^2$", "x<sup>2</sup>", "x²"),
        (r"$H_2O$", "H<sub>2</sub>O", "H₂O"),
        (r"$x^{n+1}$", "x<sup>n+1</sup>", "xⁿ⁺¹"),
        (r"$O(n\log n)$", "O(n log n)", "O(n log n)"),
        (r"$\mathrm{SL}_2(\mathbb{Z})$", "SL<sub>2</sub>(ℤ)", "SL₂(ℤ)"),
        (r"$\overline{x}$", "x\u0305", "x\u0305"),
        (r"$\|x\|$", "‖x‖", "‖x‖"),
        (r"$10^{-3}$", "10<sup>-3</sup>", "10⁻³"),
        (r"$x^{y}_{q}$", "x<sup>y</sup><sub>q</sub>", "x^y_q"),
    ],
)
def test_formula_as_the_text_it_shows(tex: str, html: str, plain: str) -> None:
    assert formula_text(tex, markup=True) == html
    assert formula_text(tex, markup=False) == plain


@pytest.mark.parametrize(
    "tex", [r"$\binom{n}{k}$", r"$\sqrt[3]{x}$", r"$\mbox{a b}$", r"$\not\in$", r"$\{x\}$"]
)
def test_a_formula_text_cannot_show_stays_tex(tex: str) -> None:
    """Text would lose part of these (``\\binom{n}{k}`` as "nk"): none is given, the TeX stays."""
    assert formula_text(tex) is None


def test_not_math_is_left_alone() -> None:
    assert formula_text("x^2") is None
    assert as_text("costs $5 and $6") == "costs $5 and $6"


BIB = r"""@article{k, author = {Doe, Jane}, title = {Sets of size $\le\omega$ and $x^2$ moments},
journal = {J. Math.}, year = 2001, volume = 3, pages = {1--9}}
"""


def read(text: str = BIB) -> citekit.ReadResult:
    return citekit.loads(text, "bibtex")


def test_csl_json_has_no_tex() -> None:
    [item] = json.loads(citekit.dump(read().records, "csljson"))
    assert (
        item["title"]
        == 'Sets of size <span class="nocase">≤ω</span> and <span class="nocase">x<sup>2</sup></span> moments'
    )


def test_ris_and_mods_use_unicode_scripts() -> None:
    records = read().records
    assert "TI  - Sets of size ≤ω and x² moments\n" in citekit.dump(records, "ris")
    assert "Sets of size ≤ω and x² moments" in citekit.dump(records, "mods")


def test_styled_references_show_the_formula() -> None:
    records = read().records
    [text] = citekit.render(records, "apa")
    assert "Sets of size ≤ω and x² moments" in text
    [html] = citekit.render(records, "apa", markup="html")
    assert "≤ω and x<sup>2</sup> moments" in html


def test_bibtex_keeps_the_tex() -> None:
    assert r"{$\le\omega$} and {$x^2$}" in citekit.dump(read().records, "bibtex")


def test_the_formula_as_text_is_no_loss() -> None:
    """Writing ``x²`` for ``$x^2$`` is the same title in another form: no loss is reported."""
    from citekit.formats import get
    from citekit.formats.losses import differences

    [record] = read().records
    for name in ("csljson", "ris", "mods"):
        assert "title" not in differences(record, get(name).carry(record)), name


def test_formulas_only_tex_shows_are_named_once() -> None:
    text = BIB + r"@article{m, title = {A $\binom{n}{k}$ bound}, year = 2002}" + "\n"
    text += r"@article{n, title = {Another $\binom{n}{k}$}, year = 2003}" + "\n"
    problems = [p for p in read(text).problems if "formula" in p.message]
    assert len(problems) == 1
    assert problems[0].location.line == 3
    assert "entry m: formula $\\binom{n}{k}$ in title and 1 more entry is kept as TeX" in problems[0].message


def test_no_formula_warning_for_formulas_shown_as_text() -> None:
    assert not [p for p in read().problems if "formula" in p.message]
