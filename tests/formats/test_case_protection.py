"""BibTeX's protecting braces and CSL-JSON's nocase spans carry the same thing through every format."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

import citekit
from citekit.formats import case_protection
from citekit.formats.bibtex.latex.decode import decode
from citekit.formats.bibtex.read import _protected_text

SPAN = '<span class="nocase">'
CLOSE = "</span>"


def title_of(bibtex: str) -> str:
    [record] = citekit.loads(bibtex, "bibtex").records
    return record.get("title")


def test_protecting_braces_become_nocase_spans() -> None:
    """A braced whole title, a braced word and a braced letter are protected; accents, command
    arguments and special characters are not protection."""
    assert title_of("@misc{k, title = {{Editor's Comments}}}") == f"{SPAN}Editor's Comments</span>"
    assert title_of("@misc{k, title = {The {LaTeX} Companion}}") == f"The {SPAN}LaTeX</span> Companion"
    assert title_of("@misc{k, title = {{E}urope and {DNA} {RNA}}}") == (
        f"{SPAN}E</span>urope and {SPAN}DNA</span> {SPAN}RNA</span>"
    )
    assert title_of("@misc{k, title = {\\'{E}mile and {\\'E}tienne}}") == "Émile and Étienne"
    assert title_of("@misc{k, title = {\\textbf{Bold} move}}") == "Bold move"
    assert title_of("@misc{k, title = {R\\&{D} and 50\\%{X}}}") == f"R&{SPAN}D</span> and 50%{SPAN}X</span>"
    # Math is kept as TeX in a span of its own, and no longer keeps the braces beside it from protecting.
    assert title_of("@misc{k, title = {Area $x^{2}$ {A}}}") == f"Area {SPAN}$x^{{2}}$</span> {SPAN}A</span>"


def test_only_title_like_fields_are_protected() -> None:
    """Journal and series names keep their protection; a note, whose case no style changes, does not."""
    text = "@article{k, title = {T}, journal = {{IEEE} Software}, series = {{LNCS}}, note = {{As} is}}"
    [record] = citekit.loads(text, "bibtex").records
    assert record.get("container-title") == f"{SPAN}IEEE</span> Software"
    assert record.get("collection-title") == f"{SPAN}LNCS</span>"
    assert record.get("note") == "As is"


_PIECES = st.sampled_from(
    [
        "a",
        "B",
        " ",
        "  ",
        "{",
        "}",
        "{x}",
        "{A B}",
        "\\'e",
        "\\'{e}",
        "{\\'E}",
        "\\textbf{x}",
        "\\TeX{}",
        "--",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=10).map("".join))
def test_protection_never_changes_the_words(value: str) -> None:
    """Without its spans, a protected reading is exactly the plain reading of the value."""
    if value.count("{") != value.count("}"):
        return
    assert case_protection.strip(_protected_text(value)) == decode(value)


def test_bibtex_round_trip_keeps_protection() -> None:
    """BibTeX to BibTeX writes protected text braced again, so a style still may not change its case."""
    source = "@article{k, title = {{Message from the Chairman}}, journal = {{TUGboat}}, year = 1980}"
    written = citekit.dump(citekit.loads(source, "bibtex").records, "bibtex")
    assert "title = {{Message from the Chairman}}" in written
    assert "journal = {{TUGboat}}" in written
    assert (
        citekit.loads(written, "bibtex").records[0].get("title") == f"{SPAN}Message from the Chairman</span>"
    )


def test_csljson_keeps_spans_ris_drops_them_and_no_loss_is_reported() -> None:
    """CSL-JSON carries the spans as they are; RIS keeps the words only, which is not a lost field."""
    records = citekit.loads("@article{k, title = {The {DNA} of {Europe}}, year = 2000}", "bibtex").records
    item = json.loads(citekit.dump(records, "csljson"))[0]
    assert item["title"] == f"The {SPAN}DNA</span> of {SPAN}Europe</span>"
    assert "TI  - The DNA of Europe\n" in citekit.dump(records, "ris")
    assert citekit.losses(records, "ris") == []


def test_csljson_spans_become_braces_in_bibtex() -> None:
    """A nocase span from Zotero's CSL-JSON is written as a brace group, never as markup text."""
    item = {"id": "z", "type": "book", "title": f"On {SPAN}iPhone</span> apps", "note": f"{SPAN}X</span> y"}
    records = citekit.loads(json.dumps([item]), "csljson").records
    written = citekit.dump(records, "bibtex")
    assert "title = {On {iPhone} apps}" in written
    assert "note = {{X} y}" in written
    assert "span" not in written


def test_citation_keys_ignore_markup() -> None:
    """A key is made from the title's words, not from the markup around them."""
    records = citekit.loads("@article{, author = {Ng, A.}, title = {{Deep} learning}, year = 2015}", "bibtex")
    assert records.records[0].id.startswith("ng2015deep")


def test_real_titles_read_the_same_words_protected_or_not() -> None:
    """Over every title, journal and series of texlive-bibtex-extra, protection changes no word."""
    import contextlib
    import os
    from pathlib import Path

    import pytest

    from citekit.formats.bibtex.read import bibtexparser_blocks
    from citekit.formats.bibtex.split import fast_split
    from citekit.formats.bibtex.values import DEFAULT_MACROS, BadValue, resolve

    root = Path(os.environ.get("CITEKIT_TEXLIVE", Path(__file__).resolve().parents[3] / "texlive"))
    files = sorted(root.rglob("*.bib")) if root.is_dir() else []
    if not files:
        pytest.skip("texlive-bibtex-extra is not unpacked (scripts/agreement/fetch_texlive.sh)")
    checked = protected = 0
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace").lstrip("\ufeff")
        blocks = fast_split(text, "f.bib") or bibtexparser_blocks(text, "f.bib")
        macros = dict(DEFAULT_MACROS)
        for name, value, _ in blocks.strings:
            with contextlib.suppress(BadValue):
                macros[name.lower()] = resolve(value, macros)
        for _, _, _, fields in blocks.entries:
            for field in ("title", "journal", "booktitle", "series"):
                try:
                    value = resolve(fields.get(field, ""), macros)
                except BadValue:
                    continue
                read = _protected_text(value)
                assert case_protection.strip(read) == decode(value), value
                checked += 1
                protected += case_protection.OPEN in read
    assert checked > 10_000 and protected > 1_000


def test_protected_text_opening_with_a_command_is_double_braced() -> None:
    """A protected title starting with an escaped character, or with an accent under --ascii, gets
    two pairs of braces: BibTeX reads one pair opening with a backslash as a special character."""
    item = {"id": "z", "type": "book", "title": f"{SPAN}& TeX{CLOSE} and {SPAN}École{CLOSE}"}
    records = citekit.loads(json.dumps([item]), "csljson").records
    for ascii_only in (False, True):
        written = citekit.dump(records, "bibtex", ascii=ascii_only)
        assert "{{\\& TeX}}" in written
        assert ("{{{\\'E}cole}}" if ascii_only else "{{École}}") in written
        assert citekit.loads(written, "bibtex").records[0].get("title") == item["title"]
