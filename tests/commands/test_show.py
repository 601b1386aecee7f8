"""`citekit show` and `--raw`: what was read, field by field, and what was ignored or doubtful."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from citekit.cli import app

runner = CliRunner()
PAGE = """Research portal
An algebra for theoretical genetics
Research output: Thesis › Doctoral Thesis
Fa Peng HUANG
Original language: English
Awarding Institution: Massachusetts Institute of Technology
Supervisors/Advisors: Frank L. Hitchcock
Internal reference: X-17
Award date: 1940
Strange line nobody knows
"""


def test_show_prints_fields_ignored_labels_and_doubts(tmp_path: Path) -> None:
    """show lists each field, the labels read but not used, unknown labels and guessed name splits."""
    page = tmp_path / "thesis.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = runner.invoke(app, ["show", str(page)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "[thesis]" in out
    assert "publisher" in out and "Massachusetts Institute of Technology" in out
    assert "Huang, Fa Peng" in out
    assert "ignored: Supervisors/Advisors: Frank L. Hitchcock" in out
    assert "unknown label 'Internal reference'" in out
    assert "ignored unknown line 'Strange line nobody knows'" in out
    assert "doubtful: author Fa Peng Huang" in out


def test_show_raw_keeps_capitals(tmp_path: Path) -> None:
    """show --raw prints the text as the page gave it."""
    page = tmp_path / "thesis.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = runner.invoke(app, ["show", "--raw", str(page)])
    assert "HUANG, Fa Peng" in result.stdout


def test_show_reports_a_page_without_fields(tmp_path: Path) -> None:
    """A file with no portal fields gives one error line and a failing exit code."""
    page = tmp_path / "notes.txt"
    page.write_text("shopping list\neggs\n", encoding="utf-8")
    result = runner.invoke(app, ["show", str(page)])
    assert result.exit_code == 2
    assert "notes.txt:1: no research-portal fields found" in result.stderr


def test_export_raw_keeps_the_page_text(tmp_path: Path) -> None:
    """export --raw writes names and titles as given; without it they are cleaned."""
    page = tmp_path / "thesis.txt"
    page.write_text(PAGE, encoding="utf-8")
    raw = runner.invoke(app, ["export", "--raw", str(page), "-f", "csljson"])
    clean = runner.invoke(app, ["export", str(page), "-f", "csljson"])
    assert '"family": "HUANG"' in raw.stdout
    assert '"family": "Huang"' in clean.stdout


def test_show_lists_what_the_clean_up_changed(tmp_path: Path) -> None:
    """show names each field the clean-up changed, and the words it changed in running text."""
    page = tmp_path / "page.txt"
    page.write_text(PAGE + "Abstract\nTran-scripts were read for co-production themes.\n", encoding="utf-8")
    out = runner.invoke(app, ["show", str(page)]).stdout
    assert "cleaned: author: 'HUANG, Fa Peng' -> 'Huang, Fa Peng'" in out
    assert "cleaned: abstract: Tran-scripts -> Transcripts" in out
    assert "co-production ->" not in out


def test_show_reads_html_and_bibtex_from_stdin() -> None:
    """show tells a saved HTML page and a BibTeX entry on stdin by their content."""
    page = (Path(__file__).parents[1] / "portal_corpus" / "62_kaplan_meier_definition_list.html").read_text()
    out = runner.invoke(app, ["show", "-"], input=page).stdout
    assert "Kaplan, E. L." in out and "Journal of the American Statistical Association" in out
    bib = "@article{k, author={Knuth, Donald E.}, title={Literate programming}, year={1984}}\n"
    out = runner.invoke(app, ["show", "-"], input=bib).stdout
    assert "Knuth, Donald E." in out and "[article-journal]" in out


def test_show_lists_many_records_as_a_table_and_detail_gives_cards(tmp_path: Path) -> None:
    """Several records are one table row each with their problems counted; --detail shows every card."""
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    sample = Path(__file__).parents[2] / "records" / "03_vanderwalt_cise_lines.txt"
    (tmp_path / "b.txt").write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    table = runner.invoke(app, ["show", str(tmp_path)]).stdout
    assert "first author" in table and "problems" in table
    assert "huang1940algebra" in table and "vanderwalt2011numpy" in table
    assert "doubtful" in table
    assert "ignored: Supervisors" not in table
    cards = runner.invoke(app, ["show", str(tmp_path), "--detail"]).stdout
    assert "ignored: Supervisors/Advisors: Frank L. Hitchcock" in cards
    assert "container-title" in cards and "Computing in Science & Engineering" in cards


def test_show_words_file_errors_as_export_does(tmp_path: Path) -> None:
    """show reads inputs through the same path as export: the same one-line message for a missing file."""
    missing = tmp_path / "nope.txt"
    shown = runner.invoke(app, ["show", str(missing)])
    exported = runner.invoke(app, ["export", str(missing)])
    assert shown.exit_code == 2
    assert f"{missing}: no such file or folder; check the path" in shown.stderr
    assert f"{missing}: no such file or folder; check the path" in exported.stderr
