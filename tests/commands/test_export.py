"""The export command: every format, inputs from files, folders and stdin, errors and exit codes."""

from __future__ import annotations

import json
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
    """citekit export records/ succeeds (exit 0) in all five formats; stderr holds only the loss report."""
    result = runner.invoke(app, ["export", str(RECORDS), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    losses = ("cannot carry", "lost fields; --report lists them all")
    assert all(any(s in line for s in losses) for line in result.stderr.splitlines()), result.stderr


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
    assert "unknown format or style 'no-such-style'" in result.stderr


def test_version_and_module_entry_point() -> None:
    """`python -m citekit --version` prints the version."""
    proc = subprocess.run(
        [sys.executable, "-m", "citekit", "--version"], capture_output=True, text=True, check=True
    )
    assert proc.stdout.startswith("citekit ")


def test_output_dir_writes_one_file_per_record(tmp_path: Path) -> None:
    """--output-dir writes one BibTeX file per record, named by its key, each holding that record only."""
    out = tmp_path / "bib"
    result = runner.invoke(app, ["export", str(RECORDS), "-f", "bibtex", "--output-dir", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    files = sorted(out.iterdir())
    assert len(files) == len(list(RECORDS.iterdir()))
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert path.suffix == ".bib"
        assert text.count("@") == 1
        assert text.startswith("@") and "{" + path.stem + "," in text


def test_output_dir_with_a_style(tmp_path: Path) -> None:
    """--output-dir with a style writes one reference per .txt file."""
    out = tmp_path / "apa"
    result = runner.invoke(
        app, ["export", str(RECORDS / "04_braun_clarke_2006_colon.txt"), "-f", "apa", "-d", str(out)]
    )
    assert result.exit_code == 0, result.output
    (only,) = out.iterdir()
    assert only.suffix == ".txt"
    assert only.read_text(encoding="utf-8").startswith("Braun, V., & Clarke, V. (2006).")


def test_output_and_output_dir_together_is_a_usage_error(tmp_path: Path) -> None:
    """-o and --output-dir cannot both be given: exit 2 and nothing written."""
    result = runner.invoke(
        app, ["export", str(RECORDS), "-o", str(tmp_path / "a.bib"), "-d", str(tmp_path / "d")]
    )
    assert result.exit_code == 2
    assert "not both" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_output_naming_an_input_is_refused(tmp_path: Path) -> None:
    """-o pointing at one of the inputs is refused (exit 2) and the input is left as it was."""
    page = tmp_path / "page.txt"
    original = (RECORDS / "04_braun_clarke_2006_colon.txt").read_bytes()
    page.write_bytes(original)
    result = runner.invoke(app, ["export", str(page), "-o", str(page)])
    assert result.exit_code == 2
    assert "is one of the inputs" in result.stderr
    assert page.read_bytes() == original


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    """Exporting to every format leaves the input files byte for byte and time for time unchanged."""
    page = tmp_path / "page.txt"
    page.write_bytes((RECORDS / "03_vanderwalt_cise_lines.txt").read_bytes())
    before = (page.read_bytes(), page.stat().st_mtime_ns)
    for fmt in FORMATS:
        runner.invoke(app, ["export", str(page), "-f", fmt, "-o", str(tmp_path / f"out.{fmt}")])
    assert (page.read_bytes(), page.stat().st_mtime_ns) == before


def test_strict_fails_before_writing_and_keeps_the_old_file(tmp_path: Path) -> None:
    """--strict with a bad input exits 2 and leaves an existing -o file exactly as it was."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_text("not a record\n", encoding="utf-8")
    (tmp_path / "in" / "good.txt").write_bytes((RECORDS / "04_braun_clarke_2006_colon.txt").read_bytes())
    out = tmp_path / "refs.bib"
    out.write_text("% my old file\n", encoding="utf-8")
    result = runner.invoke(app, ["export", str(tmp_path / "in"), "--strict", "-o", str(out)])
    assert result.exit_code == 2
    assert "--strict given; nothing was written" in result.stderr
    assert out.read_text(encoding="utf-8") == "% my old file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "refs.bib"]
    loose = runner.invoke(app, ["export", str(tmp_path / "in"), "-o", str(out)])
    assert loose.exit_code == 1
    assert out.read_text(encoding="utf-8").startswith("@article{")


def test_quiet_hides_warnings_but_not_errors(tmp_path: Path) -> None:
    """--quiet drops warnings from stderr; an error still shows, and the exit code is unchanged."""
    page = tmp_path / "page.txt"
    page.write_text("A study of things\nResearch output: Contribution to journal › Article\nJane Doe\n")
    loud = runner.invoke(app, ["export", str(page)])
    quiet = runner.invoke(app, ["export", str(page), "--quiet"])
    assert "warning" in loud.stderr
    assert quiet.stderr == ""
    assert quiet.exit_code == loud.exit_code == 0
    assert quiet.stdout == loud.stdout
    (tmp_path / "bad.txt").write_text("eggs\n", encoding="utf-8")
    both = runner.invoke(app, ["export", str(tmp_path), "-q"])
    assert both.exit_code == 1
    assert both.stderr.count("\n") == 1 and "error" in both.stderr


def test_verbose_says_what_was_read_and_written(tmp_path: Path) -> None:
    """--verbose adds notes on stderr about what was read and where it was written."""
    out = tmp_path / "refs.ris"
    result = runner.invoke(app, ["export", str(RECORDS), "-f", "ris", "-o", str(out), "--verbose"])
    assert result.exit_code == 0
    count = len(list(RECORDS.iterdir()))
    assert f"read {count} record(s) from {count} input(s)" in result.stderr
    assert f"wrote {count} record(s) to {out}" in result.stderr


def test_debug_shows_the_traceback() -> None:
    """--debug lets the error through so that its traceback is printed."""
    plain = subprocess.run(
        [sys.executable, "-m", "citekit", "export", str(RECORDS), "-f", "no-such-style"],
        capture_output=True,
        text=True,
        check=False,
    )
    debug = subprocess.run(
        [sys.executable, "-m", "citekit", "export", str(RECORDS), "-f", "no-such-style", "--debug"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in plain.stderr and plain.returncode == 2
    assert "Traceback (most recent call last)" in debug.stderr
    assert "StyleError" in debug.stderr or "UnknownFormatError" in debug.stderr
    assert debug.returncode != 0


def test_record_text_is_printed_literally_into_a_pipe(tmp_path: Path) -> None:
    """A title holding rich markup and an escape sequence comes out of a pipe exactly as data."""
    page = tmp_path / "page.txt"
    text = (RECORDS / "04_braun_clarke_2006_colon.txt").read_text(encoding="utf-8")
    title = "Using thematic analysis in psychology"
    assert title in text
    page.write_text(text.replace(title, "[bold]Thematic[/bold] \x1b[31mred\x1b[0m"), encoding="utf-8")
    result = runner.invoke(app, ["export", str(page), "-f", "csljson"])
    assert result.exit_code == 0, result.output
    assert "[bold]Thematic[/bold]" in result.stdout


def test_locale_changes_the_terms_of_a_style() -> None:
    """--locale de-DE gives German terms (und, S., Verfügbar unter) where en-GB gives English ones."""
    page = str(RECORDS / "04_braun_clarke_2006_colon.txt")
    english = runner.invoke(app, ["export", page, "-f", "harvard", "-l", "en-GB", "-q"])
    german = runner.invoke(app, ["export", page, "-f", "harvard", "--locale", "de-DE", "-q"])
    assert english.exit_code == german.exit_code == 0
    assert "Braun, V. and Clarke, V." in english.stdout
    assert "Braun, V. und Clarke, V." in german.stdout and "Verfügbar unter" in german.stdout


def test_markup_html_and_markdown_and_an_unknown_markup() -> None:
    """--markup html wraps each entry and escapes &; markdown italicises; another markup is a usage error."""
    page = str(RECORDS / "03_vanderwalt_cise_lines.txt")
    html = runner.invoke(app, ["export", page, "-f", "apa", "--markup", "html", "-q"])
    assert html.stdout.startswith('<div class="csl-entry">')
    assert "<i>Computing in Science &#38; Engineering</i>" in html.stdout
    markdown = runner.invoke(app, ["export", page, "-f", "apa", "--markup", "markdown", "-q"])
    assert "*Computing in Science & Engineering*" in markdown.stdout
    bad = runner.invoke(app, ["export", page, "-f", "apa", "--markup", "rtf"])
    assert bad.exit_code == 2 and "unknown markup 'rtf'" in bad.stderr


def test_from_reads_a_file_whatever_its_suffix(tmp_path: Path) -> None:
    """--from csljson reads CSL-JSON from a file whose suffix says nothing, for export and check alike."""
    data = runner.invoke(app, ["export", str(RECORDS / "03_vanderwalt_cise_lines.txt"), "-f", "csljson"])
    odd = tmp_path / "records.dat"
    odd.write_text(data.stdout, encoding="utf-8")
    again = runner.invoke(app, ["export", str(odd), "--from", "csljson", "-f", "csljson"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout) == json.loads(data.stdout)
    checked = runner.invoke(app, ["check", str(odd), "--from", "csljson", "--verbose"])
    assert checked.exit_code == 0
    assert "checked 1 record(s) from 1 input(s)" in checked.stderr
