"""Reading the date shapes that portals and databases write into CSL dates."""

from __future__ import annotations

import re

from citekit.model import Date, DatePart

MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}

_RANGE = re.compile(r"\s*(?:→|->|–|—|\bto\b|\s-\s)\s*")
_TEXT_DATE = re.compile(
    r"^(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})$"
)
_US_TEXT_DATE = re.compile(r"^(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})$")
_ISO = re.compile(r"^(?P<year>\d{4})(?:[-/.](?P<month>\d{1,2})(?:[-/.](?P<day>\d{1,2}))?)?$")
_NUMERIC = re.compile(r"^(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<year>\d{2}|\d{4})$")


def _valid(year: int, month: int = 0, day: int = 0) -> bool:
    if not 1 <= month <= 12 and month:
        return False
    if day:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
        return bool(month) and 1 <= day <= days[month - 1]
    return True


def _part(year: int, month: int = 0, day: int = 0) -> DatePart | None:
    if not _valid(year, month, day):
        return None
    if day:
        return (year, month, day)
    if month:
        return (year, month)
    return (year,)


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # conference periods write 29/06/24
        year += 2000 if year < 70 else 1900
    return year


def parse_single(text: str, day_first: bool | None = True) -> DatePart | None:
    """One calendar date; ``day_first`` says how to read ``01/02/2020`` (None: ambiguous -> year only)."""
    text = text.strip().strip(".,")
    if m := _ISO.match(text):
        return _part(int(m["year"]), int(m["month"] or 0), int(m["day"] or 0))
    if m := _TEXT_DATE.match(text):
        month = MONTHS.get(m["month"].lower())
        if month is None:
            return None
        return _part(int(m["year"]), month, int(m["day"] or 0))
    if m := _US_TEXT_DATE.match(text):
        month = MONTHS.get(m["month"].lower())
        return _part(int(m["year"]), month, int(m["day"])) if month else None
    if m := _NUMERIC.match(text):
        a, b, year = int(m["a"]), int(m["b"]), _full_year(m["year"])
        if "." in text:  # dotted dates (01.12.2019) are always day first
            day_first = True
        if a > 12 and b <= 12:
            return _part(year, b, a)
        if b > 12 and a <= 12:
            return _part(year, a, b)
        if a == b:
            return _part(year, a, b)
        if day_first is None:
            return _part(year)
        return _part(year, b, a) if day_first else _part(year, a, b)
    return None


def numeric_order(text: str) -> bool | None:
    """For ``dd/mm/yy``-like text: True if it can only be day-first, False if month-first, else None."""
    m = _NUMERIC.match(text.strip())
    if not m:
        return None
    a, b = int(m["a"]), int(m["b"])
    if a > 12 >= b:
        return True
    if b > 12 >= a:
        return False
    return None


def parse_date(text: str, day_first: bool | None = True) -> Date | None:
    """A date or a date range as written on a portal page; None if it is not a date."""
    text = " ".join(text.split())
    text = re.sub(r"^(?:Duration|Period):\s*", "", text, flags=re.IGNORECASE)
    if not text:
        return None
    if m := re.fullmatch(r"(?i)(spring|summer|autumn|fall|winter)\s+(\d{4})", text):
        return Date(parts=((int(m[2]),),), season=SEASONS[m[1].lower()])
    ends = [e for e in _RANGE.split(text) if e]
    if len(ends) == 2:
        if day_first is None:  # one end of a range may tell the order of both (29/06/24 → 3/07/24)
            orders = {o for o in (numeric_order(ends[0]), numeric_order(ends[1])) if o is not None}
            day_first = orders.pop() if len(orders) == 1 else None
        first, last = parse_single(ends[0], day_first), parse_single(ends[1], day_first)
        if first and last:
            return Date(parts=(first, last)) if first != last else Date(parts=(first,))
    single = parse_single(text, day_first)
    return Date(parts=(single,)) if single else None
