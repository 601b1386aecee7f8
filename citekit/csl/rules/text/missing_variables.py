"""A cs:text whose variable the item lacks renders nothing, and says so at once.

citeproc-py finds out by asking the reference, which raises VariableError from the bottom of the
element's rendering (through the page-range, quote, case and affix layers of the rules above
it); in a long bibliography most variables a style asks for are missing from most items. The
same exception is raised here, before those layers, when the answer is already known: the
variable (or, for ``form="short"``, its short form; for ``page-first``, ``page``) is not in the
reference. Variables that come from the cite rather than the item are left to citeproc-py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citeproc.source import VariableError

from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

FROM_CITE = frozenset({"citation-number", "locator"})


def lacks(item: CitationItem, element: Element, variable: str) -> bool:
    reference = item.reference
    if variable.startswith("page"):
        return "page" not in reference
    if variable.replace("-", "_") in reference:
        return False
    return not (element.get("form") == "short" and f"{variable}_short".replace("-", "_") in reference)


class MissingVariable(Element):
    @staticmethod
    def applies_to(element: Element) -> bool:
        return element.get("variable") not in (None, *FROM_CITE)

    def render(self, item: CitationItem, *args: Any, **kwargs: Any) -> Any:
        variable = self.get("variable")
        if variable is not None and variable not in FROM_CITE and lacks(item, self, variable):
            raise VariableError
        return super().render(item, *args, **kwargs)


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = ()
TESTS: tuple[str, ...] = ()


ELEMENTS = {"text": MissingVariable}
