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
from citekit.model import Location, Record


@dataclass(frozen=True)
class Loss:
    """Fields of one record that a format dropped or could only write in part."""

    record_id: str
    format: str
    fields: tuple[str, ...]
    location: Location | None = None

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        dropped = ", ".join(self.fields)
        return f"{where}{self.record_id}: {self.format} cannot carry {dropped} (left out or shortened)"


def _same_text(a: str, b: str) -> bool:
    """Equal but for white space and case protection (markup, not a field of its own)."""
    return " ".join(strip(a).split()) == " ".join(strip(b).split())


def _keywords(value: str) -> list[str]:
    return [" ".join(k.split()) for k in re.split(r"[;,]", value) if k.strip()]


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
        if value and not _same_text(value, after.fields.get(var, "")):
            out.append(var)
    if len(before.dois) > 1 and after.dois != before.dois:
        out.append("DOI (all but the first)")
    return out


def collapse_fields(record: Record) -> dict[str, str]:
    """Text fields with white space runs as single spaces, as line-based formats carry them."""
    return {k: " ".join(v.split()) for k, v in record.fields.items() if v.strip()}


def find_losses(records: Sequence[Record], fmt: Format) -> list[Loss]:
    """One Loss for each record that the format cannot carry whole."""
    out = []
    for record in records:
        dropped = differences(record, fmt.carry(record))
        if dropped:
            out.append(Loss(record.id, fmt.title, tuple(dropped), record.location))
    return out
