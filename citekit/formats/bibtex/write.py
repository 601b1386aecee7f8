"""BibTeX and BibLaTeX output through bibtexparser 2, mapped from CSL by the tables of ``tables``.

``plan`` decides, for one record, which field carries which CSL variable; ``write`` escapes
and prints the plan, and ``carry`` says what a reader gets back from it (the loss report).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import quote

from citekit.formats import case_protection
from citekit.formats.bibtex import dialects
from citekit.formats.bibtex import tables as T
from citekit.formats.bibtex.latex.commands import stored_citations
from citekit.formats.bibtex.latex.escape import (
    carried_title,
    escape,
    escape_text,
    protect_title,
    to_ascii,
    to_utf8,
)
from citekit.formats.bibtex.math import is_math
from citekit.model import Date, Name, Record
from citekit.normalize import pages
from citekit.normalize.languages import babel_name, code_for_babel

TITLE = "title"
TEXT = "text"
VERBATIM = "verbatim"
CITING = "citing"  # text that cites: the plan's citations are written as commands again
MACRO = "macro"
ISO_DATE = "iso-date"
YEAR = "year"
PAGES = "pages"
NAMES = "names"


@dataclass
class Plan:
    """One record laid out as an entry: its type and (field, value, kind) triples, in output order."""

    entry_type: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)
    carried: set[str] = field(default_factory=set)
    names: dict[str, tuple[Name, ...]] = field(default_factory=dict)
    dates: dict[str, Date] = field(default_factory=dict)
    custom: dict[str, str] = field(default_factory=dict)
    citations: list[tuple[str, str]] = field(default_factory=list)  # of the note: (command, keys)

    def add(self, name: str, value: str, kind: str, var: str = "") -> None:
        if name and value:
            self.fields.append((name, value, kind))
            if var:
                self.carried.add(var)


def entry_type(record: Record, dialect: str) -> tuple[str, str]:
    """The entry type and BibLaTeX entrysubtype of a record: the source's own entry type where the
    dialect has it and it still fits the record (``tables.DIALECT_TYPES``), else by its CSL type."""
    bibtex_type, biblatex_type, subtype = T.ENTRY_TYPES.get(record.type, ("misc", "misc", ""))
    mapped = biblatex_type if dialect == T.BIBLATEX else bibtex_type
    if dialect == T.BIBTEX and bibtex_type == "phdthesis" and "master" in record.get("genre").lower():
        mapped = "mastersthesis"
    source = record.custom.get(T.SOURCE_TYPE, "")
    native = T.DIALECT_TYPES[dialect].get(source, "")
    column = 1 if dialect == T.BIBLATEX else 0
    fits = native and (T.READ_TYPES.get((source, subtype)) or T.READ_TYPES.get((source, ""))) == record.type
    # A type with no field for the container (BibTeX's @inbook) does not take a record that has one.
    drops_container = (
        record.get("container-title")
        and not T.CONTAINER_FIELD.get(native, ("", ""))[column]
        and T.CONTAINER_FIELD.get(mapped, ("", ""))[column]
    )
    kind = native if fits and not drops_container else mapped
    if dialect == T.BIBTEX and source and kind != source and not _fills(record, kind):
        kind = "misc"
    return kind, subtype if dialect == T.BIBLATEX else ""


def _fills(record: Record, kind: str) -> bool:
    """Whether the record has every field BibTeX's ``kind`` requires (an author may be the book's)."""

    def has(var: str) -> bool:
        if var == "author" and record.names.get("container-author"):
            return True
        return bool(record.names.get(var) or record.get(var) or record.dates.get(var))

    return all(any(has(v) for v in need.split("|")) for need in T.BIBTEX_REQUIRED.get(kind, ()))


def carried_name(name: Name) -> Name:
    """A name as BibTeX reads it back: both particles become one, capitalised particles join the family."""
    if name.literal:
        return name
    particle = " ".join(p for p in (name.dropping_particle, name.non_dropping_particle) if p)
    if particle and not particle[0].islower():
        return Name(family=f"{particle} {name.family}", given=name.given, suffix=name.suffix)
    return Name(family=name.family, given=name.given, non_dropping_particle=particle, suffix=name.suffix)


def _name_part(text: str) -> str:
    """Escape a name part; brace it when ``and`` or a comma in it would split the name."""
    text = escape(text)
    return "{" + text + "}" if re.search(r"\band\b|,", text, re.IGNORECASE) else text


def _family(text: str) -> str:
    """Escape a family name; brace it when it has several words, so that none is read as a particle
    or a given name (``{Ney de Souza}``, ``{Vaughan Williams}``), or starts in lower case."""
    text = escape(text)
    if not text or " " in text or text[:1].islower() or re.search(r",", text):
        return "{" + text + "}"
    return text


def bibtex_name(name: Name) -> str:
    """``von Last, Jr, First``; an institution is braced so that it stays one name."""
    if name.literal:
        return "{" + escape(name.literal) + "}"
    name = carried_name(name)
    family = _family(name.family)
    last = " ".join(p for p in (escape(name.non_dropping_particle), family) if p)
    parts = [last]
    if name.suffix:
        parts += [_name_part(name.suffix), _name_part(name.given) or "{}"]
    elif name.given:
        parts.append(_name_part(name.given))
    elif " " in last or family.startswith("{"):
        # No given name: an empty one keeps the comma form, so that every word stays in the family
        # name (and a braced family name does not read as an institution).
        parts.append("{}")
    return ", ".join(parts)


# The seasons of CSL dates (1-4), as a BibTeX month field names them.
_SEASONS = ("Spring", "Summer", "Autumn", "Winter")


def _year_month(date: Date, month_text: str = "") -> tuple[str, str, str]:
    """BibTeX's year and month for a date, and the kind of the month (a macro or text): a year
    range is ``1999--2000``, two months of one year ``jul # "--" # aug``; ``month_text``, the
    month field as the source wrote it when it was more than a month (Summer, 3rd Quarter,
    September 4), is written again where the date has no month or has a day; a literal is the year."""
    if not date.parts:
        return date.literal, month_text, TEXT
    first, last = date.parts[0], date.parts[-1]
    if len(date.parts) > 1:
        if first[0] == last[0] and len(first) > 1 and len(last) > 1:
            return str(first[0]), f'{_month(first)} # "--" # {_month(last)}', MACRO
        return f"{first[0]}--{last[0]}", "", MACRO
    if date.season:
        return str(first[0]), month_text or _SEASONS[(date.season - 1) % 4], TEXT
    if month_text and len(first) != 2:
        return str(first[0]), month_text, TEXT
    return str(first[0]), _month(first), MACRO


def _month(part: tuple[int, ...]) -> str:
    return T.MONTHS[part[1] - 1] if len(part) > 1 and 1 <= part[1] <= 12 else ""


def plan(record: Record, dialect: str = T.BIBTEX) -> Plan:
    """Which field carries which variable of ``record`` in ``dialect``."""
    kind, subtype = entry_type(record, dialect)
    out = Plan(kind)
    column = 1 if dialect == T.BIBLATEX else 0
    _plan_names(out, record, dialect, column)
    out.add("title", record.get("title"), TITLE, "title")
    container = T.CONTAINER_FIELD.get(kind, ("", ""))[column]
    out.add(container, record.get("container-title"), TEXT, "container-title")
    leftovers = _plan_issued(out, record, dialect)
    out.add("volume", record.get("volume"), TEXT, "volume")
    number_var = T.NUMBER_VARIABLE.get(kind, "")
    out.add("number", record.get(number_var) if number_var else "", TEXT, number_var)
    if kind == "article":
        out.add("eid", record.get("number"), TEXT, "number")
    out.add("pages", record.get("page"), PAGES, "page")
    publisher = T.PUBLISHER_FIELD.get((dialect, kind), "publisher")
    if publisher in T.CUSTOM_FIELDS and record.custom.get(publisher):
        publisher = "publisher"  # the source had both (a @manual's organization and publisher)
    out.add(publisher, record.get("publisher"), TEXT, "publisher")
    for var, *names in T.TEXT_FIELDS:
        if var == "note":
            note = "; ".join(v for v in (record.get(var), *leftovers) if v)
            out.citations = _note_citations(note, record.custom.get(T.CUSTOM_CITATIONS, ""))
            out.add(names[column], note, CITING if out.citations else TEXT, var)
        elif var != "volume":
            out.add(names[column], record.get(var), TEXT, var)
    if record.get("language"):
        # BibLaTeX hyphenates by langid and prints language (unless it is the document's own).
        for name in ("langid", "language") if dialect == T.BIBLATEX else ("language",):
            out.add(name, babel_name(record.get("language")), TEXT, "language")
    if kind in T.GENRE_TYPES:
        out.add("type", _genre(record, kind, dialect), TEXT, "genre")
    _plan_custom(out, record, dialect)
    out.add("entrysubtype", subtype, TEXT)
    if dialect == T.BIBLATEX:
        for var, name in T.DATE_FIELDS[1:]:
            date = record.dates.get(var)
            if date and date.parts:
                out.add(name, _iso(date), ISO_DATE, var)
    for var, name in T.VERBATIM_FIELDS:
        out.add(name, record.get(var), VERBATIM, var)
    return out


def _cited(keys: str) -> re.Pattern[str]:
    """The keys of a citation as the escaped note shows them, standing alone."""
    return re.compile(r"(?<![\w:\\-])" + re.escape(escape(keys)) + r"(?![\w:-])")


def _note_citations(note: str, kept: str) -> list[tuple[str, str]]:
    """The citations the source's note had (``tables.CUSTOM_CITATIONS``), each one whose keys the
    note still shows in order; an edited note that lost them is written as text."""
    found, at = [], 0
    escaped = escape_text(note)
    for command, keys in stored_citations(kept):
        match = _cited(keys).search(escaped, at)
        if match:
            found.append((command, keys))
            at = match.end()
    return found


def _citing(escaped: str, cited: list[tuple[str, str]]) -> str:
    """An escaped text with the keys of each citation replaced by the citation, in order."""
    out, at = [], 0
    for command, keys in cited:
        match = _cited(keys).search(escaped, at)
        if match:
            out += [escaped[at : match.start()], f"\\{command}{{{keys}}}"]
            at = match.end()
    return "".join(out) + escaped[at:]


def _plan_names(out: Plan, record: Record, dialect: str, column: int) -> None:
    """The name fields of ``plan``."""
    for var, *names in T.NAME_FIELDS:
        people = record.names.get(var, ())
        if var == "author" and not people and dialect == T.BIBTEX and not record.names.get("editor"):
            # BibTeX has no field for a book's author, and every entry type wants an author or an
            # editor: a part of a book by one author is by that author (as a BibTeX crossref says).
            people = record.names.get("container-author", ())
        # A BibTeX book has an author or an editor: a record whose source type BibTeX lacks (an
        # @mvbook) gives no reason to write both, as a BibTeX @book with both would.
        changed = dialect == T.BIBTEX and out.entry_type != record.custom.get(T.SOURCE_TYPE, out.entry_type)
        if var == "editor" and changed and out.entry_type in ("book", "inbook") and out.names.get("author"):
            continue
        if names[column] and people:
            out.names[var] = tuple(carried_name(n) for n in people)
            text = " and ".join(bibtex_name(n) for n in people)
            if var == "author" and record.et_al:
                text += " and others"
            out.add(names[column], text, NAMES, var)


def _plan_issued(out: Plan, record: Record, dialect: str) -> list[str]:
    """The issued date's fields of ``plan``, and what BibLaTeX's date field cannot hold, which is
    kept in the note."""
    issued = record.dates.get("issued")
    leftovers = []
    if issued and dialect == T.BIBLATEX:
        out.add("date", _iso(issued) if issued.parts else "", ISO_DATE, "issued")
        leftovers.append(issued.literal if not issued.parts else "")
        if not issued.season and all(len(p) == 1 for p in issued.parts):
            leftovers.append(record.custom.get(T.CUSTOM_MONTH, ""))
    elif issued:
        year, month, month_kind = _year_month(issued, record.custom.get(T.CUSTOM_MONTH, ""))
        out.add("year", year, YEAR, "issued")
        out.add("month", month, month_kind)
    return leftovers


def _plan_custom(out: Plan, record: Record, dialect: str) -> None:
    """The fields of ``plan`` kept in ``Record.custom`` (those the dialect has)."""
    for name, written_in in T.CUSTOM_FIELDS.items():
        value = record.custom.get(name, "")
        if value and dialect in written_in and not (name == "type" and out.entry_type in T.GENRE_TYPES):
            out.add(name, value, NAMES if name in T.BIBLATEX_NAME_ROLES else TEXT)
            out.custom[name] = value


def _genre(record: Record, kind: str, dialect: str) -> str:
    """The type field: the record's genre. In BibLaTeX, a genre no type field of the source gave
    (a @phdthesis's PhD thesis, a genre from CSL) is written as BibLaTeX's type key, which it
    prints in the document's language, and a BibTeX @techreport written as a @report says so."""
    genre = record.get("genre")
    explicit = record.custom.get("type", "")
    if dialect != T.BIBLATEX or (explicit and explicit.lower() not in T.TYPE_KEYS):
        return genre
    if not genre and kind == "report":
        return T.IMPLIED_TYPE_KEYS.get(record.custom.get(T.SOURCE_TYPE, ""), "")
    return next((key for key, text in T.TYPE_KEYS.items() if text == genre), genre)


def _iso(date: Date) -> str:
    from citekit.formats.bibtex.values import iso_text

    return iso_text(date)


# BibTeX reads any run of white space as one space, but a line of a value that starts with "@"
# reads as a new entry to bibtexparser (and to biber): values are written on one line.
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]\s*")


def _braced(value: str) -> str:
    return "{" + _LINE_BREAKS.sub(" ", value) + "}"


def _verbatim(value: str) -> str:
    """A DOI or URL as written, percent-encoding the three characters that could end its braces."""
    return _braced(value.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D"))


def written_value(value: str, kind: str, ascii_only: bool, cited: list[tuple[str, str]] | None = None) -> str:
    """One planned value as it appears in the file (``cited``: the citations of a CITING one)."""
    if kind == MACRO:
        return value
    if kind == VERBATIM:
        # A URL's non-ASCII characters percent-encoded (as a browser sends them), for --ascii.
        return _verbatim("".join(c if c.isascii() else quote(c) for c in value) if ascii_only else value)
    if kind == ISO_DATE:
        return _braced(value)  # digits, -, / and ~ (circa): nothing LaTeX must see escaped
    if kind == YEAR:
        # A year range's -- is the en dash it reads as (escape would keep both hyphens).
        text = re.sub(r"-\{\}(?=-)", "-", escape_text(value))
        return _braced(to_ascii(text) if ascii_only else to_utf8(text))
    if kind == NAMES:
        text = value  # escaped name by name in bibtex_name
    elif kind == TITLE:
        text = protect_title(value)
    elif kind == PAGES:
        text = "--".join(escape(part) for part in pages.pieces(value))
    elif kind == CITING:
        text = _citing(escape_text(value), cited or [])
    else:
        text = escape_text(value)
    return _braced(to_ascii(text) if ascii_only else to_utf8(text))


def write(records: Sequence[Record], ascii: bool = False, dialect: str = T.BIBTEX) -> str:
    """BibTeX (or BibLaTeX) text; Unicode stays UTF-8 unless ``ascii`` asks for LaTeX accent commands.
    Each entry's key is its record's id, as ``citekit.stages.write`` made it (writable and unique)."""
    from bibtexparser.entrypoint import write_string
    from bibtexparser.library import Library
    from bibtexparser.model import Entry, Field
    from bibtexparser.writer import BibtexFormat

    library = Library()
    for record in records:
        laid_out = plan(record, dialect)
        fields = [
            Field(k, written_value(v, kind, ascii, laid_out.citations)) for k, v, kind in laid_out.fields
        ]
        library.add(Entry(laid_out.entry_type, record.id, fields))
    fmt = BibtexFormat()  # type: ignore[no-untyped-call]
    fmt.indent = "  "
    fmt.block_separator = "\n"
    # Values are braced and escaped here; bibtexparser must not add its own enclosing.
    return str(write_string(library, unparse_stack=[], bibtex_format=fmt))


def carry(record: Record, dialect: str = T.BIBTEX) -> Record:
    """The record as BibTeX (or BibLaTeX) carries it: what reading ``write([record])`` gives back."""
    from citekit.formats.bibtex.latex.decode import collapse, decode
    from citekit.formats.bibtex.values import DEFAULT_MACROS, iso_date, only_a_month, resolve, year_month_date

    laid_out = plan(record, dialect)
    kind, subtype = entry_type(record, dialect)
    csl_type = T.READ_TYPES.get((kind, subtype)) or T.READ_TYPES.get((kind, ""), "document")
    fields = {var: collapse(v) for var, v in record.fields.items() if var in laid_out.carried and v.strip()}
    # Braces the writer adds protect case; the reader gives them back as nocase spans.
    for var, value in fields.items():
        if var == "title":
            fields[var] = carried_title(value)
        elif var not in case_protection.PROTECTED_VARIABLES:
            fields[var] = case_protection.strip(value, keep=is_math)
    if "page" in fields:
        fields["page"] = pages.hyphenated(fields["page"])
    if "language" in fields:
        fields["language"] = code_for_babel(babel_name(fields["language"]))
    written = {name: value for name, value, _ in laid_out.fields}
    if "note" in written:
        fields["note"] = collapse(case_protection.strip(written["note"], keep=is_math))
    # A BibLaTeX arXiv eprint kept in custom is read again as the reader reads it (``dialects``).
    eprint = dialects.eprint_fields(written, bool(fields.get("container-title")))
    fields |= {var: value for var, value in eprint.items() if not fields.get(var)}
    written_type = written.get("type", "")
    if kind in T.GENRE_TYPES and written_type in T.TYPE_KEYS:
        fields["genre"] = T.TYPE_KEYS[written_type]
    if kind in T.THESIS_GENRES and "genre" not in fields:
        fields["genre"] = T.THESIS_GENRES[kind]
    custom = {T.SOURCE_TYPE: kind} | {
        k: v if k in T.BIBLATEX_NAME_ROLES else collapse(case_protection.strip(v, keep=is_math))
        for k, v in laid_out.custom.items()
    }
    if kind in T.GENRE_TYPES and written_type:
        custom["type"] = collapse(case_protection.strip(written_type))
    if laid_out.citations:
        custom[T.CUSTOM_CITATIONS] = " ".join(f"{command}{{{keys}}}" for command, keys in laid_out.citations)
    dates: dict[str, Date] = {}
    for var, date in record.dates.items():
        if var not in laid_out.carried:
            continue
        if dialect == T.BIBLATEX and date.parts:
            dates[var] = iso_date(_iso(date)) or date
        else:
            year, month, month_kind = _year_month(date, record.custom.get(T.CUSTOM_MONTH, ""))
            month = decode(resolve(month, DEFAULT_MACROS) if month_kind == MACRO else month)
            if month and not only_a_month(month):
                custom[T.CUSTOM_MONTH] = month  # as the reader keeps it
            dates[var] = year_month_date(decode(year), month) or date
    return replace(
        record,
        type=csl_type,
        fields=fields,
        names=laid_out.names,
        dates=dates,
        dois=record.dois[:1],
        et_al=record.et_al and "author" in laid_out.names,
        custom=custom,
    )
