"""CSL 1.0.2 "Formatting": ``font-style="normal"``, ``font-weight="normal"``,
``font-variant="normal"`` and ``vertical-align="baseline"`` undo an enclosing italic, bold, small
caps or superscript. citeproc-py treated them as "no formatting", so the text stayed italic.

In HTML, when an enclosing element of the style sets the style (not when a macro is called from
one, nor inside an item's rich text), the element's output is wrapped in a marker span; the
flip-flop step (``citekit.csl.finish.flip_flop``, on the finished HTML) turns it into
``<span style="font-style:normal;">`` (as citeproc-js writes it) when the style it undoes is in
effect there, and drops it otherwise. ``vertical-align="baseline"`` is the exception: citeproc-js
writes its ``<span style="baseline">`` wherever the style asks for it, a layout's included (with
the layout's affixes inside), superscript or not."""

from __future__ import annotations

from typing import Any

from citeproc.formatter.html import TagWrapper

from citekit.csl.formatters import escape_html
from citekit.csl.style.element import Element


def _marker(name: str) -> type[TagWrapper]:
    return type(name, (TagWrapper,), {"tag": "span", "attributes": {"class": name}})


# attribute, value -> the marker span (its class is read back by flip_flop)
MARKERS = {
    ("font-style", "normal"): _marker("csl-normal-i"),
    ("font-weight", "normal"): _marker("csl-normal-b"),
    ("font-variant", "normal"): _marker("csl-normal-sc"),
    ("vertical-align", "baseline"): _marker("csl-baseline"),
}


class NormalFormatting(Element):
    """For elements with formatting attributes: the undoing values wrapped in a marker (HTML)."""

    # Text of an element without font attributes is left as it is (``citekit.csl.style.lookups``).
    PLAIN_TEXT_AS_IS = True

    @staticmethod
    def applies_to(element: Element) -> bool:
        return any(element.get(attribute) == value for attribute, value in MARKERS)

    def format(self, string: Any) -> Any:
        text = super().format(string)
        if not text or getattr(self.get_formatter(), "preformat", None) is not escape_html:
            return text
        whole_entry = getattr(self, "whole_entry_marked", False)  # second_field_align's layout
        for (attribute, value), marker in MARKERS.items():
            if attribute == "vertical-align" and whole_entry:
                continue
            if self.get(attribute) == value and (attribute == "vertical-align" or _enclosed(self, attribute)):
                text = marker(text)
        return text


def _enclosed(element: Element, attribute: str) -> bool:
    """Whether an enclosing element of the style sets ``attribute`` to a value it undoes."""
    parent = element.getparent()
    while parent is not None:
        if parent.get(attribute) not in (None, "normal", "baseline"):
            return True
        parent = parent.getparent()
    return False


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "decorations_Baseline",
    "decorations_NoNormalWithoutDecoration",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_formatting.py::test_baseline_inside_superscript",
    "tests/csl/test_rules_formatting.py::test_baseline_is_written_where_the_style_asks_for_it",
    "tests/csl/test_rules_formatting.py::test_normal_inside_italic_is_set_upright",
)


ELEMENTS = dict.fromkeys(("text", "group", "names", "date", "number", "label", "layout"), NormalFormatting)
