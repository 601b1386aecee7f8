"""A document's citations: clusters cited in order, then rendered together with the bibliography.

What a citation looks like depends on the whole document: a numeric style numbers items in the
order they are first cited, a note style prints "Ibid." for a cite that repeats the one before,
and year suffixes and added initials are decided against every item. ``citekit.cite`` renders one
citation on its own (each call a new document); a ``Document`` collects the clusters first, as a
word processor plugin does, and renders them all at once through one processing session:

    doc = Document(records, "vancouver")
    doc.cite("harris2020array")
    doc.cite(["sandve2013ten", "harris2020array"], locator="3")
    doc.citations()     # ['(1)', '(2,1)'] in that style's own form
    doc.bibliography()  # the cited records first, then the rest, as the style sorts them
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from citekit.csl.cite import by_key
from citekit.csl.engine.session import Session
from citekit.csl.formatters import MARKUPS, finish_rich_text
from citekit.csl.render import csl_items, entry_text
from citekit.csl.style.load import load_style
from citekit.errors import CitekitError, StyleError
from citekit.model import Record


@dataclass
class Document:
    """Citations of ``records`` in ``style`` (a short name, style id or ``.csl`` file), in the
    order they are cited; ``markup`` is text, html or markdown."""

    records: Sequence[Record]
    style: str = "apa"
    locale: str | None = None
    markup: str = "text"
    # Each cluster: its cites (id, and locator, label, prefix, suffix when given) and note number.
    clusters: list[tuple[list[dict[str, Any]], int | None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.markup not in MARKUPS:
            raise StyleError(f"unknown markup {self.markup!r}; use one of {', '.join(MARKUPS)}")
        self._loaded = load_style(self.style, self.locale)  # an unknown style fails here, early

    def cite(
        self,
        keys: str | Sequence[str],
        locator: str | None = None,
        label: str = "page",
        prefix: str | None = None,
        suffix: str | None = None,
        note: int | None = None,
    ) -> int:
        """Cite the records with ``keys`` together, as the next citation of the document; the
        ``locator`` (with its ``label``: page, chapter, …) and affixes go with the last key. ``note``
        is the footnote the citation stands in (note styles; 0: in the text). Returns its index."""
        wanted = [keys] if isinstance(keys, str) else list(keys)
        if not wanted:
            raise CitekitError("name at least one record key to cite")
        cites = [{"id": record.id} for record in by_key(self.records, wanted)]
        extra = {"locator": locator, "label": label, "prefix": prefix, "suffix": suffix}
        cites[-1].update({name: value for name, value in extra.items() if value})
        self.clusters.append((cites, note))
        return len(self.clusters) - 1

    def citations(self) -> list[str]:
        """Every citation, in document order, as the style writes each at its place."""
        if not self.clusters:
            return []
        texts = self._session().citations([cites for cites, _ in self.clusters], self._notes())
        return [finish_rich_text(text, self.markup) for text in texts]

    def bibliography(self) -> list[str]:
        """The bibliography of all the records (cited ones numbered as cited), as the style sorts it."""
        session = self._session()
        entries = session.bibliography(
            [record.id for record in self.records], [cites for cites, _ in self.clusters]
        )
        return [entry_text(entry, self.markup) for entry in entries]

    def _session(self) -> Session:
        cited = {cite["id"] for cites, _ in self.clusters for cite in cites}
        # cited records first: numeric styles number in the order of first citation
        ordered = [r for r in self.records if r.id in cited] + [r for r in self.records if r.id not in cited]
        return Session(self._loaded, csl_items(ordered, self.markup), self.markup)

    def _notes(self) -> list[int]:
        """Note numbers: as given, else the next one after the last (1, 2, 3 … by default)."""
        numbers, last = [], 0
        for _, note in self.clusters:
            last = note if note is not None else last + 1
            numbers.append(last)
        return numbers
