"""`citekit check` and the lint rules of citekit.lint: each rule, the exit codes and the JSON output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citekit import lint
from citekit.cli import app
from citekit.model import Date, Location, Name, Record
from tests.conftest import RECORDS

runner = CliRunner()


def article(**fields: str) -> Record:
    """A complete journal article; keyword arguments override its fields."""
    base = {
        "title": "The NumPy array",
        "container-title": "Computing in Science & Engineering",
        "page": "22-30",
        "DOI": "10.1109/MCSE.2011.37",
    }
    base.update(fields)
    return Record(
        id="walt2011",
        type="article-journal",
        fields={k: v for k, v in base.items() if v},
        names={"author": (Name(family="van der Walt", given="Stéfan"),)},
        dates={"issued": Date(parts=((2011, 3),))},
        location=Location("refs.txt", 7),
    )


def rules(record: Record) -> list[str]:
    return [f.rule for f in lint.check([record])]


def test_a_complete_record_is_clean() -> None:
    """A complete article with valid identifiers has no findings."""
    assert lint.check([article(ISSN="1521-9615", ISBN="978-0-306-40615-7")]) == []


def test_missing_required_field_names_the_field() -> None:
    """An article without a journal is reported as missing container-title."""
    (finding,) = lint.check([article(**{"container-title": ""})])
    assert finding.rule == "missing-field"
    assert "container-title" in finding.message
    assert str(finding).startswith("refs.txt:7: warning: walt2011: ")


@pytest.mark.parametrize("doi", ["10.1109MCSE", "doi:10.1109/MCSE.2011.37", "10.11/x", "10.1109/ spaced"])
def test_malformed_doi(doi: str) -> None:
    """A DOI that is not 10.NNNN/suffix is an error."""
    assert rules(article(DOI=doi)) == ["doi"]


@pytest.mark.parametrize(
    ("isbn", "ok"),
    [
        ("0-306-40615-2", True),
        ("978-0-306-40615-7", True),
        ("978 0 306 40615 7", True),
        ("0-306-40615-3", False),
        ("978-0-306-40615-8", False),
        ("978-0-306-4061", False),
        ("080442957X", True),
        ("978-0-306-40615-7 (print), 0-306-40615-3 (ebook)", False),
    ],
)
def test_isbn_shape_and_checksum(isbn: str, ok: bool) -> None:
    """ISBN-10 and ISBN-13 are checked for shape and check digit, each number of a list on its own."""
    assert rules(article(ISBN=isbn)) == ([] if ok else ["isbn"])


@pytest.mark.parametrize(
    ("issn", "ok"),
    [
        ("0028-0836", True),
        ("1476-4687", True),
        ("0028-0837", False),
        ("0028-083", False),
        ("2049-3630", True),
    ],
)
def test_issn_shape_and_checksum(issn: str, ok: bool) -> None:
    """An ISSN is NNNN-NNNC with a mod-11 check digit."""
    assert rules(article(ISSN=issn)) == ([] if ok else ["issn"])


@pytest.mark.parametrize(
    ("pages", "ok"),
    [
        ("22-30", True),
        ("30-22", False),
        ("123-45", True),
        ("129-5", False),
        ("S12-S9", False),
        ("e1003285", True),
    ],
)
def test_reversed_page_ranges(pages: str, ok: bool) -> None:
    """A range whose end is before its start is an error; short forms like 123-45 (= 123-145) are fine."""
    assert rules(article(page=pages)) == ([] if ok else ["pages"])


@pytest.mark.parametrize(
    ("parts", "ok"),
    [
        (((2020, 2, 29),), True),
        (((2021, 2, 29),), False),
        (((2020, 13),), False),
        (((2020, 4, 31),), False),
        (((3999,),), False),
        (((2012, 5), (2011, 1)), False),
        (((2011, 1), (2012, 5)), True),
    ],
)
def test_impossible_dates(parts: tuple[tuple[int, ...], ...], ok: bool) -> None:
    """Days that do not exist, month 13, far-future years and ranges ending before they start are errors."""
    record = Record(
        id="x",
        type="article",
        fields={"title": "T"},
        names={"author": (Name(family="A"),)},
        dates={"issued": Date(parts=parts)},
    )
    assert rules(record) == ([] if ok else ["date"])


def test_duplicates_by_doi_and_by_title_year_and_first_author() -> None:
    """A second record with the same DOI (any case), or the same title, year and first author, is a duplicate."""
    first = article()
    same_doi = Record(
        **{**first.__dict__, "id": "other", "fields": {**first.fields, "DOI": "10.1109/mcse.2011.37"}}
    )
    same_work = Record(
        **{
            **first.__dict__,
            "id": "again",
            "fields": {**first.fields, "DOI": "", "title": "The NUMPY array."},
        }
    )
    different = Record(
        **{**first.__dict__, "id": "new", "fields": {**first.fields, "DOI": "", "title": "Other"}}
    )
    findings = lint.duplicates([first, same_doi, same_work, different])
    assert [(f.record, f.rule) for f in findings] == [("other", "duplicate"), ("again", "duplicate")]


def test_a_recurring_title_in_another_issue_is_not_a_duplicate() -> None:
    """Same title, year and author but another issue or first page (a column in every issue, as in
    TUGboat) is a different work; with no issue or page to tell them apart it is still a duplicate."""
    first = article()
    fields = {**first.fields, "DOI": "", "issue": "3", "page": "101-102"}
    next_issue = Record(**{**first.__dict__, "id": "next", "fields": fields})
    untold = {k: v for k, v in first.fields.items() if k not in ("DOI", "issue", "page")}
    no_place = Record(**{**first.__dict__, "id": "untold", "fields": untold})
    findings = lint.duplicates([first, next_issue, no_place])
    assert [f.record for f in findings] == ["untold"]


def test_cli_clean_records_exit_0() -> None:
    """The sample records are clean: exit 0, nothing on stdout."""
    result = runner.invoke(app, ["check", str(RECORDS)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "no problems" in result.stderr


def test_cli_problems_exit_1_one_line_each(tmp_path: Path) -> None:
    """A reversed page range and a duplicate: exit 1, one line each naming file, line, key and rule."""
    text = (RECORDS / "03_vanderwalt_cise_lines.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text.replace("\n22-30\n", "\n30-22\n"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{tmp_path / 'a.txt'}:1: error: ") and lines[0].endswith("[pages]")
    assert "duplicate of" in lines[1] and lines[1].endswith("[duplicate]")
    assert "2 problem(s) in 2 of 2 record(s)" in result.stderr


def test_cli_json_for_scripts(tmp_path: Path) -> None:
    """--format json prints an object with the record count and every problem with its rule and place."""
    text = (RECORDS / "03_vanderwalt_cise_lines.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text.replace("\n22-30\n", "\n30-22\n"), encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["records"] == 1
    (problem,) = data["problems"]
    assert problem["rule"] == "pages" and problem["level"] == "error"
    assert problem["file"] == str(tmp_path / "a.txt") and problem["line"] == 1
    clean = runner.invoke(app, ["check", str(RECORDS), "-f", "json"])
    assert clean.exit_code == 0
    assert json.loads(clean.stdout)["problems"] == []


def test_cli_nothing_readable_exit_2(tmp_path: Path) -> None:
    """When no record can be read there is nothing to check: exit 2 with one error line per cause."""
    (tmp_path / "bad.txt").write_text("eggs\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "bad.txt:1:" in result.stderr
    assert "nothing was checked" in result.stderr


def test_cli_unknown_output_format_is_a_usage_error() -> None:
    """check --format xml is refused with exit 2."""
    result = runner.invoke(app, ["check", str(RECORDS), "--format", "xml"])
    assert result.exit_code == 2
    assert "use text or json" in result.stderr


def test_cli_quiet_drops_the_summary() -> None:
    """check --quiet prints no summary line."""
    result = runner.invoke(app, ["check", str(RECORDS), "--quiet"])
    assert result.exit_code == 0
    assert result.stderr == ""
