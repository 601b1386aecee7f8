"""BibTeX field values: ``@string`` macros and ``#`` concatenation, names, years, months, ISO dates."""

from __future__ import annotations

import re
from functools import lru_cache

from citekit.formats.bibtex.latex.decode import decode
from citekit.formats.bibtex.tables import MONTHS
from citekit.model import Date, DatePart, Name
from citekit.normalize.dates import SEASONS

# The twelve month macros every BibTeX style defines, as their full English names.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DEFAULT_MACROS = dict(zip(MONTHS, MONTH_NAMES, strict=True))


# The longest value ``resolve`` builds: four times the 1 MB field citekit promises to read.
MAX_RESOLVED = 4_000_000
_WORD = re.compile(r"[^\s#]+")


class BadValue(Exception):
    """A field value that is not a valid BibTeX expression."""


_BRACES = re.compile(r"(?<!\\)[{}]")


def braced_end(text: str, start: int) -> int:
    """Index just past the brace group opening at ``start`` (escaped braces do not count)."""
    depth = 0
    for brace in _BRACES.finditer(text, start):
        if brace.group() == "{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return brace.end()
    raise BadValue("unbalanced braces")


_QUOTED_MARKS = re.compile(r'[{}"]')


def _quoted_end(text: str, start: int) -> int:
    """Index just past the quoted string opening at ``start`` (quotes inside braces do not count)."""
    end = text.find('"', start + 1)
    if end != -1 and text.find("{", start + 1, end) == -1 and text.find("}", start + 1, end) == -1:
        return end + 1  # no braces before the next quote: it closes the string
    depth = 0
    for mark in _QUOTED_MARKS.finditer(text, start + 1):  # only the characters that matter
        c = mark.group()
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0:
            return mark.end()
    raise BadValue("unterminated quoted string")


# What makes a value more than one plain string in braces or quotes: nested braces, quotes.
_NESTING = re.compile(r'[{}"]')


def resolve(raw: str, macros: dict[str, str]) -> str:
    """The text of a raw value: pieces joined by ``#``, each braced, quoted, a number or a macro."""
    # Most values are one string with nothing nested in it: its text is what lies inside.
    if len(raw) >= 2 and raw[-1] == _CLOSING.get(raw[0]):
        inner = raw[1:-1]
        if not _NESTING.search(inner) and not inner.endswith("\\") and len(inner) <= MAX_RESOLVED:
            return inner
    return resolve_pieces(raw, macros)


_CLOSING = {"{": "}", '"': '"'}


def resolve_pieces(raw: str, macros: dict[str, str]) -> str:
    """``resolve`` piece by piece (any value)."""
    out: list[str] = []
    i, n, total, counted = 0, len(raw), 0, 0
    while i < n:
        c = raw[i]
        if c.isspace() or c == "#":
            i += 1
        elif c == "{":
            end = braced_end(raw, i)
            out.append(raw[i + 1 : end - 1])
            i = end
        elif c == '"':
            end = _quoted_end(raw, i)
            out.append(raw[i + 1 : end - 1])
            i = end
        else:
            match = _WORD.match(raw, i)  # not raw[i:]: copying the rest each time is quadratic
            assert match is not None
            word = match.group(0)
            if word.isdecimal():
                out.append(word)
            else:
                out.append(macros.get(word.lower(), word))
            i += len(word)
        if len(out) > counted:
            total, counted = total + len(out[-1]), len(out)
        if total > MAX_RESOLVED:
            # @string macros that double each other would otherwise fill the memory.
            raise BadValue(f"expands to over {MAX_RESOLVED:,} characters; @string macros nest too much")
    return "".join(out)


def split_names(raw: str) -> tuple[list[str], bool]:
    """The names of a name list (split on ``and`` outside braces) and whether it ended in ``others``."""
    names: list[str] = []
    depth, start = 0, 0
    for match in re.finditer(r"[{}]|\s+and\s+", raw, re.IGNORECASE):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            names.append(raw[start : match.start()])
            start = match.end()
    names.append(raw[start:])
    names = [n.strip() for n in names if n.strip()]
    others = bool(names) and names[-1].lower() == "others"
    return (names[:-1] if others else names), others


def _clean(text: str) -> str:
    return decode(text).replace("\xa0", " ")


@lru_cache(maxsize=16384)  # a bibliography names the same people again and again
def parse_name(raw: str) -> Name:
    """One BibTeX name: a braced whole is an institution, else ``First von Last, Jr`` parts."""
    from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts

    text = raw.strip()
    if text.startswith("{") and text.endswith("}") and braced_end(text, 0) == len(text):
        return Name(literal=_clean(text[1:-1]))
    try:
        parts = parse_single_name_into_parts(text, strict=False)
    except InvalidNameError:
        return Name(literal=_clean(text))
    return Name(
        family=_clean(" ".join(parts.last)),
        given=_clean(" ".join(parts.first)),
        non_dropping_particle=_clean(" ".join(parts.von)),
        suffix=_clean(" ".join(parts.jr)),
    )


def month_number(text: str) -> int | None:
    """1-12 from ``jan``, ``January``, ``Jan.``, ``9``, ``09`` or ``JulySeptember`` (the first month);
    None for anything else."""
    word = text.strip().lower().rstrip(".")
    if word.isdecimal() and 1 <= int(word) <= 12:
        return int(word)
    for i, name in enumerate(MONTH_NAMES):
        if word[:3] == name[:3].lower() and (name.lower().startswith(word) or word.startswith(name.lower())):
            return i + 1
    return None


def only_a_month(text: str) -> bool:
    """Whether a month field holds a month and nothing else (``jan``, ``January``, ``Jan.``, ``9``)."""
    return month_number(text) is not None and re.fullmatch(r"[^\W\d_]+\.?|\d{1,2}", text.strip()) is not None


def _month_and_day(text: str) -> tuple[int | None, str]:
    """The month of a month field (``jan``, ``9``, ``January 15``, ``jul--aug``: the first) and any day."""
    text = text.strip()
    if not text:
        return None, ""
    if text.isdecimal():
        return month_number(text), ""
    word = re.search(r"[^\W\d_]+\.?", text)
    digits = re.search(r"\b\d{1,2}\b", text)
    return (month_number(word.group(0)) if word else None), (digits.group(0) if digits else "")


_YEAR = re.compile(r"^(\d{3,4})$")
# Two months of one year: ``jul # "--" # aug`` (July--August), ``July\slash September``.
_MONTH_RANGE = re.compile(r"^\s*([^\W\d_]+\.?)\s*(?:-{1,3}|–|—|/)\s*([^\W\d_]+\.?)\s*$")
_YEAR_RANGE = re.compile(r"^(\d{4})\s*(?:-{1,3}|–|—|/)\s*(\d{4})$")


def year_month_date(year: str, month: str, day: str = "") -> Date | None:
    """The date of BibTeX's ``year`` and ``month`` (``day`` too, when given)."""
    year = year.strip()
    if not year:
        return None
    match = _YEAR.match(year)
    if match:
        parts: list[int] = [int(match.group(1))]
        season = SEASONS.get(month.strip().lower())
        if season:
            return Date(parts=(tuple(parts),), season=season)
        months = _MONTH_RANGE.match(month)
        first, last = (
            (month_number(months.group(1)), month_number(months.group(2))) if months else (None, None)
        )
        if first and last and first < last:
            return Date(parts=((parts[0], first), (parts[0], last)))
        number, month_day = _month_and_day(month)
        day = day.strip() or month_day
        if number:
            parts.append(number)
            if day.isdecimal() and 1 <= int(day) <= 31:
                parts.append(int(day))
        return Date(parts=(tuple(parts),))
    match = _YEAR_RANGE.match(year)
    if match:
        return Date(parts=((int(match.group(1)),), (int(match.group(2)),)))
    return Date(literal=year)


# BibLaTeX's season codes in ISO 8601-2 dates: 21 spring … 24 winter.
_ISO_PART = re.compile(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([~?%]*)$")


def _iso_part(text: str) -> tuple[DatePart, int | None, bool] | None:
    match = _ISO_PART.match(text.strip())
    if not match:
        return None
    year, month, day, flags = match.groups()
    if month and 21 <= int(month) <= 24:
        return (int(year),), int(month) - 20, "~" in flags
    if month and not 1 <= int(month) <= 12:
        return None
    parts = tuple(int(p) for p in (year, month, day) if p)
    return parts, None, "~" in flags or "%" in flags


def iso_date(text: str) -> Date | None:
    """A BibLaTeX date field: ``2020``, ``2020-09``, ``2020-09-16``, ranges with ``/``, ``~`` circa."""
    pieces = text.strip().split("/")
    if len(pieces) > 2 or not pieces[0]:
        return None
    parsed = [_iso_part(p) for p in pieces if p]
    if any(p is None for p in parsed):
        return None
    good = [p for p in parsed if p is not None]
    season = good[0][1] if len(good) == 1 else None
    return Date(parts=tuple(p[0] for p in good), season=season, circa=any(p[2] for p in good))


def iso_text(date: Date) -> str:
    """A Date as a BibLaTeX date field (the inverse of ``iso_date``)."""
    parts = []
    for part in date.parts:
        parts.append("-".join(f"{n:02d}" if i else f"{n:04d}" for i, n in enumerate(part)))
    if date.season and len(date.parts) == 1 and len(date.parts[0]) == 1:
        parts[0] += f"-{20 + date.season}"
    text = "/".join(parts)
    return text + "~" if date.circa else text
