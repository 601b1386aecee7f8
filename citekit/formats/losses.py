"""The loss report: which fields of which record a target format cannot carry.

Each writable format has ``carry(record)`` (``Format.carry``): the record as that format carries
it (what reading its output gives back). Whatever differs between a record and its carried form is
a loss.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from citekit.formats.base import Format
from citekit.formats.case_protection import strip
from citekit.model import Date, Location, Record


@dataclass(frozen=True)
class Loss:
    """Fields of one record that a format dropped or could only write in part; ``details`` says,
    field by field, exactly what was lost (``the day of issued (2013-10-24 is written 2013-10)``)."""

    record_id: str
    format: str
    fields: tuple[str, ...]
    location: Location | None = None
    details: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        dropped = ", ".join(self.details or self.fields)
        return f"{where}{self.record_id}: {self.format} cannot carry {dropped}"


def _same_text(a: str, b: str) -> bool:
    """Equal but for white space, case protection (markup, not a field of its own) and a formula
    written as TeX or as the text it shows (the same formula in another form)."""
    if " ".join(strip(a).split()) == " ".join(strip(b).split()):
        return True
    if "$" not in a + b:
        return False
    from citekit.formats.formulas import as_text

    return any(
        " ".join(strip(as_text(a, markup)).split()) == " ".join(strip(as_text(b, markup)).split())
        for markup in (True, False)
    )


def _keywords(value: str) -> list[str]:
    return [" ".join(k.split()) for k in re.split(r"[;,]", value) if k.strip()]


def _page_count(pages: str) -> int | None:
    """How many pages a range such as ``22-30`` spans (9), or None when it is not one plain range."""
    from citekit.normalize.pages import RANGE

    found = RANGE.fullmatch(pages.strip())
    if found is None or found.group(1) != found.group(3):
        return None
    first, last = int(found.group(2)), int(found.group(4))
    return last - first + 1 if last >= first else None


def _derivable(var: str, before: Record, after: Record) -> bool:
    """Whether a reader of the target gets ``var`` back by arithmetic on what it does carry.

    A page count that is just the span of the page range (``number-of-pages`` 9 beside ``page``
    22-30, as research portals give both) is derivable: anyone with the range has it, so warning
    that RIS or BibTeX "cannot carry" it would be noise on every portal record. A count that is not
    the range's span (plates counted, a book's total) is information, and its loss is reported."""
    if var != "number-of-pages" or after.fields.get("page") != before.fields.get("page"):
        return False
    return _page_count(before.fields.get("page", "")) == _as_int(before.fields.get(var, ""))


def _as_int(text: str) -> int | None:
    return int(text) if text.strip().isdecimal() else None


def differences(before: Record, after: Record) -> list[str]:
    """The variables of ``before`` that ``after`` lacks or holds differently (white space aside)."""
    out: list[str] = []
    if before.type != after.type:
        out.append(f"type {before.type}")
    for var, names in before.names.items():
        if names and after.names.get(var, ()) != names:
            out.append(var)
    if before.et_al and not after.et_al:
        out.append("et-al")
    for var, date in before.dates.items():
        if after.dates.get(var) != date:
            out.append(var)
    for var, value in before.fields.items():
        if var == "keyword" and _keywords(value) == _keywords(after.fields.get(var, "")):
            continue  # the same keywords, separated otherwise
        if value and not _same_text(value, after.fields.get(var, "")) and not _derivable(var, before, after):
            out.append(var)
    if len(before.dois) > 1 and after.dois != before.dois:
        out.append("DOI (all but the first)")
    return out


_DATE_PARTS = ("year", "month", "day")


def _date_text(date: Date) -> str:
    return "/".join("-".join(f"{n:02d}" if i else str(n) for i, n in enumerate(p)) for p in date.parts)


def _date_detail(var: str, before: Date, after: Date | None) -> str:
    """What of a date was lost: all of it, its day or month and day, or the end of its range."""
    if after is None or not after.parts or not before.parts:
        return var
    lost = []
    first, kept = before.parts[0], after.parts[0]
    if len(kept) < len(first) and first[: len(kept)] == kept:
        lost.append(" and ".join(_DATE_PARTS[len(kept) : len(first)]))
    elif first != kept:
        return f"{var} ({_date_text(before)} is written {_date_text(after)})"
    if len(before.parts) > len(after.parts):
        lost.append("range end")
    what = " and ".join(lost)
    return f"the {what} of {var} ({_date_text(before)} is written {_date_text(after)})"


def details(before: Record, after: Record, fields: list[str]) -> list[str]:
    """``differences`` said exactly: how much of each date, and which fields were changed rather
    than left out."""
    out = []
    for var in fields:
        if var.startswith("type "):
            out.append(f"the type {before.type} (written as {after.type})")
        elif var in before.dates:
            out.append(_date_detail(var, before.dates[var], after.dates.get(var)))
        elif var in before.fields and after.fields.get(var, "").strip():
            out.append(f"{var} (shortened or changed)")
        else:
            out.append(var)
    return out


def collapse_fields(record: Record) -> dict[str, str]:
    """Text fields with white space runs as single spaces, as line-based formats carry them."""
    return {k: " ".join(v.split()) for k, v in record.fields.items() if v.strip()}


def find_losses(records: Sequence[Record], fmt: Format) -> list[Loss]:
    """One Loss for each record that the format cannot carry whole."""
    out = []
    for record in records:
        carried = fmt.carry(record)
        dropped = differences(record, carried)
        if dropped:
            said = tuple(details(record, carried, dropped))
            out.append(Loss(record.id, fmt.title, tuple(dropped), record.location, said))
    return out
