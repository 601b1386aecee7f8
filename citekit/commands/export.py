"""`citekit export`: records in, BibTeX, RIS, CSL-JSON or a styled bibliography out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from citekit import formats
from citekit.boundary import fail, run
from citekit.errors import ExitStatus


def export(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders (read recursively) or - for stdin. Default: stdin."),
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            "--style",
            help="bibtex, ris, csljson, or a CSL style: apa, vancouver, harvard, a style id or a .csl file.",
        ),
    ] = "bibtex",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout.")
    ] = None,
    locale: Annotated[
        str | None, typer.Option("--locale", "-l", help="CSL locale for styles, e.g. en-GB, de-DE.")
    ] = None,
    markup: Annotated[
        str, typer.Option("--markup", help="Styled output as text, html or markdown.")
    ] = "text",
    from_format: Annotated[
        str | None, typer.Option("--from", help="Read inputs as this format instead of guessing.")
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail, writing nothing, on any problem.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only, no warnings.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Export records as BibTeX, RIS, CSL-JSON or a formatted bibliography.

    Example: citekit export records/ --format apa
    """

    def action() -> ExitStatus:
        import citekit
        from citekit import console, outputs

        if not inputs and sys.stdin.isatty():
            fail("no input given; name files or folders, or pipe records into `citekit export -`")
        data_format = formats.FORMATS.get(format.lower())
        style = data_format is None or not data_format.writable
        if style:
            from citekit.csl.styles import find

            find(format)  # an unknown style is a usage error, reported before reading anything
        result = citekit.load(inputs or ["-"], from_format)
        for item in result.problems:
            if item.is_error or not quiet:
                console.problem(item)
        errors = any(p.is_error for p in result.problems)
        if strict and result.problems:
            fail(f"{len(result.problems)} problem(s) and --strict given; nothing was written")
        if not result.records:
            if errors:
                raise typer.Exit(int(ExitStatus.FAILURE))
            fail("no records to export")
        if style:
            lines = citekit.render(result.records, format, locale, markup)
            text = "".join(line + "\n" for line in lines)
        else:
            text = citekit.dump(result.records, format)
        outputs.write_text(text, output)
        return ExitStatus.PARTIAL if errors else ExitStatus.OK

    run(debug, action)
