"""The citekit command line: parse options, make one library call, print. No format logic here.

Library errors become one-line messages and exit codes at one boundary (``_run``);
``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from citekit import __version__
from citekit.errors import CitekitError, ExitStatus

app = typer.Typer(
    name="citekit",
    help="Citation export: research-portal pages in; BibTeX, RIS, CSL-JSON and CSL styles out.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

DATA_FORMATS = ("bibtex", "ris", "csljson")


def _version(value: bool) -> None:
    if value:
        print(f"citekit {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Citation export: research-portal pages in; BibTeX, RIS, CSL-JSON and CSL styles out."""


def _fail(message: str, status: ExitStatus = ExitStatus.FAILURE) -> NoReturn:
    from citekit import console

    console.error(message)
    raise typer.Exit(int(status))


def _run(debug: bool, action: Callable[[], ExitStatus]) -> None:
    """The error boundary: CitekitError -> one line on stderr and exit 2; --debug re-raises."""
    try:
        status = action()
    except CitekitError as exc:
        if debug:
            raise
        _fail(str(exc))
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        _fail("interrupted; no output file was changed")
    except Exception as exc:  # a bug in citekit: still one line, with the way to see more
        if debug:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
    raise typer.Exit(int(status))


@app.command()
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
            _fail("no input given; name files or folders, or pipe records into `citekit export -`")
        style = format.lower() not in DATA_FORMATS
        if style:
            from citekit.csl.styles import find

            find(format)  # an unknown style is a usage error, reported before reading anything
        result = citekit.load(inputs or ["-"], from_format)
        for item in result.problems:
            if item.is_error or not quiet:
                console.problem(item)
        errors = any(p.is_error for p in result.problems)
        if strict and result.problems:
            _fail(f"{len(result.problems)} problem(s) and --strict given; nothing was written")
        if not result.records:
            if errors:
                raise typer.Exit(int(ExitStatus.FAILURE))
            _fail("no records to export")
        if style:
            lines = citekit.render(result.records, format, locale, markup)
            text = "".join(line + "\n" for line in lines)
        else:
            text = citekit.dump(result.records, format)
        outputs.write_text(text, output)
        return ExitStatus.PARTIAL if errors else ExitStatus.OK

    _run(debug, action)


def main() -> None:
    app()
