"""Names a user types (citekit/choosing.py): the output format from -o's suffix, data-format aliases
before styles, the nearest names suggested for a typo, and option values in any case."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from citekit.cli import app
from tests.conftest import RECORDS

runner = CliRunner()
PAGE = str(RECORDS / "03_vanderwalt_cise_lines.txt")


def one_error_line(result: object) -> str:
    """The single stderr line of a usage error (exit 2, nothing on stdout)."""
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    assert result.stdout == ""  # type: ignore[attr-defined]
    lines = result.stderr.splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and lines[0].startswith("citekit: error: "), lines
    return str(lines[0])


@pytest.mark.parametrize(
    ("name", "first_line"),
    [("out.ris", "TY  - JOUR"), ("out.json", "["), ("out.bib", "@article{"), ("out.biblatex", "@article{")],
)
def test_the_output_suffix_names_the_format_when_f_is_not_given(
    tmp_path: Path, name: str, first_line: str
) -> None:
    """`-o out.ris` without -f writes RIS (not BibTeX), and citekit reads its own file back."""
    out = tmp_path / name
    done = runner.invoke(app, ["export", PAGE, "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert out.read_text(encoding="utf-8").startswith(first_line)
    back = runner.invoke(app, ["export", str(out), "-f", "csljson"])
    assert back.exit_code == 0, back.output
    assert "efficient numerical computation" in back.stdout


def test_a_suffix_with_no_format_of_its_own_gets_bibtex(tmp_path: Path) -> None:
    """`-o refs.txt` without -f is BibTeX, as with no -o (any text may end in .txt)."""
    out = tmp_path / "refs.txt"
    assert runner.invoke(app, ["export", PAGE, "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("@article{")


@pytest.mark.parametrize(
    ("fmt", "name", "said"),
    [
        ("bibtex", "out.ris", "names a RIS file, but -f bibtex writes BibTeX; name the file out.bib"),
        ("apa", "out.bib", "names a BibTeX file, but -f apa writes apa references"),
        ("ris", "out.json", "names a CSL-JSON file, but -f ris writes RIS"),
    ],
)
def test_a_suffix_contradicting_f_is_a_usage_error(tmp_path: Path, fmt: str, name: str, said: str) -> None:
    """-f and a suffix naming another data format: one line, exit 2, and no file written."""
    out = tmp_path / name
    line = one_error_line(runner.invoke(app, ["export", PAGE, "-f", fmt, "-o", str(out)]))
    assert said in line
    assert not out.exists()


def test_biblatex_in_a_bib_file_and_styles_in_text_files_are_fine(tmp_path: Path) -> None:
    """BibLaTeX is read from .bib files by the same reader, and references go to .txt/.html: no error."""
    for fmt, name in (("biblatex", "refs.bib"), ("apa", "refs.txt"), ("apa", "refs.html")):
        done = runner.invoke(app, ["export", PAGE, "-f", fmt, "-o", str(tmp_path / name)])
        assert done.exit_code == 0, (fmt, name, done.output)


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("harvad", "harvard"),
        ("bibtext", "bibtex"),
        ("apa7", "apa"),
        ("vancover", "vancouver"),
        ("risx", "ris"),
        ("csljsn", "csljson"),
    ],
)
def test_an_unknown_format_or_style_suggests_the_nearest_names(typed: str, suggested: str) -> None:
    """A typo in -f is a usage error that names the nearest formats and styles."""
    line = one_error_line(runner.invoke(app, ["export", PAGE, "-f", typed]))
    assert f"unknown format or style {typed!r}; did you mean {suggested}" in line


def test_endnote_is_pointed_at_ris() -> None:
    """-f endnote says that citekit writes RIS, which EndNote imports."""
    line = one_error_line(runner.invoke(app, ["export", PAGE, "-f", "endnote"]))
    assert "use -f ris" in line


@pytest.mark.parametrize(("alias", "start"), [("json", "["), ("csl-json", "["), ("bib", "@article{")])
def test_data_format_aliases_are_formats_not_styles(alias: str, start: str) -> None:
    """-f json, csl-json and bib write the data format they name."""
    done = runner.invoke(app, ["export", PAGE, "-f", alias])
    assert done.exit_code == 0, done.output
    assert done.stdout.startswith(start)


def test_f_bib_writes_bibtex_even_where_a_folder_bib_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder called bib/ (the README's -d bib/ makes one) does not turn -f bib into a style file."""
    (tmp_path / "bib").mkdir()
    monkeypatch.chdir(tmp_path)
    done = runner.invoke(app, ["export", PAGE, "-f", "bib"])
    assert done.exit_code == 0, done.output
    assert done.stdout.startswith("@article{")


@pytest.mark.parametrize(
    "args",
    [
        ["export", PAGE, "-f", "APA"],
        ["export", PAGE, "-f", "BibTeX"],
        ["export", PAGE, "-f", "JSON"],
        ["export", PAGE, "-f", "apa", "--markup", "HTML"],
        ["export", PAGE, "-f", "apa", "--locale", "EN-gb"],
        ["export", PAGE, "--from", "PORTAL"],
        ["check", PAGE, "-f", "JSON"],
        ["formats", "-f", "JSON"],
        ["cite", "vanderwalt2011numpy", "-i", PAGE, "--style", "Vancouver", "--markup", "Text"],
    ],
)
def test_option_values_are_read_in_any_case(args: list[str]) -> None:
    """Every option value is case-insensitive: formats, styles, markups, locales, check's and formats' -f."""
    done = runner.invoke(app, args)
    assert done.exit_code == 0, done.output


def test_a_locale_is_written_in_its_usual_case() -> None:
    """--locale en-gb renders as en-GB does (British dates), not as the default."""
    gb = runner.invoke(app, ["export", PAGE, "-f", "vancouver", "--locale", "en-gb"])
    assert gb.stdout == runner.invoke(app, ["export", PAGE, "-f", "vancouver", "--locale", "en-GB"]).stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["export", PAGE, "-f", "apa", "--locale", "de-DX"], "did you mean de-DE"),
        (["export", PAGE, "-f", "apa", "--markup", "htm"], "unknown markup 'htm'; did you mean html"),
        (["export", PAGE, "--from", "bibtexx"], "unknown input format 'bibtexx'; did you mean bibtex"),
        (["check", PAGE, "-f", "jsno"], "unknown output format 'jsno'; did you mean json"),
        (["formats", "-f", "tex"], "unknown output format 'tex'; did you mean text"),
        (["styles", "vancuver"], "no style matches 'vancuver'; did you mean vancouver"),
        (["exprot", PAGE], "No such command 'exprot'. Did you mean 'export'?"),
        (["export", PAGE, "--stirct"], "No such option: --stirct (Possible options: --strict)"),
    ],
)
def test_every_unknown_name_suggests_the_nearest(args: list[str], said: str) -> None:
    """Locales, markups, input formats, output formats, styles, commands and options: a typo is one
    line with exit 2 that names what was meant."""
    assert said in one_error_line(runner.invoke(app, args))


def test_a_locale_region_that_does_not_exist_is_refused() -> None:
    """--locale en-UK names no locale: it is refused with en-GB suggested, not rendered as en-US."""
    line = one_error_line(runner.invoke(app, ["export", PAGE, "-f", "apa", "--locale", "en-UK"]))
    assert "unknown locale 'en-UK'; did you mean" in line and "en-GB" in line
    assert runner.invoke(app, ["export", PAGE, "-f", "apa", "--locale", "de"]).exit_code == 0
