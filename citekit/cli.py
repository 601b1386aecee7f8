"""The citekit command line: the Typer app, its global options, and the command registry.

Each command lives in its own module under ``citekit/commands/``; errors become exit codes in
``citekit.boundary``. This module is on the path of ``citekit --help`` and ``--version``, which
must answer fast: it imports typer and the command modules, which import nothing heavy
(no rich, citeproc, lxml or bibtexparser) until a command runs.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer import _click as click
from typer.core import TyperCommand, TyperGroup

from citekit import __version__
from citekit.commands.check import check
from citekit.commands.cite import cite
from citekit.commands.export import export
from citekit.commands.formats import formats
from citekit.commands.harvest import harvest
from citekit.commands.show import show
from citekit.commands.styles import styles


class CitekitGroup(TyperGroup):
    """Typer's group, with command-line mistakes reported as one line (like every other error)
    instead of click's usage block."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            status = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.ClickException as exc:
            from citekit.boundary import usage_error

            ctx = getattr(exc, "ctx", None)
            path = ctx.command_path if ctx is not None else "citekit"
            try:
                usage_error(exc.format_message(), path)
            except typer.Exit as done:
                sys.exit(done.exit_code)
        except typer.Abort:
            sys.exit(1)
        sys.exit(status if isinstance(status, int) else 0)


class CitekitCommand(TyperCommand):
    """Typer's command, with placeholders written one way in the usage line: ``KEY...`` for a
    required argument (typer writes ``{KEY...}``), ``[INPUT]...`` for an optional one."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]


app = typer.Typer(
    name="citekit",
    cls=CitekitGroup,
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["--help", "-h"]},
)


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
    """Citation export: research-portal pages in; BibTeX, RIS, CSL-JSON and CSL styles out.

    Data goes to stdout (highlighted on a terminal, exact bytes in a pipe); messages,
    warnings and progress go to stderr. NO_COLOR is respected.

    \b
    Exit codes:
      0  success
      1  some records had problems; every good record was still exported
      2  usage error, or nothing exported

    Shell completion: citekit --install-completion.

    \b
    Example:
      citekit export --example --format apa
      citekit export records/ --format apa
    """


# The command registry: one line per command, in the order --help lists them, each with the whole
# sentence `citekit --help` shows for it (click would cut the first sentence of its help to fit).
app.command(
    cls=CitekitCommand, short_help="Write records as BibTeX, RIS, CSL-JSON, MODS or formatted references."
)(export)
app.command(cls=CitekitCommand, short_help="Show what was read from each record, field by field.")(show)
app.command(cls=CitekitCommand, short_help="Print the in-text citation of records, by their keys.")(cite)
app.command(cls=CitekitCommand, short_help="List or search the CSL styles and locales.")(styles)
app.command(
    cls=CitekitCommand, short_help="Check records for missing fields, bad identifiers and duplicates."
)(check)
app.command(cls=CitekitCommand, short_help="List the formats citekit reads and writes.")(formats)
app.command(cls=CitekitCommand, short_help="Harvest a whole repository over OAI-PMH.")(harvest)


def main() -> None:
    app()
