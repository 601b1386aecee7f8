"""Page furniture is never a title, a name, a journal or a DOI: each bad value is refused with a reason."""

from __future__ import annotations

import pytest

import citekit
from citekit.formats.portal.furniture import reason

# Values real captures put where a title or a name stands (the list, and what else was met).
BAD_TITLES = [
    "3   Link opens in a new tab Citations (Scopus)",  # a citation counter
    "7 Scopus citations",
    "- Overview",
    "Overview",
    "Fingerprint",
    ", Amir Kafshdar Goharshady",  # the second author's bullet
    "extractor: trafilatura",  # front-matter lines
    "date: 2016-05-26",
    "| | |",  # a table's pipes
    "---",
    "Research output: Contribution to journal › Article",
    "Dive into the research topics of 'X'. Together they form a unique fingerprint.",
]
BAD_NAMES = [
    "Department of Computer Science and Engineering",  # an organisation unit
    "School of Electrical Engineering",
    "Chair of Reservoir Engineering",
    ", Chi Tian",
    "---",
    "Authors",
    "section › Chapter or",
]


@pytest.mark.parametrize("value", BAD_TITLES)
def test_furniture_is_no_title(value: str) -> None:
    """Menu text, counters, bullets, front-matter lines, pipes and breadcrumbs are refused as a title."""
    assert reason("title", value)


@pytest.mark.parametrize("value", BAD_NAMES)
def test_furniture_is_no_name(value: str) -> None:
    """Organisation units, bullet remnants, rules and section words are refused as a name."""
    assert reason("author", value)


def test_a_sentence_of_the_abstract_is_no_title() -> None:
    """A title that is a sentence of the abstract is refused."""
    abstract = "We study the decay of collective memory in cultural products over many decades of data."
    assert reason("title", abstract, abstract)


@pytest.mark.parametrize(
    "value",
    ["Deep learning", "Cookies, privacy and consent", "Copyright and the public domain", "Issue"],
)
def test_real_titles_pass(value: str) -> None:
    """Titles that merely contain a furniture word (cookies, copyright) are kept."""
    assert not reason("container-title" if value == "Issue" else "title", value)


def test_refused_values_are_reported_and_the_next_source_is_asked() -> None:
    """A front-matter line where the title would be is refused with a problem; no furniture reaches the record."""
    page = "extractor: trafilatura\n---\nResearch output: Contribution to journal › Article\n| Journal | Nature |\n"
    result = citekit.loads(page, "portal")
    record = result.records[0]
    assert record.get("title") == ""
    assert any("refused" in p.message and "front-matter" in p.message for p in result.problems)
    assert any("no title" in p.message for p in result.problems)
