"""In-text citations: the records named by their keys, cited together in a CSL style.

``citation(records, ["dalgarno2019crucible"], "apa")`` gives ``(Dalgarno & Oates, 2019)``.
Every record is registered with the processor, as a document's bibliography would hold it, so
that what depends on the other items (year suffixes, added initials) is decided against them.
"""

from __future__ import annotations

from collections.abc import Sequence

from citekit.csl.engine.session import Session
from citekit.csl.formatters import MARKUPS, finish_rich_text
from citekit.csl.render import csl_items
from citekit.csl.style.load import load_style
from citekit.errors import CitekitError, StyleError
from citekit.model import Record


def by_key(records: Sequence[Record], keys: Sequence[str]) -> list[Record]:
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
    cited = by_key(records, keys)
    loaded = load_style(style, locale)
    # Cited records first: numeric styles number them in the order they are first cited. The
    # other records are cited after, so that year suffixes and added names see them too.
    ordered = cited + [r for r in records if r not in cited]
    session = Session(loaded, csl_items(ordered, markup), markup)
    citations = [[{"id": r.id} for r in cited]] + [[{"id": r.id}] for r in ordered[len(cited) :]]
    text = session.citations(citations)[0]
    return finish_rich_text(text, markup)
