"""CSL 1.0.2 "Localized Date Formats": a localized date's parts are joined by the delimiter of the
locale's cs:date (NLM's ``2019 Dec 1``), not by that of the style's cs:date that called it."""

from __future__ import annotations

from typing import Any

from citekit.csl.style.element import Element


class LocalizedDateDelimiter(Element):
    def render_single_date(self, date: Any, show_parts: Any = None, context: Element | None = None) -> Any:
        if not self.is_locale_date():
            return super().render_single_date(date, show_parts, context)
        parts = self.parts(date, show_parts, context)
        return self.join(parts) if parts else None


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = ()
TESTS: tuple[str, ...] = ("tests/csl/test_rules.py::test_localized_date_uses_the_locale_delimiter",)


ELEMENTS = {"date": LocalizedDateDelimiter}
