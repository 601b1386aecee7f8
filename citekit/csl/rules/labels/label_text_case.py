"""CSL 1.0.2 "Text-case" on ``cs:label``: terms come from the locale, so ``text-case="title"``
applies when the style's locale is English (APA's ``(Eds.)``, not ``(eds.)``)."""

from __future__ import annotations

from typing import Any

from citekit.csl.style.element import Element


class LabelTextCase(Element):
    def markup(self, text: Any) -> Any:
        if not text:
            return None
        language = getattr(self.get_root(), "output_locale", "en")[:2]
        return self.wrap(self.format(self.case(self.strip_periods(text), language)))


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = ()
TESTS: tuple[str, ...] = ("tests/csl/test_rules.py::test_label_title_case",)


ELEMENTS = {"label": LabelTextCase}
