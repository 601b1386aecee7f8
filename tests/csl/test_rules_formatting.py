"""CSL 1.0.2 formatting: normal and baseline values undo an enclosing italic or superscript."""

from __future__ import annotations

from tests.csl.minimal import citations

ITEM = {"id": "a", "type": "book", "title": "Life"}


def cite(layout: str) -> str:
    [out] = citations([ITEM], [[{"id": "a"}]], citation_layout=layout)
    return out


def test_normal_inside_italic_is_set_upright() -> None:
    """font-style="normal" inside an italic group is an explicit upright span."""
    layout = '<group font-style="italic"><text variable="title" font-style="normal"/></group>'
    assert cite(layout) == '<i><span style="font-style:normal;">Life</span></i>'


def test_normal_without_enclosing_style_adds_nothing() -> None:
    """font-style="normal" on its own writes no markup."""
    assert cite('<text variable="title" font-style="normal"/>') == "Life"


def test_baseline_inside_superscript() -> None:
    """vertical-align="baseline" inside a superscript group is marked as baseline."""
    layout = '<group vertical-align="sup" delimiter=" "><text value="x"/><text variable="title" vertical-align="baseline"/></group>'
    assert cite(layout) == '<sup>x <span style="baseline">Life</span></sup>'


def test_strip_periods_on_a_citation_number() -> None:
    """strip-periods on the citation number (a number, not text) renders it instead of raising."""
    layout = '<text variable="citation-number" strip-periods="true" prefix="(" suffix=")"/>'
    out = citations([{"id": "a", "type": "book", "title": "T."}], [[{"id": "a"}]], citation_layout=layout)
    assert out == ["(1)"]
