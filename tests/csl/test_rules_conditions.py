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
