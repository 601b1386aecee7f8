"""In-text citations: the records named by their keys, cited together in a CSL style.

``citation(records, ["dalgarno2019crucible"], "apa")`` gives ``(Dalgarno & Oates, 2019)``.
Every record is registered with the processor, as a document's bibliography would hold it, so
that what depends on the other items (year suffixes, added initials) is decided against them.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from citeproc import Citation, CitationItem, CitationStylesBibliography

from citekit.csl.formatters import MARKUPS
from citekit.csl.render import load_style
from citekit.csl.source import RecordSource
from citekit.errors import CitekitError, StyleError
from citekit.model import Record


def _by_key(records: Sequence[Record], keys: Sequence[str]) -> list[Record]:
    """The records named by ``keys`` in that order; a key matches a record id, case aside."""
    index = {record.id.lower(): record for record in records}
    missing = [key for key in keys if key.lower() not in index]
    if missing:
        known = ", ".join(sorted(index)[:8]) + (" …" if len(index) > 8 else "")
        raise CitekitError(
            f"no record with key {', '.join(map(repr, missing))}; the keys read are: {known or 'none'}"
        )
    return [index[key.lower()] for key in keys]


def citation(
    records: Sequence[Record],
    keys: Sequence[str],
    style: str = "apa",
    locale: str | None = None,
    markup: str = "text",
) -> str:
    """One in-text citation of the records with ``keys`` (several keys are cited together)."""
    if not keys:
        raise CitekitError("name at least one record key to cite")
    if markup not in MARKUPS:
        raise StyleError(f"unknown markup {markup!r}; use one of {', '.join(MARKUPS)}")
    cited = _by_key(records, keys)
    loaded = load_style(style, locale)
    chosen = MARKUPS[markup]
    # Cited records first: numeric styles number them in the order they are first cited.
    ordered = cited + [r for r in records if r not in cited]
    source = RecordSource([r.to_csl() for r in ordered], chosen.escape_data)
    registry = CitationStylesBibliography(loaded, source, chosen.formatter)
    wanted = Citation([CitationItem(record.id) for record in cited])
    registry.register(wanted)
    for record in ordered[len(cited) :]:
        registry.register(Citation([CitationItem(record.id)]))
    if loaded.has_bibliography():
        registry.sort()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns on every item it cannot find; none is missing
        return str(registry.cite(wanted, lambda item: None))
