"""Minimal CSL styles for rule tests: a layout in, citations or bibliography entries out (HTML)."""

from __future__ import annotations

from typing import Any

from citekit.csl.engine.session import Session
from citekit.csl.style.load import Style
from citekit.csl.style.xml import parse_csl_text

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0" {options}>
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>{macros}
  <citation {citation}>{citation_sort}<layout {layout_attrs}>{citation_layout}</layout></citation>
  <bibliography {bibliography}>{bibliography_sort}<layout {bibliography_layout_attrs}>{bibliography_layout}</layout></bibliography>
</style>"""


def session(items: list[dict[str, Any]], markup: str = "html", **parts: str) -> Session:
    defaults = dict.fromkeys(
        (
            "options",
            "macros",
            "citation",
            "citation_sort",
            "layout_attrs",
            "bibliography",
            "bibliography_sort",
            "bibliography_layout_attrs",
        ),
        "",
    )
    defaults.update(
        cls="in-text",
        citation_layout='<text variable="title"/>',
        bibliography_layout='<text variable="title"/>',
    )
    defaults.update(parts)
    return Session(Style(parse_csl_text(STYLE.format(**defaults))), items, markup=markup)


def bibliography(items: list[dict[str, Any]], **parts: str) -> list[str]:
    return session(items, **parts).bibliography([str(item["id"]) for item in items])


def citations(items: list[dict[str, Any]], clusters: list[list[dict[str, Any]]], **parts: str) -> list[str]:
    return session(items, **parts).citations(clusters)
