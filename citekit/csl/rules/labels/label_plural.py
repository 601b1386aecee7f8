"""CSL 1.0.2 ``cs:label`` plurals: for ``number-of-pages`` and ``number-of-volumes`` the term is
plural when the number is above one (NLM's ``400 p.``); citeproc-py failed on these variables. For
the other variables a value holding several numbers is plural only when it is numeric as a whole
(``12-14``, ``12 and 14``, ``2nd-3rd``), as citeproc-js counts it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from citeproc.source import VariableError

from citekit.csl.rules.groups.conditions import is_numeric
from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem


class LabelPlural(Element):
    def _is_plural(self, item: CitationItem) -> bool:
        variable = self.get("variable") or ""
        if variable == "locator":
            return bool(super()._is_plural(item))
        if not variable.startswith("number-of-"):
            # several numbers make a plural only where the whole value is numeric: "Pub. L. No.
            # 88-352" and "S. 12-14" are one number to citeproc-js ("No.", not "Nos.")
            return bool(super()._is_plural(item)) and is_numeric(item.reference[variable.replace("-", "_")])
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
    "tests/csl/test_rules_names.py::test_a_label_is_plural_only_for_a_value_numeric_as_a_whole",
    "tests/csl/test_rules.py::test_number_of_pages_label",
    "tests/csl/test_rules_agreement.py::test_number_element_reads_hyphenated_variables",
)


ELEMENTS = {"label": LabelPlural}
