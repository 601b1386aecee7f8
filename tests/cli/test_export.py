"""The export command: every format, inputs from files, folders and stdin, errors and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citekit.cli import app
from tests.conftest import GOLDEN, RECORDS

runner = CliRunner()
FORMATS = ("bibtex", "ris", "csljson", "apa", "vancouver")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_sample_record_exports_to_every_format(fmt: str) -> None:
    """citekit export records/ succeeds (exit 0) in all five formats, with no message on stderr."""
    result = runner.invoke(app, ["export", str(RECORDS), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    assert result.stderr == ""


def test_export_prints_exactly_the_golden_bibtex() -> None:
    """stdout is the data and nothing else."""
    result = runner.invoke(app, ["export", str(RECORDS), "-f", "bibtex"])
    assert result.stdout == (GOLDEN / "records.bib").read_text(encoding="utf-8")


def test_stdin_input() -> None:
    """`-` reads a record from stdin."""
    text = (RECORDS / "04_braun_clarke_2006_colon.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["export", "-", "--format", "apa"], input=text)
    assert result.exit_code == 0
    assert result.stdout.startswith("Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology.")


def test_output_file(tmp_path: Path) -> None:
    """-o writes the output to a file and nothing to stdout."""
    out = tmp_path / "out.ris"
    result = runner.invoke(app, ["export", str(RECORDS), "-f", "ris", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == (GOLDEN / "records.ris").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["out.ris"]


def test_not_a_record_is_one_line_error_naming_the_file(tmp_path: Path) -> None:
    """A file that is not a record: one line on stderr naming it, exit 2, no traceback."""
    bad = tmp_path / "shopping.txt"
    bad.write_text("eggs\nmilk\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "citekit", "export", str(bad), "--format", "bibtex"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"citekit: error: {bad}:1: no research-portal fields found")
    assert "Traceback" not in proc.stderr


def test_good_records_survive_a_bad_file(tmp_path: Path) -> None:
    """With one bad file among good ones, the good records are exported and the exit code is 1."""
    (tmp_path / "bad.txt").write_text("not a record\n", encoding="utf-8")
    good = RECORDS / "04_braun_clarke_2006_colon.txt"
    (tmp_path / "good.txt").write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["export", str(tmp_path), "-f", "ris"])
    assert result.exit_code == 1
    assert result.stdout.count("TY  - ") == 1
    assert "bad.txt:1:" in result.stderr


def test_missing_file_and_unknown_style() -> None:
    """A missing input and an unknown style are one-line errors with exit 2."""
    result = runner.invoke(app, ["export", "no/such/file.txt"])
    assert result.exit_code == 2
    assert "no/such/file.txt: no such file or folder" in result.stderr
    result = runner.invoke(app, ["export", str(RECORDS), "-f", "no-such-style"])
    assert result.exit_code == 2
    assert "unknown style 'no-such-style'" in result.stderr


def test_version_and_module_entry_point() -> None:
    """`python -m citekit --version` prints the version."""
    proc = subprocess.run(
        [sys.executable, "-m", "citekit", "--version"], capture_output=True, text=True, check=True
    )
    assert proc.stdout.startswith("citekit ")
