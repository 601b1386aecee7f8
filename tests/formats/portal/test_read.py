"""The research-portal reader: every layout, every output type, the portal's date rules."""

from __future__ import annotations

from pathlib import Path

import pytest

import citekit
from citekit.errors import ParseError
from citekit.formats.portal import read as portal

# One record, written in each table layout the portal-format notes describe.
FIELDS = [
    ("Original language", "English"),
    ("Pages (from-to)", "291–313"),
    ("Journal", "JOURNAL OF THE ACM"),
    ("Volume", "21"),
    ("Issue number", "2"),
    ("DOIs", "https://doi.org/10.1145/321812.321815"),
    ("Publication status", "Published - Apr 1974"),
]
HEAD = [
    "Research portal",
    "Skip to main content",
    "Formal verification of parallel programs",
    "Research output: Contribution to journal › Article › peer-review",
    "Robert M. Keller",
]
TAIL = ["Cite this", "APA", "Harvard", "6 Scopus citations", "View graph of relations"]


def _page(rows: list[str]) -> str:
    return "\n".join(HEAD + rows + TAIL) + "\n"


LAYOUTS = {
    "glued": _page([label + value for label, value in FIELDS]),
    "tabs": _page([f"{label}\t{value}" for label, value in FIELDS]),
    "label line, value line": _page([line for pair in FIELDS for line in pair]),
    "label: value": _page([f"{label}: {value}" for label, value in FIELDS]),
    "markdown": _page(["| | | |", "|---|---|---|"] + [f"| {label} | {value} | |" for label, value in FIELDS]),
}


def _read(text: str) -> citekit.Record:
    result = citekit.loads(text)
    assert len(result.records) == 1
    return result.records[0]


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_every_layout_gives_the_same_record(layout: str) -> None:
    """Glued, tab-separated, two-line, colon and Markdown tables all parse to one identical record."""
    record = _read(LAYOUTS[layout])
    assert record.to_csl() == _read(LAYOUTS["tabs"]).to_csl()
    assert record.type == "article-journal"
    assert record.get("title") == "Formal verification of parallel programs"
    assert record.names["author"][0].family == "Keller"
    assert record.names["author"][0].given == "Robert M."
    assert record.get("container-title") == "Journal of the ACM"
    assert record.get("page") == "291-313"
    assert record.get("DOI") == "10.1145/321812.321815"
    assert record.dates["issued"].parts == ((1974, 4),)
    assert record.get("language") == "en"


def test_seed_record(seed_path: Path) -> None:
    """The seed: glued layout, Published date chosen over the e-pub date, empty DOIs left empty."""
    record = citekit.load(str(seed_path)).records[0]
    assert record.type == "article-journal"
    assert record.get("title").startswith("The crucible of co-production")
    assert [(n.family, n.given) for n in record.names["author"]] == [
        ("Dalgarno", "Mark"),
        ("Oates", "Jennifer"),
    ]
    assert record.get("container-title") == "Health Education Journal"
    assert (record.get("volume"), record.get("issue"), record.get("page")) == ("78", "8", "977-987")
    assert record.dates["issued"].parts == ((2019, 12, 1),)
    assert record.dates["available-date"].parts == ((2019, 7, 2),)
    assert "DOI" not in record.fields and record.dois == ()
    assert "Download statistics" not in record.get("abstract")
    assert record.get("abstract").startswith("Objectives:")


def test_empty_label_does_not_take_the_next_label_as_its_value() -> None:
    """A label with no value (DOIs) followed by another label leaves the field empty."""
    text = _page(["DOIs", "Accepted/In press", "19 May 2019", "Published", "1 Dec 2019"])
    record = _read(text)
    assert "DOI" not in record.fields
    assert record.dates["issued"].parts == ((2019, 12, 1),)


BREADCRUMBS = {
    "Research output: Contribution to journal › Article › peer-review": ("article-journal", ""),
    "Research output: Contribution to journalArticle": ("article-journal", ""),
    "Research output: Chapter in Book/Report/Conference proceeding › Chapter": ("chapter", ""),
    "Research output: Chapter in Book/Report/Conference proceeding › Conference contribution": (
        "paper-conference",
        "",
    ),
    "Research output: Contribution to conference › Poster": ("paper-conference", "Poster"),
    "Research output: Book/Report › Book › peer-review": ("book", ""),
    "Research output: Book/anthology/dissertation/reportBookResearchpeer-review": ("book", ""),
    "Research output: Book/Report › Commissioned report": ("report", "Commissioned report"),
    "Research output: Thesis › Doctoral Thesis": ("thesis", "Doctoral thesis"),
    "Research output: Thesis › Master's Thesis": ("thesis", "Master's thesis"),
    "Research output: Working paper › Preprint": ("article", "Preprint"),
    "Research output: Working paper › Working paper": ("report", "Working paper"),
}


@pytest.mark.parametrize("breadcrumb", list(BREADCRUMBS))
def test_type_breadcrumbs_map_to_csl_types(breadcrumb: str) -> None:
    """Each type breadcrumb, spaced or glued, gives its CSL type (and genre)."""
    text = "\n".join(["A title", breadcrumb, "Ann Author", "Publication status: Published - 2020"])
    record = _read(text)
    assert (record.type, record.get("genre")) == BREADCRUMBS[breadcrumb]


def test_online_date_is_the_publication_date_when_nothing_is_published() -> None:
    """An e-pub date stands in for the publication date only when there is no Published date."""
    record = _read(_page(["E-pub ahead of print: 2 Jul 2019"]))
    assert record.dates["issued"].parts == ((2019, 7, 2),)
    record = _read(_page(["Publication status: Accepted/In press - 2020"]))
    assert "issued" not in record.dates
    assert record.get("status") == "in press"


def test_conference_block_and_ambiguous_dates() -> None:
    """A conference block fills event fields; a dd/mm period is read day first when one date says so."""
    text = _page(
        [
            "Title of host publication\tProceedings of the Example Workshop",
            "Volume\t7",
            "Publication series",
            "Name\tLecture Notes in Computer Science",
            "Volume\t1234",
            "Conference",
            "Conference\tExample Workshop 2024",
            "City\tVienna",
            "Country/Territory\tAustria",
            "Period\t29/06/24 → 3/07/24",
        ]
    ).replace(
        "Contribution to journal › Article",
        "Chapter in Book/Report/Conference proceeding › Conference contribution",
    )
    record = _read(text)
    assert record.type == "paper-conference"
    assert record.get("collection-title") == "Lecture Notes in Computer Science"
    assert record.get("collection-number") == "1234"
    assert record.get("volume") == "7"
    assert record.get("event-title") == "Example Workshop 2024"
    assert record.get("event-place") == "Vienna, Austria"
    assert record.dates["event-date"].parts == ((2024, 6, 29), (2024, 7, 3))


def test_ambiguous_numeric_dates_are_left_partial() -> None:
    """When no date on the page tells day from month, only the year is kept, never a guess."""
    text = _page(["Conference", "Conference\tX", "Period\t7/06/16 → 9/06/16"])
    assert _read(text).dates["event-date"].parts == ((2016,),)


def test_not_a_portal_page_is_an_error_naming_the_file() -> None:
    """Text with no portal fields raises ParseError located at the file."""
    with pytest.raises(ParseError) as caught:
        portal.read("just some notes\nnothing else\n", "notes.txt")
    assert str(caught.value).startswith("notes.txt:1: no research-portal fields found")


def test_several_pages_in_one_file() -> None:
    """Pages pasted one after the other become one record each."""
    second = LAYOUTS["tabs"].replace("Formal verification of parallel programs", "A second paper")
    result = citekit.loads(LAYOUTS["glued"] + "\n" + second)
    assert [r.get("title") for r in result.records] == [
        "Formal verification of parallel programs",
        "A second paper",
    ]


def test_sample_records_cover_every_output_type() -> None:
    """records/ holds at least ten records and every CSL type the reader produces."""
    result = citekit.load("records")
    assert len(result.records) >= 10
    assert not [p for p in result.problems if p.is_error]
    types = {r.type for r in result.records}
    assert {"article-journal", "chapter", "paper-conference", "book", "thesis", "report", "article"} <= types
