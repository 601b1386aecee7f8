"""A CSL processing session: a style, CSL-JSON items, citations in document order, a bibliography.

citeproc-py renders one element tree at a time; what depends on the whole document (which
citation comes first, citation numbers, the registry of cited items) is decided here and handed
to citeproc-py through its own ``Citation``/``CitationItem`` objects.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from citeproc import Citation, CitationStylesBibliography, CitationStylesStyle, Locator

from citekit.csl import disambiguation, locales, richtext
from citekit.csl.citation_label import generated_label
from citekit.csl.citations import NO_PRINTED_FORM, Tracker
from citekit.csl.citations import render as render_citation
from citekit.csl.date_input import parsed_date
from citekit.csl.finish import Finishing, finished
from citekit.csl.finish.author_substitute import substituted
from citekit.csl.formatters import MARKUPS
from citekit.csl.lookups import CitationItem
from citekit.csl.marks import AFFIX_CLOSE_MARK, CLOSE_MARK, KEEP_APART
from citekit.csl.name_input import parsed_name
from citekit.csl.note_fields import with_note_variables
from citekit.csl.rules import year_suffix
from citekit.csl.source import RecordSource
from citekit.csl.state import Disambiguation, RenderState
from citekit.errors import StyleError

Cite = dict[str, Any]
"""One cite of a citation as CSL processors take it: ``id`` plus optional ``locator``, ``label``,
``prefix``, ``suffix``."""


def _defines_locale(root: Any, code: str) -> bool:
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    wanted = {code, code.split("-")[0]}
    return any(
        loc.get(lang) in wanted for loc in root.iterchildren("{http://purl.org/net/xbiblio/csl}locale")
    )


class ParsedStyle(CitationStylesStyle):  # type: ignore[misc]
    """A citeproc-py style around a root element citekit has already parsed."""

    def __init__(self, root: Any, locale: str | None = None) -> None:
        self.root = root
        wanted = locale or root.get("default-locale") or "en-US"
        try:
            code = locales.check(wanted)
        except StyleError:
            # a language no locale file has is still the style's own when it defines its terms
            code = wanted if _defines_locale(root, wanted) else "en-US"
        self.root.set_locale_list(code)
        self.locale = code


def _locator_text(locator: str) -> str:
    """A locator trimmed, with the spaces around a range's hyphen dropped (``100 - 103``)."""
    return re.sub(r"(?<=\w)\s*[-–]\s*(?=\w)", "-", locator.strip())


def _citation_item(cite: Cite, escape: Any) -> Any:
    extra: dict[str, Any] = {}
    if str(cite.get("locator") or "").strip():
        locator = _locator_text(str(cite["locator"]))
        if '"' in locator:
            # quotes in a locator (``"gargoyle"``) are rich text: typographic, punctuated as quotes
            locator = str(richtext.parse(locator, None)).replace(KEEP_APART, "")
        extra["locator"] = Locator(cite.get("label") or "page", locator)
    for affix in ("prefix", "suffix"):
        if cite.get(affix):
            # a cite's affixes are punctuated as the style's own: no field marks kept apart, and
            # no punctuation moved into their quotes
            parsed = str(richtext.parse(str(cite[affix]), escape)).replace(KEEP_APART, "")
            extra[affix] = parsed.replace(CLOSE_MARK, AFFIX_CLOSE_MARK)
    position = cite.get("position")
    return CitationItem(str(cite["id"]), None if position is None else int(position), **extra)


def _names(value: list[Any], escape: Any) -> list[Any]:
    if not all(isinstance(n, dict) for n in value):
        return value
    names = [parsed_name(n) if isinstance(n, dict) else n for n in value]
    if not escape:
        return names
    return [{k: _name_part(v, escape) for k, v in n.items()} for n in names]


def _name_part(value: Any, escape: Any) -> Any:
    """A name part escaped for the output; rich-text tags in it (``Center <sup>for</sup> …``)
    are kept as output markup, as in any other field."""
    if not isinstance(value, str):
        return value
    if "<" in value:
        return str(richtext.parse(value, escape)).replace(KEEP_APART, "")
    return escape(value)


class RichTextSource(RecordSource):
    """Items whose text fields are read as rich text (``citekit.csl.richtext``): markup kept,
    text escaped for the output markup, quotes typographic. Name parts are escaped as they are."""

    def __init__(self, items: list[dict[str, Any]], escape: Any = None) -> None:
        self.rich_escape = escape
        names_escaped = [
            {k: _names(v, escape) if isinstance(v, list) else v for k, v in item.items()} for item in items
        ]
        super().__init__(names_escaped, None)

    def parse_string(self, string: Any) -> Any:
        return richtext.parse(str(string), self.rich_escape)

    def parse_date(self, json_data: Any) -> Any:
        return parsed_date(json_data)


# Zotero field names CSL processors accept for CSL variables.
_ALIASES = {"journalAbbreviation": "container-title-short", "shortTitle": "title-short"}


def _normalized(number: int, item: dict[str, Any]) -> dict[str, Any]:
    """An item with a string id and a type (an unknown one, matching no condition, if it has none),
    and Zotero's field names for short titles read as the CSL variables."""
    out = dict(
        with_note_variables(item), id=str(item.get("id", f"item-{number + 1}")), type=item.get("type", "")
    )
    for alias, variable in _ALIASES.items():
        if alias in out:
            value = out.pop(alias)
            out.setdefault(variable, value)
    if "citation-label" not in out:
        label = generated_label(out)
        if label:
            out["citation-label"] = label
    return out


def _sorts_by_citation_number(bibliography: Any) -> bool:
    sort = bibliography.find("{http://purl.org/net/xbiblio/csl}sort")
    return sort is not None and any(
        key.get("variable") == "citation-number"
        for key in sort.iterfind("{http://purl.org/net/xbiblio/csl}key")
    )


def style_lock(root: Any) -> threading.RLock:
    """The lock of a parsed style. citeproc-py keeps what one rendering needs on the style's own
    elements (the variables a substitute took, the output formatter, the locale chain), so a
    style renders for one session at a time; other styles render meanwhile."""
    lock: threading.RLock = root.__dict__.setdefault("_citekit_lock", threading.RLock())
    return lock


class Session:
    """Items registered once; citations and bibliographies rendered from them in one markup."""

    def __init__(self, style_root: Any, items: Sequence[dict[str, Any]], markup: str = "html") -> None:
        self.lock = style_lock(style_root)
        with self.lock:
            self.style = ParsedStyle(style_root)
            # this session's locale chain, put back on the style for each of its renderings
            self.locales = (style_root.output_locale, style_root.locales)
        self.states: dict[str, Disambiguation] = {}
        self._finishing: Finishing | None = None
        chosen = MARKUPS[markup]
        self.markup = markup
        self.escape = chosen.escape_data
        self.formatter = chosen.formatter
        self.source = RichTextSource([_normalized(n, item) for n, item in enumerate(items)], self.escape)
        default = str(style_root.get("default-locale", "en"))
        for reference in self.source.values():
            reference.read_as(default)  # the language cs:text falls back on, as citeproc-py
        # each item's own citation-label, to which a year-suffix may be added
        self.labels = {key: reference.get("citation_label") for key, reference in self.source.items()}

    def _registry(self, citations: Sequence[Sequence[Cite]], extra_ids: Sequence[str] = ()) -> Any:
        bib = CitationStylesBibliography(self.style, self.source, self.formatter)
        built = [Citation([_citation_item(cite, self.escape) for cite in cites]) for cites in citations]
        for citation in built:
            bib.register(citation)
        if extra_ids:
            bib.register(Citation([CitationItem(str(key)) for key in extra_ids]))
        if self.style.has_bibliography():
            registered = list(bib.keys)
            bib.sort()
            if _sorts_by_citation_number(self.style.root.bibliography):
                bib.keys = registered  # numbers stay in order of first citation
        self.states = {}
        if disambiguation.needed(self.style.root):
            for key in bib.keys:
                year_suffix.mark(self.source[key], None, True, label=self.labels[key])
            cited = [str(cite["id"]).lower() for cites in citations for cite in cites]
            later = {key for key in cited if cited.count(key) > 1}
            self.states = disambiguation.Disambiguator(self.style.root, bib, later).run()
            explicit = bool(self.style.root.xpath_search(".//cs:text[@variable='year-suffix']"))
            labelled = bool(self.style.root.xpath_search(".//cs:text[@variable='citation-label']"))
            for key, state in self.states.items():
                year_suffix.mark(self.source[key], state.year_suffix, explicit, labelled, self.labels[key])
        return bib, built

    def citations(self, citations: Sequence[Sequence[Cite]], notes: Sequence[int] = ()) -> list[str]:
        """Each citation rendered, in document order (positions follow that order); ``notes`` are
        the note numbers of the citations (1, 2, 3 … by default)."""
        with self._rendering():
            return self._citations(citations, notes)

    def _citations(self, citations: Sequence[Sequence[Cite]], notes: Sequence[int]) -> list[str]:
        _bib, built = self._registry(citations)
        element = self.style.root.citation
        element.cites = []
        tracker = Tracker(int(element.get("near-note-distance", "5")))
        out = []
        for number, citation in enumerate(built):
            given = notes[number] if number < len(notes) else None
            note = given or number + 1
            known = [item for item in citation.cites if item.key in self.source]
            in_text = given == 0
            text = render_citation(element, known, tracker, note, in_text, self.states)
            out.append(self.finish(text))
        return out

    def bibliography(self, ids: Sequence[str], citations: Sequence[Sequence[Cite]] = ()) -> list[str]:
        """The bibliography entries of the cited items and ``ids``, sorted as the style sorts them."""
        if not self.style.has_bibliography():
            raise StyleError("the style defines no bibliography")
        with self._rendering():
            return self._bibliography(ids, citations)

    def _bibliography(self, ids: Sequence[str], citations: Sequence[Sequence[Cite]]) -> list[str]:
        bib, _ = self._registry(citations, ids)
        element = self.style.root.bibliography
        substitute = element.get("subsequent-author-substitute")
        numbered = bool(element.xpath_search(".//cs:text[@variable='citation-number']"))
        previous: str | None = None
        out = []
        for item in bib.items:
            decided = self.states.get(item.key)
            # names stay the bibliography's: only the disambiguate condition is carried over
            carried = Disambiguation(disambiguate=bool(decided and decided.disambiguate))
            state = item.start(RenderState(disambiguation=carried))
            entries = element.layout.render_bibliography([item])
            if not entries:
                if numbered:
                    # a numbered entry keeps its number (citeproc-js): the numbers stay in step
                    out.append(f"{item.number}. {NO_PRINTED_FORM}")
                continue
            names = state.first_names
            entry = year_suffix.first_suffix_only(str(entries[0]))
            out.append(self.finish(substituted(entry, names, previous, substitute)))
            previous = names
        return out

    @contextmanager
    def _rendering(self) -> Iterator[None]:
        """The style to this session alone while it renders, with the session's locale chain."""
        with self.lock:
            root = self.style.root
            root.output_locale, root.locales = self.locales
            yield

    def finish(self, text: str) -> str:
        """A citation or entry through the finishing steps (``citekit.csl.finish``)."""
        if self._finishing is None:
            # the locale's quotes and punctuation-in-quote, the same for every entry: looked up once
            self._finishing = Finishing.of(self.style.root, self.markup)
        return finished(text, self._finishing)
