"""CSL 1.0.2 "Ordinal Suffixes" and "Gender-specific Ordinals", which citeproc-py did not apply.

- The suffix agrees in gender with the term of the number variable (``edition`` is feminine in
  French) and, for a day, with the month term; a term with no variant of that gender falls back
  to its neuter form (no ``gender-form``), and a term with neither is skipped.
- ``ordinal-10`` to ``ordinal-99`` (matching the last two digits) come before ``ordinal-00`` to
  ``ordinal-09`` (the last digit), then ``ordinal``; ``match`` may say otherwise.
- Ordinal terms are replaced as a set: the first locale (style locales first) that defines any
  ordinal term supplies all of them, so a style's ``ordinal`` is not mixed with a locale file's
  ``ordinal-02``.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc.model import Locale, to_ordinal
from citeproc.source import VariableError

from citekit.csl.style.element import Element

_CSL = "{http://purl.org/net/xbiblio/csl}"
_ORDINAL_NAME = re.compile(r"ordinal(?:-\d\d)?")
# how a term matches when it does not say: by the digits its name has
_DEFAULT_MATCH = {True: "last-two-digits", False: "last-digit"}


def _ordinal_terms(element: Element) -> list[Any]:
    """The ordinal terms of the first locale that defines any."""
    for locale in element.get_root().locales:
        terms = locale.find(f"{_CSL}terms")
        if terms is None:
            continue
        found = [t for t in terms.iterfind(f"{_CSL}term") if _ORDINAL_NAME.fullmatch(t.get("name", ""))]
        if found:
            return found
    return []


def _matches(name: str, match: str | None, number: int) -> bool:
    if name == "ordinal":
        return True
    digits = int(name[-2:])
    match = match or _DEFAULT_MATCH[digits >= 10]
    if match == "whole-number":
        return number == digits
    if match == "last-two-digits":
        return number % 100 == digits
    return number % 10 == digits


def ordinal_suffix(element: Element, number: int, gender: str | None) -> Any:
    """The ordinal suffix of ``number`` for a noun of ``gender``; None when no term fits."""
    terms = [t for t in _ordinal_terms(element) if t.get("form") in (None, "long")]
    names = [f"ordinal-{number % 100:02}"] if number % 100 >= 10 else []
    names += [f"ordinal-{number % 10:02}", "ordinal"]
    for name in names:
        fitting = [t for t in terms if t.get("name") == name and _matches(name, t.get("match"), number)]
        gendered = [t for t in fitting if gender is not None and t.get("gender-form") == gender]
        neuter = [t for t in fitting if t.get("gender-form") is None]
        for term in gendered or neuter:
            return term.single  # citeproc-py's String, escaped for the output as other terms
    return None


def term_gender(element: Element, name: str) -> str | None:
    term = element.get_term(name)
    return None if term is None else term.get("gender")


class GenderedOrdinalNumber(Element):
    """For cs:number in ordinal form: the suffix agrees with the variable's term."""

    @staticmethod
    def applies_to(element: Element) -> bool:
        return element.get("form") in ("ordinal", "long-ordinal")

    def format_number(self, number: Any) -> Any:
        text = super().format_number(number)
        try:
            value = int(number)
        except ValueError:
            return text
        if str(text) != str(to_ordinal(value, self)):  # a long ordinal word, kept as it is
            return text
        suffix = ordinal_suffix(self, value, term_gender(self, str(self.get("variable", ""))))
        return text if suffix is None else str(value) + suffix


class GenderedOrdinalDay(Element):
    """For cs:date-part name="day" in ordinal form: the suffix agrees with the month term."""

    @staticmethod
    def applies_to(element: Element) -> bool:
        return bool(element.get("name") == "day")

    def process(self, date: Any, context: Element | None = None) -> Any:
        text = super().process(date, context)
        if self.get("name") != "day" or text is None:
            return text
        host = self if context is None else context  # a locale's date-part looks terms up in the style
        day = date.day  # rendered above, so present
        if isinstance(host.get_root(), Locale) or not isinstance(day, int):
            return text
        if str(text) != str(to_ordinal(day, host)):
            return text
        try:
            gender = term_gender(host, f"month-{int(date.month):02}")
        except (AttributeError, TypeError, ValueError, KeyError, VariableError):
            gender = None
        suffix = ordinal_suffix(host, day, gender)
        return text if suffix is None else str(day) + suffix


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "number_LimitOrdinalsToDayOne",
    "number_SeparateOrdinalNamespaces",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_ordinals.py::test_day_ordinal_agrees_with_the_month_gender",
    "tests/csl/test_rules_ordinals.py::test_ordinal_suffix_agrees_with_the_gender_of_the_variable_term",
    "tests/csl/test_rules_ordinals.py::test_ordinal_without_the_gender_falls_back_to_ordinal",
    "tests/csl/test_rules_ordinals.py::test_style_ordinal_terms_replace_the_locale_files_set",
)


ELEMENTS = {"number": GenderedOrdinalNumber, "date-part": GenderedOrdinalDay}
