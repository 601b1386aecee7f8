"""The `citekit` script's entry point: `citekit --version` is answered before the command line is
built (typer and the commands cost most of a start-up); everything else goes to ``citekit.cli``."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from citekit import __version__

        print(f"citekit {__version__}")
        return
    from citekit.cli import main as run

    run()
