"""Reading RIS (the RIS specification and the dialects of EndNote, Zotero, Mendeley, Citavi, Scopus,
Web of Science, PubMed, SciFinder, publishers and Pure) into records.

The text is split into records first (``records``: each record's tagged lines), then each record
is mapped on its own (``record.to_record``). Lines end at CR, LF or CRLF only: a line separator
or form feed inside a value is part of the value and can never start a tag or a record.

Tolerated, each named in a warning with its line where the file breaks the specification: a BOM,
blank lines between records, a missing final ``ER``, tags in lower case or with other spacing
around the dash (``ty  - JOUR``, ``TY  -JOUR``), and untagged continuation lines (a further value
of a list tag such as ``KW``, ``SN`` or ``N1``; else the value goes on). A record that does not
start with ``TY`` is reported with its line and skipped; the rest is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from citekit.errors import Problem
from citekit.formats.base import ReadResult, Remarks
from citekit.formats.ris import tables as T
from citekit.formats.ris.record import Tagged, csl_type_for, to_record
from citekit.formats.ris.values import clean_value, join_keywords, parse_date, parse_name, serial_fields
from citekit.model import Location

__all__ = [
    "clean_value",
    "csl_type_for",
    "join_keywords",
    "parse_date",
    "parse_name",
    "read",
    "serial_fields",
]

_LINE_END = re.compile(r"\r\n|\r|\n")
# The specification's tag line: two capitals (or a capital and a digit), one or two spaces, a dash.
_TAG = re.compile(r"^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\s*)$")
# Any other spacing or case around a known tag: "ty  - JOUR", "TY  -JOUR", "TY - JOUR", "TY-  JOUR".
_LOOSE_TAG = re.compile(r"^\s*([A-Za-z][A-Za-z0-9])([ \t]*)-([ \t]*)(.*)$")


@dataclass
class _Oddities:
    """Tag lines written against the specification, counted per kind: each kind is one warning."""

    first: dict[str, int] = field(default_factory=dict)
    count: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, line: int) -> None:
        self.first.setdefault(kind, line)
        self.count[kind] = self.count.get(kind, 0) + 1

    def problems(self, source: str) -> list[Problem]:
        return [
            Problem(
                Location(source, line), f"{self.count[kind]} tag line(s) {kind} (first here); read as tags"
            )
            for kind, line in self.first.items()
        ]


def tag_line(line: str, oddities: _Oddities, number: int) -> tuple[str, str] | None:
    """(tag, value) of a tag line, or None for a line that is not one (a continuation line)."""
    stripped = line.rstrip()
    if match := _TAG.match(stripped):
        return match.group(1), (match.group(2) or "").strip()
    match = _LOOSE_TAG.match(stripped)
    if match is None or match.group(1).upper() not in T.KNOWN_TAGS:
        return None
    tag, before, after, value = match.groups()
    if not before and not after and value:
        return None  # "co-author": a word with a hyphen, not a tag
    if tag != tag.upper():
        oddities.add("in lower case", number)
    if before not in (" ", "  ") or (value and not after) or stripped != line.rstrip().lstrip():
        oddities.add("with other spacing around the dash than 'TY  - '", number)
    return tag.upper(), value.strip()


def records(text: str, source: str, result: ReadResult) -> Iterator[tuple[int, list[Tagged]]]:
    """(first line, tagged lines) of each record, ``TY`` first; problems of the layout go to ``result``."""
    current: list[Tagged] | None = None
    outside_reported = False
    oddities = _Oddities()
    for number, line in enumerate(_LINE_END.split(text.lstrip("\ufeff")), start=1):
        if not line.strip():
            continue
        tagged = tag_line(line, oddities, number)
        if tagged is None:
            if current and len(current) > 1:
                _continue(current, number, line.strip())
            elif not outside_reported:
                message = "not a RIS line and not inside a record; skipped"
                result.problems.append(Problem(Location(source, number), message, "error"))
                outside_reported = True
            continue
        tag, value = tagged
        if tag == "TY":
            if current:
                result.problems.append(Problem(Location(source, current[0][0]), "record ends without ER"))
                yield current[0][0], current
            current, outside_reported = [(number, tag, value)], False
        elif tag == "ER":
            if current:
                yield current[0][0], current
            current = None
        elif current is None:
            if not outside_reported:
                message = f"{tag} line before any TY line: the record has no type; skipped up to the next TY"
                result.problems.append(Problem(Location(source, number), message, "error"))
                outside_reported = True
        else:
            current.append((number, tag, value))
    if current:
        yield current[0][0], current
    result.problems.extend(oddities.problems(source))


def _continue(current: list[Tagged], number: int, text: str) -> None:
    """An untagged line: a further value of a list tag (EndNote), or the rest of a wrapped value."""
    line, tag, value = current[-1]
    if tag in T.LIST_TAGS:
        current.append((number, tag, text))
    else:
        current[-1] = (line, tag, f"{value} {text}".strip())


def read(text: str, source: str) -> ReadResult:
    """Every record of a RIS file; a broken record is an error problem, the rest is read."""
    result = ReadResult()
    for line, lines in records(text, source, result):
        location = Location(source, line)
        lines = [(n, tag, clean_value(value)) for n, tag, value in lines]
        record, warnings, unused = to_record(lines, location)
        problems = [Problem(location, w) for w in warnings]
        result.problems.extend(problems)
        if problems or unused:
            result.remarks[len(result.records)] = Remarks(problems=problems, unused=unused)
        result.records.append(record)
    return result
