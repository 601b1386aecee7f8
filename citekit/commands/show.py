"""`citekit show`: what was read from each record, field by field, and what was ignored or doubtful.

For research-portal pages it also lists the labels the page gave that no field uses (a
supervisor, a conference web address), the lines it could not place, and the name splits
that were guesses, so that a user can trust the record or fix the page. What to say about each
record is ``citekit.inspect``'s; this module lays it out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from citekit.boundary import run
from citekit.commands.options import Debug, Example, FromFormat, Inputs, Quiet, Raw, Verbose, inputs_or_stdin
from citekit.errors import ExitStatus

if TYPE_CHECKING:  # the inspection imports the format registry: not on the path of --help
    from citekit.inspection import Inspected
    from citekit.model import Record

Detail = Annotated[
    bool,
    typer.Option("--detail", "-D", help="A card with every field for each record, even when there are many."),
]


def show(
    inputs: Inputs = None,
    from_format: FromFormat = None,
    raw: Raw = False,
    detail: Detail = False,
    example: Example = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    debug: Debug = False,
) -> None:
    """Show what was read from each record, field by field, and what was ignored or doubtful.

    One record is shown as a card with every field; several as a table, one row each, with
    their problems counted (--detail shows a card for each). The table fits the terminal (one
    short card per record on a narrow one); in a pipe it is tab-separated, nothing cut.

    \b
    Example:
      citekit show examples/page.txt
      citekit show records/ --raw
      citekit show records/ --detail
    """

    def action() -> ExitStatus:
        import citekit
        from citekit import choosing, console

        sources = inputs_or_stdin(inputs, example, "show")
        found = citekit.inspect(sources, choosing.input_format(from_format), raw)
        for path in found.skipped:
            console.info(f"{path}: skipped: no format citekit reads has its suffix")
        shown = found.records
        if len(shown) > 1 and not detail:
            console.show_table(TABLE_COLUMNS, [table_row(entry) for entry in shown])
        for number, entry in enumerate(shown if detail or len(shown) == 1 else []):
            if number:
                console.show_blank()
            console.show_record(heading(entry.record), field_rows(entry.record, entry.weak), entry.remarks)
        for problem in found.problems:
            console.problem(problem)
        if not shown:
            return ExitStatus.FAILURE
        return ExitStatus.PARTIAL if any(p.is_error for p in found.problems) else ExitStatus.OK

    run(debug, action, quiet=quiet, verbose=verbose)


# The table of many records: column titles, and the remark kinds counted as problems.
TABLE_COLUMNS = ("source", "key", "type", "year", "first author", "title", "problems")
PROBLEM_KINDS = ("error", "warning", "doubtful", "weak")


def table_row(entry: Inspected) -> tuple[str, ...]:
    """One record as a row of the table: where it came from, what it is, and its problems counted."""
    from citekit.inspection import name_text

    record = entry.record
    people = record.names.get("author") or record.names.get("editor") or ()
    year = next((str(d.year) for d in record.dates.values() if d.year), "")
    counts = [f"{n} {kind}" for kind in PROBLEM_KINDS if (n := sum(1 for k, _ in entry.remarks if k == kind))]
    return (
        str(record.location or ""),
        record.id,
        record.type,
        year,
        name_text(people[0]) if people else "",
        record.get("title"),
        ", ".join(counts),
    )


def heading(record: Record) -> str:
    where = f"{record.location}  " if record.location else ""
    return f"{where}{record.id or '(no key)'}  [{record.type}]"


def field_rows(record: Record, weak: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(field, value) rows in CSL-JSON order; names one a row, dates as ISO, every DOI; a field
    only weak evidence gave is marked ``(weak)``."""
    rows = _rows(record)
    return [(f"{name} (weak)" if name in weak else name, value) for name, value in rows]


def _rows(record: Record) -> list[tuple[str, str]]:
    from citekit.inspection import name_text

    rows: list[tuple[str, str]] = []
    for var, people in record.names.items():
        rows += [(var, name_text(p)) for p in people]
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
