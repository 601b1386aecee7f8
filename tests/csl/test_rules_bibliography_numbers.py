"""CSL 1.0.2 numbered bibliographies: an entry that renders nothing keeps its number."""

from __future__ import annotations

from tests.csl.minimal import bibliography

LAYOUT = """<choose><if type="personal_communication" match="none"><group delimiter=". ">
<text variable="citation-number"/><text variable="title"/></group></if></choose>"""


def test_empty_numbered_entry_is_reported_in_place() -> None:
    """A numbered entry with no printed form is shown as an error, so later numbers stay in step."""
    items = [
        {"id": "a", "type": "book", "title": "One"},
        {"id": "b", "type": "personal_communication", "title": "Letter"},
        {"id": "c", "type": "book", "title": "Two"},
    ]
    assert bibliography(items, bibliography_layout=LAYOUT) == [
        "1. One",
        "2. [CSL STYLE ERROR: reference with no printed form.]",
        "3. Two",
    ]


def test_et_al_does_not_count_in_a_name_sort_key() -> None:
    """A name key cut to one name sorts a single author and a group led by them alike (then by year)."""
    smith = {"family": "Smith", "given": "Al"}
    items = [
        {"id": "a", "type": "book", "author": [smith], "issued": {"date-parts": [[2001]]}},
        {
            "id": "b",
            "type": "book",
            "author": [smith, {"family": "Jones", "given": "T"}],
            "issued": {"date-parts": [[1999]]},
        },
    ]
    macros = '<macro name="names"><names variable="author"><name/></names></macro>'
    sort = '<sort><key macro="names" names-min="1" names-use-first="1"/><key variable="issued"/></sort>'
    layout = '<date variable="issued"><date-part name="year"/></date>'
    out = bibliography(items, macros=macros, bibliography_sort=sort, bibliography_layout=layout)
    assert out == ["1999", "2001"]
