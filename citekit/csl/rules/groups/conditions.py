"""CSL 1.0.2 "Choose": the tests of cs:if / cs:else-if and how ``match`` combines them.

Every test attribute may hold several values, and ``match`` (all, any, none) applies to each of
those individual tests together, not to attributes. Tests: ``type``, ``variable`` (non-empty),
``is-numeric``, ``is-uncertain-date``, ``locator``, ``position`` (read from the cite, see the
``position`` rule) and ``disambiguate`` (true only for cites disambiguation could not otherwise
tell apart; set by ``citekit.csl.engine.disambiguation``).

A style's conditions are evaluated hundreds of thousands of times for a long bibliography, so
each cs:if reads its attributes once into a list of tests (styles never change once loaded),
and cs:choose asks its branches whether they pass instead of letting each failing one raise.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from citeproc.model import ConditionFailed, Else
from citeproc.source import VariableError

from citekit.csl.engine.children import kept_children, render_in_turn
from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

# A number, possibly with letters attached (2a, A3), or several joined by ranges and lists.
_NUMERIC = re.compile(r"^\s*[a-z]*\d+[a-z]*(\s*(?:[-–,&]|and)\s*[a-z]*\d+[a-z]*)*\s*$", re.IGNORECASE)
_LOCATOR_ALIASES = {"sub-verbo": "sub verbo"}
# The test attributes, in the order their results are combined.
_TESTS = ("type", "variable", "is-numeric", "is-uncertain-date", "locator", "position", "disambiguate")

Test = tuple[str, Any]
"""One test of a condition: its attribute and what it compares with (prepared once)."""


def is_numeric(value: Any) -> bool:
    if isinstance(value, int):
        return True
    return bool(_NUMERIC.match(str(value)))


def _prepared(element: Element) -> tuple[str, list[Test]]:
    """The ``match`` of a cs:if / cs:else-if and its tests, one per value of each test attribute."""
    tests: list[Test] = []
    for attribute in _TESTS:
        value = element.get(attribute)
        if value is None:
            continue
        if attribute == "position":
            tests.append((attribute, None))  # the position rule tests all its values at once
        elif attribute == "disambiguate":
            tests.append((attribute, value == "true"))
        elif attribute == "locator":
            tests += [(attribute, _LOCATOR_ALIASES.get(v, v)) for v in value.split()]
        elif attribute == "type":
            # One test for all the types listed: citeproc-js passes type="thesis manuscript" for
            # a thesis even with match="all" (an item has one type, so "all" could never hold).
            tests.append((attribute, frozenset(value.split())))
        else:
            tests += [(attribute, v) for v in value.split()]
    return element.get("match", "all"), tests


def _type(element: Element, item: CitationItem, context: Element | None, kind: Any, match: str) -> bool:
    return item.reference.get("type") in kind


def _variable(
    element: Element, item: CitationItem, context: Element | None, variable: Any, match: str
) -> bool:
    if variable == "locator":
        return "locator" in item
    return _present(item.reference.get(variable.replace("-", "_")))


def _present(value: Any) -> bool:
    """Whether a variable holds something. Tested by type, never by ``==``: citeproc-py's date
    objects (a date range in particular) raise NotImplementedError when compared."""
    if value is None:
        return False
    if isinstance(value, (str, list, tuple)):
        return len(value) > 0
    return True


def _numeric(
    element: Element, item: CitationItem, context: Element | None, variable: Any, match: str
) -> bool:
    if variable == "locator":
        return "locator" in item and is_numeric(item["locator"].identifier)
    try:
        value = item.reference[variable.replace("-", "_")]
    except VariableError:
        return False
    return is_numeric(value)


def _uncertain(
    element: Element, item: CitationItem, context: Element | None, variable: Any, match: str
) -> bool:
    date = item.reference.get(variable.replace("-", "_"))
    return bool(isinstance(date, dict) and date.get("circa"))


def _locator(element: Element, item: CitationItem, context: Element | None, label: Any, match: str) -> bool:
    return bool(label == (str(item["locator"].label) if "locator" in item else None))


def _position(element: Any, item: CitationItem, context: Element | None, _: Any, match: str) -> bool:
    # the position rule (``position``, a mixin of the same elements: ``element`` has its method)
    # tests every listed position at once; ``match`` applies to them as to other tests
    results = element._position(item, context)
    return all(results) if match == "all" else any(results)


def _disambiguate(
    element: Element, item: CitationItem, context: Element | None, wanted: Any, match: str
) -> bool:
    return item.state.disambiguation.disambiguate is wanted


_CHECKS = {
    "type": _type,
    "variable": _variable,
    "is-numeric": _numeric,
    "is-uncertain-date": _uncertain,
    "locator": _locator,
    "position": _position,
    "disambiguate": _disambiguate,
}


class Conditions(Element):
    def passes(self, item: CitationItem, context: Element | None = None) -> bool:
        """Whether the branch is taken (the tests stop as soon as the answer is known)."""
        prepared: tuple[str, list[Test]] | None = self.__dict__.get("_citekit_conditions")
        if prepared is None:
            prepared = self._citekit_conditions = _prepared(self)
        match, tests = prepared
        # plain loops rather than all()/any() over a generator, made afresh for every test
        if match == "all":
            for attribute, value in tests:  # noqa: SIM110
                if not _CHECKS[attribute](self, item, context, value, match):
                    return False
            return True
        for attribute, value in tests:
            if _CHECKS[attribute](self, item, context, value, match):
                return match == "any"
        return match != "any"

    def render(
        self, item: CitationItem, context: Element | None = None, delimiter: str = "", **kwargs: Any
    ) -> Any:
        if not self.passes(item, context):
            raise ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)


class QuietChoose(Element):
    """For cs:choose: the first branch that passes renders. A branch with citekit's tests is asked
    (``passes``) rather than rendered to raise ``ConditionFailed`` when it fails; a raised
    exception costs more than the tests of most branches."""

    def render(
        self, item: CitationItem, context: Element | None = None, delimiter: str = "", **kwargs: Any
    ) -> Any:
        for branch, _, _ in kept_children(self):
            kind = type(branch).render
            if kind is Conditions.render or kind is Else.render:
                if kind is Else.render or branch.passes(item, context):
                    return render_in_turn(branch, item, delimiter, {"context": context, **kwargs})
                continue
            try:
                return branch.render(item, context=context, delimiter=delimiter, **kwargs)
            except ConditionFailed:
                continue
        return None


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "bugreports_ikeyOne",
    "disambiguate_DisambiguateTrueAndYearSuffixOne",
    "disambiguate_DisambiguateTrueReflectedInBibliography",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_disambiguation.py::test_disambiguate_condition_only_for_ambiguous_cites",
)


ELEMENTS = {"if": Conditions, "else-if": Conditions, "choose": QuietChoose}
