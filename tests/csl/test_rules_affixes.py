"""CSL 1.0.2 affixes are style text, escaped for HTML like any other."""

from __future__ import annotations

from tests.csl.minimal import citations


def test_angle_brackets_in_affixes_are_escaped() -> None:
    """``prefix="&lt;"`` around a URL is written as an escaped angle bracket, not a tag."""
    item = {"id": "a", "type": "webpage", "URL": "http://example.org"}
    layout = '<text variable="URL" prefix="&lt;" suffix="&gt;"/>'
    assert citations([item], [[{"id": "a"}]], citation_layout=layout) == ["&#60;http://example.org&#62;"]
