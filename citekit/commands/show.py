"""`citekit show`: what was read from each record, field by field, and what was ignored or doubtful.

For research-portal pages it also lists the labels the page gave that no field uses (a
supervisor, a conference web address), the lines it could not place, and the name splits
that were guesses, so that a user can trust the record or fix the page.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Annotated

import typer

from citekit.boundary import fail, run
from citekit.commands.options import Debug, FromFormat, Inputs, Quiet, Raw
from citekit.errors import CitekitError, ExitStatus, Problem
from citekit.model import Name, Record

Detail = Annotated[
    bool,
    typer.Option("--detail", "-D", help="A card with every field for each record, even when there are many."),
]


@dataclass
class Shown:
    """One record as ``show`` prints it: the record and remarks as (kind, text) pairs."""

    record: Record
    remarks: list[tuple[str, str]] = field(default_factory=list)


def show(
    inputs: Inputs = None,
    from_format: FromFormat = None,
    raw: Raw = False,
    detail: Detail = False,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Show what was read from each record, field by field, and what was ignored or doubtful.

    One record is shown as a card with every field; several as a table, one row each, with
    their problems counted (--detail shows a card for each).

    \b
    Example:
      citekit show page.txt
      citekit show records/ --raw
      citekit show records/ --detail
    """

    def action() -> ExitStatus:
        from citekit import console
        from citekit import inputs as reading
        from citekit.normalize.keys import assign_keys

        if not inputs and sys.stdin.isatty():
            fail("no input given; name files or folders, or pipe a page into `citekit show -`")
        shown: list[Shown] = []
        errors: list[Problem] = []
        for item in reading.expand(inputs or ["-"]):
            records, problems = inspect(item, from_format, raw)
            shown += records
            errors += [p for p in problems if p.is_error]
        keyed = assign_keys([entry.record for entry in shown])
        for entry, record in zip(shown, keyed, strict=True):
            entry.record = record
        if len(shown) > 1 and not detail:
            console.show_table(TABLE_COLUMNS, [table_row(entry) for entry in shown])
        for number, entry in enumerate(shown if detail or len(shown) == 1 else []):
            if number:
                console.show_blank()
            console.show_record(heading(entry.record), field_rows(entry.record), entry.remarks)
        for problem in errors:
            console.problem(problem)
        if not shown:
            return ExitStatus.FAILURE
        return ExitStatus.PARTIAL if errors else ExitStatus.OK

    run(debug, action, quiet=quiet)


def inspect(item: str, from_format: str | None, raw: bool) -> tuple[list[Shown], list[Problem]]:
    """The records of one input with their remarks, and the errors that stopped reading it."""
    from citekit import inputs as reading
    from citekit.normalize.raw import raw_text

    source = reading.source_name(item)
    try:
        text, fmt, warnings = reading.read_text(item, from_format)
        if fmt.name in ("portal", "portal-html"):
            shown = _portal(text, source, fmt.name == "portal-html", raw)
        else:
            with raw_text(raw):
                result = fmt.reader()(text, source)
            shown = [Shown(r, _doubts(r)) for r in result.records]
            warnings += result.problems
        if shown:
            shown[0].remarks[:0] = [("warning", _located(p)) for p in warnings]
        return shown, []
    except (OSError, CitekitError) as exc:
        return [], [reading.file_problem(exc, source)]


def _portal(text: str, source: str, html: bool, raw: bool) -> list[Shown]:
    from citekit.formats.portal import scan as portal
    from citekit.normalize.raw import raw_text
    from citekit.normalize.steps import clean

    if html or portal.looks_like_html(text):
        from citekit.formats.portal.html import html_lines

        lines = html_lines(text, source)
    else:
        lines = portal.text_lines(text)
    out = []
    for built in portal.build_pages(lines, source):
        with raw_text(raw):
            record = clean(built.record)
        remarks = [("warning", _located(p)) for p in built.problems]
        remarks += [("cleaned", change) for change in _changes(built.record, record)]
        remarks += [("ignored", f"{e.label}: {e.value} (line {e.line}; no CSL field)") for e in built.ignored]
        out.append(Shown(record, remarks + _doubts(record)))
    return out


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def _word_changes(before: str, after: str, most: int = 8) -> str:
    """The words running text changed in, ``Tran-scripts -> Transcripts, …``."""
    import difflib

    a, b = before.split(), after.split()
    pairs = [
        f"{' '.join(a[i1:i2])} -> {' '.join(b[j1:j2])}"
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    more = f" (and {len(pairs) - most} more)" if len(pairs) > most else ""
    return ", ".join(pairs[:most]) + more if pairs else "spaces and invisible characters"


def _changes(raw: Record, cleaned: Record) -> list[str]:
    """What the clean-up steps changed, so that a user sees it (``--raw`` shows the page's text)."""
    out = []
    for var, value in raw.fields.items():
        new = cleaned.fields.get(var, "")
        if new != value and var in ("abstract", "note"):
            out.append(f"{var}: {_word_changes(value, new)}")
        elif new != value:
            out.append(f"{var}: {_short(value)} -> {_short(new)}")
    for var, people in raw.names.items():
        for before, after in zip(people, cleaned.names.get(var, ()), strict=False):
            if before != after:
                out.append(f"{var}: {_short(_name(before))} -> {_short(_name(after))}")
    return out


def _located(problem: Problem) -> str:
    return f"line {problem.location.line}: {problem.message}" if problem.location.line else problem.message


def _doubts(record: Record) -> list[tuple[str, str]]:
    from citekit.normalize.names import guessed_split

    out = []
    for var, people in record.names.items():
        for person in people:
            if guessed_split(person):
                out.append(
                    (
                        "doubtful",
                        f"{var} {person.given} {person.family}: family name taken to be "
                        f"{person.family!r}; if not, write it 'Family, Given' on the page",
                    )
                )
    if record.et_al:
        out.append(("doubtful", "the author list ends in 'et al.': the other authors are not known"))
    return out


# The table of many records: column titles, and the remark kinds counted as problems.
TABLE_COLUMNS = ("source", "key", "type", "year", "first author", "title", "problems")
PROBLEM_KINDS = ("warning", "doubtful")


def table_row(entry: Shown) -> tuple[str, ...]:
    """One record as a row of the table: where it came from, what it is, and its problems counted."""
    record = entry.record
    people = record.names.get("author") or record.names.get("editor") or ()
    year = next((str(d.year) for d in record.dates.values() if d.year), "")
    counts = [f"{n} {kind}" for kind in PROBLEM_KINDS if (n := sum(1 for k, _ in entry.remarks if k == kind))]
    return (
        str(record.location or ""),
        record.id,
        record.type,
        year,
        _name(people[0]) if people else "",
        record.get("title"),
        ", ".join(counts),
    )


def heading(record: Record) -> str:
    where = f"{record.location}  " if record.location else ""
    return f"{where}{record.id or '(no key)'}  [{record.type}]"


def _name(name: Name) -> str:
    if name.literal:
        return name.literal
    family = " ".join(p for p in (name.non_dropping_particle, name.family) if p)
    given = " ".join(p for p in (name.given, name.dropping_particle) if p)
    text = ", ".join(p for p in (family, given, name.suffix) if p)
    return text


def field_rows(record: Record) -> list[tuple[str, str]]:
    """(field, value) rows in CSL-JSON order; names one a row, dates as ISO, every DOI."""
    rows: list[tuple[str, str]] = []
    for var, people in record.names.items():
        rows += [(var, _name(p)) for p in people]
    if record.et_al:
        rows.append(("author", "et al."))
    for var, date in record.dates.items():
        text = " → ".join("-".join(f"{n:02d}" if i else str(n) for i, n in enumerate(p)) for p in date.parts)
        rows.append((var, text or date.literal))
    data = record.to_csl()
    for var, value in data.items():
        if isinstance(value, str) and var not in ("id", "type"):
            rows.append((var, value))
    rows += [("DOI (more)", doi) for doi in record.dois[1:]]
    return rows
