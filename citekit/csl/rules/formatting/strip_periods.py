"""CSL 1.0.2 "Formatting": ``strip-periods="true"`` removes the periods of what an element
renders. citeproc-py removes them with ``str.replace``, which fails on a citation number (an
``int``): revista-da-sociedade-brasileira-de-medicina-tropical, the one style of the repository's
2,851 that crashed on the crash scan's items. A number has no periods to strip."""

from __future__ import annotations

from typing import Any

from citekit.csl.style.element import Element


class StripPeriods(Element):
    @staticmethod
    def applies_to(element: Element) -> bool:
        return str(element.get("strip-periods", "false")).lower() == "true"

    def strip_periods(self, string: Any) -> Any:
        if isinstance(string, int):
            return string
        return super().strip_periods(string)


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = ()
TESTS: tuple[str, ...] = ("tests/csl/test_rules_formatting.py::test_strip_periods_on_a_citation_number",)


ELEMENTS = dict.fromkeys(("text", "label"), StripPeriods)
