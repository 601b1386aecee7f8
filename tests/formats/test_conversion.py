"""Telling formats apart by suffix and content, --from, and the converter's command-line options."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from citekit.cli import app
from citekit.formats import sniff
from tests.conftest import RECORDS

runner = CliRunner()
BIB = '@article{k, author = {M{\\"u}ller, J{\\"o}rg}, title = {Title}, journal = {J}, year = 2020}\n'
RIS = "TY  - JOUR\nAU  - Müller, Jörg\nTI  - Title\nT2  - J\nPY  - 2020\nER  - \n"
JSON = '[{"id": "k", "type": "article-journal", "title": "Title", "author": [{"family": "Müller"}]}]'


def test_content_tells_the_format() -> None:
    """BibTeX, RIS, CSL-JSON and portal text are recognised from their content (a BOM allowed)."""
    assert sniff(BIB).name == "bibtex"
    assert sniff("% comment\n" + BIB).name == "bibtex"
    assert sniff("\ufeff" + RIS).name == "ris"
    assert sniff(JSON).name == "csljson"
    assert sniff((RECORDS / "03_vanderwalt_cise_lines.txt").read_text(encoding="utf-8")).name == "portal"


def test_stdin_is_read_in_the_format_its_content_shows() -> None:
    """Piped BibTeX, RIS or CSL-JSON converts without naming its format."""
    for text in (BIB, RIS, JSON):
        result = runner.invoke(app, ["export", "-", "-f", "csljson"], input=text)
        assert result.exit_code == 0, result.output
        assert '"title": "Title"' in result.stdout


def test_odd_suffix_is_sniffed_and_from_forces(tmp_path: Path) -> None:
    """A .txt holding RIS is read as RIS; --from forces a format whatever the file looks like."""
    odd = tmp_path / "export.txt"
    odd.write_text(RIS, encoding="utf-8")
    result = runner.invoke(app, ["export", str(odd), "-f", "bibtex"])
    assert result.exit_code == 0 and "title = {Title}" in result.stdout
    forced = runner.invoke(app, ["export", str(odd), "--from", "bibtex", "-f", "csljson"])
    assert forced.exit_code != 0


def test_biblatex_and_ascii_options() -> None:
    """--format biblatex writes BibLaTeX; --ascii writes accents as LaTeX commands."""
    result = runner.invoke(app, ["export", "-", "-f", "biblatex", "--ascii"], input=RIS)
    assert result.exit_code == 0, result.output
    assert "journaltitle = {J}" in result.stdout and "date = {2020}" in result.stdout
    assert 'M{\\"u}ller, J{\\"o}rg' in result.stdout
    assert result.stdout.isascii()


def test_loss_report_on_stderr_and_report_lists_all(tmp_path: Path) -> None:
    """Dropped fields are warnings on stderr: five records and a count, or every record with --report."""
    items = ",".join(
        f'{{"id": "r{i}", "type": "paper-conference", "title": "T", "event-title": "Conf {i}"}}'
        for i in range(7)
    )
    source = tmp_path / "items.json"
    source.write_text(f"[{items}]", encoding="utf-8")
    short = runner.invoke(app, ["export", str(source), "-f", "bibtex"])
    assert short.exit_code == 0
    lines = short.stderr.splitlines()
    assert len(lines) == 6 and "r0: BibTeX cannot carry event-title" in lines[0]
    assert "2 more record(s)" in lines[-1]
    full = runner.invoke(app, ["export", str(source), "-f", "bibtex", "--report"])
    assert len(full.stderr.splitlines()) == 7
    quiet = runner.invoke(app, ["export", str(source), "-f", "csljson"])
    assert quiet.stderr == ""


def test_broken_entry_exports_the_rest_with_exit_1(tmp_path: Path) -> None:
    """A malformed BibTeX entry mid-file: one error line naming file and line, the rest exported."""
    source = tmp_path / "refs.bib"
    source.write_text("@misc{a, title={A}}\n@misc{b,\n title = {B\n@misc{c, title={C}}\n", encoding="utf-8")
    result = runner.invoke(app, ["export", str(source), "-f", "ris"])
    assert result.exit_code == 1
    assert result.stdout.count("TY  - ") == 2
    [line] = [x for x in result.stderr.splitlines() if "error" in x]
    assert f"{source}:2:" in line
