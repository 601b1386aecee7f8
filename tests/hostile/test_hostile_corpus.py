"""The hostile corpus through the real command line: every file in tests/hostile/inputs is exported
and must give the outcome manifest.json names (exit code, messages, data), and never a traceback.

Cases marked ``subprocess`` run ``python -m citekit export`` (the installed entry point, real
stdout and stderr bytes); the rest run through Typer's test runner, which is faster."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from citekit.cli import app

HERE = Path(__file__).resolve().parent
INPUTS = HERE / "inputs"
MANIFEST: dict[str, dict[str, Any]] = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
EXIT_CODES = {"exported": 0, "warnings": 0, "partial": 1, "error": 2}
# Warnings citekit gives about the output format, not about the input.
LOSS_REPORT = ("cannot carry", "--report lists them all")


def _run(name: str, args: list[str], subprocess_case: bool) -> tuple[int, str, str]:
    command = ["export", str(INPUTS / name), *args]
    if subprocess_case:
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
        proc = subprocess.run(
            [sys.executable, "-m", "citekit", *command], capture_output=True, env=env, check=False
        )
        return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    result = CliRunner().invoke(app, command, env={"NO_COLOR": "1", "COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def test_corpus_is_large_and_every_file_has_an_expectation() -> None:
    """At least 60 hostile inputs, each listed in the manifest, and no manifest entry without a file."""
    files = sorted(p.name for p in INPUTS.iterdir())
    assert len(files) >= 60
    assert files == sorted(MANIFEST)
    assert {case["outcome"] for case in MANIFEST.values()} == set(EXIT_CODES)


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_hostile_input(name: str, tmp_path: Path) -> None:
    """The file gives its expected outcome: exit code, messages naming it, the data it should (not)
    hold, files written or not, and never a traceback or an internal error."""
    case = MANIFEST[name]
    args = [a.replace("{out}", str(tmp_path)) for a in case.get("args", ["-f", "csljson"])]
    code, stdout, stderr = _run(name, args, bool(case.get("subprocess")))
    report = f"exit {code}\n--- stdout\n{stdout[:3000]}\n--- stderr\n{stderr[:3000]}"
    assert "Traceback" not in stderr and "internal error" not in stderr, report
    assert code == EXIT_CODES[case["outcome"]], report
    messages = [line for line in stderr.splitlines() if not any(s in line for s in LOSS_REPORT)]
    assert all(line.startswith("citekit: ") for line in messages), report
    if case["outcome"] == "exported":
        assert not messages, report
    elif case["outcome"] == "warnings":
        assert messages and all(line.startswith(f"citekit: warning: {INPUTS / name}") for line in messages), (
            report
        )
    elif case["outcome"] == "partial":
        assert any(line.startswith(f"citekit: error: {INPUTS / name}:") for line in messages), report
    else:
        assert any(line.startswith("citekit: error: ") for line in messages) and not stdout, report
    for text in case.get("stderr", []):
        assert text in stderr, report
    for text in case.get("stdout", []):
        assert text in stdout, report
    for text in case.get("stdout_not", []):
        assert text not in stdout, report
    if "records" in case and args[:2] == ["-f", "csljson"]:
        assert len(json.loads(stdout) if stdout else []) == case["records"], report
    if "outdir" in case:
        written = sorted(p.relative_to(tmp_path / "dir").as_posix() for p in (tmp_path / "dir").rglob("*"))
        assert written == case["outdir"], report
        assert sorted(p.name for p in tmp_path.iterdir()) == ["dir"], report
    for missing in case.get("absent", []):
        assert not (tmp_path / missing).exists(), report
