"""Reading simple Dublin Core (OAI-PMH ``oai_dc``) into records: the best a flat record allows.

Dublin Core has fifteen repeatable elements and no place for a journal, volume, issue or pages.
Repositories put them in a citation line instead (``dc:source``, a ``dc:identifier``,
``dcterms:bibliographicCitation``), which ``citekit.formats.citation`` reads when it follows a
common pattern; identifiers are told apart by their shape (DOI, ISSN, ISBN, PubMed id, URL).
What cannot be placed is kept in ``note`` with a warning, so nothing is dropped silently.
"""

from __future__ import annotations

import re
from typing import Any

from citekit.errors import CitekitError, Problem
from citekit.formats import xmlsafe
from citekit.formats.base import ReadResult
from citekit.formats.citation import parse_citation
from citekit.formats.mods import tables as T
from citekit.formats.mods.read import parse_date
from citekit.formats.ris.read import join_keywords
from citekit.model import Date, Location, Name, Record
from citekit.normalize.identifiers import find_dois, find_isbns, find_issns

DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"
OAI_DC_NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/"
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_MARKED_DOI = re.compile(r"^(?:info:doi/|doi:\s*|urn:doi:)", re.IGNORECASE)
_PMID = re.compile(r"^(?:info:pmid/|pmid:\s*)(\d+)$", re.IGNORECASE)
_ISSN_MARK = re.compile(r"\bissn\b|^urn:issn:", re.IGNORECASE)
_ISBN_MARK = re.compile(r"\bisbn\b|^urn:isbn:", re.IGNORECASE)
# A value that reads like a citation: words, a comma, and a number (a volume, pages or a year).
_CITATION_LIKE = re.compile(r"[A-Za-z]{3,}.*,.*\d")


def dc_elements(root: Any) -> list[Any]:
    """Every ``oai_dc:dc`` record of a document (an OAI-PMH response or a file of them)."""
    if xmlsafe.local(root) == "dc":
        return [root]
    return list(root.iter(f"{{{OAI_DC_NAMESPACE}}}dc"))


def read(text: str, source: str) -> ReadResult:
    """Every oai_dc record of a document; an XML error is reported with its line, the rest is read."""
    data = _XML_DECLARATION.sub("", text, count=1).encode("utf-8")
    try:
        root, problems = xmlsafe.parse(data, source)
    except CitekitError as exc:
        return ReadResult(problems=[Problem(exc.location or Location(source), exc.message, "error")])
    result = ReadResult(problems=problems)
    elements = dc_elements(root)
    if not elements:
        message = "no Dublin Core record here (no oai_dc:dc element); give an oai_dc file or use --from"
        result.problems.append(Problem(Location(source, 1), message, "error"))
    for element in elements:
        location = Location(source, element.sourceline or 0)
        record, warnings = to_record(element, location)
        result.records.append(record)
        result.problems.extend(Problem(location, w) for w in warnings)
    return result


def _values(dc: Any) -> dict[str, list[str]]:
    """Element name -> its non-empty values, in order (``dc:`` and ``dcterms:`` alike)."""
    out: dict[str, list[str]] = {}
    for child in dc:
        value = xmlsafe.text(child)
        if value:
            out.setdefault(xmlsafe.local(child), []).append(value)
    return out


def person(text: str) -> Name:
    """``Family, Given`` (the form repositories use); otherwise split as a portal name is."""
    if "," in text:
        from citekit.formats.ris.read import parse_name

        return parse_name(text)
    from citekit.normalize.names import parse_name as parse_written_name

    return parse_written_name(text)


def to_record(dc: Any, location: Location | None = None) -> tuple[Record, list[str]]:
    """One ``oai_dc:dc`` element as a Record, with warnings about what was kept in ``note``."""
    values = _values(dc)
    warnings: list[str] = []
    fields: dict[str, str] = {}

    def first(name: str) -> str:
        return (values.get(name) or [""])[0]

    fields["title"] = first("title")
    fields["abstract"] = first("description") or first("abstract")
    fields["publisher"] = first("publisher")
    fields["keyword"] = join_keywords(values.get("subject", []))
    language = first("language")
    if language:
        from citekit.normalize.languages import code_for

        fields["language"] = T.LANGUAGE_CODES.get(language.lower(), code_for(language))

    kinds = [t for value in values.get("type", []) if (t := T.genre_type(value))]
    unknown = [v for v in values.get("type", []) if not T.known_genre(v)]
    kind = kinds[0] if kinds else "document"
    if not kinds:
        shown = f"dc:type {unknown[0]!r}" if unknown else "no dc:type"
        warnings.append(f"{shown} names no type citekit knows; read as a generic document")

    dois, citations = _identifiers(values, fields)
    notes: list[str] = []
    for line in citations:
        found = parse_citation(line, fields["title"])
        if found is None:
            notes.append(line)
            warnings.append(f"citation {line[:60]!r} follows no pattern citekit reads; kept in note")
            continue
        for var, text in found.fields().items():
            fields.setdefault(var, text)
    fields["note"] = "\n".join(notes)

    dates = [d for d in (parse_date(v) for v in values.get("date", [])) if d and d.parts]
    issued: dict[str, Date] = {}
    if dates:
        issued["issued"] = min(dates, key=lambda d: d.parts[0])
    names = {
        var: tuple(person(v) for v in values.get(element, []))
        for element, var in (("creator", "author"), ("contributor", "contributor"))
        if values.get(element)
    }
    if dois:
        fields["DOI"] = dois[0]
    record = Record(
        id="",
        type=kind,
        fields={k: v for k, v in fields.items() if v},
        names=names,
        dates=issued,
        dois=tuple(dois),
        location=location,
    )
    return record, warnings


def _identifiers(values: dict[str, list[str]], fields: dict[str, str]) -> tuple[list[str], list[str]]:
    """DOIs, ISSN, ISBN, PubMed id and URL from identifiers and relations, by their shape; returns
    (DOIs, citation lines). Marked DOIs (``info:doi/``) come before DOIs in links."""
    marked: list[str] = []
    linked: list[str] = []
    citations = [*values.get("source", []), *values.get("bibliographicCitation", [])]
    for element in ("identifier", "relation"):
        for value in values.get(element, []):
            pmid = _PMID.match(value)
            if pmid:
                fields.setdefault("PMID", pmid.group(1))
                continue
            found = find_dois(value)
            if found and (_MARKED_DOI.match(value) or _URL.match(value) or value == found[0]):
                (marked if _MARKED_DOI.match(value) or value == found[0] else linked).extend(found)
                continue
            if _URL.match(value):
                if element == "identifier" or "URL" not in fields:
                    fields.setdefault("URL", value)
                continue
            if _ISSN_MARK.search(value) and find_issns(value):
                fields.setdefault("ISSN", find_issns(value)[0])
            elif _ISBN_MARK.search(value) and find_isbns(value):
                fields.setdefault("ISBN", find_isbns(value)[0])
            elif element == "identifier" and _CITATION_LIKE.search(value):
                citations.append(value)
    return list(dict.fromkeys(marked + linked)), citations
