"""Reading MODS 3.x into records: a ``<mods>`` record, a ``<modsCollection>``, or MODS records inside
another document (an OAI-PMH response, a DIDL container).

MODS as library systems and repositories write it: Pure, EPrints and DSpace over OAI-PMH, bibutils'
``bib2xml``, Zotero. Element names are matched without their namespace (producers disagree on it);
every mapping to CSL is a table in ``tables``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from citekit.errors import CitekitError, Problem
from citekit.formats import xmlsafe
from citekit.formats.base import ReadResult
from citekit.formats.doi import bare_doi
from citekit.formats.mods import tables as T
from citekit.formats.mods.names import read_names, titles
from citekit.formats.mods.tree import Reading, kid_text, kids, walking
from citekit.formats.mods.values import first_date, page_range, parse_date
from citekit.formats.ris.read import join_keywords
from citekit.model import Location, Record

__all__ = ["kid_text", "kids", "mods_elements", "page_range", "parse_date", "read", "to_record"]

_PAGE_COUNT = re.compile(r"^\s*(\d+)\s*(?:p\.?|pp\.?|pages?|s\.|leaves|unpaged)?\s*$", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def mods_elements(root: Any) -> Iterator[Any]:
    """Every ``<mods>`` record in a document, outermost first (a relatedItem holds no ``<mods>``)."""
    if xmlsafe.local(root) == "mods":
        yield root
        return
    yield from root.iter("{*}mods", "mods")


def read(text: str, source: str) -> ReadResult:
    """Every MODS record of a document; an XML error is reported with its line, the rest is read."""
    data = _XML_DECLARATION.sub("", text, count=1).encode("utf-8")
    try:
        root, problems = xmlsafe.parse(data, source)
    except CitekitError as exc:
        return ReadResult(problems=[Problem(exc.location or Location(source), exc.message, "error")])
    result = ReadResult(problems=problems)
    elements = list(mods_elements(root))
    if not elements:
        message = "no MODS record here (no <mods> element); give a MODS file or use --from"
        result.problems.append(Problem(Location(source, 1), message, "error"))
    for element in elements:
        location = Location(source, element.sourceline or 0)
        record, warnings = to_record(element, location)
        result.records.append(record)
        result.problems.extend(Problem(location, w) for w in warnings)
    return result


def to_record(mods: Any, location: Location | None = None) -> tuple[Record, list[str]]:
    """One ``<mods>`` element as a Record, with warnings about what could not be kept."""
    with walking(mods):
        return _to_record(mods, location)


def _to_record(mods: Any, location: Location | None) -> tuple[Record, list[str]]:
    reading = Reading()
    related = kids(mods, "relatedItem")
    events = [r for r in related if _is_event(r)]
    hosts = [r for r in related if r.get("type") == "host" and r not in events]
    series = [r for r in related if r.get("type") == "series"]
    for host in hosts:
        series += [r for r in kids(host, "relatedItem") if r.get("type") in ("series", "host")]
    kind = _type(mods, hosts, reading)

    # The order matters: a value is kept from the first place that gives it.
    title, short = titles(mods)
    reading.set("title", title)
    reading.set("title-short", short)
    read_names(mods, "author", reading, kind)
    _read_host_titles(hosts, series, reading, kind)
    for event in events:
        _read_event(event, reading)
    for name in kids(mods, "name"):
        if name.get("type") == "conference":
            _read_conference_name(name, reading)
    _read_origin(kids(mods, "originInfo"), reading)
    for host in hosts:
        _read_origin(kids(host, "originInfo"), reading, host=True)
        for place in kids(host, "location"):
            reading.set("publisher-place", kid_text(place, "physicalLocation"))
    for item in (mods, *hosts):
        _read_parts(kids(item, "part"), reading, kind)
    _read_series_numbers(series, reading)
    record_id = _read_identifiers(kids(mods, "identifier"), reading, own=True)
    for host in hosts:
        _read_identifiers(kids(host, "identifier"), reading, own=False)
    for place in kids(mods, "location"):
        for url in kids(place, "url"):
            _read_url(xmlsafe.text(url), reading)
    _read_content(mods, reading)
    return _record(mods.get("ID") or record_id, kind, reading, location), reading.warnings


def _read_host_titles(hosts: list[Any], series: list[Any], reading: Reading, kind: str) -> None:
    """The titles and editors of the journal, book or proceedings, then of the series."""
    for host in hosts:
        container, container_short = titles(host)
        reading.set("container-title", container)
        reading.set("container-title-short", container_short)
        read_names(host, "editor", reading, kind, host=True)
    for item in series:
        reading.set("collection-title", titles(item)[0])
        read_names(item, "collection-editor", reading, kind, host=True)


def _read_series_numbers(series: list[Any], reading: Reading) -> None:
    """The record's number in a series (in a host's own host: the volume)."""
    for item in series:
        for part in kids(item, "part"):
            for detail in kids(part, "detail"):
                value = kid_text(detail, "number")
                if (detail.get("type") or "").lower() in ("volume", "number", "issue", ""):
                    target = "collection-number" if xmlsafe.local(item.getparent()) == "mods" else "volume"
                    reading.set(target, value)


def _record(record_id: str, kind: str, reading: Reading, location: Location | None) -> Record:
    names = {var: tuple(found) for var, found in reading.names.items() if found}
    dois = tuple(dict.fromkeys(d for d in reading.dois if d))
    if dois:
        reading.fields["DOI"] = dois[0]
    return Record(
        id=record_id,
        type=kind,
        fields={k: v for k, v in reading.fields.items() if v},
        names=names,
        dates=reading.dates,
        dois=dois,
        et_al=reading.et_al and bool(names.get("author")),
        location=location,
    )


# --- type ------------------------------------------------------------------------------------


def _type(mods: Any, hosts: list[Any], reading: Reading) -> str:
    """The CSL type: citekit's own genre, else the first genre the tables know, else the host's
    genre, else typeOfResource. An unknown genre with no authority is the CSL ``genre`` (bibutils
    writes a BibTeX ``type`` field, "Thesis (M.S.)", that way)."""
    genres = [(g, xmlsafe.text(g)) for g in kids(mods, "genre")]
    own = [v for g, v in genres if g.get("authority") == T.CSL_AUTHORITY and v in T.CSL_TYPES]
    known = [t for g, v in genres if g.get("authority") != T.CSL_AUTHORITY and (t := T.genre_type(v))]
    for genre, value in genres:
        if genre.get("type") == T.CSL_GENRE_TYPE:
            reading.set("genre", value)
    unknown = [
        v
        for g, v in genres
        if v and not g.get("authority") and g.get("type") != T.CSL_GENRE_TYPE and not T.known_genre(v)
    ]
    if unknown:
        reading.set("genre", unknown[0])
    host_genres = [T.HOST_GENRES.get(T.genre_key(xmlsafe.text(g))) for h in hosts for g in kids(h, "genre")]
    resource = T.RESOURCE_TYPES.get(T.genre_key(kid_text(mods, "typeOfResource")))
    kind = next((k for k in (*own, *known, *host_genres) if k), None)
    if kind is None:
        shown = f"MODS genre {unknown[0]!r}" if unknown else "no MODS genre"
        reading.warnings.append(f"{shown} names no type citekit knows; read as {resource or 'document'}")
    return kind or resource or "document"


def _is_event(related: Any) -> bool:
    label = (related.get("displayLabel") or "").lower()
    genres = {T.genre_key(xmlsafe.text(g)) for g in kids(related, "genre")}
    return related.get("type") == "host" and (label in T.EVENT_WORDS or bool(genres & T.EVENT_WORDS))


# --- titles and names ------------------------------------------------------------------------


# --- events, origin, parts -------------------------------------------------------------------


def _read_event(event: Any, reading: Reading) -> None:
    reading.set("event-title", titles(event)[0])
    for name in kids(event, "name"):
        _read_conference_name(name, reading)
    for origin in kids(event, "originInfo"):
        for place in kids(origin, "place"):
            reading.set("event-place", _place_text(place))
        date = first_date(origin, ("dateOther", "dateIssued", "dateCreated"))
        if date and "event-date" not in reading.dates:
            reading.dates["event-date"] = date


def _read_conference_name(name: Any, reading: Reading) -> None:
    parts = kids(name, "namePart")
    reading.set("event-title", " ".join(xmlsafe.text(p) for p in parts if not p.get("type")))
    for part in parts:
        if part.get("type") == "date" and "event-date" not in reading.dates:
            date = parse_date(xmlsafe.text(part))
            if date:
                reading.dates["event-date"] = date


def _place_text(place: Any) -> str:
    return next(
        (xmlsafe.text(t) for t in kids(place, "placeTerm") if t.get("type") != "code" and xmlsafe.text(t)), ""
    )


# originInfo date elements -> CSL date variables (dateOther by its type).
_ORIGIN_DATES = (
    ("dateIssued", "issued"),
    ("dateCaptured", "accessed"),
    ("copyrightDate", "issued"),
    ("dateCreated", "issued"),
)
_OTHER_DATES = {
    "available": "available-date",
    "submitted": "submitted",
    "accepted": "submitted",
    "original": "original-date",
}


def _read_origin(origins: list[Any], reading: Reading, host: bool = False) -> None:
    for origin in origins:
        reading.set("publisher", kid_text(origin, "publisher"))
        for place in kids(origin, "place"):
            reading.set("publisher-place", _place_text(place))
        reading.set("edition", kid_text(origin, "edition"))
        for tag, var in _ORIGIN_DATES:
            date = first_date(origin, (tag,))
            if date and var not in reading.dates:
                reading.dates[var] = date
        for other in kids(origin, "dateOther"):
            other_var = _OTHER_DATES.get((other.get("type") or "").lower())
            date = parse_date(xmlsafe.text(other), other.get("qualifier"))
            if other_var and date and other_var not in reading.dates and not host:
                reading.dates[other_var] = date


def _read_parts(parts: list[Any], reading: Reading, kind: str) -> None:
    for part in parts:
        numbers = {
            (d.get("type") or "").lower(): kid_text(d, "number") or kid_text(d, "title")
            for d in kids(part, "detail")
        }
        for detail, value in numbers.items():
            var = T.DETAILS.get(detail)
            if var == "number" and kind in T.PERIODICAL_TYPES and not numbers.get("issue"):
                var = "issue"
            if var:
                reading.set(var, value)
        for extent in kids(part, "extent"):
            if (extent.get("unit") or "page").lower().rstrip("s") not in ("page", "pp", "p"):
                continue
            first, last, listed = kid_text(extent, "start"), kid_text(extent, "end"), kid_text(extent, "list")
            reading.set("page", "-".join(p for p in (first, last) if p) or listed)
            reading.set("number-of-pages", kid_text(extent, "total"))
        date = next((parse_date(xmlsafe.text(d)) for d in kids(part, "date") if xmlsafe.text(d)), None)
        if date and "issued" not in reading.dates:
            reading.dates["issued"] = date


# --- identifiers and content -----------------------------------------------------------------


def _read_url(value: str, reading: Reading) -> None:
    if re.search(r"doi\.org/10\.", value, re.IGNORECASE):
        reading.dois.append(bare_doi(value))
    else:
        reading.set("URL", value)


def _read_identifiers(identifiers: list[Any], reading: Reading, own: bool) -> str:
    """Read identifiers; returns the record's own key when one is given (``citekey``)."""
    key = ""
    for identifier in identifiers:
        kind, value = (identifier.get("type") or "").lower(), xmlsafe.text(identifier)
        if not value or identifier.get("invalid") == "yes":
            continue
        var = T.IDENTIFIERS.get(kind)
        if var in ("ISBN", "ISSN"):
            reading.set(var, value)
        elif not own:
            continue
        elif var:
            reading.set(var, value)
        elif kind in T.DOI_TYPES:
            reading.dois.append(bare_doi(re.sub(r"^info:doi/", "", value, flags=re.IGNORECASE)))
        elif kind in T.URL_TYPES:
            _read_url(value, reading)
        elif kind in T.HANDLE_TYPES:
            reading.set("URL", value if "://" in value else f"https://hdl.handle.net/{value}")
        elif kind in T.KEY_TYPES:
            key = key or value
        elif kind in T.CITATION_TYPES:
            _read_citation(value, reading)
    return key


def _read_citation(value: str, reading: Reading) -> None:
    from citekit.formats.citation import parse_citation

    found = parse_citation(value, reading.fields.get("title", ""))
    if found is None:
        reading.warnings.append("a citation identifier no pattern reads; kept in note")
        reading.set("note", value)
        return
    for var, text in found.fields().items():
        reading.set(var, text)


def _read_content(mods: Any, reading: Reading) -> None:
    reading.set("abstract", next((xmlsafe.text(a) for a in kids(mods, "abstract") if xmlsafe.text(a)), ""))
    notes = [xmlsafe.text(n) for n in kids(mods, "note") if xmlsafe.text(n)]
    reading.set("note", "\n".join(notes))
    topics = [xmlsafe.text(t) for s in kids(mods, "subject") for t in kids(s, "topic")]
    reading.set("keyword", join_keywords(topics))
    for description in kids(mods, "physicalDescription"):
        for extent in kids(description, "extent"):
            count = _PAGE_COUNT.match(xmlsafe.text(extent))
            if count:
                reading.set("number-of-pages", count.group(1))
    for language in kids(mods, "language"):
        reading.set("language", _language(language))


def _language(language: Any) -> str:
    from citekit.normalize.languages import code_for

    for term in kids(language, "languageTerm"):
        value = xmlsafe.text(term)
        if not value:
            continue
        if term.get("type") == "code" or re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)*", value):
            return T.LANGUAGE_CODES.get(value.lower(), value)
        return code_for(value)
    # Some writers (JabRef among them) put the language's name straight into <language>.
    own = xmlsafe.text(language)
    return code_for(own) if own else ""
