"""The BibTeX, BibLaTeX, RIS and CSL-JSON writers in detail: mappings, escaping, shapes, the loss report."""

from __future__ import annotations

import json

import citekit
from citekit import Date, Name, Record
from tests.conftest import RECORDS
from tests.formats.csl_schema import errors

CHAPTER = Record(
    id="cruz2010chapter",
    type="chapter",
    fields={
        "title": "Things in the COVID-19 era & after",
        "container-title": "Collected Things",
        "publisher": "Straße Press",
        "publisher-place": "Wien",
        "page": "1–20",
        "URL": "https://example.org/a_b%20c",
        "DOI": "10.1000/a_b",
        "keyword": "one, two",
    },
    names={
        "author": (
            Name(family="Cruz", given="Juan", non_dropping_particle="de la", suffix="Jr."),
            Name(literal="World Health Organization"),
        ),
        "editor": (Name(family="Müller", given="Jörg"),),
    },
    dates={"issued": Date(parts=((2010, 5, 3),))},
)


def test_bibtex_entry_for_a_chapter() -> None:
    """incollection with booktitle, pages with --, month macro, braced acronyms, particles and suffixes."""
    text = citekit.dump([CHAPTER], "bibtex")
    assert text.startswith("@incollection{cruz2010chapter,\n")
    assert "  author = {de la Cruz, Jr., Juan and {World Health Organization}},\n" in text
    assert "  editor = {Müller, Jörg},\n" in text
    assert "  title = {Things in the {COVID}-19 era \\& after},\n" in text
    assert "  booktitle = {Collected Things},\n" in text
    assert "  month = may,\n" in text and "  pages = {1--20},\n" in text
    assert "  address = {Wien},\n" in text


def test_url_and_doi_are_not_latex_escaped() -> None:
    """Only text fields are escaped: a URL or DOI keeps its _ and % as they are."""
    text = citekit.dump([CHAPTER], "bibtex")
    assert "  url = {https://example.org/a_b%20c}" in text and "  doi = {10.1000/a_b}" in text


def test_biblatex_entry_for_a_chapter() -> None:
    """BibLaTeX: an ISO date field, location, and the same names and escaping."""
    text = citekit.dump([CHAPTER], "biblatex")
    assert "  date = {2010-05-03},\n" in text and "  location = {Wien},\n" in text
    assert "year =" not in text and "address =" not in text


def test_biblatex_types_and_subtypes() -> None:
    """Newspaper articles are @article with entrysubtype; web pages are @online; theses @thesis."""
    records = [
        Record(id="n", type="article-newspaper", fields={"container-title": "The Times"}),
        Record(id="w", type="webpage", dates={"accessed": Date(parts=((2020, 1, 2),))}),
        Record(id="t", type="thesis", fields={"genre": "PhD thesis", "publisher": "MIT"}),
    ]
    text = citekit.dump(records, "biblatex")
    assert "@article{n,\n  journaltitle = {The Times},\n  entrysubtype = {newspaper}\n}" in text
    assert "@online{w,\n  urldate = {2020-01-02}\n}" in text
    assert "@thesis{t,\n  institution = {MIT},\n  type = {phdthesis}\n}" in text


def test_ascii_output_is_ascii_and_reads_back_the_same() -> None:
    """--ascii writes accent commands; reading them gives back the same Unicode record."""
    for fmt in ("bibtex", "biblatex"):
        text = citekit.dump([CHAPTER], fmt, ascii=True)
        assert text.isascii()
        assert 'M{\\"u}ller, J{\\"o}rg' in text and "Stra{\\ss}e" in text
        assert citekit.loads(text, fmt).records == citekit.loads(citekit.dump([CHAPTER], fmt), fmt).records


def test_input_key_is_kept_and_missing_keys_are_made() -> None:
    """A record keeps its own key; a record without one gets family+year+word."""
    records = [CHAPTER, Record(id="", type="book", fields={"title": "The Art"}, names=CHAPTER.names)]
    text = citekit.dump(records, "bibtex")
    assert "@incollection{cruz2010chapter," in text and "@book{delacruzart," in text


def test_ris_record_for_a_chapter() -> None:
    """RIS: CHAP, one AU and A2 per name, SP/EP, PY and DA, T2, DO, UR, PB, CY, one KW each."""
    lines = citekit.dump([CHAPTER], "ris").splitlines()
    assert lines[:2] == ["TY  - CHAP", "ID  - cruz2010chapter"]
    for expected in (
        "AU  - de la Cruz, Juan, Jr.",
        "AU  - World Health Organization",
        "A2  - Müller, Jörg",
        "T2  - Collected Things",
        "SP  - 1–20",
        "PY  - 2010",
        "DA  - 2010/05/03/",
        "PB  - Straße Press",
        "CY  - Wien",
        "DO  - 10.1000/a_b",
        "KW  - one",
        "KW  - two",
    ):
        assert expected in lines
    assert lines[-1] == "ER  - "


def test_ris_has_no_bom_no_wrapping_and_book_editors_are_ed() -> None:
    """No BOM, a long value on one line, and a book's editors written ED."""
    book = Record(
        id="b", type="book", fields={"abstract": "word " * 300}, names={"editor": CHAPTER.names["editor"]}
    )
    text = citekit.dump([book], "ris")
    assert not text.startswith("\ufeff")
    assert "ED  - Müller, Jörg" in text and "TY  - EDBOOK" in text
    [abstract] = [line for line in text.splitlines() if line.startswith("AB  - ")]
    assert len(abstract) > 1400


def test_csljson_is_valid_against_the_schema_with_stable_key_order() -> None:
    """records/ and the chapter are valid CSL-JSON; keys come id, type, names, dates, then fields."""
    records = [*citekit.load(str(RECORDS)).records, CHAPTER]
    items = json.loads(citekit.dump(records, "csljson"))
    assert [e for item in items for e in errors(item)] == []
    assert list(items[-1]) == [
        "id",
        "type",
        "author",
        "editor",
        "issued",
        "title",
        "container-title",
        "page",
        "publisher",
        "publisher-place",
        "DOI",
        "URL",
        "keyword",
    ]
    assert citekit.dump(records, "csljson") == citekit.dump(records, "csljson")


def test_csljson_leaves_out_fields_that_are_not_csl_and_reports_them() -> None:
    """A field CSL-JSON has no variable for is not written (the file stays valid) and is reported."""
    record = Record(id="x", type="book", fields={"title": "T", "shoe-size": "44"})
    [item] = json.loads(citekit.dump([record], "csljson"))
    assert "shoe-size" not in item
    [loss] = citekit.losses([record], "csljson")
    assert loss.fields == ("shoe-size",)


def test_losses_name_the_fields_each_format_drops() -> None:
    """The loss report says which fields of which record a format drops or shortens."""
    record = Record(
        id="p",
        type="paper-conference",
        fields={"title": "T", "event-title": "Conf", "number-of-pages": "6"},
        names={"author": (Name(family="A", given="B"),), "translator": (Name(family="T", given="R"),)},
        dates={"issued": Date(parts=((2016, 6, 27),))},
        et_al=True,
    )
    found = {fmt: citekit.losses([record], fmt) for fmt in ("bibtex", "biblatex", "ris", "csljson")}
    assert found["bibtex"][0].fields == ("translator", "issued", "event-title")
    assert found["biblatex"] == []
    assert found["ris"][0].fields == ("et-al", "number-of-pages")
    assert found["csljson"][0].fields == ("et-al",)
    assert str(found["csljson"][0]) == "p: CSL-JSON cannot carry et-al"
    assert str(found["bibtex"][0]) == (
        "p: BibTeX cannot carry translator, the day of issued (2016-06-27 is written 2016-06), event-title"
    )
