"""CSL 1.0.2 collapse="year": the delimiters between the cites of a group and between groups."""

from __future__ import annotations

from typing import Any

from tests.csl.minimal import citations

LAYOUT = '<group delimiter=" "><names variable="author"><name form="short"/></names><date variable="issued"><date-part name="year"/></date><text variable="locator"/></group>'


def items() -> list[dict[str, Any]]:
    smith, jones = [{"family": "Smith", "given": "J"}], [{"family": "Jones", "given": "K"}]
    return [
        {"id": "a", "type": "book", "author": smith, "issued": {"date-parts": [[1999]]}},
        {"id": "b", "type": "book", "author": smith, "issued": {"date-parts": [[2000]]}},
        {"id": "c", "type": "book", "author": jones, "issued": {"date-parts": [[1998]]}},
    ]


def cite(cluster: list[dict[str, Any]], cls: str = "in-text", citation: str = 'collapse="year"') -> str:
    [out] = citations(
        items(), [cluster], cls=cls, citation=citation, layout_attrs='delimiter="; "', citation_layout=LAYOUT
    )
    return out


def test_note_style_groups_by_the_layout_delimiter() -> None:
    """Without cite-group-delimiter a note style joins a collapsed group's years by the layout delimiter."""
    cluster = [{"id": "a"}, {"id": "b"}]
    assert cite(cluster) == "Smith 1999, 2000"
    assert cite(cluster, cls="note") == "Smith 1999; 2000"


def test_explicit_after_collapse_delimiter_follows_locators_and_groups() -> None:
    """An explicit after-collapse-delimiter follows a cite with a locator and every group."""
    citation = 'collapse="year" after-collapse-delimiter=" | "'
    cluster = [{"id": "a", "locator": "5"}, {"id": "b"}, {"id": "c"}]
    assert cite(cluster, citation=citation) == "Smith 1999 5 | 2000 | Jones 1998"
    assert cite([{"id": "a"}, {"id": "c"}], citation=citation) == "Smith 1999 | Jones 1998"
