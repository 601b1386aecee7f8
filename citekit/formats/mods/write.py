"""MODS 3.7 output: a ``<modsCollection>``, one ``<mods>`` per record, mapped by ``tables``.

Where each value goes follows the way library systems and bibutils write MODS: a journal, book or
proceedings is a ``relatedItem type="host"`` holding its title, editors, ISSN/ISBN and the part
(volume, issue, pages); a series is a ``relatedItem type="series"``; the conference is a host item
labelled ``event``. The exact CSL type is kept as ``<genre authority="csl">`` beside the MARC and
bibutils genre terms other readers understand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from lxml import etree

from citekit.formats import case_protection
from citekit.formats.doi import bare_doi
from citekit.formats.mods import tables as T
from citekit.formats.mods.names import person
from citekit.formats.mods.values import page_range, parse_date
from citekit.formats.ris.read import join_keywords
from citekit.formats.ris.write import keywords
from citekit.model import Date, Name, Record

_NS = f"{{{T.MODS_NAMESPACE}}}"
# A record's text variable, cleaned for XML.
Getter = Callable[[str], str]
# Characters XML 1.0 cannot hold (they are dropped, as no reader could take them back).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")
_PAGE_COUNT = re.compile(r"^\d+$")

# Text variables MODS carries (everything else is reported as lost).
TEXT_VARIABLES = frozenset(
    {
        "title",
        "title-short",
        "container-title",
        "container-title-short",
        "collection-title",
        "collection-number",
        "volume",
        "issue",
        "page",
        "number",
        "number-of-pages",
        "chapter-number",
        "part-number",
        "edition",
        "publisher",
        "publisher-place",
        "event-title",
        "event-place",
        "genre",
        "DOI",
        "ISBN",
        "ISSN",
        "URL",
        "PMID",
        "PMCID",
        "language",
        "keyword",
        "abstract",
        "note",
    }
)
# Name variables MODS carries: every role of WRITE_ROLES, a book's authors and series editors.
NAME_VARIABLES = (*T.WRITE_ROLES, "container-author", "collection-editor")
# Date variables: originInfo's dateIssued, dateCaptured and dateOther types, and the event's date.
ORIGIN_DATES = (("issued", "dateIssued", ""), ("accessed", "dateCaptured", ""))
OTHER_DATES = (("available-date", "available"), ("submitted", "submitted"), ("original-date", "original"))
DATE_VARIABLES = ("issued", "accessed", "available-date", "submitted", "original-date", "event-date")


def clean(value: str) -> str:
    """A value as MODS holds it: one line of text, no case-protection markup, only XML characters."""
    return " ".join(_NOT_XML.sub("", case_protection.strip(value)).split())


def _add(parent: Any, tag: str, text: str = "", **attributes: str) -> Any:
    element = etree.SubElement(parent, _NS + tag, {k.rstrip("_"): v for k, v in attributes.items() if v})
    if text:
        element.text = text
    return element


def write(records: Sequence[Record], ascii: bool = False) -> str:
    """A MODS collection (UTF-8; ``ascii``: every other character as a character reference), each
    record with the id it has (``citekit.stages.key`` made it)."""
    root = etree.Element(_NS + "modsCollection", nsmap={None: T.MODS_NAMESPACE})
    for record in records:
        root.append(mods_element(record))
    body = etree.tostring(root, encoding="us-ascii" if ascii else "unicode", pretty_print=True)
    text = body.decode("ascii") if isinstance(body, bytes) else body
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text


_OPEN = "<modsCollection"
_CLOSE = "</modsCollection>\n"
_EMPTY = '<modsCollection xmlns="http://www.loc.gov/mods/v3"/>\n'


def join(texts: Iterable[str]) -> Iterator[str]:
    """Several ``write`` outputs (chunks written in parallel) as one document: the declaration and
    the root once, every record inside (``Format.join``)."""
    started = False
    for text in texts:
        if text.endswith(_EMPTY):
            continue
        body = text[text.index(">", text.index(_OPEN)) + 2 : -len(_CLOSE)]
        yield (text[: text.index(">", text.index(_OPEN)) + 2] if not started else "") + body
        started = True
    yield _CLOSE if started else '<?xml version="1.0" encoding="UTF-8"?>\n' + _EMPTY


def mods_element(record: Record) -> Any:
    """One record as a ``<mods>`` element: its parts in the order MODS readers expect them."""
    mods = etree.Element(_NS + "mods", {"version": "3.7"}, nsmap={None: T.MODS_NAMESPACE})
    if _NCNAME.match(record.id):
        mods.set("ID", record.id)

    def get(var: str) -> str:
        return clean(record.get(var))

    kind = record.type
    hosted = kind in T.HOSTED_TYPES or any(get(v) for v in ("container-title", "container-title-short"))
    hosted = hosted or bool(record.names.get("container-author"))
    book_host = hosted and kind in T.HOST_EDITOR_TYPES

    _title_info(mods, get("title"), get("title-short"))
    _names(mods, record, book_host)
    _genres(mods, kind, get)
    origin = _add(mods, "originInfo")
    if not book_host:
        _publication(origin, get)
    _dates(origin, record)
    if not len(origin):
        mods.remove(origin)
    _content(mods, get)
    _part(_host(mods, record, get, book_host) if hosted else mods, get, kind)
    _series(mods, record, get)
    _event(mods, record, get)
    _identifiers(mods, record, get, hosted)
    if get("URL"):
        _add(_add(mods, "location"), "url", get("URL"))
    return mods


def _names(mods: Any, record: Record, book_host: bool) -> None:
    """The record's own names with their roles (a book's editors go with the book, the host)."""
    for var in NAME_VARIABLES:
        if var in ("container-author", "collection-editor") or (var == "editor" and book_host):
            continue
        for name in record.names.get(var, ()):
            _name(mods, name, T.WRITE_ROLES[var])
        if var == "author" and record.et_al and record.names.get("author"):
            etal = _add(mods, "name", type="personal")
            _add(etal, "etal")
            _add(_add(etal, "role"), "roleTerm", "author", type="text", authority="marcrelator")


def _genres(mods: Any, kind: str, get: Getter) -> None:
    """The type of resource, the MARC and bibutils genres of the type, and the exact CSL type."""
    item_genres, _, resource = T.WRITE_GENRES.get(kind, ((), (), "text"))
    _add(mods, "typeOfResource", resource)
    for authority, term in item_genres:
        _add(mods, "genre", term, authority=authority)
    _add(mods, "genre", kind, authority=T.CSL_AUTHORITY)
    if get("genre"):
        _add(mods, "genre", get("genre"), type=T.CSL_GENRE_TYPE)


def _content(mods: Any, get: Getter) -> None:
    """Language, extent, abstract, note and keywords."""
    if get("language"):
        _add(_add(mods, "language"), "languageTerm", get("language"), type="code", authority="rfc5646")
    if _PAGE_COUNT.match(get("number-of-pages")):
        _add(_add(mods, "physicalDescription"), "extent", f"{get('number-of-pages')} p.")
    if get("abstract"):
        _add(mods, "abstract", get("abstract"))
    if get("note"):
        _add(mods, "note", get("note"))
    for keyword in keywords(get("keyword")):
        _add(_add(mods, "subject"), "topic", keyword)


def _host(mods: Any, record: Record, get: Getter, book_host: bool) -> Any:
    """The journal, book or proceedings the record is in, as a host item (returned: the part goes in it)."""
    kind = record.type
    host = _add(mods, "relatedItem", type="host")
    _title_info(host, get("container-title"), get("container-title-short"))
    for name in record.names.get("container-author", ()):
        _name(host, name, "author")
    for name in record.names.get("editor", ()) if book_host else ():
        _name(host, name, "editor")
    if book_host:
        _publication(_add(host, "originInfo"), get)
    for authority, term in T.WRITE_GENRES.get(kind, ((), (), "text"))[1]:
        _add(host, "genre", term, authority=authority)
    if get("ISSN"):
        _add(host, "identifier", get("ISSN"), type="issn")
    if get("ISBN") and kind in T.HOST_ISBN_TYPES:
        _add(host, "identifier", get("ISBN"), type="isbn")
    return host


def _identifiers(mods: Any, record: Record, get: Getter, hosted: bool) -> None:
    """DOIs, the ISBN and ISSN the host does not hold, PubMed ids, a report number and the citation key."""
    kind = record.type
    dois = dict.fromkeys(clean(bare_doi(d)) for d in (record.get("DOI"), *record.dois) if clean(d))
    for doi in dois:
        _add(mods, "identifier", doi, type="doi")
    if get("ISBN") and not (hosted and kind in T.HOST_ISBN_TYPES):
        _add(mods, "identifier", get("ISBN"), type="isbn")
    if get("ISSN") and not hosted:
        _add(mods, "identifier", get("ISSN"), type="issn")
    for var, kind_name in (("PMID", "pmid"), ("PMCID", "pmcid")):
        if get(var):
            _add(mods, "identifier", get(var), type=kind_name)
    if get("number") and kind in T.PERIODICAL_TYPES:
        _add(mods, "identifier", get("number"), type="report-number")
    if record.id:
        _add(mods, "identifier", clean(record.id), type="citekey")


def _title_info(parent: Any, title: str, short: str) -> None:
    if title:
        info = _add(parent, "titleInfo")
        main, _, sub = title.partition(": ")
        if sub.strip() and main.strip() and main == main.rstrip():
            _add(info, "title", main)
            _add(info, "subTitle", sub)
        else:
            _add(info, "title", title)
    if short:
        _add(_add(parent, "titleInfo", type="abbreviated"), "title", short)


def _name(parent: Any, name: Name, role: str) -> None:
    if name.literal:
        element = _add(parent, "name", type="corporate")
        _add(element, "namePart", clean(name.literal))
    else:
        family = clean(
            " ".join(p for p in (name.dropping_particle, name.non_dropping_particle, name.family) if p)
        )
        if not family and not clean(name.given):
            return
        element = _add(parent, "name", type="personal")
        if clean(name.given):
            _add(element, "namePart", clean(name.given), type="given")
        if family:
            _add(element, "namePart", family, type="family")
        if clean(name.suffix):
            _add(element, "namePart", clean(name.suffix), type="termsOfAddress")
    _add(_add(element, "role"), "roleTerm", role, type="text", authority="marcrelator")


def _publication(origin: Any, get: Getter) -> None:
    if get("publisher"):
        _add(origin, "publisher", get("publisher"))
    if get("publisher-place"):
        _add(_add(origin, "place"), "placeTerm", get("publisher-place"), type="text")
    if get("edition"):
        _add(origin, "edition", get("edition"))


def date_text(part: tuple[int, ...]) -> str:
    return "-".join(f"{n:02d}" if i else f"{n:04d}" for i, n in enumerate(part))


def _date_element(parent: Any, tag: str, date: Date, **attributes: str) -> None:
    """A date: W3CDTF, a range as two elements with ``point``, or the literal text."""
    approximate = "approximate" if date.circa else ""
    if not date.parts:
        if clean(date.literal):
            _add(parent, tag, clean(date.literal), qualifier=approximate, **attributes)
        return
    if len(date.parts) == 1:
        _add(parent, tag, date_text(date.parts[0]), encoding="w3cdtf", qualifier=approximate, **attributes)
        return
    _add(
        parent,
        tag,
        date_text(date.parts[0]),
        encoding="w3cdtf",
        point="start",
        qualifier=approximate,
        **attributes,
    )
    _add(parent, tag, date_text(date.parts[1]), encoding="w3cdtf", point="end", **attributes)


def _interval(date: Date) -> Date:
    """A date written where MODS has one element: a range as an ISO interval ``start/end``."""
    if len(date.parts) > 1:
        return Date(literal="/".join(date_text(p) for p in date.parts[:2]), circa=date.circa)
    return date


def _dates(origin: Any, record: Record) -> None:
    for var, tag, _ in ORIGIN_DATES:
        if var in record.dates:
            _date_element(origin, tag, record.dates[var])
    for var, kind in OTHER_DATES:
        if var in record.dates:
            _date_element(origin, "dateOther", _interval(record.dates[var]), type=kind)


def _part(parent: Any, get: Getter, kind: str) -> None:
    part = _add(parent, "part")
    details = [
        ("volume", "volume"),
        ("issue", "issue"),
        ("chapter", "chapter-number"),
        ("part", "part-number"),
    ]
    if kind not in T.PERIODICAL_TYPES:
        details.append(("number", "number"))
    for detail, var in details:
        if get(var):
            _add(_add(part, "detail", type=detail), "number", get(var))
    first, last, listed = page_range(get("page"))
    if first or listed:
        extent = _add(part, "extent", unit="page")
        for tag, value in (("start", first), ("end", last), ("list", listed)):
            if value:
                _add(extent, tag, value)
    if not len(part):
        parent.remove(part)


def _series(mods: Any, record: Record, get: Getter) -> None:
    editors = record.names.get("collection-editor", ())
    if not (get("collection-title") or get("collection-number") or editors):
        return
    series = _add(mods, "relatedItem", type="series")
    _title_info(series, get("collection-title"), "")
    for name in editors:
        _name(series, name, "editor")
    if get("collection-number"):
        _add(_add(_add(series, "part"), "detail", type="volume"), "number", get("collection-number"))


def _event(mods: Any, record: Record, get: Getter) -> None:
    date = record.dates.get("event-date")
    if not (get("event-title") or get("event-place") or date):
        return
    event = _add(mods, "relatedItem", type="host", displayLabel="event")
    _title_info(event, get("event-title"), "")
    origin = _add(event, "originInfo")
    if get("event-place"):
        _add(_add(origin, "place"), "placeTerm", get("event-place"), type="text")
    if date:
        _date_element(origin, "dateOther", _interval(date), type="event")
    if not len(origin):
        event.remove(origin)


# --- what MODS carries -----------------------------------------------------------------------


def carried_name(name: Name) -> Name | None:
    """A name as the reader gives it back (particles as the family's lower-case first words)."""
    if name.literal:
        return Name(literal=clean(name.literal)) if clean(name.literal) else None
    family = clean(
        " ".join(p for p in (name.dropping_particle, name.non_dropping_particle, name.family) if p)
    )
    if not family and not clean(name.given):
        return None
    return person(family, clean(name.given), [clean(name.suffix)])


def carried_date(date: Date, single_element: bool = False) -> Date | None:
    if single_element:
        date = _interval(date)
    if not date.parts:
        found = parse_date(clean(date.literal), "approximate" if date.circa else None)
        return found
    parts = date.parts[:2]
    return Date(parts=tuple(parse_date(date_text(p)).parts[0] for p in parts), circa=date.circa)  # type: ignore[union-attr]


def carry(record: Record) -> Record:
    """The record as MODS carries it: what reading ``write([record])`` gives back."""
    fields = {k: clean(v) for k, v in record.fields.items() if k in TEXT_VARIABLES and clean(v)}
    if "keyword" in fields:
        fields["keyword"] = join_keywords(keywords(fields["keyword"]))
    if "page" in fields:
        first, last, listed = page_range(fields["page"])
        fields["page"] = "-".join(p for p in (first, last) if p) or listed
    if not _PAGE_COUNT.match(fields.get("number-of-pages", "")):
        fields.pop("number-of-pages", None)
    if "language" in fields:
        fields["language"] = T.LANGUAGE_CODES.get(fields["language"].lower(), fields["language"])
    dois = [clean(bare_doi(d)) for d in (record.get("DOI"), *record.dois) if clean(d)]
    if re.search(r"doi\.org/10\.", fields.get("URL", ""), re.IGNORECASE):
        dois.append(bare_doi(fields.pop("URL")))
    dois = list(dict.fromkeys(dois))
    fields.pop("DOI", None)
    if dois:
        fields["DOI"] = dois[0]
    names = {}
    for var in NAME_VARIABLES:
        kept = tuple(n for n in (carried_name(x) for x in record.names.get(var, ())) if n is not None)
        if kept:
            names[var] = kept
    dates = {}
    for var in DATE_VARIABLES:
        if var in record.dates:
            date = carried_date(record.dates[var], single_element=var not in ("issued", "accessed"))
            if date is not None:
                dates[var] = date
    kind = record.type if record.type in T.CSL_TYPES else "document"
    return replace(
        record,
        type=kind,
        fields=fields,
        names=names,
        dates=dates,
        dois=tuple(dois),
        et_al=record.et_al and bool(names.get("author")),
    )
