"""Reading MODS 3.x into records: a ``<mods>`` record, a ``<modsCollection>``, or MODS records inside
another document (an OAI-PMH response, a DIDL container).

MODS as library systems and repositories write it: Pure, EPrints and DSpace over OAI-PMH, bibutils'
``bib2xml``, Zotero. Element names are matched without their namespace (producers disagree on it);
every mapping to CSL is a table in ``tables``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from citekit.errors import CitekitError, Problem
from citekit.formats import xmlsafe
from citekit.formats.base import ReadResult
from citekit.formats.doi import bare_doi
from citekit.formats.mods import tables as T
from citekit.formats.ris.read import join_keywords
from citekit.formats.ris.read import parse_date as parse_text_date
from citekit.model import Date, Location, Name, Record

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")
_MARC_DATE = re.compile(r"^(\d{4})(\d{2})?(\d{2})?$")
_PAGE_COUNT = re.compile(r"^\s*(\d+)\s*(?:p\.?|pp\.?|pages?|s\.|leaves|unpaged)?\s*$", re.IGNORECASE)
_PAGE_RANGE = re.compile(r"^\s*([^\s\-–]+)\s*[-–]+\s*([^\s\-–]+)\s*$")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Title types that are not the work's main title.
_OTHER_TITLES = frozenset({"alternative", "translated", "uniform"})


# The children of every element of the record being read, by local name: one pass over the tree
# instead of a scan of an element's children for each question asked of it.
_local = threading.local()


def _group(root: Any) -> dict[Any, dict[str, list[Any]]]:
    groups: dict[Any, dict[str, list[Any]]] = {}
    for element in root.iter():
        found: dict[str, list[Any]] = {}
        for child in element:
            tag = child.tag
            if isinstance(tag, str):
                found.setdefault(tag[tag.rfind("}") + 1 :], []).append(child)
        groups[element] = found
    return groups


def kids(element: Any, name: str) -> list[Any]:
    """The children of ``element`` called ``name`` (in any namespace, or none)."""
    groups: dict[Any, dict[str, list[Any]]] | None = getattr(_local, "groups", None)
    found = groups.get(element) if groups is not None else None
    if found is None:
        return [c for c in element if isinstance(c.tag, str) and c.tag.rpartition("}")[2] == name]
    return found.get(name, [])


def kid_text(element: Any, name: str) -> str:
    return next((t for child in kids(element, name) if (t := xmlsafe.text(child))), "")


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


@dataclass
class _Reading:
    """What one ``<mods>`` element gives, gathered before it becomes a Record."""

    fields: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[Name]] = field(default_factory=dict)
    dates: dict[str, Date] = field(default_factory=dict)
    dois: list[str] = field(default_factory=list)
    et_al: bool = False
    warnings: list[str] = field(default_factory=list)

    def set(self, var: str, value: str) -> None:
        """Set a field unless it has a value already (the most specific source comes first)."""
        if value and not self.fields.get(var):
            self.fields[var] = value


def to_record(mods: Any, location: Location | None = None) -> tuple[Record, list[str]]:
    """One ``<mods>`` element as a Record, with warnings about what could not be kept."""
    _local.groups = _group(mods)
    try:
        return _to_record(mods, location)
    finally:
        _local.groups = None


def _to_record(mods: Any, location: Location | None) -> tuple[Record, list[str]]:
    reading = _Reading()
    related = kids(mods, "relatedItem")
    events = [r for r in related if _is_event(r)]
    hosts = [r for r in related if r.get("type") == "host" and r not in events]
    series = [r for r in related if r.get("type") == "series"]
    for host in hosts:
        series += [r for r in kids(host, "relatedItem") if r.get("type") in ("series", "host")]
    kind = _type(mods, hosts, reading)

    title, short = _titles(mods)
    reading.set("title", title)
    reading.set("title-short", short)
    _read_names(mods, "author", reading, kind)
    for host in hosts:
        container, container_short = _titles(host)
        reading.set("container-title", container)
        reading.set("container-title-short", container_short)
        _read_names(host, "editor", reading, kind, host=True)
    for item in series:
        reading.set("collection-title", _titles(item)[0])
        _read_names(item, "collection-editor", reading, kind, host=True)
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
    _read_parts(kids(mods, "part"), reading, kind)
    for host in hosts:
        _read_parts(kids(host, "part"), reading, kind)
    for item in series:
        for part in kids(item, "part"):
            for detail in kids(part, "detail"):
                value = kid_text(detail, "number")
                if (detail.get("type") or "").lower() in ("volume", "number", "issue", ""):
                    target = "collection-number" if xmlsafe.local(item.getparent()) == "mods" else "volume"
                    reading.set(target, value)

    record_id = mods.get("ID") or ""
    record_id = _read_identifiers(kids(mods, "identifier"), reading, own=True) or record_id
    for host in hosts:
        _read_identifiers(kids(host, "identifier"), reading, own=False)
    for place in kids(mods, "location"):
        for url in kids(place, "url"):
            _read_url(xmlsafe.text(url), reading)
    _read_content(mods, reading)
    if mods.get("ID"):
        record_id = mods.get("ID")

    names = {var: tuple(found) for var, found in reading.names.items() if found}
    dois = tuple(dict.fromkeys(d for d in reading.dois if d))
    if dois:
        reading.fields["DOI"] = dois[0]
    record = Record(
        id=record_id,
        type=kind,
        fields={k: v for k, v in reading.fields.items() if v},
        names=names,
        dates=reading.dates,
        dois=dois,
        et_al=reading.et_al and bool(names.get("author")),
        location=location,
    )
    return record, reading.warnings


# --- type ------------------------------------------------------------------------------------


def _type(mods: Any, hosts: list[Any], reading: _Reading) -> str:
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


def title_text(info: Any) -> str:
    """nonSort + title, then ``: subTitle``, then part number and name."""
    non_sort, title = kid_text(info, "nonSort"), kid_text(info, "title")
    if non_sort and title:
        joined = non_sort + title if non_sort.endswith(("'", "’", "-")) else f"{non_sort} {title}"
    else:
        joined = non_sort or title
    for extra, joiner in (("subTitle", ": "), ("partNumber", ". "), ("partName", ". ")):
        value = kid_text(info, extra)
        if value:
            joined = f"{joined}{joiner}{value}" if joined else value
    return joined


def _titles(element: Any) -> tuple[str, str]:
    """(main title, abbreviated title) of a record or related item."""
    main = short = ""
    for info in kids(element, "titleInfo"):
        kind = info.get("type") or ""
        if kind == "abbreviated":
            short = short or title_text(info)
        elif kind not in _OTHER_TITLES:
            main = main or title_text(info)
    return main, short


def name_of(element: Any) -> Name | None:
    """A ``<name>`` as a CSL name: typed nameParts, one ``Family, Given`` part, or an institution."""
    parts: dict[str, list[str]] = {}
    for part in kids(element, "namePart"):
        value = xmlsafe.text(part)
        if value:
            parts.setdefault(part.get("type") or "", []).append(value)
    given, family = " ".join(parts.get("given", [])), " ".join(parts.get("family", []))
    untyped = " ".join(parts.get("", []))
    kind = element.get("type")
    if kind == "corporate" or (not given and not family and kind != "personal" and "," not in untyped):
        return Name(literal=untyped or family or given) if (untyped or family or given) else None
    if not given and not family:
        if not untyped:
            return None
        if "," in untyped:
            family, _, given = untyped.partition(",")
            given, _, suffix = given.partition(",")
            return _person(family, given, [suffix])
        from citekit.normalize.names import parse_name

        return parse_name(untyped)
    return _person(family or untyped, given, parts.get("termsOfAddress", []))


def _person(family: str, given: str, terms: Iterable[str]) -> Name:
    """Leading lower-case words of a family name are its particle (``van der Walt``)."""
    words = family.split()
    cut = 0
    while cut < len(words) - 1 and words[cut][:1].islower():
        cut += 1
    suffix = next((t.strip() for t in terms if t.strip().lower() in T.NAME_SUFFIXES), "")
    return Name(
        family=" ".join(words[cut:]),
        given=" ".join(given.split()),
        non_dropping_particle=" ".join(words[:cut]),
        suffix=suffix,
    )


def role_of(element: Any, default: str) -> tuple[str | None, str]:
    """(CSL variable, role term) of a name's first role the tables know. No role: ``default``;
    a role the tables do not know: ``contributor``; a role CSL has no variable for: None."""
    terms = [xmlsafe.text(t) for role in kids(element, "role") for t in kids(role, "roleTerm")]
    terms = [t for t in terms if t]
    for term in terms:
        key = term.lower().rstrip(".")
        if key in T.ROLES:
            return T.ROLES[key], term
    return (default if not terms else "contributor"), (terms[0] if terms else "")


def _read_names(element: Any, default: str, reading: _Reading, kind: str, host: bool = False) -> None:
    for item in kids(element, "name"):
        if item.get("type") == "conference":
            continue
        var, role = role_of(item, default)
        if host and var == "author":
            var = "container-author"
        if var is None:
            reading.warnings.append(f"a name with the role {role!r} has no CSL variable; left out")
            continue
        if kids(item, "etal"):
            reading.et_al = reading.et_al or var == "author"
            if not kids(item, "namePart"):
                continue
        name = name_of(item)
        if name is None:
            continue
        if var == "publisher":
            reading.set("publisher", name.literal or " ".join(p for p in (name.given, name.family) if p))
        else:
            reading.names.setdefault(var, []).append(name)


# --- events, origin, parts -------------------------------------------------------------------


def _read_event(event: Any, reading: _Reading) -> None:
    reading.set("event-title", _titles(event)[0])
    for name in kids(event, "name"):
        _read_conference_name(name, reading)
    for origin in kids(event, "originInfo"):
        for place in kids(origin, "place"):
            reading.set("event-place", _place_text(place))
        date = _first_date(origin, ("dateOther", "dateIssued", "dateCreated"))
        if date and "event-date" not in reading.dates:
            reading.dates["event-date"] = date


def _read_conference_name(name: Any, reading: _Reading) -> None:
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


def _read_origin(origins: list[Any], reading: _Reading, host: bool = False) -> None:
    for origin in origins:
        reading.set("publisher", kid_text(origin, "publisher"))
        for place in kids(origin, "place"):
            reading.set("publisher-place", _place_text(place))
        reading.set("edition", kid_text(origin, "edition"))
        for tag, var in _ORIGIN_DATES:
            date = _first_date(origin, (tag,))
            if date and var not in reading.dates:
                reading.dates[var] = date
        for other in kids(origin, "dateOther"):
            other_var = _OTHER_DATES.get((other.get("type") or "").lower())
            date = parse_date(xmlsafe.text(other), other.get("qualifier"))
            if other_var and date and other_var not in reading.dates and not host:
                reading.dates[other_var] = date


def _first_date(origin: Any, tags: tuple[str, ...]) -> Date | None:
    """The first date of these elements; a start and an end (``point``) make a range."""
    for tag in tags:
        elements = kids(origin, tag)
        start = next((e for e in elements if e.get("point") == "start"), None)
        end = next((e for e in elements if e.get("point") == "end"), None)
        if start is not None:
            first = parse_date(xmlsafe.text(start), start.get("qualifier"))
            last = parse_date(xmlsafe.text(end)) if end is not None else None
            if first and first.parts and last and last.parts:
                return Date(parts=(first.parts[0], last.parts[0]), circa=first.circa)
            if first:
                return first
        for element in elements:
            if element.get("point") in ("start", "end"):
                continue
            date = parse_date(xmlsafe.text(element), element.get("qualifier"))
            if date:
                return date
    return None


def parse_date(text: str, qualifier: str | None = None) -> Date | None:
    """W3CDTF/ISO (``2020``, ``2020-03``, ``2020-03-01T…``), MARC (``20200301``), an ISO interval
    (``2019-06-10/2019-06-15``), else text a person wrote (``March 2011``), else a literal."""
    text = text.strip()
    if not text:
        return None
    circa = (qualifier or "").lower() in ("approximate", "inferred", "questionable")
    if "/" in text and text.count("/") == 1:
        first, last = (parse_date(t) for t in text.split("/"))
        if first and first.parts and last and last.parts:
            return Date(parts=(first.parts[0], last.parts[0]), circa=circa)
    match = _ISO_DATE.match(text) or _MARC_DATE.match(text)
    if match:
        parts = [int(match.group(1))]
        for value, limit in ((match.group(2), 12), (match.group(3), 31)):
            if not value or not 1 <= int(value) <= limit:
                break
            parts.append(int(value))
        return Date(parts=(tuple(parts),), circa=circa)
    date = parse_text_date(text) if re.search(r"\d{4}", text) else None
    return Date(parts=date.parts, circa=circa) if date else Date(literal=text)


def _read_parts(parts: list[Any], reading: _Reading, kind: str) -> None:
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


def _read_url(value: str, reading: _Reading) -> None:
    if re.search(r"doi\.org/10\.", value, re.IGNORECASE):
        reading.dois.append(bare_doi(value))
    else:
        reading.set("URL", value)


def _read_identifiers(identifiers: list[Any], reading: _Reading, own: bool) -> str:
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


def _read_citation(value: str, reading: _Reading) -> None:
    from citekit.formats.citation import parse_citation

    found = parse_citation(value, reading.fields.get("title", ""))
    if found is None:
        reading.warnings.append("a citation identifier no pattern reads; kept in note")
        reading.set("note", value)
        return
    for var, text in found.fields().items():
        reading.set(var, text)


def _read_content(mods: Any, reading: _Reading) -> None:
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
    return ""


def page_range(page: str) -> tuple[str, str, str]:
    """(start, end, list) for a CSL page value: a range, one page, or anything else as a list."""
    match = _PAGE_RANGE.match(page)
    if match:
        return match.group(1), match.group(2), ""
    if page.strip() and " " not in page.strip() and "," not in page:
        return page.strip(), "", ""
    return "", "", page.strip()
