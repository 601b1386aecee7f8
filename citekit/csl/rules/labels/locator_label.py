"""CSL 1.0.2 "Label": a ``cs:label`` renders only when its variable is not empty, so a
``variable="locator"`` label only for a cite that has a locator (never in the bibliography);
citeproc-py printed the page term (``p.``) for cites and items without one. Labels of other
empty variables render as citeproc-js renders them (see ``process``). A locator that opens with
a locator label of its own (``vol. 1, fol. 186``) gets no label either (``names_own_label``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

# CSL 1.0.2 locator types (the "Locators" term list)
LOCATOR_TERMS = (
    "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation",
    "equation", "figure", "folio", "issue", "line", "note", "opus", "page", "paragraph", "part",
    "rule", "scene", "section", "sub verbo", "supplement", "table", "timestamp", "title-locator",
    "verse", "version", "volume",
)  # fmt: skip
_OPENING_WORD = re.compile(r"(\S+)\s+\d")


def own_label(element: Element, text: str) -> str | None:
    """The locator term a text opens with, by its short form and followed by a number (``vol. 1,
    fol. 186``), or None."""
    opening = _OPENING_WORD.match(text)
    if opening is None:
        return None
    word = opening.group(1)
    for term in LOCATOR_TERMS:
        forms = (
            element.get_single_term(name=term, form="short"),
            element.get_plural_term(name=term, form="short"),
        )
        if any(str(form) == word for form in forms if form):
            return term
    return None


def names_own_label(element: Element, locator: str) -> bool:
    """Whether a locator opens with a label of its own: citeproc-js then prints no label before
    it. The specification does not say; the fixtures follow citeproc-js, and so do we."""
    return own_label(element, locator) is not None


class LocatorLabel(Element):
    def process(self, item: CitationItem, variable: Any = None, *args: Any, **kwargs: Any) -> Any:
        own = self.get("variable")
        if variable is None and own == "locator" and "locator" not in item:
            return None
        if variable is None and own == "locator" and names_own_label(self, str(item.locator.identifier)):
            return None
        # citeproc-js renders the label of any other empty variable, pages included, as the
        # singular term (harvard's "(3 vol)" labels an empty volume, ecology's "Page (E. M. Cope,
        # Ed.)" an empty page): CSL 1.0.2 says it renders nothing; we follow citeproc-js there,
        # for agreement
        return super().process(item, variable, *args, **kwargs)


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = ("locator_TrickyEntryForPlurals",)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_locator_label.py::test_locator_opening_with_a_term_gets_no_label",
)


ELEMENTS = {"label": LocatorLabel}
