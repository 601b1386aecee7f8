"""The portal reader's harder cases: saved HTML, spilled Markdown cells, unknown labels, missing fields."""

from __future__ import annotations

import pytest

import citekit
from citekit.errors import ParseError
from citekit.formats.portal.read import read_html

HEAD = "Formal verification of parallel programs\nResearch output: Contribution to journal › Article\nRobert M. Keller\n"


def test_html_page_is_read_from_its_structure() -> None:
    """Table rows, list cells and headings of a saved page give the fields; script, nav and footer text do not."""
    page = """<html><head><script>var label = "Journal";</script></head><body>
    <nav><a>Home</a><a>Journal: not this</a></nav>
    <h1>Formal verification of parallel programs</h1>
    <div class="type">Research output: <span>Contribution to journal</span> › <span>Article</span></div>
    <p class="persons"><a>Robert M. Keller</a></p>
    <table><tr><th>Journal</th><td><a>Communications of the ACM</a></td></tr>
    <tr><th>Volume</th><td>19</td></tr>
    <tr><th>DOIs</th><td><ul><li>10.1145/360248.360251</li><li>https://doi.org/10.1145/360248.999999</li></ul></td></tr>
    <tr><th>Publication status</th><td>Published - Jul 1976</td></tr></table>
    <footer>Journal: footer text</footer></body></html>"""
    record = read_html(page, "page.html").records[0]
    assert record.get("title") == "Formal verification of parallel programs"
    assert record.get("container-title") == "Communications of the ACM"
    assert record.dois == ("10.1145/360248.360251", "10.1145/360248.999999")
    assert record.dates["issued"].parts == ((1976, 7),)


def test_html_suffix_is_registered() -> None:
    """Files ending .html or .htm are read as saved portal pages."""
    from citekit import formats

    assert formats.for_suffix(".html") is not None and formats.for_suffix(".htm") is not None
    assert formats.for_suffix(".html").name == "portal-html"  # type: ignore[union-attr]


def test_markdown_cell_spilling_over_lines() -> None:
    """A Markdown cell whose DOI list runs over several lines keeps every DOI."""
    text = (
        HEAD
        + "| DOIs | 10.1145/1.2\n10.1145/3.4\n10.1145/5.6 | |\n| Publication status | Published - 1976 | |\n"
    )
    record = citekit.loads(text).records[0]
    assert record.dois == ("10.1145/1.2", "10.1145/3.4", "10.1145/5.6")
    assert record.get("DOI") == "10.1145/1.2"


def test_unknown_labels_are_kept_in_note_and_reported() -> None:
    """An unknown label with a value goes into note with a warning; parsing goes on."""
    result = citekit.loads(HEAD + "Funding body: EPSRC\nVolume: 19\nPublication status: Published - 1976\n")
    record = result.records[0]
    assert record.get("note") == "Funding body: EPSRC"
    assert record.get("volume") == "19"
    assert any("unknown label 'Funding body'" in p.message for p in result.problems)


def test_missing_fields_are_named_in_one_warning() -> None:
    """A page without authors or journal still gives a record, with a warning naming what is missing."""
    text = "A title alone\nResearch output: Contribution to journal › Article\nVolume\t3\nPublication status\tPublished - 2001\n"
    result = citekit.loads(text)
    assert result.records[0].get("volume") == "3"
    messages = [p.message for p in result.problems]
    assert any("no authors, journal on the page" in m for m in messages), messages


def test_invalid_isbn_is_kept_with_a_warning() -> None:
    """An ISBN with a wrong check digit is exported as given and reported."""
    text = "A book\nResearch output: Book/Report › Book\nAnn Author\nISBN (Print)\t978-0-262-03384-9\nPublication status\tPublished - 2009\n"
    result = citekit.loads(text)
    assert result.records[0].get("ISBN") == "978-0-262-03384-9"
    assert any("wrong check digit" in p.message for p in result.problems)


def test_page_without_portal_fields_is_a_clear_error() -> None:
    """Saved HTML with no portal fields raises a located ParseError, not a traceback."""
    with pytest.raises(ParseError, match="no research-portal fields found"):
        read_html("<html><body><p>Just a blog post.</p></body></html>", "blog.html")


def test_two_line_value_that_is_a_label_word() -> None:
    """In the two-line layout a journal called "Issue" is the journal's name, not an empty label:
    taken as a label it would have no value, as another label follows it."""
    page = "\n".join(
        [
            "A title of ours",
            "Research output: Contribution to journal › Article",
            "Ann Author",
            "Journal",
            "Issue",
            "Volume",
            "7",
            "DOIs",
            "Published1999",
        ]
    )
    [record] = citekit.loads(page + "\n", "portal").records
    assert record.get("container-title") == "Issue"
    assert record.get("volume") == "7"
    assert record.dates["issued"].year == 1999
