"""Reading MEDLINE (PubMed format) into records.

The text is split into records first (``records``: each record's tagged lines, a record starting at
its ``PMID-`` line or after a blank line), then each record is mapped on its own (``to_record``).
A tag is up to four characters padded to four, then ``- ``; a line starting with spaces goes on
with the value above it. Lines end at CR, LF or CRLF only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citekit.errors import Problem
from citekit.formats.base import ReadResult, Remarks
from citekit.formats.lines import numbered_lines
from citekit.formats.medline import tables as T
from citekit.formats.ris.values import clean_value, join_keywords, parse_name, serial_fields
from citekit.model import Date, Location, Name, Record
from citekit.normalize.dates import MONTHS, SEASONS
from citekit.normalize.languages import code_for

_TAG = re.compile(r"^([A-Z][A-Z0-9]{1,3}) *- ?(.*)$")
_DATE = re.compile(r"^(\d{4})(?:\s+([A-Za-z]{3,9})(?:\s+(\d{1,2}))?)?\b")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_ID = re.compile(r"^(\S+)\s*\[(\w+)\]$")
# "Shruthi BS": a family name and initials (AU), when no full form (FAU) was given.
_SHORT_NAME = re.compile(r"^(.*\S)\s+([A-Z]{1,4})$")

# One tagged line: (line number, tag, value).
Tagged = tuple[int, str, str]


def records(text: str, source: str, result: ReadResult) -> Iterator[list[Tagged]]:
    """Each record's tagged lines; text outside any record is reported once, with its line."""
    current: list[Tagged] = []
    reported = False
    for number, line in numbered_lines(text):
        if not line.strip():
            if current:
                yield current
            current = []
            continue
        if line[:1].isspace():
            if current:
                first, tag, value = current[-1]
                current[-1] = (first, tag, f"{value} {line.strip()}")
            continue
        match = _TAG.match(line.rstrip())
        if match is None:
            if not reported:
                message = "not a MEDLINE line (TAG - value); skipped"
                result.problems.append(Problem(Location(source, number), message, "error"))
                reported = True
            continue
        if match.group(1) == "PMID" and current:
            yield current
            current = []
        current.append((number, match.group(1), match.group(2).strip()))
    if current:
        yield current


def to_record(lines: list[Tagged], location: Location) -> tuple[Record, list[str], list[tuple[str, int]]]:
    """One record's lines as a Record, with warnings and the values that went to no variable."""
    used: set[int] = set()
    warnings: list[str] = []
    fields: dict[str, str] = {}
    for index, (_, tag, value) in enumerate(lines):
        var = T.TEXT_TAGS.get(tag)
        if var and value and var not in fields:
            fields[var] = value
            used.add(index)
    lists: dict[str, list[str]] = {}
    for index, (_, tag, value) in enumerate(lines):
        if tag in T.LIST_TAGS and value:
            lists.setdefault(tag, []).append(value.removeprefix("ISBN ").strip())
            used.add(index)
        elif tag in T.ID_TAGS and (match := _ID.match(value)) and match.group(2).lower() == "doi":
            fields.setdefault("DOI", match.group(1))
            used.add(index)
    if lists.get("OT"):
        fields["keyword"] = join_keywords(lists["OT"])
    for tag in ("IS", "ISBN"):
        for var, found in serial_fields(lists.get(tag, []), "").items():
            fields.setdefault(var, found)
    if fields.get("title", "").endswith(".") and not fields["title"].endswith(".."):
        fields["title"] = fields["title"][:-1]  # NLM ends every title with a full stop
    if fields.get("language"):
        fields["language"] = code_for(fields["language"])
    names = _names(lines, used)
    dates = _dates(lines, used, warnings)
    kind = "chapter" if "BTI" in {t for _, t, _ in lines} and fields.get("title") else "article-journal"
    record = Record(
        id="",
        type=kind,
        fields={k: clean_value(v) if k != "abstract" else v for k, v in fields.items() if v},
        names=names,
        dates=dates,
        dois=(fields["DOI"],) if fields.get("DOI") else (),
        location=location,
    )
    unused = [
        (f"{tag}: {value}", line) for i, (line, tag, value) in enumerate(lines) if i not in used and value
    ]
    return record, warnings, [u for u in unused if not u[0].startswith(tuple(f"{t}:" for t in T.FRAME_TAGS))]


def _names(lines: list[Tagged], used: set[int]) -> dict[str, tuple[Name, ...]]:
    """Authors and editors in the file's order: each person's full name (FAU) with its short form
    (AU) after it, a short form alone when no full one was given, group authors (CN) where they stand."""
    names: dict[str, list[Name]] = {}
    full_before = False
    for index, (_, tag, value) in enumerate(lines):
        if not value:
            continue
        if tag in T.FULL_NAMES:
            names.setdefault(T.FULL_NAMES[tag], []).append(
                parse_name(value) if "," in value else Name(family=value)
            )
            full_before = True
        elif tag in T.SHORT_NAMES:
            if not full_before:
                names.setdefault(T.SHORT_NAMES[tag], []).append(_short_name(value))
            full_before = False
        elif tag in T.GROUP_NAMES:
            names.setdefault(T.GROUP_NAMES[tag], []).append(Name(literal=value))
        else:
            continue
        used.add(index)
    return {var: tuple(found) for var, found in names.items()}


def _short_name(value: str) -> Name:
    match = _SHORT_NAME.match(value)
    return Name(family=match.group(1), given=match.group(2)) if match else Name(family=value)


def _dates(lines: list[Tagged], used: set[int], warnings: list[str]) -> dict[str, Date]:
    dates: dict[str, Date] = {}
    for index, (_, tag, value) in enumerate(lines):
        var = T.DATE_TAGS.get(tag)
        if not var or var in dates or not value:
            continue
        date = parse_date(value)
        if date is None:
            warnings.append(f"cannot read the date {tag} - {value}; not read")
            continue
        dates[var] = date
        used.add(index)
    return dates


def parse_date(text: str) -> Date | None:
    """``2002``, ``2002 Sep``, ``2006 Mar 1``, ``2002 Sep-Oct`` (its first month), ``2002 Spring``,
    ``20160419``."""
    text = text.strip()
    if compact := _COMPACT_DATE.match(text):
        year, month, day = (int(g) for g in compact.groups())
        return Date(parts=((year, month, day),)) if 1 <= month <= 12 and 1 <= day <= 31 else None
    match = _DATE.match(text)
    if not match:
        return None
    word, day_text = (match.group(2) or "").lower(), match.group(3) or ""
    year = int(match.group(1))
    if word in SEASONS:
        return Date(parts=((year,),), season=SEASONS[word])
    named = MONTHS.get(word[:3]) if word else None
    if named is None:
        return Date(parts=((year,),))
    if day_text and 1 <= int(day_text) <= 31:
        return Date(parts=((year, named, int(day_text)),))
    return Date(parts=((year, named),))


def read(text: str, source: str) -> ReadResult:
    """Every record of a MEDLINE file; what cannot be read is reported with its line."""
    result = ReadResult()
    for lines in records(text, source, result):
        location = Location(source, lines[0][0])
        record, warnings, unused = to_record(lines, location)
        problems = [Problem(location, w) for w in warnings]
        result.problems.extend(problems)
        if problems or unused:
            result.remarks[len(result.records)] = Remarks(problems=problems, unused=unused)
        result.records.append(record)
    return result
