"""The clean-up steps a record goes through after reading, each ``Record -> Record``.

Readers give the text as the source had it; ``clean`` then runs every step in ``STEPS``.
A step can be left out by name; ``citekit.stages.clean`` runs none of them when asked for ``raw``
records (``--raw`` on the command line), so that a user can see exactly what the page said.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace

from citekit.model import Name, Record
from citekit.normalize.case import title_case_shouting
from citekit.normalize.names import fix_name_case
from citekit.normalize.text import clean_line, clean_whitespace, dehyphenate

Step = Callable[[Record], Record]

# Variables holding running text, where line breaks are paragraphs and are kept.
PROSE = frozenset({"abstract", "note"})
# Titles that portals print in capitals now and then.
TITLES = ("title", "container-title", "collection-title", "event-title")


def whitespace(record: Record) -> Record:
    """No soft hyphens, zero-width characters or non-breaking spaces; no stray runs of spaces."""
    fields = {k: clean_whitespace(v) if k in PROSE else clean_line(v) for k, v in record.fields.items()}
    names = {var: tuple(_clean_name(n) for n in people) for var, people in record.names.items()}
    return replace(record, fields=fields, names=names)


def _clean_name(name: Name) -> Name:
    """A name with its parts on one line (the same object when nothing changes: long author lists)."""
    before = (name.family, name.given, name.suffix, name.literal)
    after = tuple(clean_line(part) if part else part for part in before)
    if after == before:
        return name
    return replace(name, family=after[0], given=after[1], suffix=after[2], literal=after[3])


def name_case(record: Record) -> Record:
    """Names typed in capitals in normal case: ``Xuran CAI`` -> Cai, Xuran; ``McDONALD`` -> McDonald."""
    names = {var: tuple(fix_name_case(n) for n in people) for var, people in record.names.items()}
    return replace(record, names=names)


def title_case(record: Record) -> Record:
    """Titles typed all in capitals in title case, acronyms kept (``HEALTH EDUCATION JOURNAL``)."""
    fields = dict(record.fields)
    for var in TITLES:
        if var in fields:
            fields[var] = title_case_shouting(fields[var])
    return replace(record, fields=fields)


def line_break_hyphens(record: Record) -> Record:
    """Abstracts pasted from PDFs without their line-break hyphens (``Tran-scripts`` -> Transcripts)."""
    if "abstract" not in record.fields:
        return record
    return replace(record, fields={**record.fields, "abstract": dehyphenate(record.fields["abstract"])})


STEPS: dict[str, Step] = {
    "whitespace": whitespace,
    "name-case": name_case,
    "title-case": title_case,
    "dehyphenate": line_break_hyphens,
}


def clean(record: Record, skip: Collection[str] = ()) -> Record:
    """The record after every clean-up step not named in ``skip``."""
    for name, step in STEPS.items():
        if name not in skip:
            record = step(record)
    return record
