"""The label of a locator that carries its own label (``vol. 1, fol. 186``) is left out."""

from __future__ import annotations

from tests.csl.minimal import citations

LAYOUT = '<group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group>'


def cite(locator: str) -> str:
    [out] = citations(
        [{"id": "a", "type": "book"}], [[{"id": "a", "locator": locator}]], citation_layout=LAYOUT
    )
    return out


def test_locator_opening_with_a_term_gets_no_label() -> None:
    """A locator opening with a locator term's short form and a number is printed without a label."""
    assert cite("vol. 1, fol. 186") == "vol. 1, fol. 186"


def test_plain_locator_keeps_its_label() -> None:
    """A locator of page numbers keeps the page label, plural for a range."""
    assert cite("12-14") == "pp. 12–14"
