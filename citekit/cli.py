"""The citekit command line: the Typer app, its global options, and the command registry.

Each command lives in its own module under ``citekit/commands/``; errors become exit codes in
``citekit.boundary``.
"""

from __future__ import annotations

from typing import Annotated

import typer

from citekit import __version__
from citekit.commands.cite import cite
from citekit.commands.export import export
from citekit.commands.show import show
from citekit.commands.styles import styles

app = typer.Typer(
    name="citekit",
    help="Citation export: research-portal pages in; BibTeX, RIS, CSL-JSON and CSL styles out.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
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
    """Citation export: research-portal pages in; BibTeX, RIS, CSL-JSON and CSL styles out."""


# The command registry: one line per command, in the order --help lists them.
app.command()(export)
app.command()(cite)
app.command()(styles)
app.command()(show)


def main() -> None:
    app()
