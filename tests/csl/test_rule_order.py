"""The order the rule mixins stack in is stated and kept (citekit.csl.rules.ORDER)."""

from __future__ import annotations

import importlib
import pkgutil
from itertools import combinations
from typing import Any

from citekit.csl import rules
from citekit.csl.rules import ORDER, RULE_MODULES

# Class attributes that are not overrides of citeproc-py's methods.
_NOT_OVERRIDES = {"applies_to", "PLAIN_TEXT_AS_IS"}


def _overrides(mixin: type[Any]) -> set[str]:
    return {name for name in vars(mixin) if not name.startswith("__") and name not in _NOT_OVERRIDES}


def _shared() -> dict[tuple[str, str], set[str]]:
    """(outer module, inner module) -> the element.method both override, outer first in the stack."""
    by_element: dict[str, list[tuple[str, type[Any]]]] = {}
    for name in RULE_MODULES:
        for element, mixin in importlib.import_module(f"citekit.csl.rules.{name}").ELEMENTS.items():
            by_element.setdefault(element, []).append((name, mixin))
    shared: dict[tuple[str, str], set[str]] = {}
    for element, stack in by_element.items():
        for (outer, first), (inner, second) in combinations(stack, 2):
            for method in _overrides(first) & _overrides(second):
                shared.setdefault((outer, inner), set()).add(f"{element}.{method}")
    return shared


def _listed() -> dict[frozenset[str], set[str]]:
    listed: dict[frozenset[str], set[str]] = {}
    for order in ORDER:
        listed.setdefault(frozenset((order.outer, order.inner)), set()).update(order.where.split(", "))
    return listed


def test_every_pair_of_rules_sharing_a_method_is_listed() -> None:
    """Two rules overriding one method of one element have their order stated in ORDER."""
    listed = _listed()
    missing = [
        f"{outer} / {inner}: {where}"
        for (outer, inner), places in _shared().items()
        for where in sorted(places)
        if where not in listed.get(frozenset((outer, inner)), set())
    ]
    assert not missing, "state the order of these rules in citekit.csl.rules.ORDER: " + "; ".join(missing)


def test_no_listed_pair_is_stale() -> None:
    """Every pair in ORDER still overrides the methods it names (the list says nothing untrue)."""
    shared = {frozenset(pair): places for pair, places in _shared().items()}
    stale = [
        f"{order.outer} / {order.inner}: {where}"
        for order in ORDER
        for where in order.where.split(", ")
        if where not in shared.get(frozenset((order.outer, order.inner)), set())
    ]
    assert not stale, stale


def test_orders_that_matter_are_kept() -> None:
    """A rule that must wrap another comes before it in RULE_MODULES."""
    broken = [
        f"{o.outer} before {o.inner} ({o.why})"
        for o in ORDER
        if o.matters and RULE_MODULES.index(o.outer) > RULE_MODULES.index(o.inner)
    ]
    assert not broken, broken


def test_every_rule_module_is_registered_and_only_rule_modules_are() -> None:
    """Each module of rules/ with ELEMENTS is in RULE_MODULES, and each listed one has ELEMENTS."""
    found = set()
    for info in pkgutil.walk_packages(rules.__path__, "citekit.csl.rules."):
        module = importlib.import_module(info.name)
        if getattr(module, "ELEMENTS", None):
            found.add(info.name.removeprefix("citekit.csl.rules."))
    assert found == set(RULE_MODULES)
