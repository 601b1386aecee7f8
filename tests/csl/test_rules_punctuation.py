"""Name particles read from input, typographic apostrophes in names, no doubled periods."""

from __future__ import annotations

from citekit.csl.finish.punctuation import without_doubled_periods
from citekit.csl.items.names import parsed_name
from tests.csl.minimal import bibliography


def test_particles_are_parsed_from_family_and_given_names() -> None:
    """ "van der Vlist" has a non-dropping particle, "Alexander von" a dropping one; quotes keep a name whole."""
    assert parsed_name({"family": "van der Vlist", "given": "Eric"})["non-dropping-particle"] == "van der"
    assert parsed_name({"family": "Humboldt", "given": "Alexander von"})["dropping-particle"] == "von"
    assert parsed_name({"family": '"van Happel"', "given": "E"}) == {"family": "van Happel", "given": "E"}
    assert parsed_name({"family": "d'Jones", "given": "John"})["non-dropping-particle"] == "d’"


def test_sorting_ignores_the_parsed_particle() -> None:
    """Name keys sort by the family name proper, particles demoted (display-and-sort)."""
    items = [
        {"id": "a", "type": "book", "author": [{"family": "van Gogh", "given": "Vincent"}]},
        {"id": "b", "type": "book", "author": [{"family": "Humboldt", "given": "Alexander"}]},
    ]
    layout = '<names variable="author"><name name-as-sort-order="all"/></names>'
    out = bibliography(
        items, bibliography_layout=layout, bibliography_sort='<sort><key variable="author"/></sort>'
    )
    assert out == ["Gogh, Vincent van", "Humboldt, Alexander"]


def test_no_period_after_a_question_mark() -> None:
    """A suffix period after text ending in ? or . (even inside markup) is dropped; an ellipsis stays."""
    assert without_doubled_periods("Why?. <b>Co.</b>. 1965") == "Why? <b>Co.</b> 1965"
    assert without_doubled_periods("and so...") == "and so..."


def test_colliding_punctuation_follows_the_table() -> None:
    """A semicolon absorbs a following colon; a colon gives way to "!"; a comma and period both stay."""
    assert without_doubled_periods("semicolon;: colon") == "semicolon; colon"
    assert without_doubled_periods("colon:! exclamation") == "colon! exclamation"
    assert without_doubled_periods("comma,. period") == "comma,. period"


def test_punctuation_moves_into_quotes_of_the_style_and_the_data() -> None:
    """A comma after a quoted title moves inside (en-US), after quotes from the data too (citeproc-js)."""
    items = [
        {"id": "a", "type": "book", "title": "Title", "publisher": "P"},
        {"id": "b", "type": "book", "title": "'quote'", "publisher": "P"},
    ]
    quoted = (
        '<group delimiter=", "><text variable="title" quotes="true"/><text variable="publisher"/></group>'
    )
    plain = '<group delimiter=", "><text variable="title"/><text variable="publisher"/></group>'
    assert bibliography(items[:1], bibliography_layout=quoted) == ["“Title,” P"]
    assert bibliography(items[1:], bibliography_layout=plain) == ["“quote,” P"]


def test_label_of_an_empty_page_is_rendered_but_not_of_a_missing_locator() -> None:
    """A page label renders its singular term for an item without pages, as citeproc-js renders
    it; a locator label renders nothing without a locator (CSL 1.0.2, the suite's fixtures)."""
    items = [{"id": "a", "type": "book", "title": "T"}]
    layout = (
        '<text variable="title"/><label variable="page" prefix=", "/><label variable="locator" prefix=", "/>'
    )
    assert bibliography(items, bibliography_layout=layout) == ["T, page"]
    paged = [{"id": "a", "type": "book", "title": "T", "page": "3-4"}]
    assert bibliography(paged, bibliography_layout=layout) == ["T, pages"]


def test_a_fields_own_punctuation_after_a_quote_it_closes_stays_as_written() -> None:
    """A field's "baby"? keeps its ? outside the quote and 'Jeopardy!': keeps its colon (the
    agreement run: 68 and 89 styles, Zotero items); punctuation the style adds after a quote that
    ends a field still moves in (en-US)."""
    items = [
        {"id": "a", "type": "book", "title": 'Have we really "come a long way, baby"?'},
        {"id": "b", "type": "book", "title": "Computer wins on 'Jeopardy!': trivial"},
        {"id": "c", "type": "book", "title": 'A "quoted"'},
    ]
    out = bibliography(items, bibliography_layout='<text variable="title" suffix="."/>')
    assert out == [
        "Have we really “come a long way, baby”?",  # the style's period gives way to the ?
        "Computer wins on “Jeopardy!”: trivial.",
        "A “quoted.”",
    ]
