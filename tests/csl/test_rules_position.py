"""CSL 1.0.2 Position: first, subsequent, ibid, ibid-with-locator and near-note over a document."""

from __future__ import annotations

from tests.csl.minimal import citations

ITEMS = [
    {"id": "a", "type": "book", "title": "Alpha"},
    {"id": "b", "type": "book", "title": "Beta"},
]
LAYOUT = (
    '<choose><if position="ibid-with-locator"><text term="ibid"/><text variable="locator" prefix=" "/></if>'
    '<else-if position="ibid"><text term="ibid"/></else-if>'
    '<else-if position="subsequent"><text variable="title"/><text value=" again"/></else-if>'
    '<else><text variable="title"/></else></choose>'
)


def test_positions_across_citations() -> None:
    """First cite, then ibid, ibid with a new locator, then a subsequent cite after another item."""
    clusters = [[{"id": "a"}], [{"id": "a"}], [{"id": "a", "locator": "5"}], [{"id": "b"}], [{"id": "a"}]]
    out = citations(ITEMS, clusters, citation_layout=LAYOUT, cls="note")
    assert out == ["Alpha", "Ibid.", "Ibid. 5", "Beta", "Alpha again"]


def test_ibid_inside_one_citation_and_the_citation_keeps_its_order() -> None:
    """Cites keep the order given (no cs:sort) and a repeated cite in the same citation is ibid."""
    out = citations(
        ITEMS,
        [[{"id": "b"}, {"id": "a"}, {"id": "a"}]],
        citation_layout=LAYOUT,
        layout_attrs='delimiter="; "',
    )
    assert out == ["Beta; Alpha; ibid."]


def test_near_note_follows_note_distance() -> None:
    """A cite within near-note-distance notes of the last one of its item is near-note."""
    layout = (
        '<choose><if position="near-note"><text value="near"/></if><else><text value="far"/></else></choose>'
    )
    clusters = [[{"id": "a"}], [{"id": "b"}], [{"id": "a"}], [{"id": "b"}]]
    out = citations(ITEMS, clusters, citation_layout=layout, citation='near-note-distance="1"', cls="note")
    assert out == ["far", "far", "far", "far"]
    out = citations(ITEMS, clusters, citation_layout=layout, citation='near-note-distance="2"', cls="note")
    assert out == ["far", "far", "near", "near"]


def test_locator_ranges_lose_the_spaces_around_the_hyphen() -> None:
    """A locator "100 - 103" is written as the range 100–103."""
    layout = '<text variable="title"/><text variable="locator" prefix=" "/>'
    assert citations(ITEMS, [[{"id": "a", "locator": " 100 - 103"}]], citation_layout=layout) == [
        "Alpha 100–103"
    ]


def test_in_text_citations_are_ibid_of_the_in_text_citation_before() -> None:
    """In a note style, an in-text citation (note 0) after another of the same item is ibid, notes between aside."""
    from tests.csl.minimal import session

    out = session(ITEMS, citation_layout=LAYOUT, cls="note").citations(
        [[{"id": "a"}], [{"id": "b"}], [{"id": "a"}]], [0, 1, 0]
    )
    assert out == ["Alpha", "Beta", "Ibid."]


def test_a_note_with_several_citations_is_no_ibid_source() -> None:
    """A cite opening a note is not ibid when the note before held cites of two items."""
    from tests.csl.minimal import session

    out = session(ITEMS, citation_layout=LAYOUT, cls="note").citations(
        [[{"id": "a"}], [{"id": "b"}], [{"id": "b"}]], [1, 1, 2]
    )
    assert out == ["Alpha", "Beta", "Beta again"]


def test_a_term_opening_a_bibliography_entry_is_capitalized() -> None:
    """An entry that starts with a term, even inside its affixes, starts with a capital, as
    citeproc-js writes it (APA's "(N.d.)." for an item with neither author nor date); a term
    after a variable is left as the locale writes it."""
    from tests.csl.minimal import bibliography

    layout = (
        '<text term="no date" form="short" prefix="(" suffix="). "/><text variable="title"/>'
        '<text term="no date" form="short" prefix=" ("  suffix=")"/>'
    )
    [entry] = bibliography([{"id": "a", "type": "book", "title": "T"}], bibliography_layout=layout)
    assert entry == "(N.d.). T (n.d.)"
