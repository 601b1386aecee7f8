"""CSL 1.0.2 "Position" conditions (first, subsequent, ibid, ibid-with-locator, near-note).

Positions depend on the whole document, so ``citekit.csl.engine.clusters`` computes each cite's position
before rendering and hands it to the rendering's state (``citekit.csl.engine.state``); the condition
only reads it. In a bibliography every
position test is false.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem


class PositionCondition(Element):
    def _position(self, item: CitationItem, context: Element | None) -> list[bool]:
        position = item.state.position
        if position is None or self.xpath_search("./ancestor::cs:bibliography"):
            return [False]
        return [position.passes(test) for test in self.get("position").split()]


ELEMENTS = {"if": PositionCondition, "else-if": PositionCondition}
