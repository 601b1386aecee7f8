"""Checking records: missing fields, bad identifiers, reversed pages, impossible dates, duplicates.

Each rule is a function from one record to messages, listed in ``RULES`` with its name and level;
duplicates need every record at once and are found by ``duplicates``. ``check`` runs them all::

    from citekit import load
    from citekit.lint import check
    for finding in check(load(["records/"]).records):
        print(finding)
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from citekit.errors import Problem
from citekit.model import Date, Location, Record
from citekit.normalize import pages
from citekit.normalize.identifiers import isbn_check_digit, issn_check_digit


@dataclass(frozen=True)
class Finding:
    """One problem with one record: which rule found it, how bad it is, and what to do."""

    rule: str
    level: str  # "error": the record is wrong; "warning": it is probably incomplete or repeated
    record: str  # the record's citation key
    location: Location | None
    message: str

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.level}: {self.record}: {self.message} [{self.rule}]"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.location.source if self.location else None,
            "line": self.location.line or None if self.location else None,
            "record": self.record,
            "rule": self.rule,
            "level": self.level,
            "message": self.message,
        }


# --- required fields ----------------------------------------------------------------------------

# What each CSL type needs to be cited at all; a tuple means any one of those will do.
# "issued" is a date, the others are fields or names. Types not listed need a title and a date.
REQUIRED: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "article-journal": (("author", "editor"), "title", "container-title", "issued"),
    "article-magazine": (("author", "editor"), "title", "container-title", "issued"),
    "article-newspaper": ("title", "container-title", "issued"),
    "article": (("author", "editor"), "title", "issued"),
    "book": (("author", "editor"), "title", "publisher", "issued"),
    "chapter": (("author", "editor"), "title", "container-title", "publisher", "issued"),
    "paper-conference": (("author", "editor"), "title", ("container-title", "event-title"), "issued"),
    "thesis": ("author", "title", "publisher", "issued"),
    "report": (("author", "editor", "publisher"), "title", "issued"),
    "webpage": ("title", "URL"),
}
DEFAULT_REQUIRED: tuple[str | tuple[str, ...], ...] = ("title", "issued")


def _has(record: Record, variable: str) -> bool:
    return bool(
        record.fields.get(variable, "").strip() or record.names.get(variable) or variable in record.dates
    )


def missing_fields(record: Record) -> Iterator[str]:
    for need in REQUIRED.get(record.type, DEFAULT_REQUIRED):
        options = need if isinstance(need, tuple) else (need,)
        if not any(_has(record, v) for v in options):
            wanted = " or ".join(options)
            yield f"a record of type {record.type} needs {wanted}, and this one has none; add it to the source"


# --- identifiers ----------------------------------------------------------------------------------

_DOI = re.compile(r"10\.\d{4,9}(\.\d+)*/\S+")


def bad_doi(record: Record) -> Iterator[str]:
    for doi in record.dois or ((record.get("DOI"),) if record.get("DOI") else ()):
        if not _DOI.fullmatch(doi):
            yield f"DOI {doi!r} is malformed; a DOI looks like 10.NNNN/suffix"


# A field may list several numbers: "978-0-262-03384-8 (hardback), 978-0-262-53305-8".
_QUALIFIER = re.compile(r"\(.*?\)|\b[A-Za-z]{2,}\b")
_DASHES = re.compile(r"[-‐-―]")


def _numbers(value: str) -> Iterator[str]:
    """Each number in an ISBN or ISSN field, without hyphens or spaces, upper case."""
    for part in re.split(r"[,;/]", _QUALIFIER.sub(" ", value)):
        words = [_DASHES.sub("", w).upper() for w in part.split()]
        # Numbers may be spaced ("978 0 262 03384 8") or listed with spaces between them.
        if len(words) > 1 and all(len(w) in (8, 10, 13) for w in words):
            yield from words
        elif words:
            yield "".join(words)


def bad_isbn(record: Record) -> Iterator[str]:
    for isbn in _numbers(record.get("ISBN")):
        shape = r"\d{9}[\dX]" if len(isbn) == 10 else r"97[89]\d{10}"
        if not re.fullmatch(shape, isbn):
            yield f"ISBN {isbn!r} is malformed; an ISBN has 10 digits (the last may be X) or 13 starting 978/979"
        elif isbn[-1] != (expected := isbn_check_digit(isbn[:-1])):
            yield f"ISBN {isbn} fails its checksum (its last digit would be {expected}); check it against the book"


def bad_issn(record: Record) -> Iterator[str]:
    for issn in _numbers(record.get("ISSN")):
        if not re.fullmatch(r"\d{7}[\dX]", issn):
            yield f"ISSN {issn!r} is malformed; an ISSN is NNNN-NNNC"
        elif issn[-1] != (expected := issn_check_digit(issn[:-1])):
            shown = f"{issn[:4]}-{issn[4:]}"
            yield f"ISSN {shown} fails its checksum (its last digit would be {expected}); check it against the journal"


# --- pages and dates --------------------------------------------------------------------------------


def reversed_pages(record: Record) -> Iterator[str]:
    for part in record.get("page").split(","):
        match = pages.RANGE.fullmatch(part.strip())
        if not match:
            continue
        prefix, first, end_prefix, last = match.groups()
        if end_prefix and end_prefix != prefix:
            continue
        # "123-45" is the common short form of 123-145: the end borrows the start's leading digits.
        # An end that repeats the prefix ("S12-S9") is written in full, so it is not a short form.
        if len(last) < len(first) and not end_prefix:
            last = first[: len(first) - len(last)] + last
        if int(last) < int(first):
            yield f"page range {part.strip()!r} ends before it starts; check the first and last page"


def _date_problem(date: Date, this_year: int) -> str | None:
    for part in date.parts:
        year, month, day = (*part, 0, 0)[:3]
        if year == 0:
            return "has year 0, which does not exist"
        if year > this_year + 1:
            return f"is in the future ({year})"
        if month and not 1 <= month <= 12:
            return f"has month {month}"
        if day and not 1 <= day <= calendar.monthrange(year, month or 1)[1]:
            return f"has day {day} in a month that has {calendar.monthrange(year, month or 1)[1]} days"
    if len(date.parts) == 2 and date.parts[1] < date.parts[0]:
        return "ends before it starts"
    return None


def impossible_dates(record: Record) -> Iterator[str]:
    this_year = datetime.date.today().year
    for variable, date in record.dates.items():
        problem = _date_problem(date, this_year)
        if problem:
            yield f"date {variable} {date.iso() or date.to_csl()} {problem}; correct it in the source"


Rule = Callable[[Record], Iterator[str]]

# name, level, rule. Names are stable: scripts filter on them (check --format json).
RULES: tuple[tuple[str, str, Rule], ...] = (
    ("missing-field", "warning", missing_fields),
    ("doi", "error", bad_doi),
    ("isbn", "error", bad_isbn),
    ("issn", "error", bad_issn),
    ("pages", "error", reversed_pages),
    ("date", "error", impossible_dates),
)


# --- duplicates --------------------------------------------------------------------------------------


def _plain(text: str) -> str:
    """Text compared loosely: accents, case, punctuation and spacing ignored."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKD", text.casefold()))


# What _plain drops: \W is exactly what str.isalnum() refuses (marks, punctuation, spaces), and _.
_NOT_ALNUM = re.compile(r"[\W_]+")


def _work(record: Record) -> tuple[str, int | None, str] | None:
    """Title, year and first author's family name: what makes two records one work."""
    title = _plain(record.get("title"))
    date = record.dates.get("issued")
    people = record.names.get("author") or record.names.get("editor") or ()
    first = _plain(people[0].family or people[0].literal) if people else ""
    if not title or date is None or date.year is None:
        return None
    return title, date.year, first


@dataclass(frozen=True)
class Identity:
    """What tells one record from another, kept for each record of a large export (which keeps no
    records): where it came from, its DOIs (lower case) and its work (title, year, first author)."""

    location: Location | None
    dois: tuple[str, ...]
    work: tuple[str, int | None, str] | None
    # Where in its container it is (volume, issue, first page): recurring titles (a journal's
    # "Editorial", a column in every issue) are one work only where these do not differ.
    place: tuple[str, str, str] = ("", "", "")


def identity(record: Record) -> Identity:
    dois = record.dois or ((record.get("DOI"),) if record.get("DOI") else ())
    first_page = pages.pieces(record.get("page"))[0] if record.get("page") else ""
    place = (_plain(record.get("volume")), _plain(record.get("issue")), _plain(first_page))
    return Identity(record.location, tuple(doi.lower() for doi in dois), _work(record), place)


def repeats(identities: Sequence[Identity]) -> Iterator[tuple[int, int, str]]:
    """(index, index of the earlier record it repeats, how) for each record that repeats an earlier
    one (``citekit.repeats.Repeats``)."""
    from citekit.repeats import Repeats

    found = Repeats()
    try:
        for index, item in enumerate(identities):
            if (repeated := found.add(item, str(index))) is not None:
                yield index, repeated[0], repeated[1]
    finally:
        found.close()


def duplicate_message(earlier_id: str, where: Location | None, how: str) -> str:
    place = f" ({where})" if where else ""
    return f"duplicate of {earlier_id}{place}: {how}; keep one of them"


def duplicates(records: Sequence[Record]) -> Iterator[Finding]:
    """Each record that repeats an earlier one (``repeats``), as a warning."""
    identities = [identity(record) for record in records]
    for index, earlier, how in repeats(identities):
        record = records[index]
        message = duplicate_message(records[earlier].id, identities[earlier].location, how)
        yield Finding("duplicate", "warning", record.id, record.location, message)


def check(records: Sequence[Record]) -> list[Finding]:
    """Every finding of every rule, record by record in input order, then the duplicates."""
    findings = [
        Finding(name, level, record.id, record.location, message)
        for record in records
        for name, level, rule in RULES
        for message in rule(record)
    ]
    findings.extend(duplicates(records))
    return findings


def report(findings: Sequence[Finding], problems: Sequence[Problem], records: int) -> dict[str, Any]:
    """What ``citekit check --format json`` prints: counts, then every problem, reading ones first
    (rule ``read``), each with file, line, record key, rule, level and message."""
    read = [
        {
            "file": p.location.source,
            "line": p.location.line or None,
            "record": None,
            "rule": "read",
            "level": p.level,
            "message": p.message,
        }
        for p in problems
    ]
    return {"records": records, "problems": read + [f.to_json() for f in findings]}
