"""CSL 1.0.2 "Terms", form fallback: a term form no locale of the chain defines falls back
(after locale fallback) from verb-short to verb, symbol to short, and verb and short to long, so
``<label form="verb-short"/>`` for a reviewed author prints en-US's verb "by". citeproc-py
printed nothing. A locator label of CSL 1.0.1 spelled with a space (``sub verbo``) is looked up
by its CSL 1.0.2 name (``sub-verbo``) too."""

from __future__ import annotations

from typing import Any

from citekit.csl.style.element import Element

FALLBACK = {"verb-short": "verb", "symbol": "short", "verb": None, "short": None}


class TermFormFallback(Element):
    """For cs:locale: the last locale of a style's chain retries a missing form as its fallback
    form, through the whole chain again."""

    def get_term(self, name: str, form: Any = None, zero_padded: bool = False) -> Any:
        try:
            return super().get_term(name, form, zero_padded=zero_padded)
        except IndexError:
            style = getattr(self, "style", None)
            chain = getattr(style, "locales", None)
            spaced = " " in name  # a CSL 1.0.1 locator name (``sub verbo``), now ``sub-verbo``
            if (form not in FALLBACK and not spaced) or not chain or chain[-1] is not self:
                raise
        name, fallback = (name.replace(" ", "-"), form) if spaced else (name, FALLBACK[form])
        for locale in chain:
            try:
                return locale.get_term(name, fallback, zero_padded=zero_padded)
            except IndexError:
                continue
        raise IndexError(name)


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "bugreports_ByBy",
    "bugreports_MovePunctuationInsideQuotesForLocator",
    "label_NameLabelThroughSubstitute",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_locators.py::test_sub_verbo_label_and_quoted_locator",
    "tests/csl/test_rules_variables.py::test_reviewed_author_is_a_name_with_a_verb_label",
)


ELEMENTS = {"locale": TermFormFallback}
