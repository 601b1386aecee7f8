"""Registering a document's cites: every cited item once, in the order it is first cited, then
put in the bibliography's order (CSL 1.0.2 "Sorting"); citation numbers follow that order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from citeproc import Citation, CitationStylesBibliography

from citekit.csl.engine.cites import CitationItem

if TYPE_CHECKING:
    from citekit.csl.items.source import RecordSource
    from citekit.csl.style.load import Style

_CSL = "{http://purl.org/net/xbiblio/csl}"


def _sorts_by_citation_number(bibliography: Any) -> bool:
    sort = bibliography.find(f"{_CSL}sort")
    return sort is not None and any(
        key.get("variable") == "citation-number" for key in sort.iterfind(f"{_CSL}key")
    )


def registered(
    style: Style,
    source: RecordSource,
    formatter: Any,
    citations: Sequence[Any],
    extra_ids: Sequence[str] = (),
) -> Any:
    """citeproc-py's registry (``CitationStylesBibliography``) of the items of ``citations``
    (citeproc-py ``Citation`` objects) and of ``extra_ids``, sorted as the bibliography sorts."""
    registry = CitationStylesBibliography(style, source, formatter)
    for citation in citations:
        registry.register(citation)
    if extra_ids:
        registry.register(Citation([CitationItem(str(key)) for key in extra_ids]))
    if style.has_bibliography():
        first_cited = list(registry.keys)
        registry.sort()
        if _sorts_by_citation_number(style.root.bibliography):
            registry.keys = first_cited  # numbers stay in order of first citation
    return registry
