"""CSL 1.0.2 "Sorting", compared as citeproc-js compares.

- Text keys ignore punctuation and symbols (``Al-otaibi`` after ``Almendro``, ``\\TeX
  Applications`` under T, as a locale collator ignoring punctuation orders them), not spaces
  (``Dale`` before ``Dalebout``).
- A date met anywhere inside a macro key, even in a nested macro, is its value rather than its
  text, so that ``1988`` from one macro and ``1988`` from another compare as the same year.
- ``demote-non-dropping-particle="sort-only"`` demotes the particle in macro keys too, as it does
  in variable keys (``von Bechtolsheim`` sorts under B).
- The label of a names element is not part of a key: editors acting as authors (``Anonymous
  (ed.)``) sort with the authors of the same name.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from citekit.csl.rules.sorting.sorting import date_key
from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

CSL = "{http://purl.org/net/xbiblio/csl}"


def collation_key(text: str) -> str:
    """Letters, digits and single spaces: punctuation and symbols do not take part in the order
    (``Knuth, D., & MacKay`` compares as ``Knuth D MacKay``)."""
    kept = "".join(c for c in text if unicodedata.category(c)[0] in "LNZ" or c.isspace())
    return " ".join(kept.split())


def _collated(value: Any) -> Any:
    if isinstance(value, str):
        return collation_key(value)
    if isinstance(value, list):
        return [collation_key(v) if isinstance(v, str) else v for v in value]
    return value


class SortCollation(Element):
    def sort_key(self, item: CitationItem, context: Element | None) -> Any:
        state = item.state
        previous = state.sort_key_options
        state.sort_key_options = {"name-as-sort-order": "all"}
        try:
            value = super().sort_key(item, context)
        finally:
            state.sort_key_options = previous
        return _collated(value)


class DateSortValue(Element):
    """A date in a macro sort key (at any depth) is its value, written as a fixed-width number:
    year + 50000 (so that years BC order too) in six digits, then month and day in two each, the
    parts the element does not show as 00; ``1988`` is ``0519880000`` wherever it comes from."""

    def render(self, item: CitationItem, *args: Any, **kwargs: Any) -> Any:
        in_key = kwargs.get("sort_options") is not None or item.state.sort_key_options is not None
        variable = self.get("variable")
        if not in_key or variable is None:
            return super().render(item, *args, **kwargs)
        python = variable.replace("-", "_")
        value = date_key(item.reference[python]) if python in item.reference else None
        if not value:
            return None
        if self.get("form"):
            shown = set(self.get("date-parts", "year-month-day").split("-"))
        else:
            shown = {part.get("name") for part in self.iterchildren(f"{CSL}date-part")}
        out = []
        for start in range(0, len(value), 3):
            year, month, day = (*value[start : start + 3], 0, 0)[:3]
            out.append(
                f"{year + 50000:06d}{month if 'month' in shown else 0:02d}{day if 'day' in shown else 0:02d}"
            )
        return "".join(out)


class NoNamesLabelInKeys(Element):
    def render(self, item: CitationItem, *args: Any, **kwargs: Any) -> Any:
        if item.state.sort_key_options is not None and self.getparent().tag.endswith("}names"):
            return None
        return super().render(item, *args, **kwargs)


class DemotedParticlesInKeys(Element):
    def render(self, item: CitationItem, *args: Any, **kwargs: Any) -> Any:
        root = self.get_root()
        if item.state.sort_key_options is None or root.get("demote-non-dropping-particle") != "sort-only":
            return super().render(item, *args, **kwargs)
        root.set("demote-non-dropping-particle", "display-and-sort")  # for this key only
        try:
            return super().render(item, *args, **kwargs)
        finally:
            root.set("demote-non-dropping-particle", "sort-only")


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "date_NegativeDateSortViaMacro",
    "sort_DropNameLabelInSort",
    "sort_Quotes",
    "sort_SeparateAuthorsAndOthers",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_agreement.py::test_names_labels_are_not_part_of_sort_keys",
    "tests/csl/test_rules_agreement.py::test_sort_only_particles_are_demoted_in_macro_keys",
    "tests/csl/test_rules_agreement.py::test_sorting_ignores_punctuation_but_not_spaces",
)


ELEMENTS = {
    "key": SortCollation,
    "date": DateSortValue,
    "label": NoNamesLabelInKeys,
    "name": DemotedParticlesInKeys,
}
