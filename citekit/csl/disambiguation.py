"""CSL 1.0.2 "Disambiguation": cites of different items that render alike are told apart.

The methods run in the spec's order, each only on the items still ambiguous after the last:
``disambiguate-add-names`` (names hidden by et-al shown one by one), ``disambiguate-add-givenname``
(initials, then full given names, as ``givenname-disambiguation-rule`` says), the
``disambiguate="true"`` condition, and ``disambiguate-add-year-suffix`` (a, b, … in bibliography
order). The result is a ``State`` per item, which ``apply`` puts on a cite for the rules to read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from citeproc import Citation, CitationItem
from citeproc.source import VariableError

from citekit.csl.citations import Position
from citekit.csl.rules.sorting import NAME_VARIABLES

OPTIONS = (
    "disambiguate-add-names",
    "disambiguate-add-givenname",
    "disambiguate-add-year-suffix",
)


@dataclass
class State:
    add_names: int = 0
    givens: dict[Any, int] = field(default_factory=dict)
    disambiguate: bool = False
    year_suffix: str | None = None


def suffix_letters(number: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, 27 -> ab …"""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def apply(item: Any, state: State | None) -> None:
    """Put an item's disambiguation on one of its cites."""
    if state is None:
        return
    item["csl_add_names"] = state.add_names
    item["csl_givens"] = state.givens
    item["csl_disambiguate"] = state.disambiguate


def needed(style_root: Any) -> bool:
    citation = style_root.citation
    if citation is None:
        return False
    uses_condition = bool(style_root.xpath_search(".//cs:if[@disambiguate] | .//cs:else-if[@disambiguate]"))
    return uses_condition or any(citation.get(option) == "true" for option in OPTIONS)


class Disambiguator:
    def __init__(self, style_root: Any, bibliography: Any) -> None:
        self.citation = style_root.citation
        self.layout = self.citation.layout
        self.bibliography = bibliography
        self.keys: list[str] = list(dict.fromkeys(item.key for item in bibliography.items))
        self.states = {key: State() for key in self.keys}

    def option(self, name: str) -> bool:
        return bool(self.citation.get(name) == "true")

    def render(self, key: str) -> str:
        item = CitationItem(key)
        citation = Citation([item])
        citation.bibliography = self.bibliography
        apply(item, self.states[key])
        item["csl_position"] = Position()
        self.layout.repressed = {}
        try:
            text = self.layout.render_children(item)
        except VariableError:
            text = None
        return str(text or "")

    def ambiguous(self, keys: list[str]) -> list[list[str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            groups[self.render(key)].append(key)
        return [group for group in groups.values() if len(group) > 1]

    def _distinct(self, group: list[str]) -> int:
        return len({self.render(key) for key in group})

    def _name_count(self, key: str) -> int:
        reference = self.bibliography.source[key]
        counts = [
            len(reference[v.replace("-", "_")]) for v in NAME_VARIABLES if v.replace("-", "_") in reference
        ]
        return max(counts, default=0)

    def add_names(self, group: list[str]) -> None:
        best, best_distinct = 0, self._distinct(group)
        for extra in range(1, max(self._name_count(k) for k in group)):
            for key in group:
                self.states[key].add_names = extra
            distinct = self._distinct(group)
            if distinct > best_distinct:
                best, best_distinct = extra, distinct
            if distinct == len(group):
                break
        for key in group:
            self.states[key].add_names = best

    def add_givennames(self, group: list[str], rule: str) -> None:
        top = 1 if rule.endswith("with-initials") else 2
        scope = "first" if rule.startswith("primary-name") else "*"
        best, best_distinct = 0, self._distinct(group)
        for level in range(1, top + 1):
            for key in group:
                self.states[key].givens = self._levels(key, scope, level)
            distinct = self._distinct(group)
            if distinct > best_distinct:
                best, best_distinct = level, distinct
            if distinct == len(group):
                break
        for key in group:
            self.states[key].givens = self._levels(key, scope, best) if best else {}

    def _levels(self, key: str, scope: str, level: int) -> dict[Any, int]:
        if scope == "*":
            return {"*": level}
        reference = self.bibliography.source[key]
        return {(v, 0): level for v in NAME_VARIABLES if v.replace("-", "_") in reference}

    def run(self) -> dict[str, State]:
        groups = self.ambiguous(self.keys)
        if groups and self.option("disambiguate-add-names"):
            for group in groups:
                self.add_names(group)
            groups = self.ambiguous([k for g in groups for k in g])
        if groups and self.option("disambiguate-add-givenname"):
            rule = self.citation.get("givenname-disambiguation-rule", "by-cite")
            for group in groups:
                self.add_givennames(group, rule)
            groups = self.ambiguous([k for g in groups for k in g])
        if groups:
            for group in groups:
                for key in group:
                    self.states[key].disambiguate = True
            groups = [g for g in self.ambiguous([k for g in groups for k in g]) if g]
        if groups and self.option("disambiguate-add-year-suffix"):
            for group in groups:
                for number, key in enumerate(sorted(group, key=self.keys.index)):
                    self.states[key].year_suffix = suffix_letters(number)
        return self.states
