"""The values of RIS tags as CSL values: names, dates, serial numbers, keywords, identifiers.

Each function reads one kind of value the way the exporters write it; ``record.py`` decides which
tag's value goes where, ``write.carry`` uses the same functions to say what a written value reads back as.
"""

from __future__ import annotations

import re

from citekit.formats.ris import tables as T
from citekit.model import Date, DatePart, Name
from citekit.normalize.dates import MONTHS
from citekit.normalize.dates import parse_single as parse_text_date
from citekit.normalize.names import parse_name as parse_written_name

_ISSN = re.compile(r"^\d{4}-?\d{3}[\dXx]$")
_ISBN = re.compile(r"^(?:97[89][- ]?)?(?:\d[- ]?){9}[\dXx]$")
# A qualifier after a serial number: "1467-5463 (Print)", "0094-2405 (Linking)".
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")
_NUMERIC_DATE = re.compile(r"^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?(?:/.*)?$")
# Two dates of a period: "21 September 2021 through 24 September 2021", "2016/06/27 - 2016/06/30".
_PERIOD = re.compile(r"\s+(?:through|thru|to|until|–|—|-)\s+|\s*[–—]\s*", re.IGNORECASE)
# Days of one month: "27-30 June 2016", "June 27-30, 2016".
_DAYS_FIRST = re.compile(r"^(\d{1,2})\s*[-–]\s*(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$")
_MONTH_FIRST = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2})\s*[-–]\s*(\d{1,2}),?\s+(\d{4})$")
# A year-less date (EndNote's DA: "Oct", "November 11", "11 Nov").
_MONTH_DAY = re.compile(r"^(?:([A-Za-z]{3,9})\.?(?:\s+(\d{1,2}))?|(\d{1,2})\s+([A-Za-z]{3,9})\.?)$")
# "Vol(Issue)" in VL: "50(2)".
_VOLUME_ISSUE = re.compile(r"^([^()\s]+)\s*\(([^()\s]+)\)$")
_PMID = re.compile(r"^(\d{1,8})(\s*\[pmid\])?$", re.IGNORECASE)
_PMCID = re.compile(r"^(PMC\d+)(\s*\[pmcid\])?$", re.IGNORECASE)
_DOI = re.compile(r"^(?:doi:\s*)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)


def clean_value(value: str) -> str:
    """White space runs as one space; no-break spaces are kept (they are part of the text)."""
    return re.sub(r"[ \t\r\n]+", " ", value).strip(" ")


# --- names ------------------------------------------------------------------------------------------


def parse_name(text: str) -> Name:
    """``Family, Given[, Suffix]`` (lower-case leading words are particles); no comma: an institution."""
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


def name_pieces(value: str) -> list[str]:
    """The names of one name line: several when separated by semicolons."""
    return [p for p in (value.split(";") if ";" in value else [value]) if p.strip()]


def given_family_order(pieces: list[str]) -> bool:
    """Whether a record's names are written ``Given Family`` with no comma (CRC Press: ``Catarina
    Barata``): at least two names, none with a comma, each of two to four words, none an organisation."""
    if len(pieces) < 2:
        return False
    return all(
        "," not in p and 2 <= len(p.split()) <= 4 and parse_written_name(p).literal == "" for p in pieces
    )


def parse_names(pieces: list[str]) -> list[Name]:
    """A record's names, read together: ``Given Family`` when every one is written so."""
    if given_family_order(pieces):
        return [parse_written_name(clean_value(p)) for p in pieces]
    return [parse_name(p) for p in pieces]


# --- dates ------------------------------------------------------------------------------------------


def parse_date(text: str) -> Date | None:
    """``2020``, ``2020/09/16/``, ``2020/09//``, ``2020-09-16``, ``2024/01/10/13:45:12``, ``2020 Sep 16``,
    ``Sep 2020``, ``16 September 2020``, a period (``27-30 June 2016``, ``… through …``); None if no year."""
    text = clean_value(text)
    match = _NUMERIC_DATE.match(text)
    if match:
        parts = [int(match.group(1))]
        for group in match.groups()[1:]:
            if not group or not (1 <= int(group) <= (12 if len(parts) == 1 else 31)):
                break
            parts.append(int(group))
        return Date(parts=(tuple(parts),))
    if period := _parse_period(text):
        return period
    if single := parse_text_date(text):
        return Date(parts=(single,))
    return _loose_date(text)


def _parse_period(text: str) -> Date | None:
    if m := _DAYS_FIRST.match(text):
        first, last, month_name, year = m.groups()
        month = MONTHS.get(month_name.lower())
        return _period(int(year), month, int(first), int(last)) if month else None
    if m := _MONTH_FIRST.match(text):
        month_name, first, last, year = m.groups()
        month = MONTHS.get(month_name.lower())
        return _period(int(year), month, int(first), int(last)) if month else None
    ends = _PERIOD.split(text)
    if len(ends) == 2:
        first_part, last_part = parse_text_date(ends[0]), parse_text_date(ends[1])
        if first_part and last_part:
            return Date(parts=(first_part, last_part))
    return None


def _period(year: int, month: int, first: int, last: int) -> Date | None:
    if not (1 <= first <= 31 and 1 <= last <= 31):
        return None
    return Date(parts=((year, month, first), (year, month, last)))


def _loose_date(text: str) -> Date | None:
    """A year with a month name somewhere near it (``2013 Oct 5``, ``Oct. 2013``)."""
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


def month_day(text: str) -> DatePart | None:
    """A date without its year (EndNote's ``DA  - Oct``, ``November 11``) as (month[, day])."""
    m = _MONTH_DAY.match(clean_value(text))
    if not m:
        return None
    name = m.group(1) or m.group(4)
    day = m.group(2) or m.group(3)
    month = MONTHS.get(name.lower())
    if month is None:
        return None
    if day and 1 <= int(day) <= 31:
        return (month, int(day))
    return (month,)


# --- other values -----------------------------------------------------------------------------------


def serial_fields(values: list[str], row: str) -> dict[str, str]:
    """ISSNs and ISBNs among SN values, each kind joined with ``, `` (qualifiers such as ``(Print)``
    dropped, repeats once); a value of neither shape is the report number of a report, else an ISBN."""
    found: dict[str, list[str]] = {}
    for value in values:
        for piece in re.split(r"[;,]", value):
            piece = _QUALIFIER.sub("", piece).strip()
            if not piece:
                continue
            if _ISSN.match(piece):
                var = "ISSN"
            elif _ISBN.match(piece):
                var = "ISBN"
            else:
                var = T.OTHER_SERIAL.get(row, "ISBN")
            if piece not in found.setdefault(var, []):
                found[var].append(piece)
    return {var: ", ".join(pieces) for var, pieces in found.items()}


def join_keywords(keywords: list[str]) -> str:
    """One CSL keyword string: comma-separated, or semicolon-separated when a keyword has a comma."""
    keywords = [k.strip() for k in keywords if k.strip()]
    return ("; " if any("," in k for k in keywords) else ", ").join(keywords)


def volume_issue(volume: str) -> tuple[str, str] | None:
    """``50(2)``: a volume written with its issue."""
    m = _VOLUME_ISSUE.match(volume)
    return (m.group(1), m.group(2)) if m else None


def is_genre(value: str) -> bool:
    """An M3 that is a genre: not one repeating the reference type, not a DOI."""
    return value.lower() not in T.TYPE_WORDS and not _DOI.match(value)


def doi_in(value: str) -> str:
    """The DOI an M3 or note holds alone (``doi: 10.1063/1.1954747``), or ""."""
    m = _DOI.match(value.strip())
    return m.group(1) if m else ""


def pubmed_id(value: str, marked_only: bool) -> tuple[str, str] | None:
    """(``PMID`` or ``PMCID``, the id) of an AN or U1 that holds one: ``23690738[pmid]``,
    ``PMC3654245`` and, unless ``marked_only`` (user fields), a bare accession number ``12230038``."""
    if (m := _PMCID.match(value.strip())) and (m.group(2) or not marked_only):
        return "PMCID", m.group(1).upper()
    if (m := _PMID.match(value.strip())) and (m.group(2) or not marked_only):
        return "PMID", m.group(1)
    return None
