"""CSL 1.0.2 "Disambiguation", year-suffix: the letter disambiguation gives an item follows the
first year rendered from its ``issued`` date, unless the style renders ``year-suffix`` itself
(``cs:text variable="year-suffix"``). ``citekit.csl.engine.session`` marks the date with the letter.

citeproc-py hands a cs:date-part the date alone, so the letter travels on the date
(``SuffixedDate``), and every year of that date is written with it between two marks. Only the
first year of a cite or entry keeps its letter: the driver calls ``first_suffix_only`` on what
the cite rendered, which keeps the first marked letter and drops the others.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc.source import Date, DateRange

from citekit.csl.marks import SUFFIX_CLOSE, SUFFIX_OPEN
from citekit.csl.style.element import Element

_MARKED = re.compile(f"{SUFFIX_OPEN}([^{SUFFIX_CLOSE}]*){SUFFIX_CLOSE}")


class SuffixedDate(Date):  # type: ignore[misc]
    """A date whose year takes the item's year-suffix letter."""

    year_suffix: str

    def __init__(self, date: Any, suffix: str) -> None:
        dict.__init__(self, date)  # the same parts, as citeproc-py read them
        object.__setattr__(self, "plain", date)  # citeproc-py's date writes attributes as keys
        object.__setattr__(self, "year_suffix", suffix)


class YearWithSuffix(Element):
    def render(self, date: Any, context: Element | None = None) -> Any:
        text = super().render(date, context)
        if text is not None and isinstance(date, SuffixedDate) and self.get("name") == "year":
            # citeproc-js writes the letter as a part of its own after the year, with the year
            # part's affixes and formatting: ``(1986)(a)`` for ``prefix="(" suffix=")"``
            return text + SUFFIX_OPEN + self.markup(date.year_suffix) + SUFFIX_CLOSE
        return text


def first_suffix_only(text: str) -> str:
    """A rendered cite or entry with the first year-suffix kept and later ones dropped."""
    if SUFFIX_OPEN not in text:
        return text
    first = _MARKED.search(text)
    assert first is not None  # the marks come in pairs, from YearWithSuffix
    return text[: first.start()] + first.group(1) + _MARKED.sub("", text[first.end() :])


def _plain(date: Any) -> Any:
    return date.plain if isinstance(date, SuffixedDate) else date


def mark(
    reference: Any, suffix: str | None, explicit: bool, labelled: bool = False, label: Any = None
) -> None:
    """Record ``suffix`` as the reference's year-suffix variable, and on its issued date when the
    style does not render the variable itself (on its citation-label ``label``, when the style
    renders that: ``Asth00a``)."""
    if suffix:
        reference["year_suffix"] = suffix
    else:
        reference.pop("year_suffix", None)
    if label is not None:
        reference["citation_label"] = label + suffix if suffix and labelled and not explicit else label
        if labelled:
            return
    issued = reference.get("issued")
    wanted = suffix if suffix and not explicit else None
    if isinstance(issued, DateRange):
        end = _plain(issued.get("end"))
        part = "end" if end and not end.is_nil() else "begin"
        issued[part] = _suffixed(issued[part], wanted)
    elif isinstance(issued, Date):
        reference["issued"] = _suffixed(issued, wanted)


def _suffixed(date: Any, suffix: str | None) -> Any:
    plain = _plain(date)
    return SuffixedDate(plain, suffix) if suffix else plain


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "bugreports_BadCitationUpdate",
    "bugreports_CollapseFailure",
    "bugreports_DisambiguationAddNames",
    "bugreports_DisambiguationAddNamesBibliography",
    "bugreports_MatchedAuthorAndDate",
    "bugreports_YearSuffixInHarvard1",
    "bugreports_YearSuffixLingers",
    "bugreports_disambigHang",
    "collapse_ChicagoAfterCollapse",
    "collapse_YearSuffixImplicitCollapseNoYearSuffixDelimiter",
    "date_LopsidedDataYearSuffixCollapse",
    "disambiguate_AndreaEg3",
    "disambiguate_AndreaEg5",
    "disambiguate_FailWithYearSuffix",
    "disambiguate_ImplicitYearSuffixOnceOnly",
    "disambiguate_LastOnlyFailWithByCite",
    "disambiguate_NoTextElementUsesYearSuffixVariable",
    "disambiguate_YearCollapseWithInstitution",
    "disambiguate_YearSuffixAtTwoLevels",
    "disambiguate_YearSuffixFiftyTwoEntries",
    "disambiguate_YearSuffixFiftyTwoEntriesByCite",
    "disambiguate_YearSuffixMidInsert",
    "disambiguate_YearSuffixMixedDates",
    "disambiguate_YearSuffixWithEtAlSubsequent",
    "disambiguate_YearSuffixWithMixedCreatorTypes",
    "integration_YearSuffixOnOffOn",
    "magic_ImplicitYearSuffixDelimiter",
    "magic_ImplicitYearSuffixExplicitDelimiter",
    "name_CiteGroupDelimiterWithYearCollapse",
    "name_CiteGroupDelimiterWithYearSuffixCollapse",
    "name_CiteGroupDelimiterWithYearSuffixCollapse3",
    "punctuation_DefaultYearSuffixDelimiter",
    "sort_AuthorDateWithYearSuffix",
    "sort_ChicagoYearSuffix1",
    "sort_ChicagoYearSuffix2",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_collapse.py::test_after_collapsed_suffixes_the_layout_delimiter_follows",
    "tests/csl/test_rules_collapse.py::test_collapse_by_year_suffix_ranged",
    "tests/csl/test_rules_disambiguation.py::test_ambiguity_is_judged_on_the_subsequent_et_al_form",
    "tests/csl/test_rules_disambiguation.py::test_bibliography_names_stay_initials_under_a_with_initials_rule",
    "tests/csl/test_rules_disambiguation.py::test_implicit_year_suffix_follows_the_first_year_only",
    "tests/csl/test_rules_disambiguation.py::test_year_suffixes_follow_the_year",
    "tests/csl/test_rules_year_suffix.py::test_implicit_year_suffix_takes_the_year_parts_affixes_and_formatting",
)


ELEMENTS = {"date-part": YearWithSuffix}
