"""CSL 1.0.2 "Choose": the tests of cs:if / cs:else-if and how ``match`` combines them.

Every test attribute may hold several values, and ``match`` (all, any, none) applies to each of
those individual tests together, not to attributes. Tests: ``type``, ``variable`` (non-empty),
``is-numeric``, ``is-uncertain-date``, ``locator``, ``position`` (read from the cite, see the
``position`` rule) and ``disambiguate`` (true only for cites disambiguation could not otherwise
tell apart; set by ``citekit.csl.disambiguation``).
"""

from __future__ import annotations

import re
from typing import Any

from citeproc.model import ConditionFailed
from citeproc.source import VariableError

# A number, possibly with letters attached (2a, A3), or several joined by ranges and lists.
_NUMERIC = re.compile(r"^\s*[a-z]*\d+[a-z]*(\s*(?:[-–,&]|and)\s*[a-z]*\d+[a-z]*)*\s*$", re.IGNORECASE)
_LOCATOR_ALIASES = {"sub-verbo": "sub verbo"}


def is_numeric(value: Any) -> bool:
    if isinstance(value, int):
        return True
    return bool(_NUMERIC.match(str(value)))


class Conditions:
    def _tests(self: Any, item: Any, context: Any) -> list[bool]:
        results: list[bool] = []
        reference = item.reference
        if "type" in self.attrib:
            results += [kind == reference.get("type") for kind in self.get("type").split()]
        if "variable" in self.attrib:
            results += [self._has(item, variable) for variable in self.get("variable").split()]
        if "is-numeric" in self.attrib:
            results += [self._numeric(item, variable) for variable in self.get("is-numeric").split()]
        if "is-uncertain-date" in self.attrib:
            for variable in self.get("is-uncertain-date").split():
                date = reference.get(variable.replace("-", "_"))
                results.append(bool(isinstance(date, dict) and date.get("circa")))
        if "locator" in self.attrib:
            label = str(item["locator"].label) if "locator" in item else None
            results += [_LOCATOR_ALIASES.get(v, v) == label for v in self.get("locator").split()]
        if "position" in self.attrib:
            results += self._position(item, context)
        if "disambiguate" in self.attrib:
            results.append(bool(item.get("csl_disambiguate")) == (self.get("disambiguate") == "true"))
        return results

    def _has(self: Any, item: Any, variable: str) -> bool:
        if variable == "locator":
            return "locator" in item
        value = item.reference.get(variable.replace("-", "_"))
        return value not in (None, "", [])

    def _numeric(self: Any, item: Any, variable: str) -> bool:
        if variable == "locator":
            return "locator" in item and is_numeric(item["locator"].identifier)
        try:
            value = item.reference[variable.replace("-", "_")]
        except VariableError:
            return False
        return is_numeric(value)

    def render(self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        results = self._tests(item, context)
        match = self.get("match", "all")
        passed = any(results) if match == "any" else not any(results) if match == "none" else all(results)
        if not passed:
            raise ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)


ELEMENTS = {"if": Conditions, "else-if": Conditions}
