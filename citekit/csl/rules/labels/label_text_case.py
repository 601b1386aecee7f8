"""CSL 1.0.2 "Text-case" on ``cs:label``: a term is title-cased whatever the locale (APA's
``(Eds.)``, Danish ``(Red.)``): citeproc-js asks the language only of an item's fields."""

from __future__ import annotations

from typing import Any

from citekit.csl.style.element import Element


class LabelTextCase(Element):
    def markup(self, text: Any) -> Any:
        if not text:
            return None
        title = self.get("text-case") == "title"
        language = "en" if title else getattr(self.get_root(), "output_locale", "en")[:2]
        return self.wrap(self.format(self.case(self.strip_periods(text), language)))


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = ()
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules.py::test_label_title_case",
    "tests/csl/test_rules_text_case.py::test_terms_are_title_cased_whatever_the_locale",
)


ELEMENTS = {"label": LabelTextCase}
