"""Reading EndNote XML into records.

The XML is parsed safely (no DTD, no entities, no network, a DOCTYPE refused) and record by record
(``records``: each ``<record>`` element as it ends), and each record is mapped on its own
(``to_record``). A file broken part way is read up to the break, which is reported with its line.

EndNote wraps each value in ``<style>`` elements; a value's line breaks are written as ``&#xA;`` or
``&#xD;``, while a line break followed by indentation is only the file's layout (a space).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from citekit.errors import ParseError, Problem
from citekit.formats.base import ReadResult, Remarks
from citekit.formats.doi import bare_doi
from citekit.formats.endnote_xml import tables as T
from citekit.formats.ris.values import join_keywords, month_day, parse_date, parse_name, serial_fields
from citekit.model import Date, Location, Name, Record
from citekit.normalize.languages import code_for

_DOCTYPE = re.compile(r"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_LAYOUT_BREAK = re.compile(r"[ \t]*\n[ \t]+")
_BREAK = re.compile(r"\r\n|\r|\n")
_DIGITS = re.compile(r"^\d{1,8}$")
# How much of the file the XML parser is fed at a time.
_PIECE = 1 << 14


def value_lines(element: Any) -> list[str]:
    """An element's text as its lines (the value's own breaks), white space collapsed in each."""
    text = _LAYOUT_BREAK.sub(" ", "".join(element.itertext()))
    return [line for line in (" ".join(part.split()) for part in _BREAK.split(text)) if line]


def value(element: Any) -> str:
    return " ".join(value_lines(element))


def records(text: str, source: str, result: ReadResult) -> Iterator[Any]:
    """Each ``<record>`` element, parsed safely, as it ends; a break in the XML is an error problem."""
    from lxml import etree

    if found := _DOCTYPE.search(text):
        line = text.count("\n", 0, found.start()) + 1
        message = "EndNote XML may not declare a DOCTYPE or entities; not read"
        raise ParseError(message, Location(source, line))
    parser = etree.XMLPullParser(
        events=("end",),
        tag="record",
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
    )
    data = text.lstrip("\ufeff").encode("utf-8")
    try:
        # Fed a piece at a time, so that the records before a break in the XML are still read.
        for start in range(0, len(data), _PIECE):
            parser.feed(data[start : start + _PIECE])
            yield from _ended(parser)
        parser.close()
        yield from _ended(parser)
    except etree.XMLSyntaxError as exc:
        yield from _ended(parser)
        message = f"the XML breaks here ({exc.msg}); the records before were read"
        result.problems.append(Problem(Location(source, exc.lineno or 0), message, "error"))


def _ended(parser: Any) -> Iterator[Any]:
    for _, element in parser.read_events():
        yield element
        element.clear(keep_tail=True)


def _type_name(record: Any) -> str:
    ref = record.find("ref-type")
    if ref is None:
        return "generic"
    name = (ref.get("name") or "").strip().lower()
    return name or T.TYPE_NUMBERS.get(value(ref), "generic")


def to_record(element: Any, location: Location) -> tuple[Record, list[str], list[tuple[str, int]]]:
    """One ``<record>`` as a Record, with warnings and the elements that went to no variable."""
    used: set[Any] = set()
    warnings: list[str] = []
    kind = _type_name(element)
    if kind not in T.TYPES:
        warnings.append(f"unknown EndNote reference type {kind!r}; read as a generic document")
    fields = _text_fields(element, kind, used)
    names = _names(element, kind, used)
    dates = _dates(element, used, warnings)
    record = Record(
        id="",
        type=T.TYPES.get(kind, "document"),
        fields={k: v for k, v in fields.items() if v},
        names=names,
        dates=dates,
        dois=(fields["DOI"],) if fields.get("DOI") else (),
        location=location,
    )
    return record, warnings, _unused(element, used)


def _text_fields(element: Any, kind: str, used: set[Any]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for path, var in T.TEXT_PATHS:
        found = element.find(path)
        if found is None or not value(found):
            continue
        if path == "titles/secondary-title" and kind in T.DEPARTMENT_TYPES:
            continue
        if path == "titles/secondary-title" and kind in T.SERIES_TYPES:
            var = "collection-title"
        if path == "number" and kind in T.NUMBER_TYPES:
            var = "number"
        if var not in fields:
            fields[var] = value(found)
            used.add(found)
    if fields.get("DOI"):
        fields["DOI"] = bare_doi(fields["DOI"])
    if fields.get("language"):
        fields["language"] = code_for(fields["language"])
    if (isbn := element.find("isbn")) is not None:
        for var, found_value in serial_fields(value_lines(isbn), "RPRT" if kind == "report" else "").items():
            fields.setdefault(var, found_value)
        used.add(isbn)
    keywords = [value(k) for k in element.iterfind("keywords/keyword")]
    if keywords:
        fields["keyword"] = join_keywords(keywords)
        used.update(element.iterfind("keywords/keyword"))
    notes = [line for n in element.iterfind("notes") for line in value_lines(n)]
    if notes:
        fields["note"] = "\n".join(notes)
        used.update(element.iterfind("notes"))
    accession = element.find("accession-num")
    if accession is not None and _DIGITS.match(value(accession)):
        fields["PMID"] = value(accession)
        used.add(accession)
    return fields


def _names(element: Any, kind: str, used: set[Any]) -> dict[str, tuple[Name, ...]]:
    names: dict[str, list[Name]] = {}
    for group, var in T.CONTRIBUTORS.items():
        if var == "author" and kind in T.EDITED_TYPES:
            var = "editor"
        for person in element.iterfind(f"contributors/{group}/*"):
            text = value(person)
            if text:
                names.setdefault(var, []).append(parse_name(text) if "," in text else Name(literal=text))
                used.add(person)
    return {var: tuple(found) for var, found in names.items()}


def _dates(element: Any, used: set[Any], warnings: list[str]) -> dict[str, Date]:
    """``issued`` from the year and the first publication date (``Mar 3``, ``Jan``, or a full date)."""
    dates: dict[str, Date] = {}
    year = element.find("dates/year")
    day = element.find("dates/pub-dates/date")
    year_text = value(year) if year is not None else ""
    day_text = value(day) if day is not None else ""
    issued = parse_date(year_text) if year_text else None
    if year_text and issued is None:
        warnings.append(f"cannot read the year {year_text!r}; not read")
    full = parse_date(day_text) if day_text else None
    partial = month_day(day_text) if day_text else None
    if full and (issued is None or full.parts[0][0] == issued.parts[0][0]):
        issued = full
        used.add(day)
    elif issued and partial and len(issued.parts[0]) == 1:
        issued = Date(parts=((issued.parts[0][0], *partial),))
        used.add(day)
    if issued:
        dates["issued"] = issued
        used.add(year)
    return dates


def _unused(element: Any, used: set[Any]) -> list[tuple[str, int]]:
    """("element: value", line) of each leaf element that went to no variable."""
    out = []
    for child in element.iter():
        if child is element or child.tag in T.HOUSEKEEPING or not isinstance(child.tag, str):
            continue
        if any(True for c in child if c.tag != "style") or child in used:
            continue
        if any(ancestor in used for ancestor in child.iterancestors()):
            continue
        if text := value(child):
            out.append((f"{child.tag}: {text}", child.sourceline or 0))
    return out


def read(text: str, source: str) -> ReadResult:
    """Every record of an EndNote XML file; a break in the XML ends the reading, reported with its line."""
    result = ReadResult()
    for element in records(text, source, result):
        location = Location(source, element.sourceline or 0)
        record, warnings, unused = to_record(element, location)
        problems = [Problem(location, w) for w in warnings]
        result.problems.extend(problems)
        if problems or unused:
            result.remarks[len(result.records)] = Remarks(problems=problems, unused=unused)
        result.records.append(record)
    return result
