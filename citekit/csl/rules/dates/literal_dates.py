"""Literal dates (CSL-JSON ``{"literal": "20xx"}``) where a ``cs:date`` shows no year.

CSL 1.0.2 does not say where a date written as text goes. citeproc-js prints it where the date
shows its year and nowhere else, so APA's "(20xx)" is not followed by the text again from the
month-and-day date ("(20xx, 20xx)" with citeproc-py); and as the year, with the year part's
affixes and formatting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citeproc.source import LiteralDate, VariableError
from citeproc.string import String

from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem


class LiteralDateWithYear(Element):
    def _shows_year(self, show_parts: Any) -> bool:
        if not self.is_locale_date() and self.get("form") is not None:
            return "year" in str(self.get("date-parts", "year-month-day")).split("-")
        names = {child.get("name") for child in self.iterchildren()}
        return "year" in names and (show_parts is None or "year" in show_parts)

    def process(
        self: Any,
        item: CitationItem,
        variable: Any = None,
        show_parts: Any = None,
        context: Element | None = None,
        **kwargs: Any,
    ) -> Any:
        name = variable or self.get("variable")
        try:
            value = item.reference[str(name).replace("-", "_")] if name else None
        except VariableError:
            value = None
        if isinstance(value, LiteralDate) and not self._shows_year(show_parts):
            return None
        if isinstance(value, LiteralDate) and not self.is_locale_date():
            part = self._year_part()
            if part is not None and value.text:
                # citeproc-js writes a date given as text where the year goes, as the year: with
                # the year part's affixes, formatting and case (``(1987–date)``)
                return self.wrap(part.markup(String(str(value.text))))
        return super().process(item, variable, show_parts, context, **kwargs)

    def _year_part(self) -> Any:
        """The cs:date-part the year is written with: the style's own (an override of a
        localized date's), else the localized date's."""
        for element in (self, self.get_date(self.get("form")) if self.get("form") else None):
            if element is None:
                continue
            for child in element.iterchildren():
                if child.get("name") == "year":
                    return child
        return None


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = ()
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_agreement.py::test_a_literal_date_shows_only_where_the_year_is_shown",
    "tests/csl/test_rules_dates.py::test_literal_date_takes_the_year_parts_affixes_and_formatting",
)


ELEMENTS = {"date": LiteralDateWithYear}
