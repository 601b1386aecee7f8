"""The start-up path stays light: `citekit --help` and `--version` import nothing heavy.

Speed itself is measured by bench/startup.py, not here; this checks the cause of speed.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("rich", "pygments", "citeproc", "lxml", "bibtexparser", "pydantic", "httpx", "httpcore", "hishel")


def imported_modules(*args: str) -> set[str]:
    """The modules Python imports to run `citekit ARGS`, from `python -X importtime`."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "citekit", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [line for line in proc.stderr.splitlines() if line.startswith("import time:")]
    return {line.rsplit("|", 1)[1].strip() for line in lines}


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_help_and_version_import_nothing_heavy(args: list[str]) -> None:
    """Neither rich, pygments, citeproc-py, lxml, bibtexparser, pydantic nor httpx/hishel is imported
    by --help/--version."""
    modules = imported_modules(*args)
    assert "citekit.cli" in modules  # the measurement works
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert heavy == []
