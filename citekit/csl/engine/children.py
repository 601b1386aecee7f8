"""An element's children rendered in turn, as cs:group, cs:macro and the branches of cs:choose
render them: a cs:choose among them gets the delimiter around it (it is transparent), a child
that raises VariableError or renders ``None`` is left out, the rest are joined by the delimiter.

citeproc-py walks the children afresh, asking each whether it is a cs:choose, on every
rendering; a style's elements never change once loaded, so each keeps its list of children.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import join

from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

Child = tuple[Any, bool, bool]
"""A child element, whether it is a cs:choose, and whether it is a cs:group."""


def kept_children(element: Element) -> list[Child]:
    kept: list[Child] | None = element.__dict__.get("_citekit_children")
    if kept is None:
        kept = [
            (child, isinstance(child, model.Choose), isinstance(child, model.Group))
            for child in element.iterchildren()
        ]
        element.__dict__["_citekit_children"] = kept
    return kept


def render_in_turn(element: Element, item: CitationItem, delimiter: str, options: dict[str, Any]) -> Any:
    """The children's renderings joined by ``delimiter`` (``None`` if none rendered); ``options``
    are passed to each child's ``render`` (``context``, ``sort_options`` …)."""
    output = []
    for child, choose, _group in kept_children(element):
        try:
            if choose:
                text = child.render(item, delimiter=delimiter, **options)
            else:
                text = child.render(item, **options)
        except VariableError:
            continue
        if text is not None:
            output.append(text)
    return join(output, delimiter) if output else None
