"""In-text citations: `citekit.cite` and `citekit cite KEY…`, checked against citeproc-js."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import citekit
from citekit.cli import app
from citekit.errors import CitekitError
from tests.conftest import GOLDEN, RECORDS

runner = CliRunner()

# The citations of scripts/reference/make_goldens.py (CITES): ";" between citations, "," within one.
CITES = [
    ["braun2006using"],
    ["braun2006using", "braun2012thematic"],
    ["harris2020array", "sandve2013ten", "he2016deep"],
    ["shannon1940algebra"],
]
CASES = [(style, n) for style in ("apa", "vancouver", "harvard", "pure-author") for n in range(len(CITES))]


@pytest.fixture(scope="module")
def records() -> list[citekit.Record]:
    return citekit.load(str(RECORDS)).records


@pytest.mark.parametrize(("style", "n"), CASES)
def test_citation_equals_citeproc_js(records: list[citekit.Record], style: str, n: int) -> None:
    """Each citation of the golden set is what citeproc-js prints for the same CSL-JSON and style."""
    expected = (GOLDEN / f"cite.{style}.txt").read_text(encoding="utf-8").splitlines()[n]
    assert citekit.cite(records, CITES[n], style) == expected


def test_seed_cites_as_the_issue_asks(seed_path: Path) -> None:
    """The seed record cites as (Dalgarno & Oates, 2019) in APA."""
    records = citekit.load(str(seed_path)).records
    assert citekit.cite(records, records[0].id, "apa") == "(Dalgarno & Oates, 2019)"


def test_keys_match_case_insensitively(records: list[citekit.Record]) -> None:
    """A key matches a record id whatever its case."""
    assert citekit.cite(records, "Shannon1940Algebra", "apa") == "(Shannon, 1940)"


def test_unknown_key_is_a_clear_error(records: list[citekit.Record]) -> None:
    """A key no record has is a one-line error naming it and listing keys there are."""
    with pytest.raises(
        CitekitError, match=r"no record with key 'nobody2000'; the keys read are: braun2006using"
    ):
        citekit.cite(records, ["nobody2000"], "apa")


def test_no_key_is_an_error(records: list[citekit.Record]) -> None:
    """Citing nothing is an error, not an empty string."""
    with pytest.raises(CitekitError, match="at least one"):
        citekit.cite(records, [], "apa")


def test_html_markup_escapes_record_text() -> None:
    """In HTML the record text of a citation is escaped the way citeproc-js escapes it."""
    record = citekit.Record(id="x", type="book", names={"author": (citekit.Name(literal="Smith & Sons"),)})
    assert citekit.cite([record], "x", "apa", markup="html") == "(Smith &#38; Sons, n.d.)"


def test_cite_command_prints_the_citation() -> None:
    """`citekit cite KEY -i records/` prints the citation and exits 0."""
    result = runner.invoke(app, ["cite", "braun2006using", "-i", str(RECORDS), "--style", "harvard"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "(Braun and Clarke, 2006)\n"


def test_cite_command_with_bibliography() -> None:
    """--bibliography adds the cited records' references after a blank line."""
    result = runner.invoke(app, ["cite", "shannon1940algebra", "-i", str(RECORDS), "-f", "vancouver", "-b"])
    assert result.exit_code == 0, result.output
    citation, blank, reference, *_ = result.stdout.split("\n")
    assert (citation, blank) == ("(1)", "")
    assert reference.startswith("1. Shannon CE. An algebra for theoretical genetics")


def test_cite_command_reads_stdin() -> None:
    """Records piped in (-i -) can be cited."""
    text = (RECORDS / "09_shannon_phd_thesis_colon.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["cite", "shannon1940algebra", "-i", "-"], input=text)
    assert result.stdout == "(Shannon, 1940)\n"


def test_cite_command_unknown_key_fails_in_one_line() -> None:
    """An unknown key exits 2 with one line on stderr and nothing on stdout."""
    result = runner.invoke(app, ["cite", "nobody2000", "-i", str(RECORDS)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nobody2000" in result.stderr


def test_cite_command_bibliography_follows_citation_order() -> None:
    """With a numeric style, the references printed by --bibliography are numbered as cited."""
    result = runner.invoke(
        app, ["cite", "vaswani2017attention", "harris2020array", "-i", str(RECORDS), "-f", "vancouver", "-b"]
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "(1,2)"
    assert lines[2].startswith("1. Vaswani A") and lines[3].startswith("2. Harris CR")
