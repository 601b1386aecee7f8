"""CSL 1.0.2 "Sorting": ``cs:sort`` orders items by its ``cs:key`` elements in turn.

A key is a variable (names compared as name lists in sort order, dates by their parts, numbers
numerically, text as plain text without markup and case) or a macro (its rendering, with names in
sort order and the ``names-min``/``names-use-first``/``names-use-last`` overrides). Items with an
empty key sort after the others whether the key is ascending or descending.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cmp_to_key
from typing import TYPE_CHECKING, Any

from citeproc.source import VariableError

from citekit import model
from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

NAME_VARIABLES = frozenset(model.NAME_VARIABLES)
# citeproc-py also knows a "container" date.
DATE_VARIABLES = frozenset(model.DATE_VARIABLES) | {"container"}
NUMBER_VARIABLES = frozenset(
    [
        "chapter-number",
        "collection-number",
        "edition",
        "issue",
        "number",
        "number-of-pages",
        "number-of-volumes",
        "volume",
        "citation-number",
    ]
)
_TAGS = re.compile(r"<[^>]+>")
_ENTITIES = {"&#38;": "&", "&#60;": "<", "&#62;": ">", "&amp;": "&", "&lt;": "<", "&gt;": ">"}
_IGNORED = re.compile(r"[\"'“”‘’«»\[\]()]")
_DIGITS = re.compile(r"\d+")


def text_key(text: Any) -> str | None:
    """Plain, case-folded, accent-folded text of a rendering, ``None`` if empty."""
    if text is None:
        return None
    plain = _TAGS.sub("", str(text))
    for entity, char in _ENTITIES.items():
        plain = plain.replace(entity, char)
    plain = _IGNORED.sub("", plain).strip()
    if not plain:
        return None
    folded = "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))
    return folded.casefold()


def _padded(text: str | None) -> str | None:
    """Digit runs zero-padded so that numbers inside rendered keys compare numerically."""
    return None if text is None else _DIGITS.sub(lambda m: m.group(0).zfill(10), text)


def _name_key(name: Any, demote: str) -> str:
    given, family, dropping, non_dropping, suffix = name.parts()
    if "literal" in name:
        return str(family)
    if demote in ("sort-only", "display-and-sort"):
        parts = [family, given, dropping, non_dropping, suffix]
    else:
        family = " ".join(str(p) for p in (non_dropping, family) if p)
        parts = [family, given, dropping, suffix]
    return " ".join(str(p) for p in parts if p)


def date_key(date: Any) -> tuple[int, ...] | None:
    if date is None:
        return None
    if isinstance(date, dict) and "begin" in date:
        begin = date_key(date["begin"]) or ()
        end = date_key(date.get("end")) if date.get("end") is not None else ()
        return (*begin, *(end or ()))
    if not isinstance(date, dict) or "year" not in date:
        return None
    try:
        year = int(date["year"])
    except (TypeError, ValueError, VariableError):
        return None
    month = date.get("month", 0)
    month = month if isinstance(month, int) else 0
    day = date.get("day", 0)
    day = day if isinstance(day, int) else 0
    return (year, month, day)


def number_key(value: Any) -> tuple[int, str] | None:
    text = str(value).strip()
    if not text:
        return None
    match = re.match(r"\d+", text)
    return (int(match.group(0)), text.casefold()) if match else (10**12, text.casefold())


class SortingKey(Element):
    def sort_key(self, item: CitationItem, context: Element) -> Any:
        """The value of this key for one item (None when empty)."""
        variable = self.get("variable")
        if variable is None:
            return _padded(text_key(self._macro_key(item, context)))
        reference = item.reference
        if variable == "citation-number":
            return item.number
        python = variable.replace("-", "_")
        if python not in reference:
            return None
        value = reference[python]
        if variable in NAME_VARIABLES:
            demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort")
            return [text_key(_name_key(name, demote)) or "" for name in value] or None
        if variable in DATE_VARIABLES:
            return date_key(value)
        if variable in NUMBER_VARIABLES:
            return number_key(value)
        return text_key(value)

    def _macro_key(self, item: CitationItem, context: Element) -> Any:
        options = {"name-as-sort-order": "all"}
        for option in ("names-min", "names-use-first", "names-use-last"):
            if option in self.attrib:
                options[option.replace("names", "et-al")] = self.get(option)
        layout = context.get_layout()
        layout.repressed = {}
        try:
            return self.get_macro(self.get("macro")).render(item, context=context, sort_options=options)
        except VariableError:
            return None


def _compare(left: Any, right: Any) -> int:
    if (isinstance(left, tuple) and isinstance(right, tuple)) or type(left) is type(right):
        try:
            return int((left > right) - (left < right))
        except TypeError:
            pass
    left_s, right_s = str(left), str(right)
    return (left_s > right_s) - (left_s < right_s)


def sort_items(sort: Any, items: list[CitationItem], context: Element | None) -> list[Any]:
    """``items`` in the order of ``sort``'s keys (stable: ties keep their order)."""
    keys = list(sort.iterfind("{http://purl.org/net/xbiblio/csl}key"))
    # A key is rendered only when the keys before it tie: most items are told apart by the first
    # (an author), and a macro key costs a whole rendering of the macro (APA has five of them).
    values: dict[int, list[Any]] = {id(item): [] for item in items}
    descending = [key.get("sort", "ascending") == "descending" for key in keys]

    def value(item: CitationItem, index: int) -> Any:
        known = values[id(item)]
        while len(known) <= index:
            known.append(keys[len(known)].sort_key(item, context))
        return known[index]

    def compare(a: Any, b: Any) -> int:
        for index, desc in enumerate(descending):
            left, right = value(a, index), value(b, index)
            if left is None or right is None:
                if left is None and right is None:
                    continue
                return 1 if left is None else -1
            result = _compare(left, right)
            if result:
                return -result if desc else result
        return 0

    return sorted(items, key=cmp_to_key(compare))


class Sorting(Element):
    def sort(self, items: Any, context: Element | None) -> list[Any]:
        return sort_items(self, list(items), context)


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "bugreports_AccidentalAllCaps",
    "bugreports_AllCapsLeakage",
    "bugreports_AsmJournals",
    "bugreports_BadDelimiterBeforeCollapse",
    "bugreports_ByBy",
    "bugreports_CitationSortsWithEtAl",
    "bugreports_CollapseFailure",
    "bugreports_DelimitersOnLocator",
    "bugreports_DisambiguationAddNames",
    "bugreports_DuplicateSpaces2",
    "bugreports_DuplicateTerminalPunctuationInBibliography",
    "bugreports_SingleQuoteXml",
    "bugreports_SortSecondaryKey",
    "bugreports_YearSuffixInHarvard1",
    "bugreports_YearSuffixLingers",
    "bugreports_disambiguate",
    "bugreports_ikeyOne",
    "bugreports_undefinedCrash",
    "collapse_AuthorCollapseNoDateSorted",
    "collapse_CitationNumberRangesInsert",
    "collapse_CitationNumberRangesMixed",
    "collapse_CitationNumberRangesMixed2",
    "collapse_CitationNumberRangesMixed3",
    "collapse_CitationNumberRangesWithAffixesNoCollapse",
    "collapse_NumericDuplicate",
    "collapse_TrailingDelimiter",
    "date_IgnoreNonexistentSort",
    "date_NegativeDateSortViaMacro",
    "date_NonexistentSortReverseBibliography",
    "date_NonexistentSortReverseCitation",
    "date_SortEmptyDatesBibliography",
    "date_SortEmptyDatesCitation",
    "disambiguate_AllNamesWithInitialsBibliography",
    "disambiguate_ByCiteIncremental2",
    "disambiguate_ByCiteMinimalGivennameExpandMinimalNames",
    "disambiguate_FailWithYearSuffix",
    "disambiguate_SetsOfNames",
    "disambiguate_YearSuffixAndSort",
    "disambiguate_YearSuffixMidInsert",
    "disambiguate_YearSuffixWithMixedCreatorTypes",
    "flipflop_Apostrophes",
    "group_SuppressWithEmptyNestedDateNode",
    "integration_CitationSort",
    "integration_CitationSortTwice",
    "magic_CitationLabelInBibliography",
    "magic_CitationLabelInCitation",
    "name_CiteGroupDelimiterWithYearCollapse",
    "name_EditorTranslatorBoth",
    "name_EditorTranslatorWithTranslatorOnlyBib",
    "name_ParseNames",
    "number_NewOrdinalsEdition",
    "punctuation_DefaultYearSuffixDelimiter",
    "quotes_QuotesUnderQuotesFalse",
    "sort_AuthorDateWithYearSuffix",
    "sort_CaseInsensitiveCitation",
    "sort_ChicagoYearSuffix1",
    "sort_ChicagoYearSuffix2",
    "sort_Citation",
    "sort_CitationNumberPrimaryAscendingViaMacroCitation",
    "sort_CitationNumberPrimaryAscendingViaVariableCitation",
    "sort_CitationSecondaryKey",
    "sort_CiteGroupDelimiter",
    "sort_DateVariable",
    "sort_DateVariableMixedElementsAscendingA",
    "sort_DateVariableMixedElementsAscendingB",
    "sort_DateVariableMixedElementsDescendingA",
    "sort_DateVariableMixedElementsDescendingB",
    "sort_DateVariableRange",
    "sort_DateVariableRangeMixed",
    "sort_DropNameLabelInSort",
    "sort_GroupedByAuthorstring",
    "sort_LatinUnicode",
    "sort_LeadingA",
    "sort_LeadingApostropheOnNameParticle",
    "sort_LocalizedDateLimitedParts",
    "sort_NameVariable",
    "sort_Quotes",
    "sort_SeparateAuthorsAndOthers",
    "sort_StatusFieldAscending",
    "sort_StatusFieldDescending",
    "sort_StripMarkup",
    "sort_TestInheritance",
    "sort_WithAndInOneEntry",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_agreement.py::test_dates_in_nested_macros_sort_by_value",
    "tests/csl/test_rules_agreement.py::test_names_labels_are_not_part_of_sort_keys",
    "tests/csl/test_rules_agreement.py::test_sort_only_particles_are_demoted_in_macro_keys",
    "tests/csl/test_rules_agreement.py::test_sorting_ignores_punctuation_but_not_spaces",
    "tests/csl/test_rules_collapse.py::test_citation_numbers_collapse_into_ranges",
    "tests/csl/test_rules_collapse.py::test_collapse_by_year_groups_cites_of_one_author",
    "tests/csl/test_rules_sorting.py::test_macro_keys_render_the_macro",
    "tests/csl/test_rules_sorting.py::test_text_keys_ignore_case_and_markup",
)


ELEMENTS = {"sort": Sorting, "key": SortingKey}
