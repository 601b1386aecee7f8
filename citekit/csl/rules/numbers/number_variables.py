"""CSL 1.0.2 "Number" (cs:number).

- Variables with a hyphen in their name: citeproc-py looked up ``number-of-volumes`` as written,
  found nothing, and printed nothing, so APA lost ``(Vols. 1–3)``. The variable is read under
  citeproc-py's own key (``number_of_volumes``).
- A value whose comma-separated parts open with a locator label (``7, p. 3-8``): the
  specification renders such non-numeric content as it is; citeproc-js, which the fixtures
  follow, formats the plain numbers (``7th``), writes the label's term in the plural before
  several numbers (``pp. 3–8``) and leaves the numbers after a label unformatted but for the en
  dash of a range. We do as citeproc-js.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from citeproc.string import String

from citekit.csl.rules.labels.locator_label import own_label
from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

EN_DASH = "\u2013"
_PARTS = re.compile(r"\s*,\s*")
_SEVERAL = re.compile(r"\d\s*(?:[-\u2013,&]|and)\s*\d")
_RANGE_HYPHEN = re.compile(r"(?<=\d)\s*-+\s*(?=\d)")


class HyphenatedNumberVariables(Element):
    def process(self, item: CitationItem, context: Element | None = None, **kwargs: Any) -> Any:
        variable = self.get("variable")
        if "-" not in variable or variable.startswith("page"):
            return super().process(item, context=context, **kwargs)
        # a missing variable raises citeproc-py's VariableError, as for any other variable
        return self._process(item.reference[variable.replace("-", "_")], variable)

    def _process(self, value: Any, variable: str) -> Any:
        parts = _PARTS.split(str(value).strip())
        labels = [own_label(self, part) for part in parts]
        if not any(labels):
            return super()._process(value, variable)
        out = []
        for part, label in zip(parts, labels, strict=True):
            if label is None:
                out.append(str(super()._process(part, variable)))
                continue
            numbers = part.split(None, 1)[1]
            plural = _SEVERAL.search(numbers) is not None
            lookup = self.get_plural_term if plural else self.get_single_term
            term = lookup(name=label, form="short")
            out.append(f"{term} {_RANGE_HYPHEN.sub(EN_DASH, numbers)}")
        return String(", ".join(out))


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = ("number_OrdinalSpacing",)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_agreement.py::test_number_element_reads_hyphenated_variables",
    "tests/csl/test_rules_number_labels.py::test_label_in_a_number_is_pluralised_and_its_numbers_left_plain",
)


ELEMENTS = {"number": HyphenatedNumberVariables}
