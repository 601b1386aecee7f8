"""RIS output: one ``TAG  - value`` line per fact, mapped from CSL by the tables of ``tables``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from citekit.formats import case_protection
from citekit.formats.ris import tables as T
from citekit.model import Date, Name, Record

_BLANKS = re.compile(r"[ \t]+")
# Every character str.splitlines() ends a line at (readers split RIS that way, citekit's too).
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")


def clean_value(value: str) -> str:
    """A value on one line: a line break inside it could otherwise start a new tag or end the record.
    RIS cannot say that a title's case is protected: nocase spans are dropped, their words kept."""
    value = case_protection.strip(value)
    if "\t" not in value and "  " not in value and not _LINE_BREAKS.search(value):
        return value.strip(" ")  # most values: nothing to collapse
    return _BLANKS.sub(" ", _LINE_BREAKS.sub(" ", value)).strip(" \t")


def ris_name(name: Name) -> str:
    if name.literal:
        return name.literal
    family = " ".join(p for p in (name.dropping_particle, name.non_dropping_particle, name.family) if p)
    if name.suffix:
        return f"{family}, {name.given}, {name.suffix}"
    # "Family," with nothing after the comma is a person known by one name, not an institution.
    return f"{family}, {name.given}".rstrip()


def ris_date(parts: tuple[int, ...]) -> str:
    """``DA`` form: ``YYYY/MM/DD/`` with empty places for unknown parts."""
    padded = [f"{n:02d}" if i else f"{n:04d}" for i, n in enumerate(parts)]
    padded += [""] * (3 - len(padded))
    return "/".join(padded) + "/"


def keywords(value: str) -> list[str]:
    """The keywords of a CSL keyword string: separated by semicolons if it has any, else by commas."""
    return [k.strip() for k in value.split(";" if ";" in value else ",") if k.strip()]


def ris_type(record: Record) -> str:
    kind = T.RIS_TYPES.get(record.type, "GEN")
    if kind == "BOOK" and not record.names.get("author") and record.names.get("editor"):
        return "EDBOOK"
    return kind


def name_tag(var: str, kind: str) -> str:
    tag = dict(T.NAME_TAGS)[var]
    return "ED" if var == "editor" and kind in T.OWN_EDITOR_TYPES else tag


def written_row(record: Record) -> tuple[str, str, str]:
    """(RIS type, row of the type tables its tags are read with, CSL type it reads back as)."""
    from citekit.formats.ris.record import row_and_type

    kind = ris_type(record)
    return (kind, *row_and_type(kind, clean_value(record.get("genre"))))


def text_tags(row: str) -> list[tuple[str, str]]:
    """(variable, tag) of the text variables a record of this row can carry: a variable whose tag
    means something else in the type (a book's T2 is its series) is not written, and so not carried."""
    from citekit.formats.ris.record import meanings

    return [(var, tag) for var, tag in T.TEXT_TAGS if var in (meanings(row, tag) or (var,))]


def record_lines(record: Record) -> list[tuple[str, str]]:
    """The (tag, value) pairs of one record, ``TY`` first and ``ER`` last."""
    kind, row, _ = written_row(record)
    out: list[tuple[str, str]] = [("TY", kind), ("ID", record.id)]
    for var, _ in T.NAME_TAGS:
        out += [(name_tag(var, kind), ris_name(n)) for n in record.names.get(var, ())]
    carried = dict(text_tags(row))
    for var, tag in T.TEXT_TAGS:
        out.append((tag, record.get(var) if carried.get(var) == tag else ""))
        if var == "container-title-short":
            first, _, last = record.get("page").partition("-")
            out += [("SP", first), ("EP", last)]
            out += _date_lines(record)
    out += [("KW", k) for k in keywords(record.get("keyword"))]
    out = [(tag, clean) for tag, value in out if value and (clean := clean_value(value))]
    out.append(("ER", ""))
    return out


def _date_lines(record: Record) -> list[tuple[str, str]]:
    out = []
    issued = record.dates.get("issued")
    if issued and issued.parts:
        out.append(("PY", str(issued.parts[0][0])))
        out.append(("DA", ris_date(issued.parts[0])))
    accessed = record.dates.get("accessed")
    if accessed and accessed.parts:
        out.append(("Y2", ris_date(accessed.parts[0])))
    return out


def write(records: Sequence[Record], ascii: bool = False) -> str:
    """RIS text: UTF-8 without a BOM, one line per value (``ascii`` does not apply to RIS); each
    record's ``ID`` is its id, as ``citekit.stages.write`` made it."""
    return "\n".join("".join(f"{tag}  - {value}\n" for tag, value in record_lines(r)) for r in records)


def _carried_date(date: Date) -> Date | None:
    return Date(parts=date.parts[:1]) if date.parts else None


def carry(record: Record) -> Record:
    """The record as RIS carries it: what reading ``write([record])`` gives back."""
    kind, row, csl_type = written_row(record)
    fields = {k: clean_value(v) for k, v in record.fields.items() if clean_value(v)}
    carried_vars = {var for var, _ in text_tags(row)} | {"page", "keyword"}
    fields = {k: v for k, v in fields.items() if k in carried_vars}
    fields = _carried_values(fields, row)
    dates = {}
    for var in ("issued", "accessed"):
        date = record.dates.get(var)
        carried = _carried_date(date) if date else None
        if carried:
            dates["event-date" if var == "accessed" and row in T.EVENT_Y2_ROWS else var] = carried
    return replace(
        record,
        type=csl_type,
        fields={k: v for k, v in fields.items() if v},
        names=_carried_names(record, kind, row),
        dates=dates,
        dois=(fields["DOI"],) if fields.get("DOI") else (),
        et_al=False,
    )


def _carried_values(fields: dict[str, str], row: str) -> dict[str, str]:
    """Text values as the reader takes them back: what repeats the type or holds a placeholder goes,
    serial numbers are sorted by their shape, a volume written ``50(2)`` gives its issue."""
    from citekit.formats.doi import bare_doi
    from citekit.formats.ris import values as V

    if "genre" in fields and not V.is_genre(fields["genre"]):
        if doi := V.doi_in(fields["genre"]):
            fields.setdefault("DOI", doi)
        del fields["genre"]
    if fields.get("number") == "0":
        del fields["number"]
    if "DOI" in fields:
        fields["DOI"] = bare_doi(fields["DOI"])
    serials = [fields.pop(var) for var in ("ISBN", "ISSN") if var in fields]
    for var, value in V.serial_fields(serials, row).items():
        fields.setdefault(var, value)
    if "keyword" in fields:
        fields["keyword"] = V.join_keywords(keywords(fields["keyword"]))
    if "page" in fields:
        first, _, last = fields["page"].partition("-")
        fields["page"] = "-".join(p for p in (first.strip(), last.strip()) if p)
    if (split := V.volume_issue(fields.get("volume", ""))) and "issue" not in fields:
        fields["volume"], fields["issue"] = split
    if "container-title-short" in fields:
        fields.setdefault("container-title", fields["container-title-short"])
    return fields


def _carried_names(record: Record, kind: str, row: str) -> dict[str, tuple[Name, ...]]:
    from citekit.formats.ris.record import name_variable
    from citekit.formats.ris.values import name_pieces, parse_names

    pieces: dict[str, list[str]] = {}
    for var, _ in T.NAME_TAGS:
        for name in record.names.get(var, ()):
            if written := clean_value(ris_name(name)):
                read_as = name_variable(row, name_tag(var, kind))
                pieces.setdefault(read_as, []).extend(name_pieces(written))
    return {var: tuple(parse_names(found)) for var, found in pieces.items()}
