"""RIS output: one ``TAG  - value`` line per fact, mapped from CSL by tables."""

from __future__ import annotations

import re
from collections.abc import Sequence

from citekit.model import Name, Record

# CSL type -> RIS reference type.
RIS_TYPES: dict[str, str] = {
    "article-journal": "JOUR",
    "review": "JOUR",
    "review-book": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "chapter": "CHAP",
    "entry-encyclopedia": "ENCYC",
    "entry-dictionary": "DICT",
    "paper-conference": "CPAPER",
    "report": "RPRT",
    "thesis": "THES",
    "article": "UNPB",
    "manuscript": "UNPB",
    "webpage": "ELEC",
    "dataset": "DATA",
}
# CSL variable -> RIS tag, for one-value tags in the order they are written.
SIMPLE_TAGS: tuple[tuple[str, str], ...] = (
    ("container-title-short", "J2"),
    ("collection-title", "T3"),
    ("volume", "VL"),
    ("issue", "IS"),
    ("number", "C7"),
    ("edition", "ET"),
    ("publisher", "PB"),
    ("publisher-place", "CY"),
    ("genre", "M3"),
    ("DOI", "DO"),
    ("URL", "UR"),
    ("ISBN", "SN"),
    ("ISSN", "SN"),
    ("language", "LA"),
    ("abstract", "AB"),
    ("note", "N1"),
)
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


def clean_value(value: str) -> str:
    """A value on one line: a line break inside it could otherwise start a new tag or end the record."""
    return " ".join(_LINE_BREAKS.sub(" ", value).split())


def ris_name(name: Name) -> str:
    if name.literal:
        return name.literal
    family = " ".join(p for p in (name.dropping_particle, name.non_dropping_particle, name.family) if p)
    return ", ".join(p for p in (family, name.given, name.suffix) if p)


def _date(parts: tuple[int, ...]) -> str:
    """``DA`` form: ``YYYY/MM/DD/`` with empty places for unknown parts."""
    padded = [f"{n:02d}" if i else f"{n:04d}" for i, n in enumerate(parts)]
    padded += [""] * (3 - len(padded))
    return "/".join(padded) + "/"


def record_lines(record: Record) -> list[tuple[str, str]]:
    """The (tag, value) pairs of one record, ``TY`` first and ``ER`` last."""
    ris_type = RIS_TYPES.get(record.type, "GEN")
    if ris_type == "BOOK" and not record.names.get("author") and record.names.get("editor"):
        ris_type = "EDBOOK"
    out: list[tuple[str, str]] = [("TY", ris_type)]
    out += [("AU", ris_name(n)) for n in record.names.get("author", ())]
    editor_tag = "ED" if ris_type in ("BOOK", "EDBOOK", "RPRT") else "A2"
    out += [(editor_tag, ris_name(n)) for n in record.names.get("editor", ())]
    out.append(("TI", record.get("title")))
    out.append(("T2", record.get("container-title") or record.get("event-title")))
    if record.get("container-title") and record.get("event-title"):
        out.append(("C3", record.get("event-title")))
    page = record.get("page")
    if page:
        first, _, last = page.partition("-")
        out.append(("SP", first))
        out.append(("EP", last))
    issued = record.dates.get("issued")
    if issued and issued.parts:
        out.append(("PY", str(issued.parts[0][0])))
        out.append(("DA", _date(issued.parts[0])))
    for var, tag in SIMPLE_TAGS:
        if tag == "SN" and var == "ISSN" and record.get("ISBN"):
            continue
        out.append((tag, record.get(var)))
    for keyword in record.get("keyword").split(","):
        out.append(("KW", keyword.strip()))
    out = [(tag, clean_value(value)) for tag, value in out]
    out = [(tag, value) for tag, value in out if value]
    out.append(("ER", ""))
    return out


def write(records: Sequence[Record]) -> str:
    chunks = []
    for record in records:
        chunks.append("".join(f"{tag}  - {value}\n" for tag, value in record_lines(record)))
    return "\n".join(chunks)
