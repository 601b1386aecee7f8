"""citeproc-py's element classes with citekit's rule mixins stacked on top.

``FIXED_ELEMENTS`` maps a CSL element name to a class built from the rule mixins of
``citekit.csl.rules`` and citeproc-py's own class for that element; ``xml.parser()``
registers it, so every style and locale citekit parses uses it.
"""

from __future__ import annotations

from typing import Any

from citeproc import model

from citekit.csl.rules import mixins


def _citeproc_class(element: str) -> type[Any]:
    cls: type[Any] = getattr(model, element.replace("-", "_").title())
    return cls


def _build() -> dict[str, type[Any]]:
    built: dict[str, type[Any]] = {}
    for element, stack in mixins().items():
        base = _citeproc_class(element)
        built[element] = type(base.__name__, (*stack, base), {"__module__": __name__})
    return built


FIXED_ELEMENTS: dict[str, type[Any]] = _build()
