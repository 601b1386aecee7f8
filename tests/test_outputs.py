"""citekit.outputs: atomic writes, and file names from citation keys that cannot leave their folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citekit import outputs
from citekit.cli import app
from citekit.errors import CitekitError

runner = CliRunner()


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("smith2020", "smith2020"),
        ("../../evil", "evil"),
        ("/etc/passwd", "etc_passwd"),
        ("..", "record"),
        (".hidden", "hidden"),
        ("-rf", "rf"),
        ("CON", "_CON"),
        ("aux.old", "_aux.old"),
        ("müller2019", "muller2019"),
        ("a b\\c:d", "a_b_c_d"),
        ("x" * 300, "x" * 100),
        ("", "record"),
    ],
)
def test_safe_name(key: str, name: str) -> None:
    """Keys become plain ASCII file names: no folders, no hidden files, no options, no device names."""
    assert outputs.safe_name(key) == name


def test_file_names_never_clash_even_without_case() -> None:
    """Keys that differ only in case, or that sanitise to the same name, get numbered names."""
    assert outputs.file_names(["Smith", "smith", "smith", "a/b", "a:b"], ".bib") == [
        "Smith.bib",
        "smith-2.bib",
        "smith-3.bib",
        "a_b.bib",
        "a_b-2.bib",
    ]


def test_write_folder_refuses_a_name_that_leaves_the_folder(tmp_path: Path) -> None:
    """write_folder checks every name itself: a path with a folder in it is an error and nothing is written."""
    with pytest.raises(CitekitError, match="outside"):
        outputs.write_folder(tmp_path / "out", [("../escaped.bib", "x")])
    assert not (tmp_path / "escaped.bib").exists()


def test_output_dir_names_from_hostile_keys_stay_in_the_folder(tmp_path: Path) -> None:
    """CSL-JSON ids such as ../../evil or /etc/passwd become files inside --output-dir, and only there."""
    items = [
        {"id": key, "type": "book", "title": f"T{n}", "issued": {"date-parts": [[2000 + n]]}}
        for n, key in enumerate(["../../evil", "/etc/passwd", "CON", ".hidden", "Smith", "smith"])
    ]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(items), encoding="utf-8")
    out = tmp_path / "deep" / "out"
    result = runner.invoke(app, ["export", str(source), "-f", "ris", "--output-dir", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["evil.ris", "etc_passwd.ris", "_CON.ris", "hidden.ris", "Smith.ris", "smith-2.ris"]
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep", "in.json"]
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]


def test_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If writing fails half way, the target keeps its old content and no temporary file is left."""
    target = tmp_path / "refs.bib"
    target.write_text("old\n", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        outputs.write_file("new\n" * 1000, target)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["refs.bib"]


def test_missing_output_folder_is_a_one_line_error(tmp_path: Path) -> None:
    """-o into a folder that does not exist: exit 2 and a message saying what to do."""
    from tests.conftest import RECORDS

    result = runner.invoke(app, ["export", str(RECORDS), "-o", str(tmp_path / "nope" / "refs.bib")])
    assert result.exit_code == 2
    assert "no such folder; create it or choose another output" in result.stderr
