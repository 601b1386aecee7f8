"""The one place where library errors become CLI messages and exit codes."""

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


def run(debug: bool, action: Callable[[], ExitStatus]) -> None:
    """Run a command body: CitekitError -> one line and exit 2; any other exception -> one line
    naming it (a bug); --debug re-raises for the traceback."""
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
    except Exception as exc:
        if debug:
            raise
        fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
    raise typer.Exit(int(status))
