"""CSL 1.0.2 Choose: match applies to every single test; is-numeric; empty variables."""

from __future__ import annotations

from citekit.csl.rules.groups.conditions import is_numeric
from tests.csl.minimal import citations

ITEM = {"id": "a", "type": "book", "title": "T", "volume": "2a", "edition": "second"}


def choose(test: str) -> str:
    layout = f'<choose><if {test}><text value="yes"/></if><else><text value="no"/></else></choose>'
    [out] = citations([ITEM], [[{"id": "a"}]], citation_layout=layout)
    return out


def test_match_applies_to_each_value() -> None:
    """variable="title note" is false with match="all" and true with match="any"."""
    assert choose('variable="title note"') == "no"
    assert choose('variable="title note" match="any"') == "yes"
    assert choose('variable="note" type="article" match="none"') == "yes"


def test_is_numeric() -> None:
    """Numbers with letters attached and lists of numbers are numeric; words are not."""
    assert choose('is-numeric="volume"') == "yes"
    assert choose('is-numeric="edition"') == "no"
    assert is_numeric("2-5") and is_numeric("1, 3 & 5") and not is_numeric("2nd ed.")


def test_variable_condition_on_a_date_range() -> None:
    """variable="event-date" on a date range is true (it crashed: citeproc-py's date ranges raise
    on ==), and on an item without the date false, as in Chicago 18th's macros."""
    layout = '<choose><if variable="event-date"><text value="dated"/></if><else><text value="n.d."/></else></choose>'
    ranged = {
        "id": "r",
        "type": "book",
        "title": "T",
        "event-date": {"date-parts": [[2016, 6, 27], [2016, 6, 30]]},
    }
    undated = {"id": "u", "type": "book", "title": "U"}
    out = citations([ranged, undated], [[{"id": "r"}], [{"id": "u"}]], citation_layout=layout)
    assert out == ["dated", "n.d."]


def test_a_list_of_types_passes_for_any_of_them() -> None:
    """type="thesis manuscript" (match="all" by default) passes for a thesis, as in citeproc-js;
    match="none" refuses each listed type."""
    layout = (
        '<choose><if type="thesis manuscript"><text value="yes"/></if><else><text value="no"/></else></choose>'
        '<choose><if type="thesis book" match="none"><text value="+"/></if><else><text value="-"/></else></choose>'
    )
    thesis = {"id": "t", "type": "thesis", "title": "T"}
    report = {"id": "r", "type": "report", "title": "R"}
    assert citations([thesis, report], [[{"id": "t"}], [{"id": "r"}]], citation_layout=layout) == [
        "yes-",
        "no+",
    ]
