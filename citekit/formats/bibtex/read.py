"""Reading BibTeX and BibLaTeX into CSL-shaped records.

A well-formed file is cut into blocks by ``split``, any other by bibtexparser 2's splitter
(which keeps a broken block beside the good ones); this module resolves macros, crossref/xdata
inheritance and LaTeX, and maps fields by the tables of ``tables``.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any, cast

from citekit.errors import Problem
from citekit.formats import case_protection
from citekit.formats.base import ReadResult
from citekit.formats.bibtex import braces, dialects, math, recover
from citekit.formats.bibtex import tables as T
from citekit.formats.bibtex.latex.commands import READ_AS, citations
from citekit.formats.bibtex.latex.decode import decode, unescape_verbatim
from citekit.formats.bibtex.split import Blocks, repeated_fields
from citekit.formats.bibtex.values import (
    BadValue,
    braced_end,
    iso_date,
    only_a_month,
    parse_name,
    split_names,
    year_month_date,
)
from citekit.formats.doi import bare_doi
from citekit.model import Date, Location, Name, Record
from citekit.normalize import pages
from citekit.normalize.languages import code_for_babel


def bibtexparser_blocks(text: str, source: str) -> Blocks:
    """The blocks of any file by bibtexparser's splitter; broken blocks become problems."""
    from bibtexparser.entrypoint import parse_string
    from bibtexparser.model import (
        DuplicateBlockKeyBlock,
        DuplicateFieldKeyBlock,
        Entry,
        ParsingFailedBlock,
        String,
    )

    # bibtexparser logs each broken block; citekit reports it as a problem instead.
    logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
    logging.getLogger("bibtexparser").propagate = False
    library = parse_string(text, parse_stack=[])
    out = Blocks()
    block: Any  # an error block stands in front of the block it wraps
    cursor = 0
    starts = [0, *(m.end() for m in re.finditer("\n", text))]  # where each line starts
    for block in library.blocks:
        # Each block's line from where its text is: bibtexparser counts one line short after a
        # backslash that ends a line, and a reading in pieces must give the same lines. Its count
        # is never too high, so the text is looked for from that line on (and after the block
        # before: a broken block's text may run into the next one's, "@ages ( - \n@ages ").
        raw: str = getattr(block, "raw", None) or ""
        counted = min(block.start_line or 0, len(starts) - 1)
        at = text.find(raw, max(cursor, starts[counted])) if raw else -1
        if at >= 0:
            line = bisect_right(starts, at)  # not a count from the start for each block
            cursor = at + 1
        else:
            line = (block.start_line or 0) + 1
        if isinstance(block, DuplicateFieldKeyBlock):
            key = cast(Entry, block.ignore_error_block).key
            out.problems.append(repeated_fields(source, line, key, block.duplicate_keys))
            block = block.ignore_error_block
        elif isinstance(block, DuplicateBlockKeyBlock):
            # A key given twice is found across the whole input (``stream.Duplicates``); a macro
            # defined twice is redefined, as BibTeX does.
            block = block.ignore_error_block
        elif isinstance(block, ParsingFailedBlock):
            error = block.error
            message = getattr(error, "abort_reason", "") or str(error) or type(error).__name__
            message = message.strip().splitlines()[0].rstrip(":. ")
            out.problems.append(
                Problem(Location(source, line), f"skipped a broken entry: {message}", "error")
            )
            continue
        if isinstance(block, String):
            out.strings.append((block.key, block.value, line))
        elif isinstance(block, Entry):
            fields: dict[str, str] = {}
            for item in block.fields:
                fields.setdefault(item.key.lower(), item.value)
            out.entries.append((block.entry_type.lower(), block.key, line, fields))
    return out


def _text(value: str) -> str:
    """A value as text, its math kept as TeX in nocase spans."""
    return math.read_keeping_math(value, decode) if value else ""


@lru_cache(maxsize=4096)  # journal names come again and again
def _protected_text(value: str) -> str:
    """A title-like value as text, its protecting brace groups as nocase spans (and its math)."""

    def protected(held: str) -> str:
        return braces.read(held, braced_end, decode)

    try:
        return math.read_keeping_math(value, protected)
    except BadValue:
        return _text(value)


def _iso_text(value: str) -> str:
    """An ISO 8601 date field as written: no LaTeX in it (its ~ means circa, not a space)."""
    return value.replace("{", "").replace("}", "").strip()


def entry_to_record(
    entry_type: str, key: str, raw: dict[str, str], location: Location
) -> tuple[Record, list[str]]:
    """One entry (fields already resolved to text) as a Record, with warnings about doubtful values."""
    warnings: list[str] = []
    subtype = raw.get("entrysubtype", "").strip().lower()
    csl_type = T.READ_TYPES.get((entry_type, subtype)) or T.READ_TYPES.get((entry_type, ""), "document")
    csl_type = dialects.csl_type(entry_type, raw, csl_type)
    fields = _text_fields(entry_type, raw, csl_type)
    names, et_al = _names(raw)
    record = Record(
        id=key,
        type=csl_type,
        fields={k: v for k, v in fields.items() if v},
        names={k: v for k, v in names.items() if v},
        dates=_dates(key, raw, warnings),
        et_al=et_al,
        location=location,
        custom=_custom(entry_type, raw, fields),
    )
    return record, warnings


# Fields naming who published an entry, the first given being the publisher.
_PUBLISHERS = ("publisher", "school", "institution", "holder", "howpublished", "organization")


def _text_fields(entry_type: str, raw: dict[str, str], csl_type: str) -> dict[str, str]:
    """The entry's text variables, in the order the record keeps them (empty ones dropped later)."""
    title = _protected_text(raw.get("title", ""))
    if raw.get("subtitle"):
        title = f"{title}: {_protected_text(raw['subtitle'])}"
    journal, abbreviation = dialects.journal_fields(raw)
    container = journal or raw.get("booktitle") or ""
    fields = {"title": title, "container-title": _protected_text(container)}
    if raw.get("number"):
        number_var = "number" if csl_type == "report" else T.NUMBER_VARIABLE.get(entry_type, "number")
        fields[number_var] = _text(raw["number"])
    if raw.get("issue"):
        fields.setdefault("issue", _text(raw["issue"]))
    if raw.get("eid"):
        fields.setdefault("number", _text(raw["eid"]))
    if raw.get("pages"):
        fields["page"] = pages.hyphenated(_text(raw["pages"].replace("--", "-")))
    for name in _PUBLISHERS:
        value = raw.get(name, "")
        if name == "howpublished" and value.strip().startswith("\\url"):
            fields.setdefault("URL", unescape_verbatim(value))
        elif value:
            fields.setdefault("publisher", _text(value))
    for name, var in T.READ_TEXT.items():
        if raw.get(name):
            read = _protected_text if var in case_protection.PROTECTED_VARIABLES else _text
            fields.setdefault(var, read(raw[name]))
    fields.update((var, unescape_verbatim(raw[name])) for var, name in T.VERBATIM_FIELDS if raw.get(name))
    if fields.get("DOI"):
        fields["DOI"] = bare_doi(fields["DOI"])
    if language := raw.get("langid") or raw.get("language") or "":
        fields["language"] = code_for_babel(_text(language))
    if (entry_type in T.GENRE_TYPES or csl_type == "report") and (genre := raw.get("type", "")):
        fields["genre"] = T.TYPE_KEYS.get(genre.strip().lower()) or dialects.genre(_protected_text(genre))
    elif entry_type in T.THESIS_GENRES:
        fields["genre"] = T.THESIS_GENRES[entry_type]
    _dialect_fields(raw, fields, abbreviation)
    return fields


def _dialect_fields(raw: dict[str, str], fields: dict[str, str], abbreviation: str) -> None:
    """What real exporters write beyond the standard fields (``dialects``)."""
    if abbreviation:
        fields.setdefault("container-title-short", _protected_text(abbreviation))
    if raw.get("reportnumber"):
        fields.setdefault("number", _text(raw["reportnumber"]))
    for var, value in dialects.eprint_fields(raw, bool(fields.get("container-title"))).items():
        if not fields.get(var):
            fields[var] = value
    if raw.get("address") and raw.get("location") and raw["address"] != raw["location"]:
        fields["event-place"] = _text(raw["location"])  # ACM: address the publisher's, location the venue's
    for var in ("keyword", "ISSN"):
        if fields.get(var):
            fields[var] = dialects.split_list(fields[var])
    if fields.get("note"):
        note, found = dialects.extra_lines(fields["note"])
        for var, value in found.items():
            fields.setdefault(var, value)
        note, name, _ = dialects.pure_conference(note)
        if name:
            fields.setdefault("event-title", name)
        fields["note"] = note


def _names(raw: dict[str, str]) -> tuple[dict[str, tuple[Name, ...]], bool]:
    """The entry's name variables, and whether its author list ends in ``and others``."""
    names: dict[str, tuple[Name, ...]] = {}
    et_al = False
    for name, var in T.READ_NAMES.items():
        if raw.get(name) and var not in names:
            parts, others = split_names(raw[name])
            names[var] = tuple(parse_name(p) for p in parts)
            et_al = et_al or (others and var == "author")
    if group := dialects.collaboration(raw):
        names["author"] = (*names.get("author", ()), group)
    return names, et_al


def _dates(key: str, raw: dict[str, str], warnings: list[str]) -> dict[str, Date]:
    """The entry's dates: ``issued`` from ``date`` or else from year, month and day; the others
    from their ISO fields (kept as text when unreadable)."""
    dates: dict[str, Date] = {}
    if issued := _issued(key, raw, warnings):
        dates["issued"] = issued
    if raw.get("note") and (period := dialects.pure_conference(_text(raw["note"]))[2]):
        dates["event-date"] = period
    for var, name in T.DATE_FIELDS[1:]:
        if _text(raw.get(name, "")):
            date = iso_date(_iso_text(raw[name]))
            dates[var] = date if date else Date(literal=_text(raw[name]))
    return dates


def _issued(key: str, raw: dict[str, str], warnings: list[str]) -> Date | None:
    # A date field holding only spaces or braces is no date (an empty literal is not valid CSL).
    if _text(raw.get("date", "")) and dialects.posting_date(raw, _iso_text(raw["date"])):
        warnings.append(
            f"entry {key}: date {_iso_text(raw['date'])} is the day the entry was posted (added-at) or"
            " disagrees with year; not read as the publication date"
        )
    elif _text(raw.get("date", "")):
        issued = iso_date(_iso_text(raw["date"]))
        if issued is not None:
            return issued
        warnings.append(f"entry {key}: cannot read date {raw['date']!r}; kept as text")
        return Date(literal=_text(raw["date"]))
    month = _text(raw.get("month", ""))
    issued = year_month_date(_text(raw.get("year", "")), month, _text(raw.get("day", "")))
    if issued and month and not issued.season and len(issued.parts) == 1 and len(issued.parts[0]) == 1:
        warnings.append(
            f"entry {key}: cannot read month {month!r}; kept the year (BibTeX output keeps the month as written)"
        )
    return issued


def run_ons(
    raw: dict[str, str], text: str, entry_at: int, location: Location, result: ReadResult
) -> dict[str, str]:
    """The fields with each one that ran on into the next (a missing comma) split in two, each
    split reported at the line of the field that lacked its comma before it. ``entry_at`` is where
    the entry's line starts in ``text``; ``location`` is that line in the whole input."""
    out: dict[str, str] = {}
    for name, value in raw.items():
        parts = recover.split_run_on(value)
        out.setdefault(name, parts[0][1])
        if len(parts) == 1:
            continue
        found = text.find(value, entry_at)
        for further, further_value, offset in parts[1:]:
            line = location.line + text.count("\n", entry_at, found + offset) if found >= 0 else location.line
            message = f"no comma before field {further} (after {name}); read as two fields"
            if further in out or further in raw:
                message += f", the first {further} kept"
            result.problems.append(Problem(Location(location.source, line), message))
            out.setdefault(further, further_value)
    return out


def _custom(entry_type: str, raw: dict[str, str], fields: dict[str, str]) -> dict[str, str]:
    """What ``Record.custom`` keeps of an entry: its type, a month field that is more than a month
    (Summer, 3rd Quarter, September 4), the citations of its note, its type field as written, and
    the other fields of ``CUSTOM_FIELDS`` no CSL variable took (an ``issue`` the ``number`` came before)."""
    out = {T.SOURCE_TYPE: entry_type}
    month = _text(raw.get("month", ""))
    if month and not _text(raw.get("date", "")) and not only_a_month(month):
        out[T.CUSTOM_MONTH] = month  # more than a month (Summer, September 4): BibTeX prints it as written
    if cited := citations(raw.get("note", "")):
        out[T.CUSTOM_CITATIONS] = " ".join(f"{command}{{{keys}}}" for command, keys in cited)
    taken = {"issue": fields.get("issue", ""), "organization": fields.get("publisher", "")}
    for name in T.CUSTOM_FIELDS:
        if not (written := raw.get(name)):
            continue
        value = _written_names(written) if name in T.BIBLATEX_NAME_ROLES else _text(written)
        if value and taken.get(name) != value:
            out[name] = value
    return out


def _written_names(raw: str) -> str:
    """A name list as the BibTeX writer writes it (read and written again, so that nothing in it acts)."""
    from citekit.formats.bibtex.write import bibtex_name

    names, others = split_names(raw)
    return " and ".join([*(bibtex_name(parse_name(n)) for n in names), *(["others"] if others else [])])


# Fields whose value is no LaTeX text: identifiers, entry keys and ISO dates.
NOT_LATEX = frozenset({"doi", "url", "crossref", "xdata", "date", "urldate", "eventdate", "origdate"})


def more_entries(entries: int) -> str:
    """How a message naming its first entry counts the others (" and 2 more entries")."""
    return f" and {entries - 1} more entr{'y' if entries == 2 else 'ies'}" if entries > 1 else ""


def guessed_commands(source: str, uses: dict[str, list[tuple[int, str, str, str]]]) -> list[Problem]:
    """One warning per LaTeX command citekit does not know, at its first use."""
    out = []
    for command, places in uses.items():
        line, key, field, how = places[0]
        entries = len({(place[0], place[1]) for place in places})
        more = more_entries(entries)
        message = f"entry {key}: unknown LaTeX command \\{command} in {field}{more}; {READ_AS[how]}"
        out.append(Problem(Location(source, line), message))
    return out


def read(text: str, source: str) -> ReadResult:
    """Every entry of a BibTeX or BibLaTeX file; a broken entry is an error problem, the rest is read
    (piece by piece, as a stream is: ``stream.read``)."""
    from citekit.formats.bibtex.stream import read as read_stream

    return read_stream(text, source)
