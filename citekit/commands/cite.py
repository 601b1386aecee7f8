"""`citekit cite KEY…`: one in-text citation of the records with those keys, in a CSL style."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from citekit.boundary import fail, run
from citekit.errors import ExitStatus

DEFAULT_FOLDER = Path("records")


def cite(
    keys: Annotated[list[str], typer.Argument(help="Citation keys of the records to cite together.")],
    inputs: Annotated[
        list[str] | None,
        typer.Option(
            "--input",
            "-i",
            help="A file, folder or - (stdin) to read the records from; repeatable. "
            "Default: stdin when piped, else the folder records/.",
        ),
    ] = None,
    style: Annotated[
        str,
        typer.Option(
            "--style", "--format", "-f", help="A CSL style: apa, vancouver, a style id or a .csl file."
        ),
    ] = "apa",
    locale: Annotated[
        str | None, typer.Option("--locale", "-l", help="CSL locale, e.g. en-GB, de-DE.")
    ] = None,
    markup: Annotated[str, typer.Option("--markup", help="Output as text, html or markdown.")] = "text",
    bibliography: Annotated[
        bool, typer.Option("--bibliography", "-b", help="Also print the cited records' references.")
    ] = False,
    from_format: Annotated[
        str | None, typer.Option("--from", help="Read inputs as this format instead of guessing.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only, no warnings.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Print the in-text citation of the records with KEYS, e.g. (Dalgarno & Oates, 2019).

    Example: citekit cite dalgarno2019crucible --style apa -i records/
    """

    def action() -> ExitStatus:
        import citekit
        from citekit import console, outputs
        from citekit.csl.style.find import find

        find(style)  # an unknown style is a usage error, reported before reading anything
        sources = inputs or _default_inputs()
        result = citekit.load(sources, from_format)
        for item in result.problems:
            if item.is_error or not quiet:
                console.problem(item)
        text = citekit.cite(result.records, keys, style, locale, markup) + "\n"
        if bibliography:
            by_key = {r.id.lower(): r for r in result.records}
            # in citation order, so that a numeric style numbers them as the citation does
            cited = list({key.lower(): by_key[key.lower()] for key in keys}.values())
            text += "\n" + "".join(line + "\n" for line in citekit.render(cited, style, locale, markup))
        outputs.write_text(text, None)
        return ExitStatus.PARTIAL if any(p.is_error for p in result.problems) else ExitStatus.OK

    run(debug, action)


def _default_inputs() -> list[str]:
    if not sys.stdin.isatty():
        return ["-"]
    if DEFAULT_FOLDER.is_dir():
        return [str(DEFAULT_FOLDER)]
    fail("no input: pipe records into `citekit cite KEY`, or name them with --input FILE")
