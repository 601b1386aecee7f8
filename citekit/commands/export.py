"""`citekit export`: records in, BibTeX, RIS, CSL-JSON or a styled bibliography out.

The command parses its options and calls ``citekit.export``, which decides everything else; here
the result is only told: what was read, the problems met, what was written and what was lost.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from citekit.boundary import fail, run
from citekit.commands.options import Debug, FromFormat, Inputs, Quiet, Raw, Strict, Verbose, complete_format
from citekit.errors import ExitStatus
from citekit.formats import DEFAULT_OUTPUT

if TYPE_CHECKING:
    from citekit.exporting import ExportResult
    from citekit.formats.losses import Loss


def export(
    inputs: Inputs = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            "--style",
            metavar="FORMAT",
            help="bibtex, biblatex, ris, csljson, or a CSL style: apa, vancouver, harvard, a style id or a .csl file.",
            autocompletion=complete_format,
        ),
    ] = DEFAULT_OUTPUT,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (atomically) instead of stdout."),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-d",
            metavar="DIR",
            help="Write one file per record into DIR, named by its citation key.",
        ),
    ] = None,
    locale: Annotated[
        str | None,
        typer.Option("--locale", "-l", metavar="CODE", help="CSL locale for styles, e.g. en-GB, de-DE."),
    ] = None,
    markup: Annotated[
        str, typer.Option("--markup", metavar="MARKUP", help="Styled output as text, html or markdown.")
    ] = "text",
    from_format: FromFormat = None,
    ascii_only: Annotated[
        bool, typer.Option("--ascii", help="BibTeX/BibLaTeX: write accents as LaTeX commands, not UTF-8.")
    ] = False,
    report: Annotated[
        bool, typer.Option("--report", help="List every field the output format cannot carry.")
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            min=0,
            help="Read input files and write data formats on N processes (0: one per core); same output.",
        ),
    ] = 1,
    raw: Raw = False,
    strict: Strict = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    debug: Debug = False,
) -> None:
    """Export records as BibTeX, RIS, CSL-JSON or a formatted bibliography.

    On a terminal the output is highlighted; into a pipe or file it is exactly the data.

    \b
    Example:
      citekit export records/ --format apa
      citekit export page.txt -f bibtex -o refs.bib
      citekit export records/ -f ris --output-dir ris/
    """

    def action() -> ExitStatus:
        import citekit
        from citekit import console

        if not inputs and sys.stdin.isatty():
            fail("no input given; name files or folders, or pipe records into `citekit export -`")
        losses = _Losses(report)
        result = citekit.export(
            inputs or ["-"],
            format,
            output=output,
            output_dir=output_dir,
            from_format=from_format,
            locale=locale,
            markup=markup,
            ascii=ascii_only,
            raw=raw,
            strict=strict,
            jobs=jobs,
            # Losses are warnings: with --quiet (and no --report) nobody would see them.
            losses=report or not quiet,
            progress=console.progress,
            on_read=_tell_read,
            # Problems and losses are told as they are met: a large input may have very many.
            on_problem=console.problem,
            on_loss=losses.tell,
            reading=console.reading,
        )
        if not result.records:
            if result.errors:
                raise typer.Exit(int(ExitStatus.FAILURE))
            fail("no records to export")
        if output_dir is not None:
            console.info(f"wrote {len(result.written)} file(s) to {output_dir}")
        elif output is not None:
            console.info(f"wrote {result.records} record(s) to {output}")
        losses.close()
        return ExitStatus.PARTIAL if result.errors else ExitStatus.OK

    run(debug, action, quiet=quiet, verbose=verbose)


def _tell_read(result: ExportResult) -> None:
    """Once everything is read: how much (the problems were told as they were met)."""
    from citekit import console

    console.info(f"read {result.records} record(s) from {result.inputs} input(s)")


# Without --report, this many records' losses are listed before a count of the rest.
LOSSES_SHOWN = 5


class _Losses:
    """Warn, on stderr, about the fields the output format cannot carry, as they are found: never
    drop one silently. Without --report, the first few records, then a count of the rest."""

    def __init__(self, report: bool) -> None:
        self.report = report
        self.found = 0

    def tell(self, loss: Loss) -> None:
        from citekit import console

        self.found += 1
        if self.report or self.found <= LOSSES_SHOWN:
            console.warning(str(loss))

    def close(self) -> None:
        from citekit import console

        if self.found > LOSSES_SHOWN and not self.report:
            console.warning(
                f"{self.found - LOSSES_SHOWN} more record(s) lost fields; --report lists them all"
            )
