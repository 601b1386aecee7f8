"""CSL 1.0.2 rich text in a style's cs:text value: tags are markup, straight quotes are quotes."""

from __future__ import annotations

from citekit.csl.formatters import finish_rich_text
from tests.csl.minimal import citations, session

ITEM = {"id": "a", "type": "book"}


def cite(layout: str, layout_attrs: str = "") -> str:
    [out] = citations([ITEM], [[{"id": "a"}]], citation_layout=layout, layout_attrs=layout_attrs)
    return out


def test_tags_in_a_value_are_markup() -> None:
    """Bold tags in a value inside a bold layout flip to normal weight."""
    layout = '<text value="&lt;b&gt;friend&lt;/b&gt;"/>'
    assert cite(layout, 'font-weight="bold"') == '<b><span style="font-weight:normal;">friend</span></b>'


def test_straight_quotes_in_a_value_are_typographic() -> None:
    """Single straight quotes in a value become the locale's quotes."""
    assert cite("<text value=\"'friend'\"/>") == "“friend”"


def test_plain_text_output_drops_value_tags() -> None:
    """In plain-text output (finished as ``citekit cite`` finishes it) the value's tags are not written."""
    plain = session([ITEM], markup="text", citation_layout='<text value="&lt;b&gt;friend&lt;/b&gt;"/>')
    [out] = plain.citations([[{"id": "a"}]])
    assert finish_rich_text(out, "text") == "friend"
