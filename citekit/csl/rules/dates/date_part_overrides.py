"""CSL 1.0.2 "Localized Date Formats": the cs:date-part children of a style's cs:date override
the attributes of the localized date's parts for that date only. citeproc-py copies them into the
locale's cs:date-part for good, so one ``<date form="text"><date-part name="month"
form="short"/></date>`` made every later ``<date form="text"/>`` of the session print ``Oct.``
for ``October``; citeproc-js overrides per date."""

from __future__ import annotations

from typing import Any

from citekit.csl.style.element import Element


class ScopedDatePartOverride(Element):
    def render(self, *args: Any, **kwargs: Any) -> Any:
        # the locale's own attributes, put back once this date's part is written (citeproc-py
        # merges the style's overrides into them in process() and reads them again in markup())
        own = dict(self.attrib)
        try:
            return super().render(*args, **kwargs)
        finally:
            if dict(self.attrib) != own:
                self.attrib.clear()
                self.attrib.update(own)


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = ()
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_dates.py::test_date_part_override_holds_for_its_own_date_only",
)


ELEMENTS = {"date-part": ScopedDatePartOverride}
