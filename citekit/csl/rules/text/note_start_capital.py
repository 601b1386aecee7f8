"""Capitalized terms at the start of a note (CSL 1.0.2, "Terms": terms are stored in lowercase and a
processor capitalizes one that opens a sentence). In a note style a cite that opens the citation,
or follows a prefix ending a sentence, starts with a capital when it starts with a term (``Ibid.``).

``cs:text term=`` records what it rendered (``terms`` of the rendering's state,
``citekit.csl.engine.state``); the citation driver (``citekit.csl.engine.clusters``) checks whether the cite
begins with one and capitalizes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem


class RecordsTerms(Element):
    @staticmethod
    def applies_to(element: Element) -> bool:
        return element.get("term") is not None

    def process(self, item: CitationItem, context: Element | None = None, **kwargs: Any) -> Any:
        result = super().process(item, context, **kwargs)
        if "term" in self.attrib and result[0]:
            item.state.terms.append(str(result[0]))
        return result


def capitalized_if_term(text: str, terms: list[str]) -> str:
    """``text`` with its first letter capitalized if it starts with one of the ``terms`` rendered."""
    plain = text.lstrip()
    if plain and plain[0].islower() and any(plain.startswith(t) for t in terms if t):
        at = len(text) - len(plain)
        return text[:at] + plain[0].upper() + plain[1:]
    return text


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "bugreports_CapsAfterOneWordPrefix",
    "integration_IbidOnInsert",
    "magic_CapitalizeFirstOccurringTerm",
    "magic_TermCapitalizationWithPrefix",
    "position_FirstTrueOnlyOnce",
    "position_IbidInText",
    "position_IbidWithLocator",
    "position_IbidWithMultipleSoloCitesInBackref",
    "position_IbidWithPrefixFullStop",
    "position_IfIbidWithLocatorIsTrueThenIbidIsTrue",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_position.py::test_in_text_citations_are_ibid_of_the_in_text_citation_before",
    "tests/csl/test_rules_position.py::test_positions_across_citations",
)


ELEMENTS = {"text": RecordsTerms}
