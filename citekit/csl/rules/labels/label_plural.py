"""CSL 1.0.2 ``cs:label`` plurals: for ``number-of-pages`` and ``number-of-volumes`` the term is
plural when the number is above one (NLM's ``400 p.``); citeproc-py failed on these variables."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from citeproc.source import VariableError

from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem


class LabelPlural(Element):
    def _is_plural(self, item: CitationItem) -> bool:
        variable = self.get("variable") or ""
        if not variable.startswith("number-of-"):
            return bool(super()._is_plural(item))
        try:
            value = str(item.reference[variable.replace("-", "_")])
        except VariableError:
            return False
        number = re.match(r"\d+", value)
        return bool(number) and int(number.group(0)) > 1 if number else False


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "label_EditorTranslator1",
    "label_PluralNumberOfVolumes",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules.py::test_number_of_pages_label",
    "tests/csl/test_rules_agreement.py::test_number_element_reads_hyphenated_variables",
)


ELEMENTS = {"label": LabelPlural}
