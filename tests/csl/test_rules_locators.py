"""CSL 1.0.2 locators: an ``&`` between two locator pages is the locale's "and" symbol, escaped."""

from __future__ import annotations

from tests.csl.minimal import citations

LAYOUT = '<group delimiter=" "><label variable="locator"/><text variable="locator"/></group>'


def cite(locator: str, options: str = "") -> str:
    [out] = citations(
        [{"id": "a", "type": "book"}],
        [[{"id": "a", "locator": locator}]],
        citation_layout=LAYOUT,
        macros=options,
    )
    return out


def test_ampersand_in_locator_is_escaped() -> None:
    """``213 & 235`` is two pages, and its ampersand is escaped for HTML."""
    assert cite("213 & 235") == "pages 213 &#38; 235"


def test_ampersand_in_locator_takes_the_locale_symbol() -> None:
    """A style's own symbol form of "and" replaces the locator's ampersand."""
    locale = '<locale><terms><term name="and" form="symbol">AND</term></terms></locale>'
    assert cite("213 & 235", locale) == "pages 213 AND 235"


def test_page_list_ampersand_is_escaped_once() -> None:
    """A page list ``142-145 & 235`` keeps one escaped ampersand while its range is formatted."""
    [out] = citations(
        [{"id": "a", "type": "book", "page": "142-145 & 235"}],
        [[{"id": "a"}]],
        citation_layout='<text variable="page"/>',
        options='page-range-format="minimal-two"',
    )
    assert out == "142–45 &#38; 235"


def test_sub_verbo_label_and_quoted_locator() -> None:
    """A CSL 1.0.1 label "sub verbo" prints s.v., and quotes in the locator become typographic."""
    [out] = citations(
        [{"id": "a", "type": "book"}],
        [[{"id": "a", "label": "sub verbo", "locator": '"gargoyle"'}]],
        citation_layout=LAYOUT.replace(
            '<label variable="locator"/>', '<label variable="locator" form="short"/>'
        ),
    )
    assert out == "s.v. “gargoyle”"
