"""Options every command shares, declared once so that they read and behave the same everywhere."""

from __future__ import annotations

from typing import Annotated

import typer


def complete_format(incomplete: str) -> list[str]:
    """Shell completion for ``--format``: the data formats citekit writes and the short style names."""
    from citekit import formats
    from citekit.csl.style.find import aliases

    names = [f.name for f in formats.FORMATS.values() if f.writable] + sorted(aliases())
    return [name for name in names if name.startswith(incomplete.lower())]


Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only: no warnings, no progress.")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Also say what was read and written.")]
Debug = Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.")]
Strict = Annotated[
    bool, typer.Option("--strict", help="Treat any problem, even a warning, as failure; write nothing.")
]
FromFormat = Annotated[
    str | None,
    typer.Option("--from", metavar="FORMAT", help="Read inputs as this format instead of going by suffix."),
]
Inputs = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, folders (read recursively) or - for stdin. Default: stdin.",
        show_default=False,
        metavar="INPUT",
    ),
]

Raw = Annotated[
    bool,
    typer.Option(
        "--raw", help="Keep the text as the page gives it: no clean-up of capitals, hyphens, spaces."
    ),
]
