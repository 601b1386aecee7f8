"""The output sanitiser: what no writer or renderer may ever emit, taken out of records once.

Control characters (C0 but tab, line feed and carriage return, which every writer handles as the
white space they are; DEL; C1) would reach a terminal or a reference manager as escape sequences,
bells or hidden text, and a lone surrogate cannot be written as UTF-8 at all. Separators that other
programs take as line ends (VT, FF, FS, GS, RS, NEL, U+2028, U+2029: ``citekit.lines``) become
spaces; everything else is removed. ``citekit.stages`` runs this between ``key`` and ``write`` or
``render``, and each record changed gets one warning naming what was removed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from citekit.errors import Problem
from citekit.lines import OTHER_SEPARATORS
from citekit.model import Location, Name, Record

_UNWANTED = re.compile(
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]",
)
_AS_SPACES = str.maketrans(dict.fromkeys(map(ord, OTHER_SEPARATORS), " "))


def clean_text(text: str) -> str:
    """``text`` with separators as spaces and every other control character and lone surrogate removed."""
    if not _UNWANTED.search(text):
        return text
    return _UNWANTED.sub("", text.translate(_AS_SPACES))


def _found(text: str, seen: set[str]) -> str:
    if _UNWANTED.search(text):
        seen.update(_UNWANTED.findall(text))
        return clean_text(text)
    return text


def _name(name: Name, seen: set[str]) -> Name:
    parts = {k: _found(v, seen) for k, v in vars(name).items()}
    return name if parts == vars(name) else Name(**parts)


def _all_text(record: Record) -> str:
    names = (n for group in record.names.values() for n in group)
    parts = [
        record.id,
        record.type,  # a CSL-JSON type is any string the source gave
        *record.fields.values(),
        *(
            n.family + n.given + n.dropping_particle + n.non_dropping_particle + n.suffix + n.literal
            for n in names
        ),
        *(d.literal for d in record.dates.values()),
        *record.dois,
        *record.custom.values(),  # what a BibTeX source said that CSL has no variable for
    ]
    return "".join(parts)


def sanitise(record: Record) -> tuple[Record, str]:
    """The record with nothing unwritable in it, and a description of what was changed ("" if nothing)."""
    if not _UNWANTED.search(_all_text(record)):  # nearly every record: one scan of its text
        return record, ""
    seen: set[str] = set()
    fields = {k: _found(v, seen) for k, v in record.fields.items()}
    names = {k: tuple(_name(n, seen) for n in v) for k, v in record.names.items()}
    dates = {
        k: replace(d, literal=_found(d.literal, seen)) if d.literal else d for k, d in record.dates.items()
    }
    record_id = _found(record.id, seen)
    kind = _found(record.type, seen) or "document"
    dois = tuple(_found(d, seen) for d in record.dois)
    custom = {k: _found(v, seen) for k, v in record.custom.items()}
    if not seen:
        return record, ""
    cleaned = replace(
        record, id=record_id, type=kind, fields=fields, names=names, dates=dates, dois=dois, custom=custom
    )
    shown = ", ".join(f"U+{ord(c):04X}" for c in sorted(seen)[:6]) + (", …" if len(seen) > 6 else "")
    return cleaned, f"control character(s) removed or read as spaces before writing ({shown})"


def sanitised(records: list[Record]) -> tuple[list[Record], list[Problem]]:
    """Every record sanitised, and one warning for each record that was changed."""
    out: list[Record] = []
    problems: list[Problem] = []
    for record in records:
        cleaned, note = sanitise(record)
        out.append(cleaned)
        if note:
            where = record.location or Location("<record>")
            problems.append(Problem(where, f"{cleaned.id}: {note}" if cleaned.id else note))
    return out, problems
