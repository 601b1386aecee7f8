"""CSL 1.0.2 Appendix VI "Rich Text Markup" in a style's ``cs:text value=""``: like item fields,
a value's tags (``&lt;b&gt;friend&lt;/b&gt;``) are markup and its straight quotes are quotes
(flip-flopping with the quotes around them), as citeproc-js reads them. citeproc-py printed the
tags escaped and the quote marks straight."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citekit.csl.items import richtext
from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

_RICH = ("<", '"', "'")


class ValueRichText(Element):
    """For cs:text: a ``value`` holding tags or quote marks is read as rich text."""

    @staticmethod
    def applies_to(element: Element) -> bool:
        return _is_rich_value(element)

    def process(self, item: CitationItem, context: Element | None = None, **kwargs: Any) -> Any:
        rich = self.__dict__.get("_citekit_rich_value")  # styles never change once loaded
        if rich is None:
            rich = self._citekit_rich_value = _is_rich_value(self)
        if not rich:
            return super().process(item, context, **kwargs)
        value = self.get("value")
        _, language = super().process(item, context, **kwargs)
        return richtext.parse(value, self.preformat), language


def _is_rich_value(element: Element) -> bool:
    if any(a in element.attrib for a in ("variable", "macro", "term")):
        return False
    value = element.get("value")
    return value is not None and any(mark in value for mark in _RICH)


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "flipflop_BoldfaceNodeLevelMarkup",
    "flipflop_QuotesInFieldNotOnNode",
    "flipflop_QuotesNodeLevelMarkup",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_value_rich_text.py::test_straight_quotes_in_a_value_are_typographic",
    "tests/csl/test_rules_value_rich_text.py::test_tags_in_a_value_are_markup",
)


ELEMENTS = {"text": ValueRichText}
