"""CSL 1.0.2 "Substitute": variables rendered by a cs:substitute are suppressed in the rest of the
output. citeproc-py only repressed a ``cs:text variable=`` named directly in cs:substitute, so a
title substituted through a macro (APA) or an editor substituted for a missing author (Vancouver,
Harvard) was printed twice: ``Matuz R, editor. Contemporary Literary Criticism. Matuz R, editor.``

Variable-rendering elements report what they rendered to the substitutes being rendered; the
variables of the substitute that rendered are kept, for the current item, in the layout's
``repressed`` table (which citeproc-py empties for every item), and render as empty afterwards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citeproc.source import VariableError

from citekit.csl.engine.state import RenderState
from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

# Key of citekit's entry in citeproc-py's per-item ``layout.repressed`` table.
SUPPRESSED = "citekit:substituted"


def _suppressed(element: Element, context: Element | None) -> set[str]:
    try:
        layout = (context if context is not None else element).get_layout()
    except IndexError:  # an element of a locale (localized dates) has no layout
        return set()
    table: dict[str, Any] = layout.repressed
    found: set[str] = table.setdefault(SUPPRESSED, set())
    return found


def _rendered(state: RenderState, variables: list[str]) -> None:
    """Tell every substitute being rendered (``captures``: innermost last) what rendered."""
    for capture in state.captures:
        capture.update(variables)


class SubstituteSuppression(Element):
    def render(self, item: CitationItem, context: Element | None = None, **kwargs: Any) -> Any:
        captures = item.state.captures
        for child in self.iterchildren():
            captures.append(set())
            try:
                if child.tag.endswith("}names") and child.name is None:
                    # a bare cs:names inherits the cs:name and cs:et-al of the names it stands in for
                    names = self.getparent()
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                text = None
            finally:
                captured = captures.pop()
            if text:
                _suppressed(self, context).update(captured)
                _rendered(item.state, sorted(captured))
                return text
            if child.tag.endswith("}text") and child.get("term") is not None:
                # a term always "renders", even one the locale defines as empty: the substitution
                # ends there (citeproc-js), it does not go on to the next child
                return text
        return None


class VariableSuppression(Element):
    """For cs:text, cs:number and cs:date: a substituted variable renders as empty."""

    @staticmethod
    def applies_to(element: Element) -> bool:
        return element.get("variable") is not None

    def render(self, item: CitationItem, *args: Any, **kwargs: Any) -> Any:
        variable = self.get("variable")
        if variable is None or (self.tag.endswith("}date") and self.is_locale_date()):
            return super().render(item, *args, **kwargs)
        context = kwargs.get("context")
        if variable in _suppressed(self, context):
            return None
        output = super().render(item, *args, **kwargs)
        if output:
            _rendered(item.state, [variable])
        return output


class NamesSuppression(Element):
    """For cs:names: substituted variables are left out; when all were, it renders nothing (and
    no substitute)."""

    def render(self, item: CitationItem, *args: Any, **kwargs: Any) -> Any:
        listed = self.get("variable", "")
        variables = listed.split()
        suppressed = _suppressed(self, kwargs.get("context"))
        captures = item.state.captures
        if captures:
            # within one substitute, names already rendered are not rendered again
            suppressed = suppressed | captures[-1]
        kept = [v for v in variables if v not in suppressed]
        if variables and not kept:
            return None
        if len(kept) < len(variables):
            self.set("variable", " ".join(kept))  # citeproc-py reads the list from the attribute
        try:
            output = super().render(item, *args, **kwargs)
        finally:
            self.set("variable", listed)
        if output:
            _rendered(item.state, [v for v in kept if v.replace("-", "_") in item.reference])
        return output


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "bugreports_ByBy",
    "bugreports_LegislationCrash",
    "bugreports_NoTitle",
    "magic_SuppressDuplicateVariableRendering",
    "sort_DropNameLabelInSort",
    "sort_SeparateAuthorsAndOthers",
    "substitute_SubstituteOnlyOnceTermEmpty",
    "substitute_SuppressOrdinaryVariable",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_agreement.py::test_partly_substituted_names_keep_the_other_variables",
    "tests/csl/test_rules_agreement.py::test_substituted_editor_is_not_repeated",
    "tests/csl/test_rules_agreement.py::test_title_substituted_through_a_macro_is_not_repeated",
    "tests/csl/test_rules_locale_terms.py::test_empty_term_ends_a_substitution",
    "tests/csl/test_rules_locale_terms.py::test_substituted_names_are_not_repeated_within_the_substitute",
)


ELEMENTS = {
    "substitute": SubstituteSuppression,
    "text": VariableSuppression,
    "number": VariableSuppression,
    "date": VariableSuppression,
    "names": NamesSuppression,
}
