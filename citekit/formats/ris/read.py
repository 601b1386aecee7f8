"""Reading RIS (the RIS specification and the EndNote, Zotero, PubMed and Pure dialects) into records.

Tolerates a BOM, CRLF line ends, blank lines between records, a missing final ``ER``, tags
written with one space (``TY -``) and continuation lines (a wrapped value goes on without a tag).
A record that does not start with ``TY`` is reported with its line and skipped; the rest is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citekit.errors import Problem
from citekit.formats.base import ReadResult, Remarks
from citekit.formats.doi import bare_doi
from citekit.formats.ris import tables as T
from citekit.lines import separator_note, spaced, split_lines
from citekit.model import Date, Location, Name, Record
from citekit.normalize.dates import MONTHS
from citekit.normalize.languages import code_for

_TAG = re.compile(r"^([A-Z][A-Z0-9])\s{1,2}-(?: (.*)|\s*)$")
_ISSN = re.compile(r"^\d{4}-?\d{3}[\dXx]\b")
_NUMERIC_DATE = re.compile(r"^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?(?:/.*)?$")


def csl_type_for(ris_type: str) -> str:
    """The CSL type of a RIS reference type (``document`` for one citekit does not know)."""
    return T.READ_TYPES.get(ris_type.upper(), "document")


def clean_value(value: str) -> str:
    """White space runs as one space; no-break spaces are kept (they are part of the text)."""
    return re.sub(r"[ \t\r\n]+", " ", value).strip(" ")


def sn_fields(values: list[str]) -> dict[str, str]:
    """The ISBN and ISSN among SN values (the first of each), told apart by the shape of an ISSN."""
    out: dict[str, str] = {}
    for value in values:
        out.setdefault("ISSN" if _ISSN.match(value) else "ISBN", value)
    return out


def join_keywords(keywords: list[str]) -> str:
    """One CSL keyword string: comma-separated, or semicolon-separated when a keyword has a comma."""
    keywords = [k.strip() for k in keywords if k.strip()]
    return ("; " if any("," in k for k in keywords) else ", ").join(keywords)


def parse_name(text: str) -> Name:
    """``Family, Given[, Suffix]``, lower-case leading words being particles; no comma: an institution."""
    text = clean_value(text)
    if "," not in text:
        return Name(literal=text)
    family, _, rest = text.partition(",")
    given, _, suffix = rest.partition(",")
    words = family.split()
    cut = 0
    while cut < len(words) - 1 and words[cut][:1].islower():
        cut += 1
    return Name(
        family=" ".join(words[cut:]),
        given=given.strip(),
        non_dropping_particle=" ".join(words[:cut]),
        suffix=suffix.strip(),
    )


def parse_date(text: str) -> Date | None:
    """``2020``, ``2020/09/16/``, ``2020/09//``, ``2020-09-16``, ``2020 Sep 16`` or ``Sep 2020``."""
    text = text.strip()
    match = _NUMERIC_DATE.match(text)
    if match:
        parts = [int(match.group(1))]
        for group in match.groups()[1:]:
            if not group or not (1 <= int(group) <= (12 if len(parts) == 1 else 31)):
                break
            parts.append(int(group))
        return Date(parts=(tuple(parts),))
    year = re.search(r"\b(\d{4})\b", text)
    if not year:
        return None
    parts = [int(year.group(1))]
    month = re.search(r"\b([A-Za-z]{3})[a-z]*\.?", text)
    if month and (number := MONTHS.get(month.group(1).lower())):
        parts.append(number)
        day = re.search(r"\b(\d{1,2})\b", text)
        if day and 1 <= int(day.group(1)) <= 31:
            parts.append(int(day.group(1)))
    return Date(parts=(tuple(parts),))


# (first line, [(tag, value)], how many separators other than line ends were read as spaces)
Chunk = tuple[int, list[tuple[str, str]], int]


def _chunks(text: str, source: str, result: ReadResult) -> Iterator[Chunk]:
    """Each record's lines; continuation lines are joined to their value. Lines end at line ends
    only (``citekit.lines``): other separators in a value are spaces, and counted."""
    current: list[tuple[str, str]] | None = None
    start = 0
    outside_reported = False
    separators = 0
    for number, given in enumerate(split_lines(text.lstrip("\ufeff")), start=1):
        line, count = spaced(given)
        separators += count
        if not line.strip():
            continue
        match = _TAG.match(line.rstrip())
        if match is None:
            if current:
                tag, value = current[-1]
                current[-1] = (tag, f"{value} {line.strip()}")
            elif not outside_reported:
                result.problems.append(
                    Problem(
                        Location(source, number), "not a RIS line and not inside a record; skipped", "error"
                    )
                )
                outside_reported = True
            continue
        tag, value = match.group(1), (match.group(2) or "").strip()
        if tag == "TY":
            if current:
                result.problems.append(Problem(Location(source, start), "record ends without ER"))
                yield start, current, separators - count
            current, start, outside_reported, separators = [(tag, value)], number, False, count
        elif tag == "ER":
            if current:
                yield start, current, separators
            current, separators = None, 0
        elif current is None:
            if not outside_reported:
                message = f"{tag} line before any TY line: the record has no type; skipped up to the next TY"
                result.problems.append(Problem(Location(source, number), message, "error"))
                outside_reported = True
        else:
            current.append((tag, value))
    if current:
        yield start, current, separators


def to_record(lines: list[tuple[str, str]], location: Location) -> tuple[Record, list[str]]:
    """One RIS record's (tag, value) lines as a Record, with warnings about doubtful values."""
    warnings: list[str] = []
    ris_type = lines[0][1].upper()
    if ris_type not in T.READ_TYPES:
        warnings.append(f"unknown RIS type {ris_type!r}; read as a generic document")
    values: dict[str, list[str]] = {}
    for tag, value in lines[1:]:
        if value:
            values.setdefault(tag, []).append(clean_value(value))
    fields = _fields(ris_type, values)
    record = Record(
        id=(values.get("ID") or [""])[0],
        type=csl_type_for(ris_type),
        fields={k: v for k, v in fields.items() if v},
        names=_names(values),
        dates=_dates(values, warnings),
        dois=tuple(values.get("DO", [])),
        location=location,
    )
    return record, warnings


# Reference types whose book title may stand in BT alone.
_BOOK_TYPES = ("BOOK", "EDBOOK", "EBOOK")


def _fields(ris_type: str, values: dict[str, list[str]]) -> dict[str, str]:
    """The text variables of a record's values (by tag), the first value of a tag counting."""
    fields: dict[str, str] = {}
    for tag, var in T.READ_TEXT_TAGS:
        if tag in values and var not in fields:
            fields[var] = values[tag][0]
    if ris_type in _BOOK_TYPES and "BT" in values and "TI" not in values:
        fields["title"] = values["BT"][0]
        fields.pop("container-title", None)
    if "container-title" not in fields and "container-title-short" in fields:
        fields["container-title"] = fields["container-title-short"]
    if fields.get("DOI"):
        fields["DOI"] = bare_doi(fields["DOI"])
    first, last = (values.get("SP") or [""])[0], (values.get("EP") or [""])[0]
    if page := "-".join(p for p in (first, last) if p):
        fields["page"] = page
    fields |= sn_fields(values.get("SN", []))
    if fields.get("language"):
        fields["language"] = code_for(fields["language"])
    if values.get("KW"):
        fields["keyword"] = join_keywords(values["KW"])
    return fields


def _names(values: dict[str, list[str]]) -> dict[str, tuple[Name, ...]]:
    """The name variables: one name a line, or several on one line separated by semicolons."""
    names: dict[str, list[Name]] = {}
    for tag, var in T.READ_NAME_TAGS.items():
        for value in values.get(tag, []):
            for piece in value.split(";") if ";" in value else [value]:
                if piece.strip():
                    names.setdefault(var, []).append(parse_name(piece))
    return {k: tuple(v) for k, v in names.items()}


def _dates(values: dict[str, list[str]], warnings: list[str]) -> dict[str, Date]:
    """``issued`` (the fullest of DA, PY and Y1) and ``accessed`` (Y2)."""
    dates: dict[str, Date] = {}
    for var, tags in (("issued", ("DA", "PY", "Y1")), ("accessed", ("Y2",))):
        found = [parse_date(values[t][0]) for t in tags if t in values]
        good = [d for d in found if d is not None]
        if len(good) < len(found):
            warnings.append(f"cannot read the {var} date; kept what could be read")
        if good:
            dates[var] = max(good, key=lambda d: len(d.parts[0]))
    return dates


def read(text: str, source: str) -> ReadResult:
    """Every record of a RIS file; a broken record is an error problem, the rest is read."""
    result = ReadResult()
    for line, lines, separators in _chunks(text, source, result):
        location = Location(source, line)
        record, warnings = to_record(lines, location)
        if separators:
            warnings.append(separator_note(separators))
        problems = [Problem(location, w) for w in warnings]
        if problems:
            result.remarks[len(result.records)] = Remarks(problems)
        result.records.append(record)
        result.problems.extend(problems)
    return result
