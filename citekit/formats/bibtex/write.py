"""BibTeX and BibLaTeX output through bibtexparser 2, mapped from CSL by the tables of ``tables``.

``plan`` decides, for one record, which field carries which CSL variable; ``write`` escapes
and prints the plan, and ``carry`` says what a reader gets back from it (the loss report).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from citekit.formats import case_protection
from citekit.formats.bibtex import tables as T
from citekit.formats.bibtex.latex.escape import carried_title, escape, escape_text, protect_title, to_ascii
from citekit.model import Date, Name, Record
from citekit.normalize import pages
from citekit.normalize.languages import babel_name, code_for_babel

TITLE = "title"
TEXT = "text"
VERBATIM = "verbatim"
MACRO = "macro"
ISO_DATE = "iso-date"
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

    def add(self, name: str, value: str, kind: str, var: str = "") -> None:
        if name and value:
            self.fields.append((name, value, kind))
            if var:
                self.carried.add(var)


def entry_type(record: Record, dialect: str) -> tuple[str, str]:
    """The entry type and BibLaTeX entrysubtype of a record."""
    bibtex_type, biblatex_type, subtype = T.ENTRY_TYPES.get(record.type, ("misc", "misc", ""))
    if dialect == T.BIBLATEX:
        return biblatex_type, subtype
    if bibtex_type == "phdthesis" and "master" in record.get("genre").lower():
        return "mastersthesis", ""
    return bibtex_type, ""


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


def _year_month(date: Date) -> tuple[str, str]:
    """BibTeX's year and month for a date: a year range is ``1999--2000``; a literal is the year."""
    if not date.parts:
        return date.literal, ""
    if len(date.parts) > 1:
        return f"{date.parts[0][0]}--{date.parts[1][0]}", ""
    first = date.parts[0]
    return str(first[0]), (T.MONTHS[first[1] - 1] if len(first) > 1 and 1 <= first[1] <= 12 else "")


def plan(record: Record, dialect: str = T.BIBTEX) -> Plan:
    """Which field carries which variable of ``record`` in ``dialect``."""
    kind, subtype = entry_type(record, dialect)
    out = Plan(kind)
    column = 1 if dialect == T.BIBLATEX else 0
    for var, *names in T.NAME_FIELDS:
        people = record.names.get(var, ())
        if names[column] and people:
            out.names[var] = tuple(carried_name(n) for n in people)
            text = " and ".join(bibtex_name(n) for n in people)
            if var == "author" and record.et_al:
                text += " and others"
            out.add(names[column], text, NAMES, var)
    out.add("title", record.get("title"), TITLE, "title")
    container = T.CONTAINER_FIELD.get(kind, ("", ""))[column]
    out.add(container, record.get("container-title"), TEXT, "container-title")
    issued = record.dates.get("issued")
    if issued and dialect == T.BIBLATEX and issued.parts:
        out.add("date", _iso(issued), ISO_DATE, "issued")
    elif issued:
        year, month = _year_month(issued)
        out.add("year", year, TEXT, "issued")
        out.add("month", month, MACRO)
    out.add("volume", record.get("volume"), TEXT, "volume")
    number_var = T.NUMBER_VARIABLE.get(kind, "")
    out.add("number", record.get(number_var) if number_var else "", TEXT, number_var)
    if kind == "article":
        out.add("eid", record.get("number"), TEXT, "number")
    out.add("pages", record.get("page"), PAGES, "page")
    publisher = T.PUBLISHER_FIELD.get((dialect, kind), "publisher")
    out.add(publisher, record.get("publisher"), TEXT, "publisher")
    for var, *names in T.TEXT_FIELDS:
        if var != "volume":
            out.add(names[column], record.get(var), TEXT, var)
    if record.get("language"):
        out.add(
            "langid" if dialect == T.BIBLATEX else "language",
            babel_name(record.get("language")),
            TEXT,
            "language",
        )
    if kind in T.GENRE_TYPES:
        out.add("type", record.get("genre"), TEXT, "genre")
    out.add("entrysubtype", subtype, TEXT)
    if dialect == T.BIBLATEX:
        for var, name in T.DATE_FIELDS[1:]:
            date = record.dates.get(var)
            if date and date.parts:
                out.add(name, _iso(date), ISO_DATE, var)
    for var, name in T.VERBATIM_FIELDS:
        out.add(name, record.get(var), VERBATIM, var)
    return out


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


def written_value(value: str, kind: str, ascii_only: bool) -> str:
    """One planned value as it appears in the file."""
    if kind == MACRO:
        return value
    if kind == VERBATIM:
        return _verbatim(value)
    if kind == ISO_DATE:
        return _braced(value)  # digits, -, / and ~ (circa): nothing LaTeX must see escaped
    if kind == NAMES:
        text = value  # escaped name by name in bibtex_name
    elif kind == TITLE:
        text = protect_title(value)
    elif kind == PAGES:
        text = "--".join(escape(part) for part in pages.pieces(value))
    else:
        text = escape_text(value)
    return _braced(to_ascii(text) if ascii_only else text)


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
        fields = [Field(k, written_value(v, kind, ascii)) for k, v, kind in laid_out.fields]
        library.add(Entry(laid_out.entry_type, record.id, fields))
    fmt = BibtexFormat()  # type: ignore[no-untyped-call]
    fmt.indent = "  "
    fmt.block_separator = "\n"
    # Values are braced and escaped here; bibtexparser must not add its own enclosing.
    return str(write_string(library, unparse_stack=[], bibtex_format=fmt))


def carry(record: Record, dialect: str = T.BIBTEX) -> Record:
    """The record as BibTeX (or BibLaTeX) carries it: what reading ``write([record])`` gives back."""
    from citekit.formats.bibtex.latex.decode import collapse
    from citekit.formats.bibtex.values import iso_date, year_month_date

    laid_out = plan(record, dialect)
    kind, subtype = entry_type(record, dialect)
    csl_type = T.READ_TYPES.get((kind, subtype)) or T.READ_TYPES.get((kind, ""), "document")
    fields = {var: collapse(v) for var, v in record.fields.items() if var in laid_out.carried and v.strip()}
    # Braces the writer adds protect case; the reader gives them back as nocase spans.
    for var, value in fields.items():
        if var == "title":
            fields[var] = carried_title(value)
        elif var not in case_protection.PROTECTED_VARIABLES:
            fields[var] = case_protection.strip(value)
    if "page" in fields:
        fields["page"] = pages.hyphenated(fields["page"])
    if "language" in fields:
        fields["language"] = code_for_babel(babel_name(fields["language"]))
    if kind in T.THESIS_GENRES and "genre" not in fields:
        fields["genre"] = T.THESIS_GENRES[kind]
    dates: dict[str, Date] = {}
    for var, date in record.dates.items():
        if var not in laid_out.carried:
            continue
        if dialect == T.BIBLATEX and date.parts:
            dates[var] = iso_date(_iso(date)) or date
        else:
            year, month = _year_month(date)
            dates[var] = year_month_date(collapse(year), month) or date
    return replace(
        record,
        type=csl_type,
        fields=fields,
        names=laid_out.names,
        dates=dates,
        dois=record.dois[:1],
        et_al=record.et_al and "author" in laid_out.names,
    )
