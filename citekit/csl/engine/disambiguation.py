"""CSL 1.0.2 "Disambiguation": cites of different items that render alike are told apart.

The methods run in the spec's order, each only on the items still ambiguous after the last:
``disambiguate-add-names`` (names hidden by et-al shown one by one), ``disambiguate-add-givenname``
(initials, then full given names, as ``givenname-disambiguation-rule`` says), the
``disambiguate="true"`` condition, and ``disambiguate-add-year-suffix`` (a, b, … in bibliography
order). The result is a ``Disambiguation`` per item, which the drivers hand to the rules in the
state of each rendering of a cite of the item (``citekit.csl.engine.state``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from citeproc import Citation
from citeproc.source import VariableError

from citekit.csl.engine.cites import CitationItem
from citekit.csl.engine.state import Disambiguation, NameKey, Position, RenderState
from citekit.csl.rules.citations import year_suffix
from citekit.csl.rules.citations.year_suffix import first_suffix_only
from citekit.csl.rules.sorting.sorting import NAME_VARIABLES
from citekit.normalize.keys import suffix_letters

_NAME_VARIABLES = sorted(NAME_VARIABLES)
OPTIONS = (
    "disambiguate-add-names",
    "disambiguate-add-givenname",
    "disambiguate-add-year-suffix",
)


def _uses_condition(style_root: Any) -> bool:
    return bool(style_root.xpath_search(".//cs:if[@disambiguate] | .//cs:else-if[@disambiguate]"))


def needed(style_root: Any) -> bool:
    citation = style_root.citation
    if citation is None:
        return False
    return _uses_condition(style_root) or any(citation.get(option) == "true" for option in OPTIONS)


def _initials(given: str) -> str:
    return "".join(w[:1] for w in given.replace("-", " ").replace(".", " ").split())


def _people(givens: set[str]) -> set[str]:
    """Distinct people among given names: ``J. J.`` and ``J.J.`` are one; ``C.`` and ``Charles``
    are two, as citeproc-js's name registry counts them (``A. Einstein`` and ``Albert
    Einstein``)."""
    return {_person(g) for g in givens}


def _person(given: str) -> str:
    """A given name as one person: itself if it has a whole word, else its initials."""
    whole = any(len(w) > 1 for w in given.replace("-", " ").replace(".", " ").split())
    return given if whole else _initials(given)


class Disambiguator:
    by_cite = False

    def __init__(self, style_root: Any, bibliography: Any, subsequent: set[str] | None = None) -> None:
        self.subsequent = subsequent or set()
        self.citation = style_root.citation
        self.layout = self.citation.layout
        self.bibliography = bibliography
        self.keys: list[str] = list(dict.fromkeys(item.key for item in bibliography.items))
        self.states = {key: Disambiguation() for key in self.keys}
        self.cache: dict[tuple[object, ...], str] = {}
        self.uses_condition = _uses_condition(style_root)

    def option(self, name: str) -> bool:
        return bool(self.citation.get(name) == "true")

    def render(self, key: str, subsequent: bool = False) -> str:
        state = self.states[key]
        signature = (
            key,
            subsequent,
            state.add_names,
            tuple(sorted(state.givens.items(), key=str)),
            state.disambiguate,
        )
        if signature not in self.cache:
            self.cache[signature] = self._render(key, subsequent)
        return self.cache[signature]

    def _collide(self, key: str, other: str) -> bool:
        """Whether two items render alike in a form both take in the document (first cites, and
        later cites of items cited more than once)."""
        if self.render(key) == self.render(other):
            return True
        both_later = key in self.subsequent and other in self.subsequent
        return both_later and self.render(key, True) == self.render(other, True)

    def _render(self, key: str, subsequent: bool = False) -> str:
        item = CitationItem(key)
        citation = Citation([item])
        citation.bibliography = self.bibliography
        # citeproc-js tells cites apart by their subsequent et-al form, however they are cited
        item.start(
            RenderState(
                position=Position(first=not subsequent),
                disambiguation=self.states[key],
                etal_subsequent=True,
            )
        )
        self.layout.repressed = {}
        # CSL 1.0.2 leaves open which variables tell cites apart; like citeproc-js, the date an
        # item was accessed does not (two undated pages by one author are still "Doe n.d.-a/-b")
        reference = self.bibliography.source[key]
        accessed = reference.pop("accessed", None)
        try:
            text = self.layout.render_children(item)
        except VariableError:
            text = None
        finally:
            if accessed is not None:
                reference["accessed"] = accessed
        return first_suffix_only(str(text or ""))

    def ambiguous(self, keys: list[str]) -> list[list[str]]:
        """Groups of items that collide, directly or through one another (linear in the items:
        items are bucketed by each form they take, and buckets sharing an item merge)."""
        parent = {key: key for key in keys}

        def root(key: str) -> str:
            while parent[key] != key:
                parent[key] = parent[parent[key]]
                key = parent[key]
            return key

        buckets: dict[tuple[bool, str], str] = {}
        for key in keys:
            forms = [(False, self.render(key))]
            if key in self.subsequent:
                forms.append((True, self.render(key, True)))
            for form in forms:
                if form in buckets:
                    parent[root(key)] = root(buckets[form])
                else:
                    buckets[form] = key
        groups: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            groups[root(key)].append(key)
        return [group for group in groups.values() if len(group) > 1]

    def _name_count(self, key: str) -> int:
        reference = self.bibliography.source[key]
        counts = [
            len(reference[v.replace("-", "_")]) for v in NAME_VARIABLES if v.replace("-", "_") in reference
        ]
        return max(counts, default=0)

    def _names(self, key: str) -> list[tuple[str, int, str, str]]:
        """(variable, index, family, given) of every person name of an item."""
        reference = self.bibliography.source[key]
        out = []
        for variable in _NAME_VARIABLES:
            for index, name in enumerate(reference.get(variable.replace("-", "_")) or []):
                if isinstance(name, dict) and "literal" not in name:
                    family = " ".join(
                        str(p) for p in (name.get("non-dropping-particle"), name.get("family")) if p
                    )
                    out.append((variable, index, family, str(name.get("given") or "")))
        return out

    def _by_cite_levels(self, key: str, group: list[str], level: int) -> dict[NameKey, int]:
        """Given-name levels for the names of ``key`` that share a family name, at the same place,
        with a different person in another item of the group."""
        if not level:
            return {}
        others = {(v, i, f): g for k in group if k != key for v, i, f, g in self._names(k)}
        return {
            (v, i): level for v, i, f, g in self._names(key) if (v, i, f) in others and others[(v, i, f)] != g
        }

    def _apart(self, key: str, other: str, extra: int, level: int) -> bool:
        """Whether ``key`` and ``other`` render differently with ``extra`` names and ``level``."""
        pair = [key, other]
        saved = {k: (self.states[k].add_names, self.states[k].givens) for k in pair}
        for k in pair:
            self.states[k].add_names = extra
            if self.by_cite:
                self.states[k].givens = {**saved[k][1], **self._by_cite_levels(k, pair, level)}
        apart = not self._collide(key, other)
        for k in pair:
            self.states[k].add_names, self.states[k].givens = saved[k]
        return apart

    def expand(self, group: list[str]) -> None:
        """Per item, the fewest added names (and given-name levels) that set it apart from each other
        item it can be told from at all; the most any of those needs is kept."""
        add = self.option("disambiguate-add-names")
        levels = [0, 1, 2] if self.by_cite else [0]
        most = max(self._name_count(k) for k in group) if add else 1
        steps = [(extra, level) for extra in range(most) for level in levels]
        chosen: dict[str, tuple[int, int]] = {}
        for key in group:
            needed = [next((s for s in steps if self._apart(key, o, *s)), None) for o in group if o != key]
            chosen[key] = max((n for n in needed if n is not None), default=(0, 0))
        for key, (extra, level) in chosen.items():
            self.states[key].add_names = extra
            if self.by_cite and level:
                others = [o for o in group if o != key]
                self.states[key].givens = {
                    **self.states[key].givens,
                    **{k: v for o in others for k, v in self._by_cite_levels(key, [key, o], level).items()},
                }

    def global_givennames(self, rule: str) -> None:
        """all-names / primary-name rules: every name shared by different people is expanded."""
        primary = rule.startswith("primary-name")
        top = 1 if rule.endswith("with-initials") else 2
        people: dict[str, set[str]] = defaultdict(set)
        names = {key: self._names(key) for key in self.keys}
        for key in self.keys:
            for _variable, index, family, given in names[key]:
                if not primary or index == 0:
                    people[family].add(given)
        distinct = {family: _people(givens) for family, givens in people.items()}
        for key in self.keys:
            levels = {}
            for variable, index, family, _given in names[key]:
                givens = distinct.get(family, set())
                if len(givens) < 2 or (primary and index):
                    continue
                initials = {_initials(g) for g in givens}
                if len(initials) == len(givens):
                    levels[(variable, index)] = 1
                elif top == 2:
                    levels[(variable, index)] = 2
            self.states[key].givens = levels

    def run(self) -> dict[str, Disambiguation]:
        rule = self.citation.get("givenname-disambiguation-rule", "by-cite")
        givennames = self.option("disambiguate-add-givenname")
        self.by_cite = givennames and rule == "by-cite"
        if givennames and not self.by_cite:
            self.global_givennames(rule)
        groups = self.ambiguous(self.keys)
        if groups and (self.option("disambiguate-add-names") or self.by_cite):
            for group in groups:
                self.expand(group)
            groups = self.ambiguous([k for g in groups for k in g])
        if groups:
            for group in groups:
                for key in group:
                    self.states[key].disambiguate = True
            if self.uses_condition:
                # otherwise the cites render as before, and the same items stay ambiguous
                groups = [g for g in self.ambiguous([k for g in groups for k in g]) if g]
        if groups and self.option("disambiguate-add-year-suffix"):
            for group in groups:
                for number, key in enumerate(sorted(group, key=self.keys.index)):
                    self.states[key].year_suffix = suffix_letters(number)
        self.bibliography_givennames(rule)
        return self.states

    def bibliography_givennames(self, rule: str) -> None:
        """The levels of the names the citations expanded, as the bibliography shows them: from the
        names alone (citeproc-js's name registry), not from the citation's name form: initials
        where they tell the person from the others of that family name, else the full given
        name, which the ``-with-initials`` rules never reach."""
        top = 1 if rule.endswith("with-initials") else 2
        names = {key: self._names(key) for key in self.keys}
        people: dict[str, set[str]] = defaultdict(set)
        for found in names.values():
            for _variable, _index, family, given in found:
                people[family].add(given)
        distinct = {family: _people(givens) for family, givens in people.items()}
        for key in self.keys:
            expanded = self.states[key].givens
            levels = {}
            for variable, index, family, given in names[key]:
                if not expanded.get((variable, index)):
                    continue
                mine = _initials(given)
                me = _person(given)
                others = [g for g in distinct.get(family, set()) if g != me and _initials(g) == mine]
                levels[(variable, index)] = min(top, 2 if others else 1)
            self.states[key].bibliography_givens = levels


def decide(
    style_root: Any, registry: Any, cited: list[str], labels: dict[str, Any]
) -> dict[str, Disambiguation]:
    """What disambiguation decides for the registered items (none if the style asks for none), with
    the year-suffix letters marked on the references; ``cited`` are the keys of the cites in
    document order, and ``labels`` the items' own citation-labels."""
    references = registry.source
    if not needed(style_root):
        return {}
    for key in registry.keys:  # letters of an earlier decision taken back
        year_suffix.mark(references[key], None, True, label=labels[key])
    later = {key for key in cited if cited.count(key) > 1}
    decided = Disambiguator(style_root, registry, later).run()
    explicit = bool(style_root.xpath_search(".//cs:text[@variable='year-suffix']"))
    labelled = bool(style_root.xpath_search(".//cs:text[@variable='citation-label']"))
    for key, decision in decided.items():
        year_suffix.mark(references[key], decision.year_suffix, explicit, labelled, labels[key])
    return decided
