"""No data loss: inputs are opened read-only and never changed, a failing export leaves an existing
output file whole, --strict writes nothing, and a partial failure exports every good record and names
every bad one with file and line."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from typer.testing import CliRunner

from citekit.cli import app


def _good(n: int) -> str:
    return f"@article{{a{n}, title = {{Record {n}}}, year = {{2020}}}}\n"


def _library(broken_lines: tuple[int, ...] = ()) -> str:
    lines = []
    for n in range(1, 7):
        lines.append("@article{bad, title {x}}\n" if n in broken_lines else _good(n))
    return "".join(lines)


def test_inputs_are_read_only_and_unchanged(tmp_path: Path) -> None:
    """A read-only input in a read-only folder exports, and its bytes and times are untouched."""
    folder = tmp_path / "in"
    folder.mkdir()
    source = folder / "refs.bib"
    source.write_text(_library(), encoding="utf-8")
    before = (source.read_bytes(), source.stat().st_mtime_ns)
    source.chmod(stat.S_IRUSR)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = CliRunner().invoke(
            app, ["export", str(source), "-f", "ris", "-o", str(tmp_path / "out.ris")]
        )
    finally:
        folder.chmod(stat.S_IRWXU)
        source.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert result.exit_code == 0, result.stderr
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before
    assert (tmp_path / "out.ris").read_text(encoding="utf-8").count("TY  - ") == 6


def test_partial_failure_exports_every_good_record_and_names_every_bad_one(tmp_path: Path) -> None:
    """Two broken entries among six: four records exported, both broken ones named by file and line,
    exit code 1."""
    source = tmp_path / "refs.bib"
    source.write_text(_library(broken_lines=(2, 5)), encoding="utf-8")
    result = CliRunner().invoke(app, ["export", str(source), "-f", "csljson"])
    assert result.exit_code == 1
    assert [item["id"] for item in json.loads(result.stdout)] == ["a1", "a3", "a4", "a6"]
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert [line.split(": ")[2].split(":")[1] for line in errors] == ["2", "5"], result.stderr


def test_strict_fails_before_writing_and_keeps_the_old_output(tmp_path: Path) -> None:
    """With --strict, one bad entry means exit 2 and the existing -o file is left byte for byte."""
    source = tmp_path / "refs.bib"
    source.write_text(_library(broken_lines=(3,)), encoding="utf-8")
    out = tmp_path / "out.bib"
    out.write_text("precious old output\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["export", str(source), "-f", "bibtex", "--strict", "-o", str(out)])
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "precious old output\n"
    assert sorted(os.listdir(tmp_path)) == ["out.bib", "refs.bib"]  # no temporary file left behind


def test_strict_writes_no_output_folder(tmp_path: Path) -> None:
    """With --strict and --output-dir, a problem means the folder is never created."""
    source = tmp_path / "refs.bib"
    source.write_text(_library(broken_lines=(1,)), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["export", str(source), "-f", "ris", "--strict", "--output-dir", str(tmp_path / "out")]
    )
    assert result.exit_code == 2 and not (tmp_path / "out").exists()


def test_output_dir_keys_never_leave_the_folder(tmp_path: Path) -> None:
    """Keys that name parent folders, absolute paths, hidden files or devices become plain file names
    inside --output-dir."""
    keys = ["../../escape", "/etc/cron.d/x", ".hidden", "con", "a/../../b", "..", "C:\\\\win"]
    items = [{"id": k, "type": "book", "title": k} for k in keys]
    source = tmp_path / "items.json"
    source.write_text(json.dumps(items), encoding="utf-8")
    out = tmp_path / "deep" / "out"
    result = CliRunner().invoke(app, ["export", str(source), "-f", "csljson", "--output-dir", str(out)])
    assert result.exit_code == 0, result.stderr
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == len(keys) and all(p.parent == out for p in out.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep", "items.json"]
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]
    assert not any(name.startswith(".") for name in written)
