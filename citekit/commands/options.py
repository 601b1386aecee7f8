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
        metavar="[INPUT]...",
    ),
]

Example = Annotated[
    bool,
    typer.Option(
        "--example", help="Read the sample records that come with citekit (try citekit out from any folder)."
    ),
]


def inputs_or_stdin(
    inputs: list[str] | None, example: bool, command: str, url_list: bool = False
) -> list[str]:
    """What a command reads: its inputs, the bundled samples with --example, or stdin when piped;
    nothing more when only a list of web addresses (``url_list``: export's --urls) is given."""
    import sys

    from citekit.boundary import fail

    if example:
        from citekit import samples

        return [*(inputs or []), str(samples.folder())]
    if not inputs and url_list:
        return []
    if not inputs and sys.stdin.isatty():
        fail(
            f"no input given; name files or folders, pipe records into `citekit {command} -`, or try --example"
        )
    return inputs or ["-"]


Raw = Annotated[
    bool,
    typer.Option(
        "--raw", help="Keep the text as the page gives it: no clean-up of capitals, hyphens, spaces."
    ),
]

# Fetching pages (export's web addresses) and harvesting repositories.
Mailto = Annotated[
    str | None,
    typer.Option(
        "--mailto",
        metavar="EMAIL",
        help="Contact address sent to servers in the User-Agent (default: $CITEKIT_MAILTO).",
    ),
]
Refresh = Annotated[
    bool, typer.Option("--refresh", help="Fetch again instead of using the cache of earlier runs.")
]
