"""citeproc-py's element classes with citekit's rule mixins stacked on top.

``FIXED_ELEMENTS`` maps a CSL element name to a class built from the rule mixins of
``citekit.csl.rules`` and citeproc-py's own class for that element; ``xml.parser()``
registers it, so every style and locale citekit parses uses it.

Most rules concern few elements (a ``display`` attribute, affixes with ``<``, a ``value`` with
quote marks), yet each mixin adds a call to every element of its kind rendered, hundreds of
thousands for a long bibliography. So once a style is parsed, ``specialize`` gives each element a
class of only the mixins that can change its output: a mixin with an ``applies_to(element)``
test is left out of the elements it answers no for (read from their attributes, which never
change once a style is loaded). An element met otherwise (a fresh lxml proxy) has the full
class, which renders the same, only slower.
"""

from __future__ import annotations

from typing import Any

from citeproc import model

from citekit.csl.rules import mixins

CSL = "{http://purl.org/net/xbiblio/csl}"


def _citeproc_class(element: str) -> type[Any]:
    cls: type[Any] = getattr(model, element.replace("-", "_").title())
    return cls


_STACKS = mixins()


def _build() -> dict[str, type[Any]]:
    built: dict[str, type[Any]] = {}
    for element, stack in _STACKS.items():
        base = _citeproc_class(element)
        built[element] = type(base.__name__, (*stack, base), {"__module__": __name__})
    return built


FIXED_ELEMENTS: dict[str, type[Any]] = _build()

_VARIANTS: dict[tuple[str, tuple[type[Any], ...]], type[Any]] = {}


def _applies(mixin: type[Any], element: Any) -> bool:
    test = mixin.__dict__.get("applies_to")
    return test is None or bool(test.__func__(element))


def _variant(name: str, kept: tuple[type[Any], ...], lookups: type[Any]) -> type[Any]:
    key = (name, kept)
    if key not in _VARIANTS:
        base = _citeproc_class(name)
        _VARIANTS[key] = type(base.__name__, (lookups, *kept, base), {"__module__": __name__})
    return _VARIANTS[key]


def specialize(root: Any) -> None:
    """Each element of a parsed tree given the class of the rules that apply to it; the elements
    are held by the root, so that lxml hands out these same objects while the tree lives."""
    from citekit.csl.style.lookups import CachedLookups

    held = []
    for element in root.iter():
        held.append(element)
        tag = element.tag
        stack = _STACKS.get(tag[len(CSL) :]) if isinstance(tag, str) and tag.startswith(CSL) else None
        if not stack or not isinstance(element, CachedLookups):
            continue
        kept = tuple(mixin for mixin in stack if _applies(mixin, element))
        if len(kept) < len(stack):
            element.__class__ = _variant(tag[len(CSL) :], kept, CachedLookups)
    root._citekit_elements = held
