"""The header stage: the title and the author lines found relative to the breadcrumb, in every layout."""

from __future__ import annotations

from citekit.formats.portal.header import is_organisation, join_author_lines, title_and_authors
from citekit.formats.portal.scan import scan
from citekit.formats.portal.unwrap import Line, unwrap


def _head(text: str) -> tuple[str, list[str]]:
    header = title_and_authors(scan(unwrap(text).lines, "page"))
    return (header.title.text if header.title else ""), [line.text for line in header.authors]


def test_newer_layout_title_heading_authors_and_units_above_the_breadcrumb() -> None:
    """A heading, author lines (the second led by a comma) and organisation units above the
    breadcrumb: the heading is the title, the units are no authors."""
    text = (
        "# Faster Register Allocation via Grammatical Decompositions of Control-Flow Graphs\n"
        "Xuran CAI\n, Amir Kafshdar Goharshady\n"
        "- [Department of Computer Science](https://p/en/organisations/cse/)\n- Peking University\n"
        "Research output: Chapter in Book/Report/Conference proceeding › Conference contribution\n"
    )
    title, authors = _head(text)
    assert title.startswith("Faster Register Allocation")
    assert authors == ["Xuran CAI", ", Amir Kafshdar Goharshady"]


def test_older_layout_title_above_and_authors_below_the_breadcrumb() -> None:
    """Title, breadcrumb, then the authors: the line above the breadcrumb is the title."""
    title, authors = _head(
        "Research portal\nDeep learning\nResearch output: Contribution to journal › Article\nYann LeCun, Yoshua Bengio\n"
    )
    assert (title, authors) == ("Deep learning", ["Yann LeCun, Yoshua Bengio"])


def test_no_breadcrumb_title_then_authors() -> None:
    """With no breadcrumb, the author line is the last header line and the title the line above."""
    title, authors = _head(
        "Envelopes And Partial Least Squares Regression\nR. D. Cook, I. S. Helland, Z. Su\nVolume75\n"
    )
    assert (title, authors) == (
        "Envelopes And Partial Least Squares Regression",
        ["R. D. Cook, I. S. Helland, Z. Su"],
    )


def test_a_long_sentence_where_the_title_would_be_is_abstract_text() -> None:
    """A page that starts with its abstract (no title captured) gives no title and no authors."""
    sentence = " ".join(["word"] * 35) + "."
    text = f"Research output: Contribution to journal › Article\n{sentence}\n| Volume | 42 |\n"
    header = title_and_authors(scan(unwrap(text).lines, "page"))
    assert header.title is None and header.authors == [] and header.abstract == [sentence]


def test_organisation_units_are_told_by_words_and_links() -> None:
    """Units are told by their words (School, University …) or by a link to an organisation page;
    a person's link makes a line a person whatever it says."""
    assert is_organisation(Line(1, "Siebel School of Computing and Data Science"))
    assert is_organisation(
        Line(1, "Computer Systems", targets=("https://p/en/organisations/computer-systems/",))
    )
    assert not is_organisation(Line(1, "Ann Lee", targets=("https://p/en/persons/ann-lee/",)))


def test_author_lines_join_and_lose_their_footnote_marks() -> None:
    """Lines one name each (the next led by a comma), with ``^(*)`` marks, make one list."""
    assert join_author_lines(["Tingji Zhang", ", Peng Qu^(*)", ", Youhui Zhang^(*)"]) == (
        "Tingji Zhang , Peng Qu , Youhui Zhang"
    )
