"""A CSL processing session: a style, CSL-JSON items, citations in document order, a bibliography.

citeproc-py renders one element tree at a time; what depends on the whole document (which
citation comes first, citation numbers, the registry of cited items, disambiguation) is decided
here and handed to citeproc-py through its own ``Citation``/``CitationItem`` objects, and to the
rules through the state of each rendering (``citekit.csl.engine.state``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from citeproc import Citation

from citekit.csl.engine import bibliography, clusters, disambiguation
from citekit.csl.engine.cites import Cite, citation_item
from citekit.csl.engine.positions import Tracker
from citekit.csl.engine.registry import registered
from citekit.csl.engine.state import Disambiguation
from citekit.csl.finish import Finishing, finished
from citekit.csl.formatters import MARKUPS
from citekit.csl.items.source import RecordSource, normalized
from citekit.csl.style.load import Style
from citekit.errors import StyleError


class Session:
    """Items registered once; citations and bibliographies rendered from them in one markup."""

    def __init__(self, style: Style, items: Sequence[dict[str, Any]], markup: str = "html") -> None:
        self.style = style
        chosen = MARKUPS[markup]
        self.markup = markup
        self.escape = chosen.escape_data
        self.formatter = chosen.formatter
        root = style.root
        with style.lock:
            # a locale chain of this session's own, put back on the style for each of its
            # renderings: citeproc-py writes into the locales it renders dates with
            root.set_locale_list(style.locale)
            self.locales = (root.output_locale, root.locales)
        self.source = RecordSource([normalized(n, item) for n, item in enumerate(items)], self.escape)
        default = str(root.get("default-locale", "en"))
        for reference in self.source.values():
            reference.read_as(default)  # the language cs:text falls back on, as citeproc-py
        # each item's own citation-label, to which a year-suffix may be added
        self.labels = {key: reference.get("citation_label") for key, reference in self.source.items()}
        self._finishing: Finishing | None = None

    def citations(self, citations: Sequence[Sequence[Cite]], notes: Sequence[int] = ()) -> list[str]:
        """Each citation rendered, in document order (positions follow that order); ``notes`` are
        the note numbers of the citations (1, 2, 3 … by default; 0 for a citation in the text)."""
        with self._rendering():
            built, registry = self._register(citations)
            decided = self._disambiguate(registry, citations)
            element = self.style.root.citation
            element.cites = []
            tracker = Tracker(int(element.get("near-note-distance", "5")))
            out = []
            for number, citation in enumerate(built):
                given = notes[number] if number < len(notes) else None
                known = [item for item in citation.cites if item.key in self.source]
                text = clusters.render(element, known, tracker, given or number + 1, given == 0, decided)
                out.append(self.finish(text))
            return out

    def bibliography(self, ids: Sequence[str], citations: Sequence[Sequence[Cite]] = ()) -> list[str]:
        """The bibliography entries of the cited items and ``ids``, sorted as the style sorts them."""
        if not self.style.has_bibliography():
            raise StyleError("the style defines no bibliography")
        with self._rendering():
            _built, registry = self._register(citations, ids)
            decided = self._disambiguate(registry, citations)
            return bibliography.entries(registry, decided, self.finish)

    def finish(self, text: str) -> str:
        """A citation or entry through the finishing steps (``citekit.csl.finish``)."""
        if self._finishing is None:
            # the locale's quotes and punctuation-in-quote, the same for every entry: looked up once
            self._finishing = Finishing.of(self.style.root, self.markup)
        return finished(text, self._finishing)

    @contextmanager
    def _rendering(self) -> Iterator[None]:
        """The style to this session alone while it renders, with the session's locale chain."""
        with self.style.lock:
            root = self.style.root
            root.output_locale, root.locales = self.locales
            yield

    def _register(
        self, citations: Sequence[Sequence[Cite]], extra_ids: Sequence[str] = ()
    ) -> tuple[list[Any], Any]:
        built = [Citation([citation_item(cite, self.escape) for cite in cites]) for cites in citations]
        return built, registered(self.style, self.source, self.formatter, built, extra_ids)

    def _disambiguate(self, registry: Any, citations: Sequence[Sequence[Cite]]) -> dict[str, Disambiguation]:
        cited = [str(cite["id"]).lower() for cites in citations for cite in cites]
        return disambiguation.decide(self.style.root, registry, cited, self.labels)
