"""CSL 1.0.2 ``display`` attribute (block, left-margin, right-inline, indent): in HTML output the
element's rendering, affixes included, is set in ``<div class="csl-…">`` as citeproc-js sets it;
text output is unchanged."""

from __future__ import annotations

from typing import Any

from citeproc.string import String

from citekit.csl.formatters import MARKUPS
from citekit.csl.style.element import Element

DISPLAYS = frozenset({"block", "left-margin", "right-inline", "indent"})


class Displayed(Element):
    @staticmethod
    def applies_to(element: Element) -> bool:
        return element.get("display") in DISPLAYS

    def render(self, *args: Any, **kwargs: Any) -> Any:
        output = super().render(*args, **kwargs)
        display = self.get("display")
        if not output or display not in DISPLAYS or kwargs.get("sort_options") is not None:
            return output
        if self.get_formatter() is not MARKUPS["html"].formatter:
            return output
        return String(f'<div class="csl-{display}">') + output + String("</div>")


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "display_DisplayBlock",
    "display_SecondFieldAlignClone",
)
TESTS: tuple[str, ...] = ("tests/csl/test_rules_bibliography.py::test_display_blocks_in_html",)


ELEMENTS = {name: Displayed for name in ("text", "group", "names", "date", "number", "label")}
