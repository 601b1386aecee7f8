"""The house checks: ruff lint, ruff format and mypy --strict are clean."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

CHECKS = {
    "ruff check": [sys.executable, "-m", "ruff", "check", "."],
    "ruff format": [sys.executable, "-m", "ruff", "format", "--check", "."],
    "mypy": [sys.executable, "-m", "mypy"],
}


@pytest.mark.parametrize("name", list(CHECKS))
def test_check_is_clean(name: str) -> None:
    """The code passes the named check with no findings."""
    proc = subprocess.run(CHECKS[name], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
