"""Output files: the mode a user expects (umask for new files, the old mode for replaced ones), and a
one-line error instead of a crash when -o names a folder or --output-dir names a file."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from citekit import outputs
from citekit.errors import CitekitError

RECORD = Path(__file__).resolve().parents[1] / "records" / "03_vanderwalt_cise_lines.txt"


@contextmanager
def _umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_file_gets_the_umask_mode(tmp_path: Path, mask: int, mode: int) -> None:
    """A new -o file has the mode a plain open() gives under the umask, not a temporary file's 0600."""
    target = tmp_path / "out.bib"
    with _umask(mask):
        outputs.write_file("@misc{a}\n", target)
    assert _mode(target) == mode


def test_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    """Replacing an existing file keeps the mode it had (a shared 0664 file stays 0664)."""
    target = tmp_path / "out.bib"
    target.write_text("old\n")
    target.chmod(0o664)
    with _umask(0o077):
        outputs.write_file("new\n", target)
    assert target.read_text() == "new\n"
    assert _mode(target) == 0o664


def test_output_dir_files_get_the_umask_mode(tmp_path: Path) -> None:
    """Files written one per record into --output-dir also get the umask's mode."""
    with _umask(0o022):
        [path] = outputs.write_folder(tmp_path / "bib", [("a.bib", "@misc{a}\n")])
    assert _mode(path) == 0o644


def test_file_named_as_folder_is_an_error(tmp_path: Path) -> None:
    """-o naming an existing folder is a CitekitError that says what to do, and nothing is written."""
    with pytest.raises(CitekitError, match="is a folder; give -o a file name"):
        outputs.write_file("x", tmp_path)
    assert list(tmp_path.iterdir()) == []


def _citekit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citekit", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_cli_output_to_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    """`export -o some-folder/` exits 2 with one line naming the folder, not an internal error."""
    (tmp_path / "some-folder").mkdir()
    done = _citekit("export", str(RECORD), "-o", "some-folder/", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "citekit: error: some-folder is a folder; give -o a file name, or use --output-dir for one file per record"
    ]


def test_cli_output_dir_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    """`export -d existing-file.bib` exits 2 with one line naming the file, and leaves the file alone."""
    (tmp_path / "existing-file.bib").write_text("keep\n")
    done = _citekit("export", str(RECORD), "-d", "existing-file.bib", cwd=tmp_path)
    assert done.returncode == 2
    assert "internal error" not in done.stderr
    assert "existing-file.bib is a file, not a folder" in done.stderr
    assert (tmp_path / "existing-file.bib").read_text() == "keep\n"


def test_output_ending_in_a_slash_is_a_folder_that_does_not_exist_yet(tmp_path: Path) -> None:
    """`-o new-folder/` (no such folder yet) is a usage error, one line, and writes nothing: it
    was written as the file `new-folder`."""
    done = _citekit("export", str(RECORD), "-o", "new-folder/", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "citekit: error: new-folder/ names a folder; give -o a file name, or use --output-dir for one file per record"
    ]
    assert list(tmp_path.iterdir()) == []
