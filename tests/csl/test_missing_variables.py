"""A cs:text whose variable the item lacks renders nothing, found before rendering
(citekit.csl.rules.text.missing_variables), while a variable present only in its short form or as
``page`` for ``page-first`` still renders."""

from __future__ import annotations

from tests.csl.minimal import bibliography

LAYOUT = (
    '<group delimiter="|"><text variable="container-title" form="short"/>'
    '<text variable="page-first"/><text variable="volume" prefix="v"/></group>'
)


def test_present_missing_and_short_only_variables() -> None:
    """Short-only titles and page-first render; a missing volume leaves no prefix; an item with
    none of the variables has no entry at all."""
    items = [
        {"id": "a", "type": "book", "container-title-short": "J Chem", "page": "12-19"},
        {"id": "b", "type": "book", "container-title": "Journal", "volume": "3"},
        {"id": "c", "type": "book", "title": "Nothing the layout asks for"},
    ]
    assert bibliography(items, bibliography_layout=LAYOUT) == ["J Chem|12", "Journal|v3"]
