"""CSL 1.0.2 Sorting: keys by variable and macro, empty keys last."""

from __future__ import annotations

from tests.csl.minimal import bibliography

ITEMS = [
    {"id": "a", "type": "book", "title": "Zebra", "issued": {"date-parts": [[2001, 5]]}, "volume": "10"},
    {"id": "b", "type": "book", "title": "<i>alpha</i>", "issued": {"date-parts": [[2001]]}, "volume": "9"},
    {"id": "c", "type": "book", "title": "Mango"},
]


def test_text_keys_ignore_case_and_markup() -> None:
    """A title key compares plain text, ignoring case and markup."""
    out = bibliography(ITEMS, bibliography_sort='<sort><key variable="title"/></sort>')
    assert [e.replace("&#60;i&#62;", "").replace("&#60;/i&#62;", "") for e in out] == [
        "<i>alpha</i>",
        "Mango",
        "Zebra",
    ]


def test_number_keys_compare_numerically() -> None:
    """Volume 9 sorts before volume 10; an item without a volume goes last."""
    out = bibliography(ITEMS, bibliography_sort='<sort><key variable="volume"/></sort>')
    assert out == ["<i>alpha</i>", "Zebra", "Mango"]


def test_empty_keys_sort_last_even_when_descending() -> None:
    """Descending dates put the later date first and the undated item last."""
    out = bibliography(ITEMS, bibliography_sort='<sort><key variable="issued" sort="descending"/></sort>')
    assert out[0] == "Zebra" and out[2] == "Mango"


def test_macro_keys_render_the_macro() -> None:
    """A macro key sorts by what the macro renders, numbers in it compared as numbers."""
    macros = '<macro name="v"><group><text value="Vol. "/><number variable="volume"/></group></macro>'
    out = bibliography(ITEMS, macros=macros, bibliography_sort='<sort><key macro="v"/></sort>')
    assert out[1] == "Zebra" and out[2] == "Mango"


def test_and_between_names_does_not_sort() -> None:
    """A macro key with names sorts by the names, not by the "and" joining them."""
    items = [
        {
            "id": "a",
            "type": "book",
            "author": [{"family": "Colaresi", "given": "M"}, {"family": "Thompson", "given": "W"}],
        },
        {
            "id": "b",
            "type": "book",
            "author": [
                {"family": "Colaresi", "given": "M"},
                {"family": "Rasler", "given": "K"},
                {"family": "Thompson", "given": "W"},
            ],
        },
    ]
    macros = '<macro name="names"><names variable="author"><name form="short" and="text"/></names></macro>'
    out = bibliography(
        items,
        macros=macros,
        bibliography_layout='<text macro="names"/>',
        bibliography_sort='<sort><key macro="names"/></sort>',
    )
    assert out == ["Colaresi, Rasler, and Thompson", "Colaresi and Thompson"]
