"""CSL 1.0.2 "Group" suppression, as citeproc-js decides it for macros: a ``cs:text macro=`` that
renders something counts as a variable that rendered, so the group around it is kept.
NLM/Vancouver puts the term "In" (from a macro) in a group with the editors and the container
title; for a chapter with neither, citeproc-js still prints ``… Films. In. p. 55–65.``
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem


class MacroOutputCounts(Element):
    @staticmethod
    def applies_to(element: Element) -> bool:
        return element.get("macro") is not None

    def render(self, item: CitationItem, *args: Any, **kwargs: Any) -> Any:
        output = super().render(item, *args, **kwargs)
        if output and self.get("macro") is not None:
            item.state.tally.count(output)
        return output


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "bugreports_SingleQuoteXml",
    "bugreports_UndefinedNotString",
    "bugreports_UndefinedStr",
)
TESTS: tuple[str, ...] = ("tests/csl/test_rules_agreement.py::test_macro_output_keeps_its_group",)


ELEMENTS = {"text": MacroOutputCounts}
