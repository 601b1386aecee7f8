"""`citekit export`: records in, BibTeX, RIS, CSL-JSON or a styled bibliography out.

The command parses its options and calls ``citekit.export``, which decides everything else; here
the result is only told: what was read, the problems met, what was written and what was lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from citekit.boundary import fail, run
from citekit.commands.options import (
    Debug,
    Example,
    FromFormat,
    Inputs,
    Mailto,
    Quiet,
    Raw,
    Refresh,
    Strict,
    Verbose,
    complete_format,
    inputs_or_stdin,
)
from citekit.errors import ExitStatus

if TYPE_CHECKING:
    from citekit.exporting import ExportResult
    from citekit.formats.losses import Loss


def export(
    inputs: Inputs = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            "--style",
            metavar="FORMAT",
            help="bibtex, biblatex, ris, csljson, mods, or a CSL style: apa, vancouver, harvard, a style "
            "id or a .csl file. Default: the format -o's suffix names (.bib, .ris, .json, .xml), else bibtex.",
            show_default=False,
            autocompletion=complete_format,
        ),
    ] = None,
    output: Annotated[
        # a string, not a Path: a trailing slash (`-o new-folder/`) must reach the check
        str | None,
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
        str,
        typer.Option(
            "--markup", metavar="text|html|markdown", help="Styled output as text, html or markdown."
        ),
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
    example: Example = False,
    urls: Annotated[
        Path | None,
        typer.Option(
            "--urls", metavar="FILE", help="Also read the pages at the web addresses in FILE (one a line)."
        ),
    ] = None,
    mailto: Mailto = None,
    refresh: Refresh = False,
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
      citekit export --example --format apa
      citekit export records/ -o refs.ris
      citekit export examples/page.txt -f bibtex -o refs.bib
      citekit export records/ -f ris --output-dir ris/
      citekit export https://research.example.ac.uk/en/publications/slug -f apa
    """

    def action() -> ExitStatus:
        import citekit
        from citekit import console

        sources = inputs_or_stdin(inputs, example, "export", urls is not None)
        losses = _Losses(report)
        try:
            result = citekit.export(
                sources,
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
                url_list=urls,
                mailto=mailto,
                refresh=refresh,
                # Losses are warnings: with --quiet (and no --report) nobody would see them.
                losses=report or not quiet,
                progress=console.progress,
                on_read=_tell_read,
                # Problems and losses are told as they are met: a large input may have very many.
                on_problem=console.problem,
                on_loss=losses.tell,
                reading=console.reading,
            )
        finally:
            losses.close()  # the count of losses not shown, also when --strict refuses to write
        if not result.records:
            if result.errors:
                raise typer.Exit(int(ExitStatus.FAILURE))
            fail("no records to export")
        if output_dir is not None:
            console.info(f"wrote {len(result.written)} file(s) to {output_dir}")
        elif output is not None:
            console.info(f"wrote {result.records} record(s) to {output}")
        return ExitStatus.PARTIAL if result.errors else ExitStatus.OK

    run(debug, action, quiet=quiet, verbose=verbose)


def _tell_read(result: ExportResult) -> None:
    """Once everything is read: how much, and the files passed over (the problems and losses were
    told as they were met)."""
    from citekit import console

    for path in result.skipped:
        console.info(f"{path}: skipped: no format citekit reads has its suffix")
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


def report_losses(found: Sequence[Loss], report: bool) -> None:
    """Warn about every loss in ``found`` at once (a harvest's), as ``_Losses`` does."""
    losses = _Losses(report)
    for loss in found:
        losses.tell(loss)
    losses.close()
