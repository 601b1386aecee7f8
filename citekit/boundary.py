"""The one place where library errors become CLI messages and exit codes.

Every message is one line on stderr: what went wrong (naming the file and line when there is one)
and what to do about it. ``--debug`` lets the exception through, so Python prints the traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn

import typer

from citekit.errors import CitekitError, ExitStatus


def fail(message: str, status: ExitStatus = ExitStatus.FAILURE) -> NoReturn:
    """Print one error line on stderr and exit with ``status``."""
    from citekit import console

    console.error(message)
    raise typer.Exit(int(status))


def run(
    debug: bool,
    action: Callable[[], ExitStatus],
    *,
    quiet: bool = False,
    verbose: bool = False,
) -> None:
    """Run a command body: CitekitError -> one line and exit 2; any other exception -> one line
    naming it (a bug); --debug re-raises for the traceback. ``quiet`` hides warnings and progress,
    ``verbose`` shows notes on what was read and written."""
    from citekit import console

    console.configure(quiet=quiet, verbose=verbose)
    try:
        status = action()
    except typer.Exit:
        raise
    except CitekitError as exc:
        if debug:
            raise
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted; no output file was changed")
    except BrokenPipeError:
        # The reader of our stdout went away (`citekit export … | head`): not an error of ours.
        _silence_stdout()
        raise typer.Exit(int(ExitStatus.OK)) from None
    except Exception as exc:
        if debug:
            raise
        fail(
            f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback and report it)"
        )
    raise typer.Exit(int(status))


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush does not complain about the closed pipe."""
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def usage_error(message: str, command_path: str) -> NoReturn:
    """A mistake on the command line: one line, pointing at the command's help, exit 2."""
    fail(f"{message.rstrip('.')}; see `{command_path} --help`", ExitStatus.FAILURE)
