"""One RIS record's tagged lines as a Record: which tag's value goes to which CSL variable.

What a tag means depends on the reference type (``tables.TYPE_TAGS``, over the general table
``tables.GENERIC_TAGS``) and, for Pure's conference contributions and working papers, on ``M3``
(``tables.SUBTYPES``). Every value either goes to a variable, repeats one that did, or is kept as
unused (``citekit show`` lists it): nothing is dropped without a word.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from citekit.formats.doi import bare_doi
from citekit.formats.ris import tables as T
from citekit.formats.ris import values as V
from citekit.model import Date, Location, Name, Record
from citekit.normalize.languages import code_for

# One tagged line: (line number, tag, value).
Tagged = tuple[int, str, str]
_GENERIC = dict(T.GENERIC_TAGS)
# The text variables filled from one value each; the others gather all their tag's values.
_GATHERED = frozenset({"note", "keyword"})


def csl_type_for(ris_type: str) -> str:
    """The CSL type of a RIS reference type (``document`` for one citekit does not know)."""
    return T.READ_TYPES.get(ris_type.upper(), "document")


def row_and_type(ris_type: str, m3: str) -> tuple[str, str]:
    """The row of ``TYPE_TAGS`` to read a record with, and its CSL type (M3 may make the type precise)."""
    ris_type = ris_type.upper()
    return T.SUBTYPES.get((ris_type, m3.strip().lower()), (ris_type, csl_type_for(ris_type)))


def meanings(row: str, tag: str) -> tuple[str, ...]:
    """The CSL variables a text tag may fill in a row (type); ``("",)``: none in that type."""
    return T.TYPE_TAGS.get(row, {}).get(tag) or _GENERIC.get(tag, ())


def name_variable(row: str, tag: str) -> str:
    override = T.TYPE_TAGS.get(row, {}).get(tag)
    return override[0] if override else T.READ_NAME_TAGS[tag]


def is_number(value: str) -> bool:
    """An M1 value that can be a number: not a sentence (SciFinder puts a copyright statement there)."""
    return len(value.split()) <= 3


@dataclass
class Values:
    """A record's tagged lines, and which of them went somewhere."""

    lines: list[Tagged]
    used: set[int] = field(default_factory=set)

    def of(self, tag: str) -> list[tuple[int, str]]:
        return [(i, v) for i, (_, t, v) in enumerate(self.lines) if t == tag and v]

    def take(self, tag: str) -> list[str]:
        """Every value of ``tag``, marked used."""
        found = self.of(tag)
        self.used.update(i for i, _ in found)
        return [v for _, v in found]

    def first(self, tag: str) -> str:
        """The first value of ``tag``, marked used ("" if none)."""
        found = self.of(tag)
        if not found:
            return ""
        self.used.add(found[0][0])
        return found[0][1]

    def unused(self) -> list[tuple[str, int]]:
        """("TAG: value", line) of every value that went nowhere and repeats nothing that did."""
        taken = {v for i, (_, _, v) in enumerate(self.lines) if i in self.used}
        return [
            (f"{tag}: {value}", line)
            for i, (line, tag, value) in enumerate(self.lines)
            if value and i not in self.used and tag not in T.FRAME_TAGS and value not in taken
        ]


@dataclass
class Reading:
    """What one record's reading gathers."""

    row: str
    values: Values
    fields: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def to_record(lines: list[Tagged], location: Location) -> tuple[Record, list[str], list[tuple[str, int]]]:
    """One record's lines (``TY`` first) as a Record, with warnings and the values that went nowhere."""
    values = Values(lines, used={0})
    ris_type = lines[0][2].upper()
    row, csl_type = row_and_type(ris_type, (values.of("M3") or [(0, "")])[0][1])
    reading = Reading(row, values)
    if ris_type not in T.READ_TYPES:
        reading.warnings.append(f"unknown RIS type {ris_type!r}; read as a generic document")
    _text_fields(reading)
    if ris_type in T.TYPE_GENRES:
        reading.fields.setdefault("genre", T.TYPE_GENRES[ris_type])
    _other_fields(reading)
    dates = _dates(reading)
    record = Record(
        id=values.first("ID"),
        type=csl_type,
        fields={k: v for k, v in reading.fields.items() if v},
        names=_names(reading),
        dates=dates,
        dois=tuple(dict.fromkeys([reading.fields["DOI"]] if reading.fields.get("DOI") else [])),
        location=location,
    )
    return record, reading.warnings, values.unused()


def _text_fields(reading: Reading) -> None:
    """The one-value text variables, each tag's values tried against what it may mean in the row."""
    fields, values = reading.fields, reading.values
    for tag, _ in T.GENERIC_TAGS:
        found = values.of(tag)
        for index, raw in found:
            value = _prepared(tag, raw, reading)
            if value is None:
                values.used.add(index)  # a repeat of the type or of the DOI, a placeholder
                continue
            if not value:
                continue
            for var in meanings(reading.row, tag):
                if not var or (tag == "M1" and not is_number(value)):
                    continue
                if var not in fields:
                    fields[var] = value
                elif fields[var] != value:
                    continue
                values.used.add(index)
                break
    for rows, var, source in T.FALLBACKS:
        if ("*" in rows or reading.row in rows) and not fields.get(var) and fields.get(source):
            fields[var] = fields[source]


def _prepared(tag: str, value: str, reading: Reading) -> str | None:
    """A value made ready for its variable; None when it says nothing to keep, "" when it goes to no
    variable (an M3 holding another DOI than the record's)."""
    if tag == "M3":
        if doi := V.doi_in(value):
            reading.fields.setdefault("DOI", doi)
            return None if reading.fields["DOI"] == doi else ""
        if not V.is_genre(value):
            return None
    if tag in ("M1", "C7") and value == "0":
        return None
    if tag == "DO":
        return bare_doi(value)
    if tag == "LA":
        return code_for(value)
    return value


def _other_fields(reading: Reading) -> None:
    """Pages, serial numbers, keywords, notes, PubMed ids, and a volume written with its issue."""
    fields, values = reading.fields, reading.values
    first, last = values.first("SP"), values.first("EP")
    if page := "-".join(p for p in (first, last) if p):
        fields["page"] = page
    for var, value in V.serial_fields(values.take("SN"), reading.row).items():
        fields.setdefault(var, value)
    if keywords := values.take("KW"):
        fields["keyword"] = V.join_keywords(keywords)
    if notes := values.take("N1"):
        fields["note"] = "\n".join(notes)
    for tag in ("AN", "C2", "U1", "U2", "U3", "U4", "U5"):
        for index, value in values.of(tag):
            # AN (EndNote's PubMed export) and C2 (Pure: the PubMed id; EndNote: the PMCID) hold bare
            # ids; user fields only ids marked "[pmid]".
            if found := V.pubmed_id(value, marked_only=tag not in ("AN", "C2")):
                fields.setdefault(found[0], found[1])
                values.used.add(index)
    if (split := V.volume_issue(fields.get("volume", ""))) and "issue" not in fields:
        fields["volume"], fields["issue"] = split


def _names(reading: Reading) -> dict[str, tuple[Name, ...]]:
    """The name variables in the file's order (``A1`` and ``AU`` mixed stay as written)."""
    pieces: dict[str, list[str]] = {}
    for index, (_, tag, value) in enumerate(reading.values.lines):
        if tag in T.READ_NAME_TAGS and value:
            pieces.setdefault(name_variable(reading.row, tag), []).extend(V.name_pieces(value))
            reading.values.used.add(index)
    return {var: tuple(V.parse_names(found)) for var, found in pieces.items()}


def _dates(reading: Reading) -> dict[str, Date]:
    """``issued`` (the fullest of DA, PY and Y1; a year-less DA takes their year), ``accessed`` (Y2),
    and ``event-date`` (a conference's period, in DA or Y2)."""
    values, row = reading.values, reading.row
    dates: dict[str, Date] = {}
    found: list[Date] = []
    month_day = None
    for tag in ("DA", "PY", "Y1"):
        value = _first_date(values, tag)
        if not value:
            continue
        date = V.parse_date(value)
        if date is None and tag == "DA" and (month_day := V.month_day(value)):
            continue
        if date is None:
            reading.warnings.append(f"cannot read the issued date {tag}  - {value}; kept what could be read")
        elif len(date.parts) == 2 and row in T.EVENT_ROWS:
            dates["event-date"] = date
        else:
            found.append(date)
    if found:
        issued = max(found, key=lambda d: len(d.parts[0]))
        if month_day and len(issued.parts[0]) == 1:
            issued = Date(parts=((issued.parts[0][0], *month_day),))
        dates["issued"] = issued
    if value := _first_date(values, "Y2"):
        date = V.parse_date(value)
        if date is None:
            reading.warnings.append(f"cannot read the date Y2  - {value}; not read")
        elif row in T.EVENT_Y2_ROWS or (row in T.EVENT_ROWS and len(date.parts) == 2):
            dates.setdefault("event-date", date)
        else:
            dates["accessed"] = date
    return dates


def _first_date(values: Values, tag: str) -> str:
    """The first value of a date tag, marked used if it can be read (else it stays unused)."""
    found = values.of(tag)
    if not found:
        return ""
    index, value = found[0]
    if V.parse_date(value) is not None or (tag == "DA" and V.month_day(value)):
        values.used.add(index)
    return value
