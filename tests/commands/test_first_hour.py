"""What a new user meets in the first hour (issue 19): --strict as the README says, loss warnings
that say what was lost, reading problems told alike by export, show and check, duplicates and
skipped files mentioned, empty inputs named, and --example."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citekit.cli import app
from tests.conftest import RECORDS

runner = CliRunner()
PAGE = RECORDS / "03_vanderwalt_cise_lines.txt"
BROKEN_BIB = """@article{good2020,
  author = {Doe, Jane},
  title = {A good title},
  journal = {Journal},
  year = {2020}
}

@article{bad2020,
  author = {Roe, R},
  title = {Broken {title,
  year = 2020
}
"""


@pytest.mark.parametrize("fmt", ["ris", "bibtex", "csljson"])
def test_strict_fails_on_a_loss_warning_before_writing(tmp_path: Path, fmt: str) -> None:
    """--strict with a field the output cannot carry: the warning is shown, exit 2, no file written."""
    out = tmp_path / "out.data"
    done = runner.invoke(app, ["export", str(RECORDS), "-f", fmt, "--strict", "-o", str(out)])
    warned = [line for line in done.stderr.splitlines() if line.startswith("citekit: warning:")]
    if fmt == "csljson":  # CSL-JSON carries every field: nothing to stop for
        assert done.exit_code == 0 and out.exists()
        return
    assert done.exit_code == 2, done.output
    assert warned and "cannot carry" in warned[0]
    assert done.stderr.splitlines()[-1].endswith("--strict given; nothing was written")
    assert not out.exists()


def test_strict_fails_on_a_duplicate_and_on_a_folder_export(tmp_path: Path) -> None:
    """A duplicate is a problem for --strict too, and one file per record (-d) is stopped as well."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a.txt", "b.txt"):
        (inputs / name).write_text(PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    done = runner.invoke(
        app, ["export", str(inputs), "-f", "csljson", "--strict", "-d", str(tmp_path / "out")]
    )
    assert done.exit_code == 2
    assert "duplicate of" in done.stderr
    assert not (tmp_path / "out").exists()


def test_strict_with_nothing_wrong_writes(tmp_path: Path) -> None:
    """--strict on records with no problem and nothing lost exports as usual."""
    out = tmp_path / "one.json"
    done = runner.invoke(app, ["export", str(PAGE), "--strict", "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert json.loads(out.read_text(encoding="utf-8"))[0]["id"] == "vanderwalt2011numpy"


def test_number_of_pages_that_is_the_page_ranges_span_is_not_a_loss() -> None:
    """A portal article's page count (9 for pages 22-30) is derivable from the range RIS carries: no warning."""
    done = runner.invoke(app, ["export", str(PAGE), "-f", "ris"])
    assert done.exit_code == 0
    assert done.stderr == ""


def test_a_page_count_that_is_not_the_span_is_still_a_loss(tmp_path: Path) -> None:
    """A count that says more than the range (a book's 320 pages with no range) is reported as lost."""
    data = [{"id": "b", "type": "book", "title": "T", "number-of-pages": "320", "page": "1-20"}]
    source = tmp_path / "b.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    done = runner.invoke(app, ["export", str(source), "-f", "ris"])
    assert "RIS cannot carry number-of-pages" in done.stderr


def test_a_shortened_date_says_which_parts_were_lost() -> None:
    """BibTeX keeping only year and month says the day was left out, and what the date became."""
    done = runner.invoke(app, ["export", str(RECORDS / "02_sandve_ploscb_tabs.txt"), "-f", "bibtex"])
    assert (
        "sandve2013ten: BibTeX cannot carry the day of issued (2013-10-24 is written 2013-10)" in done.stderr
    )
    assert "left out or shortened" not in done.stderr


def test_a_broken_entry_is_a_problem_for_export_show_and_check_alike(tmp_path: Path) -> None:
    """The same error line, and exit 1, from export, show and check; check does not say 'no problems'."""
    bib = tmp_path / "refs.bib"
    bib.write_text(BROKEN_BIB, encoding="utf-8")
    message = f"citekit: error: {bib}:8: skipped a broken entry"
    for command in ("export", "show", "check"):
        done = runner.invoke(app, [command, str(bib)])
        assert done.exit_code == 1, (command, done.output)
        assert any(line.startswith(message) for line in done.stderr.splitlines()), (command, done.stderr)
    checked = runner.invoke(app, ["check", str(bib)])
    assert "no problems" not in checked.stderr
    assert "1 problem(s) reading the inputs" in checked.stderr


def test_export_warns_about_a_duplicate_that_check_reports(tmp_path: Path) -> None:
    """Two copies of one page: export writes both and warns, naming the earlier one, as check does."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    exported = runner.invoke(app, ["export", str(tmp_path), "-f", "csljson"])
    checked = runner.invoke(app, ["check", str(tmp_path)])
    assert exported.exit_code == 0
    assert len(json.loads(exported.stdout)) == 2
    said = f"{tmp_path / 'b.txt'}:1: vanderwalt2011numpyb: duplicate of vanderwalt2011numpya ({tmp_path / 'a.txt'}:1)"
    assert f"citekit: warning: {said}" in exported.stderr
    assert "duplicate of vanderwalt2011numpya" in checked.stdout


@pytest.mark.parametrize("command", ["export", "show", "check"])
def test_skipped_files_in_a_folder_are_listed_with_verbose(tmp_path: Path, command: str) -> None:
    """Files no format reads (.pdf, .yaml) are named with -v; without it nothing is said of them."""
    (tmp_path / "page.txt").write_text(PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    loud = runner.invoke(app, [command, str(tmp_path), "-v"])
    assert f"citekit: info: {tmp_path / 'paper.pdf'}: skipped" in loud.stderr
    assert f"citekit: info: {tmp_path / 'notes.yaml'}: skipped" in loud.stderr
    assert "skipped" not in runner.invoke(app, [command, str(tmp_path)]).stderr


@pytest.mark.parametrize("command", ["export", "show", "check"])
def test_an_empty_input_is_named(tmp_path: Path, command: str) -> None:
    """An empty .bib file is named in a message, not only "no records"."""
    empty = tmp_path / "empty.bib"
    empty.write_text("", encoding="utf-8")
    done = runner.invoke(app, [command, str(empty)])
    assert done.exit_code == 2
    assert f"{empty}: no BibTeX records found in it" in done.stderr


def test_a_folder_with_nothing_to_read_is_named(tmp_path: Path) -> None:
    """A folder holding only files citekit does not read is a one-line error naming it."""
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4\n")
    done = runner.invoke(app, ["export", str(tmp_path)])
    assert done.exit_code == 2
    assert f"{tmp_path}: no file citekit reads is there" in done.stderr


def test_example_exports_the_bundled_samples_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`citekit export --example -f apa` needs no records/ folder: it reads the samples citekit ships."""
    monkeypatch.chdir(tmp_path)
    done = runner.invoke(app, ["export", "--example", "-f", "apa"])
    assert done.exit_code == 0, done.output
    assert len(done.stdout.splitlines()) == len(list(RECORDS.iterdir()))
    assert runner.invoke(app, ["show", "--example"]).exit_code == 0
    assert runner.invoke(app, ["check", "--example"]).exit_code == 0


def test_cite_reads_the_samples_when_there_is_no_records_folder(tmp_path: Path) -> None:
    """`citekit cite KEY` typed at a terminal in a folder without records/ cites the bundled samples."""
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "citekit", "cite", "braun2006using", "braun2012thematic"],
        cwd=str(tmp_path),
        env={**os.environ, "NO_COLOR": "1"},
        encoding="utf-8",
    )
    child.expect(pexpect.EOF, timeout=120)
    child.close()
    assert child.exitstatus == 0, child.before
    assert child.before.strip() == "(Braun & Clarke, 2006, 2012)"


def test_cite_suggests_the_nearest_key() -> None:
    """A mistyped key is a usage error naming the nearest keys read."""
    done = runner.invoke(app, ["cite", "braun2006usin", "-i", str(RECORDS)])
    assert done.exit_code == 2
    assert "no record with key 'braun2006usin'; did you mean braun2006using" in done.stderr
