"""CSL 1.0.2 "Locators": a locator such as ``213 & 235`` names two pages; its ``&`` is written as
the locale's symbol form of the "and" term (escaped for the output format), as citeproc-js does.
citeproc-py printed the raw ``&``, unescaped in HTML."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from citeproc.string import String

from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

_AMPERSAND = re.compile(r"\s*&\s*")


class LocatorAmpersand(Element):
    """For cs:text: the ``&`` of a locator becomes the "and" symbol term."""

    @staticmethod
    def applies_to(element: Element) -> bool:
        return bool(element.get("variable") == "locator")

    def _variable(self, item: CitationItem, context: Element | None) -> Any:
        text = super()._variable(item, context)
        if self.get("variable") != "locator" or text is None or "&" not in str(text):
            return text
        symbol = self.get_single_term(name="and", form="symbol") or "&"
        pieces = _AMPERSAND.split(str(text))
        joiner = f" {symbol} "  # terms come formatted for the output already
        return String(joiner.join(str(self.preformat(piece)) for piece in pieces))


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "label_PluralWithAmpersand",
    "label_PluralWithLocalizedAmpersand",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_locators.py::test_ampersand_in_locator_is_escaped",
    "tests/csl/test_rules_locators.py::test_ampersand_in_locator_takes_the_locale_symbol",
)


ELEMENTS = {"text": LocatorAmpersand}
