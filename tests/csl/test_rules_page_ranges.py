"""CSL 1.0.2 "Page Ranges": prefixed and roman page ranges under a style's page-range-format."""

from __future__ import annotations

import pytest

from tests.csl.minimal import bibliography, citations


def pages(page: str, range_format: str) -> str:
    [out] = bibliography(
        [{"id": "a", "type": "book", "page": page}],
        bibliography_layout='<text variable="page"/>',
        options=f'page-range-format="{range_format}"',
    )
    return out


@pytest.mark.parametrize(
    ("page", "range_format", "expected"),
    [
        ("N110 - N5", "expanded", "N110–N115"),
        ("n11564 - n1568", "minimal", "n11564–8"),
        ("8n11564-8n1568", "chicago", "8n11564–68"),
    ],
)
def test_same_prefix_on_both_pages_is_a_range(page: str, range_format: str, expected: str) -> None:
    """Two pages with the same prefix are a range: expanded repeats the prefix, shortening drops it."""
    assert pages(page, range_format) == expected


@pytest.mark.parametrize("range_format", ["minimal", "minimal-two", "chicago", "expanded"])
def test_range_of_one_page_keeps_both_pages(range_format: str) -> None:
    """A range whose two pages are the same (a cover, c3-c3) is written whole, as citeproc-js does."""
    assert pages("c3-c3", range_format) == "c3–c3"
    assert pages("113-113", range_format) == "113–113"


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("N110 - 5", "N110-5"),
        ("110 - N6", "110-N6"),
        ("N110 - P5", "N110-P5"),
        ("123N110 - N5", "123N110-N5"),
    ],
)
def test_pages_with_other_prefixes_keep_their_hyphen(page: str, expected: str) -> None:
    """Pages whose prefixes differ are no range: the hyphen stays, without the spaces around it."""
    assert pages(page, "expanded") == expected


def test_roman_page_range_gets_the_delimiter_unshortened() -> None:
    """A range of roman numerals is written with the en dash and never shortened."""
    assert pages("xxv-xxviii", "chicago-16") == "xxv–xxviii"


def page_locator(locator: str) -> str:
    [out] = citations(
        [{"id": "a", "type": "book"}],
        [[{"id": "a", "label": "page", "locator": locator}]],
        citation_layout='<group delimiter=" "><label variable="locator"/><text variable="locator"/></group>',
        options='page-range-format="expanded"',
    )
    return out


def test_page_locator_follows_page_range_format() -> None:
    """A locator labelled page is a page range too, expanded by the style's page-range-format."""
    assert page_locator("427-30") == "pages 427–430"


def test_escaped_hyphen_in_locator_is_no_range() -> None:
    """An escaped hyphen in a locator is printed as a hyphen and leaves the label singular."""
    assert page_locator("327\\-30") == "page 327-30"
