"""CSL 1.0.2 "Names": a cs:names without a cs:name child formats its names with the default
name options (those inherited from cs:style, cs:citation and cs:bibliography).

citeproc-py does this by creating a bare name element for every rendering and leaving it in the
style: the thousandth rendering of NLM/Vancouver's author macro made a new element with none of
its lookups kept (its et-al term looked up again through the locale files), then searched for
cs:et-al past the 999 left by the earlier renderings, a fifth of the whole bibliography's time.
Here each such cs:names keeps one bare name element of the same kind, with lookups kept, and puts
it in place only while it renders: citeproc-py finds it and formats the names exactly as with
its own (no citekit name rule applies to either).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citeproc import model

from citekit.csl.style.element import Element
from citekit.csl.style.lookups import CachedLookups

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

CSL = "{http://purl.org/net/xbiblio/csl}"

# citeproc-py's own cs:name, with kept lookups: what citeproc-py would create, made once.
BareName: type[Any] = type("Name", (CachedLookups, model.Name), {"TAG": f"{CSL}name"})


class DefaultName(Element):
    def render(self, item: CitationItem, *args: Any, **kwargs: Any) -> Any:
        target: Any = kwargs.get("names_context")
        if target is None:
            target = self
        if target.find(f"{CSL}name") is not None:
            return super().render(item, *args, **kwargs)
        bare = target.__dict__.get("_citekit_bare_name")
        if bare is None:
            bare = target._citekit_bare_name = BareName()
        target.insert(0, bare)  # first, as citeproc-py puts its own
        try:
            return super().render(item, *args, **kwargs)
        finally:
            target.remove(bare)


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = ()
TESTS: tuple[str, ...] = (
    "tests/csl/test_default_name.py::test_rendering_a_bare_names_leaves_the_style_unchanged",
)


ELEMENTS = {"names": DefaultName}
