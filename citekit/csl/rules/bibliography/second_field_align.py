"""CSL 1.0.2 bibliography option ``second-field-align``: the first rendered field of an entry
(a citation number) is set apart from the rest, so text output reads ``1. Dalgarno M`` and HTML
output gets csl-left-margin / csl-right-inline blocks."""

from __future__ import annotations

from typing import Any

from citeproc.source import VariableError
from citeproc.string import String, join

from citekit.csl.marks import ENTRY_BASELINE, FIELD_BREAK
from citekit.csl.style.element import Element


class SecondFieldAlign(Element):
    def render_bibliography(self, citation_items: Any) -> list[Any]:
        if not self.getparent().get_option("second-field-align"):
            return list(super().render_bibliography(citation_items))
        entries = []
        for item in citation_items:
            self.repressed: dict[str, Any] = {}
            rendered = []
            for child in self.iterchildren():
                try:
                    text = child.render(item)
                except VariableError:
                    continue
                if text is not None:
                    rendered.append(text)
            if rendered:
                first, rest = rendered[0], rendered[1:]
                baseline = self.get("vertical-align") == "baseline"
                self.whole_entry_marked = baseline  # the baseline span is the entry's (render.py)
                body = self.format(self.wrap(join(rest, ""))) if rest else String("")
                entries.append((ENTRY_BASELINE if baseline else "") + first + FIELD_BREAK + body)
        return entries


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "bugreports_AsmJournals",
    "bugreports_DuplicateSpaces",
    "bugreports_IeeePunctuation",
    "bugreports_SingleQuote",
    "bugreports_UndefinedNotString",
    "bugreports_UndefinedStr",
    "display_SecondFieldAlignMigratePunctuation",
    "magic_CitationLabelInBibliography",
    "magic_SecondFieldAlign",
    "sort_DateMacroSortWithSecondFieldAlign",
    "variables_ContainerTitleShort",
    "variables_ContainerTitleShort2",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules.py::test_second_field_align_sets_the_number_apart",
    "tests/csl/test_rules_formatting.py::test_a_baseline_layout_with_the_number_set_apart_holds_both_blocks",
)


ELEMENTS = {"layout": SecondFieldAlign}
