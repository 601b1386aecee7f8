"""Style elements carry only the rule mixins that apply to them (citekit.csl.style.elements.specialize),
and render exactly as they would with every mixin."""

from __future__ import annotations

import json
from typing import Any

import pytest

from citekit.csl.render import bibliography_of_items
from citekit.csl.rules.formatting.display import Displayed
from citekit.csl.rules.formatting.text_case import TextCase
from citekit.csl.rules.text.value_rich_text import ValueRichText
from citekit.csl.style.elements import CSL
from citekit.csl.style.load import load_style
from citekit.csl.style.lookups import CachedLookups
from citekit.csl.style.xml import element_class, parse_csl_text
from tests.conftest import GOLDEN

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <locale><date form="text"><date-part name="year"/></date></locale>
  <citation><layout>
    <text variable="title"/>
    <text display="block" value="a &quot;b&quot;"/>
  </layout></citation>
</style>"""


def test_an_element_keeps_only_the_mixins_its_attributes_call_for() -> None:
    """A plain cs:text has no display or rich-value mixin; one with those attributes keeps both,
    and a locale's date-part keeps text-case (it takes the style's attributes while rendering)."""
    root = parse_csl_text(STYLE)
    plain, displayed = root.citation.layout.iterchildren(f"{CSL}text")
    assert not isinstance(plain, Displayed | ValueRichText)
    assert isinstance(displayed, Displayed) and isinstance(displayed, ValueRichText)
    date_part = next(root.iter(f"{CSL}date-part"))
    assert isinstance(date_part, TextCase)


def _with_full_classes(root: Any) -> list[tuple[Any, type[Any]]]:
    saved = [(element, type(element)) for element in root.iter() if isinstance(element, CachedLookups)]
    for element, _ in saved:
        element.__class__ = element_class(element.tag[len(CSL) :])
    return saved


@pytest.mark.parametrize("style", ["apa", "vancouver", "harvard"])
@pytest.mark.parametrize("markup", ["text", "html"])
def test_specialized_elements_render_as_with_every_mixin(style: str, markup: str) -> None:
    """A bibliography of real items is the same with the specialized classes as with the full ones."""
    items = json.loads((GOLDEN / "agreement" / "items.json").read_text(encoding="utf-8"))[:120]
    specialized = bibliography_of_items(items, style, markup=markup)
    saved = _with_full_classes(load_style(style).root)
    try:
        full = bibliography_of_items(items, style, markup=markup)
    finally:
        for element, cls in saved:
            element.__class__ = cls
    assert specialized == full
