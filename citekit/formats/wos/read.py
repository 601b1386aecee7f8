"""Reading Web of Science's plain-text export into records.

The text is split into records first (``records``: each record's tagged lines, from ``PT`` to
``ER``; the file's ``FN``/``VR`` header and ``EF`` end are skipped), then each record is mapped
on its own (``to_record``). A tag is two characters at the start of a line, then a space; a line
starting with three spaces goes on with the tag above (a further author, address or reference for
list tags, else the same value wrapped). Lines end at CR, LF or CRLF only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citekit.errors import Problem
from citekit.formats.base import ReadResult, Remarks
from citekit.formats.ris.values import clean_value, join_keywords, parse_date, parse_name, serial_fields
from citekit.formats.wos import tables as T
from citekit.lines import numbered_lines
from citekit.model import Date, Location, Name, Record
from citekit.normalize.dates import MONTHS
from citekit.normalize.languages import code_for

_TAG = re.compile(r"^([A-Z][A-Z0-9])(?: (.*)|\s*)$")
# PD: "JUN 14", "MAR", "2006 May-Jun", "2006", "SPR".
_PD = re.compile(r"^(?:(\d{4})\s*)?([A-Za-z]{3})?(?:[-/]([A-Za-z]{3}))?\s*(\d{1,2})?$")
# A conference period across two months: "JUN 30-JUL 02, 2016".
_TWO_MONTHS = re.compile(r"^([A-Za-z]{3})\s+(\d{1,2})\s*-\s*([A-Za-z]{3})\s+(\d{1,2}),?\s+(\d{4})$")

# One tagged line: (line number, tag, value).
Tagged = tuple[int, str, str]


def records(text: str, source: str, result: ReadResult) -> Iterator[list[Tagged]]:
    """Each record's tagged lines; lines outside records other than the header are reported once."""
    current: list[Tagged] = []
    reported = False
    for number, line in numbered_lines(text):
        if not line.strip():
            continue
        if line.startswith("   ") and current:
            _continue(current, number, line.strip())
            continue
        match = _TAG.match(line.rstrip())
        if match is None:
            if not reported:
                message = "not a Web of Science line (two-letter tag, space, value); skipped"
                result.problems.append(Problem(Location(source, number), message, "error"))
                reported = True
            continue
        tag, value = match.group(1), (match.group(2) or "").strip()
        if tag == "ER":
            if current:
                yield current
            current = []
        elif tag in ("FN", "VR", "EF") and not current:
            continue
        else:
            if tag == "PT" and current:
                result.problems.append(Problem(Location(source, current[0][0]), "record ends without ER"))
                yield current
                current = []
            current.append((number, tag, value))
    if current:
        result.problems.append(Problem(Location(source, current[0][0]), "record ends without ER"))
        yield current


def _continue(current: list[Tagged], number: int, text: str) -> None:
    line, tag, value = current[-1]
    if tag in T.LINE_LISTS:
        current.append((number, tag, text))
    else:
        current[-1] = (line, tag, f"{value} {text}")


def to_record(lines: list[Tagged], location: Location) -> tuple[Record, list[str], list[tuple[str, int]]]:
    """One record's lines as a Record, with warnings and the values that went to no variable."""
    used: set[int] = set()
    warnings: list[str] = []
    values: dict[str, list[tuple[int, str]]] = {}
    for index, (_, tag, value) in enumerate(lines):
        if value:
            values.setdefault(tag, []).append((index, value))

    def take(tag: str) -> list[str]:
        found = values.get(tag, [])
        used.update(i for i, _ in found)
        return [v for _, v in found]

    fields: dict[str, str] = {}
    for tag, var in T.TEXT_TAGS.items():
        if tag in values and var not in fields:
            index, value = values[tag][0]
            fields[var] = clean_value(value)
            used.add(index)
    _identifiers(fields, values, used)
    if pages := _pages(take("BP"), take("EP"), take("PS")):
        fields["page"] = pages
    if keywords := [k for tag in T.KEYWORD_TAGS for value in take(tag) for k in value.split(";")]:
        fields["keyword"] = join_keywords(keywords)
    for var, found in serial_fields([v for tag in T.ISSN_TAGS for v in take(tag)], "").items():
        fields.setdefault(var, found)
    if fields.get("language"):
        fields["language"] = code_for(fields["language"])
    if fields.get("title", "").endswith(".") and _from_medline(values):
        fields["title"] = fields["title"][:-1]  # MEDLINE's titles end with a full stop
    dates = _dates(values, used, warnings)
    record = Record(
        id="",
        type=_type(take("PT"), take("DT")),
        fields={k: v for k, v in fields.items() if v},
        names=_names(values, used),
        dates=dates,
        dois=(fields["DOI"],) if fields.get("DOI") else (),
        location=location,
    )
    unused = [
        (f"{tag}: {value}", line)
        for i, (line, tag, value) in enumerate(lines)
        if i not in used and value and tag not in T.FRAME_TAGS
    ]
    return record, warnings, unused


def _from_medline(values: dict[str, list[tuple[int, str]]]) -> bool:
    return any(v.startswith("MEDLINE:") for _, v in values.get("UT", []))


def _identifiers(fields: dict[str, str], values: dict[str, list[tuple[int, str]]], used: set[int]) -> None:
    """A MEDLINE record's UT is its PubMed id."""
    for index, value in values.get("UT", []):
        if value.startswith("MEDLINE:"):
            fields.setdefault("PMID", value.removeprefix("MEDLINE:"))
            used.add(index)


def _pages(first: list[str], last: list[str], pages: list[str]) -> str:
    if first:
        return "-".join(p for p in (first[0], last[0] if last else "") if p)
    return pages[0] if pages else ""


def _type(kinds: list[str], documents: list[str]) -> str:
    kind = kinds[0].strip().upper()[:1] if kinds else "J"
    for document in (d.strip().lower() for value in documents for d in value.split(";")):
        if found := T.DOCUMENT_TYPES.get((kind, document)):
            return found
    return T.TYPES.get(kind, "article-journal")


def _names(values: dict[str, list[tuple[int, str]]], used: set[int]) -> dict[str, tuple[Name, ...]]:
    """Each name variable from its fullest tag, one name a line or several separated by ``;``."""
    names: dict[str, tuple[Name, ...]] = {}
    for var, tags in T.NAME_TAGS:
        forms = [_pieces(values.get(tag, [])) for tag in tags]
        for tag in tags:
            used.update(i for i, _ in values.get(tag, []))
        full = next((f for f in forms if f), [])
        short = forms[-1] if len(forms) > 1 and len(forms[-1]) == len(full) else []
        if full:
            names[var] = tuple(_name(p, short[k] if short else "") for k, p in enumerate(full))
    groups = [Name(literal=v) for tag in T.GROUP_AUTHOR_TAGS for _, v in values.get(tag, [])]
    if groups:
        names["author"] = (*names.get("author", ()), *groups)
        used.update(i for tag in T.GROUP_AUTHOR_TAGS for i, _ in values.get(tag, []))
    return names


def _pieces(found: list[tuple[int, str]]) -> list[str]:
    return [p.strip() for _, value in found for p in value.split(";") if p.strip()]


def _name(full: str, short: str) -> Name:
    """A full name (AF): ``Family, Given``, or ``Given Family`` with the family told by the short
    form (AU ``Nguyen, CD`` for AF ``Chi Dinh Nguyen``); else an organisation."""
    if "," in full:
        return parse_name(full)
    family = short.partition(",")[0].strip()
    words = full.split()
    if family and " ".join(words[-len(family.split()) :]) == family and len(words) > len(family.split()):
        return Name(family=family, given=" ".join(words[: -len(family.split())]))
    if family and " ".join(words[: len(family.split())]) == family and len(words) > len(family.split()):
        return Name(family=family, given=" ".join(words[len(family.split()) :]))
    return Name(literal=full)


def _dates(values: dict[str, list[tuple[int, str]]], used: set[int], warnings: list[str]) -> dict[str, Date]:
    """``issued`` from PY and PD, ``event-date`` from the conference's CY."""
    dates: dict[str, Date] = {}
    year = values.get("PY", [(-1, "")])[0]
    day = values.get("PD", [(-1, "")])[0]
    if year[1]:
        issued = publication_date(year[1], day[1])
        if issued is None:
            warnings.append(f"cannot read the date PY {year[1]} PD {day[1]}; not read")
        else:
            dates["issued"] = issued
            used.update(i for i in (year[0], day[0]) if i >= 0)
    if values.get("CY"):
        index, value = values["CY"][0]
        if period := conference_date(value):
            dates["event-date"] = period
            used.add(index)
    return dates


def publication_date(year_text: str, day_text: str) -> Date | None:
    """PY's year with PD's month and day: ``JUN 14``, ``MAR``, ``2006 May-Jun`` (a range), ``2006``."""
    year_text = year_text.strip()
    if not year_text.isdecimal():  # isdecimal, not isdigit: "²019" is digits to isdigit, not to int
        return None
    year = int(year_text)
    match = _PD.match(" ".join(day_text.split()))
    if not match or not match.group(2):
        return Date(parts=((year,),))
    first = MONTHS.get(match.group(2).lower())
    if first is None:
        return Date(parts=((year,),))
    if match.group(3) and (last := MONTHS.get(match.group(3).lower())):
        return Date(parts=((year, first), (year, last)))
    if match.group(4) and 1 <= int(match.group(4)) <= 31:
        return Date(parts=((year, first, int(match.group(4))),))
    return Date(parts=((year, first),))


def conference_date(text: str) -> Date | None:
    """CY: ``JUN 14-19, 2015``, ``JUN 30-JUL 02, 2016``, ``2016``."""
    if match := _TWO_MONTHS.match(text.strip()):
        first, last = MONTHS.get(match.group(1).lower()), MONTHS.get(match.group(3).lower())
        year = int(match.group(5))
        if first and last:
            return Date(parts=((year, first, int(match.group(2))), (year, last, int(match.group(4)))))
    return parse_date(text)


def read(text: str, source: str) -> ReadResult:
    """Every record of a Web of Science file; what cannot be read is reported with its line."""
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
