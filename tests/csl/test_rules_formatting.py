"""CSL 1.0.2 formatting: normal and baseline values undo an enclosing italic or superscript."""

from __future__ import annotations

from citekit.csl.render import entry_text
from tests.csl.minimal import bibliography, citations

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


def test_baseline_is_written_where_the_style_asks_for_it() -> None:
    """citeproc-js writes vertical-align="baseline" as a span with or without a superscript around
    it; on a layout, its affixes are inside (future-medicine's citations: ``[1]`` in the span)."""
    assert cite('<text variable="title" vertical-align="baseline"/>') == '<span style="baseline">Life</span>'
    out = citations([ITEM], [[{"id": "a"}]], layout_attrs='vertical-align="baseline" prefix="[" suffix="]"')
    assert out == ['<span style="baseline">[Life]</span>']


def test_a_baseline_layout_with_the_number_set_apart_holds_both_blocks() -> None:
    """thieme-german: a bibliography layout of vertical-align="baseline" with second-field-align
    gives one baseline span around the margin and inline blocks; an entry of nothing but its
    number has no inline block."""
    parts = {
        "bibliography": 'second-field-align="flush"',
        "bibliography_layout_attrs": 'vertical-align="baseline"',
        "bibliography_layout": '<text variable="citation-number" prefix="[" suffix="]"/><text variable="title"/>',
    }
    entries = bibliography([ITEM, {"id": "b", "type": "book"}], **parts)
    assert [entry_text(e, "html") for e in entries] == [
        '<div class="csl-entry"><span style="baseline"><div class="csl-left-margin">[1]</div>'
        '<div class="csl-right-inline">Life</div></span></div>',
        '<div class="csl-entry"><span style="baseline"><div class="csl-left-margin">[2]</div></span></div>',
    ]


def test_strip_periods_on_a_citation_number() -> None:
    """strip-periods on the citation number (a number, not text) renders it instead of raising."""
    layout = '<text variable="citation-number" strip-periods="true" prefix="(" suffix=")"/>'
    out = citations([{"id": "a", "type": "book", "title": "T."}], [[{"id": "a"}]], citation_layout=layout)
    assert out == ["(1)"]
