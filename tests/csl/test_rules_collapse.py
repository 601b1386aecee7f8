"""CSL 1.0.2 cite grouping and collapsing: by year, by year-suffix (ranged) and citation numbers."""

from __future__ import annotations

from tests.csl.minimal import citations

AUTHOR_YEAR = '<group delimiter=" "><names variable="author"><name form="short"/></names><date variable="issued"><date-part name="year"/></date></group>'


def book(key: str, family: str, year: int) -> dict[str, object]:
    return {
        "id": key,
        "type": "book",
        "title": key,
        "author": [{"family": family, "given": "A"}],
        "issued": {"date-parts": [[year]]},
    }


ITEMS = [
    book("a", "Smith", 2000),
    book("b", "Jones", 1999),
    book("c", "Smith", 2001),
    book("d", "Smith", 2000),
    book("e", "Smith", 2000),
]
ALL = [[{"id": k} for k in "abcde"]]


def test_collapse_by_year_groups_cites_of_one_author() -> None:
    """In a sorted citation, cites of one author move together and name the author once."""
    out = citations(
        ITEMS[:3],
        [[{"id": k} for k in "abc"]],
        citation_layout=AUTHOR_YEAR,
        citation='collapse="year"',
        citation_sort='<sort><key variable="issued"/></sort>',
        layout_attrs='delimiter="; "',
    )
    assert out == ["Jones 1999; Smith 2000, 2001"]


def test_collapse_by_year_suffix_ranged() -> None:
    """Year-suffixes of one year are written once, three or more in a row as a range; the layout
    delimiter follows a collapsed year."""
    opts = 'collapse="year-suffix-ranged" disambiguate-add-year-suffix="true"'
    out = citations(
        ITEMS,
        [[{"id": k} for k in "adec"]],
        citation_layout=AUTHOR_YEAR,
        citation=opts,
        layout_attrs='delimiter="; "',
    )
    assert out == ["Smith 2000a–c; 2001"]


def test_citation_numbers_collapse_into_ranges() -> None:
    """Three or more consecutive citation numbers become a range; two stay apart."""
    layout = '<text variable="citation-number"/>'
    items = [book(k, "Smith", 2000) for k in "abcdef"]
    clusters = [[{"id": k} for k in "abcdef"], [{"id": k} for k in "abdef"]]
    out = citations(
        items,
        clusters,
        citation_layout=layout,
        citation='collapse="citation-number"',
        layout_attrs='delimiter=","',
        citation_sort='<sort><key variable="citation-number"/></sort>',
    )
    assert out == ["1–6", "1,2,4–6"]


def test_unsorted_citation_groups_only_neighbours() -> None:
    """Without cs:sort, only adjacent cites of one author are grouped."""
    out = citations(
        ITEMS[:3],
        [[{"id": k} for k in "acb"]],
        citation_layout=AUTHOR_YEAR,
        citation='collapse="year"',
        layout_attrs='delimiter="; "',
    )
    assert out == ["Smith 2000, 2001; Jones 1999"]
    out = citations(
        ITEMS[:3],
        [[{"id": k} for k in "abc"]],
        citation_layout=AUTHOR_YEAR,
        citation='collapse="year"',
        layout_attrs='delimiter="; "',
    )
    assert out == ["Smith 2000; Jones 1999; Smith 2001"]


def test_prefix_starting_with_punctuation_replaces_the_delimiter() -> None:
    """A cite whose prefix starts with a comma follows the previous cite without the layout delimiter."""
    out = citations(
        ITEMS[:2],
        [[{"id": "a"}, {"id": "b", "prefix": ", cited in "}]],
        citation_layout=AUTHOR_YEAR,
        layout_attrs='delimiter="; "',
    )
    assert out == ["Smith 2000, cited in Jones 1999"]


def test_after_collapsed_suffixes_the_layout_delimiter_follows() -> None:
    """After a year written once with several suffixes, the next year follows the layout delimiter."""
    opts = 'collapse="year-suffix" disambiguate-add-year-suffix="true" year-suffix-delimiter=","'
    out = citations(
        ITEMS,
        [[{"id": k} for k in "adc"]],
        citation_layout=AUTHOR_YEAR,
        citation=opts,
        layout_attrs='delimiter=";"',
    )
    assert out == ["Smith 2000a,b;2001"]
