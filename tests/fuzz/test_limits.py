"""Limits: a 1 MB field in every format, 10,000 nested braces or brackets, and inputs past the size
citekit reads (100 MB, or endless stdin) give records or one clear message: never a RecursionError,
never unbounded memory or time. (Speed itself is measured by fuzz/bench_limits.py, not here.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import citekit
from citekit import inputs
from citekit.cli import app
from citekit.errors import CitekitError

MEGABYTE_TEXT = "word " * 200_000  # 1,000,000 characters
BREADCRUMB = "Research output: Contribution to journal › Article"
ONE_MB_FIELD = {
    "bibtex": ("@article{big, title = {" + MEGABYTE_TEXT + "}, year = {2020}}\n", "title"),
    "ris": ("TY  - JOUR\nAB  - " + MEGABYTE_TEXT + "\nTI  - Big\nER  - \n", "abstract"),
    "csljson": (json.dumps([{"id": "big", "type": "book", "title": MEGABYTE_TEXT}]), "title"),
    "portal": (f"A title\n{BREADCRUMB}\nJournal\t{MEGABYTE_TEXT}\nVolume\t3\n", "container-title"),
    "portal-html": (
        f"<html><body><h1>T</h1><p>{BREADCRUMB}</p><dl><dt>Journal</dt><dd>{MEGABYTE_TEXT}</dd></dl></body></html>",
        "container-title",
    ),
}


@pytest.mark.parametrize("fmt", sorted(ONE_MB_FIELD))
def test_a_one_megabyte_field_is_read_whole_and_written(fmt: str) -> None:
    """A 1 MB value is read in full in every format, and every writer writes it."""
    text, variable = ONE_MB_FIELD[fmt]
    result = citekit.loads(text, fmt)
    assert len(result.records[0].get(variable)) >= 999_000
    for writer in ("bibtex", "ris", "csljson"):
        assert len(citekit.dump(result.records, writer)) > 999_000


def test_ten_thousand_nested_braces_in_a_name_list() -> None:
    """10,000 nested braces in an author list are read as text with a warning, not a RecursionError."""
    text = "@article{a, author = {" + "{" * 10_000 + "Lee" + "}" * 10_000 + " and Chen, Bo}, title = {T}}"
    result = citekit.loads(text, "bibtex")
    assert [n.family or n.literal for n in result.records[0].names["author"]] == ["Lee", "Chen"]
    assert "author nests braces 10,000 deep" in result.problems[0].message


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("portal", f"Title {'[' * 10_000}x{']' * 10_000}\n{BREADCRUMB}\nVolume\t{'(' * 10_000}\n"),
        ("portal", f"{BREADCRUMB}\n" + "| Volume | 3\n" * 10_000),
        ("portal-html", "<html><body>" + "<div>" * 10_000 + f"<p>{BREADCRUMB}</p>" + "</div>" * 10_000),
        ("portal-html", f"<html><body><p>{BREADCRUMB}</p><dl>" + "<dt>Volume<dd>" * 10_000 + "</dl>"),
        ("ris", "TY  - JOUR\n" + "TY  - JOUR\n" * 10_000),
        ("csljson", '[{"id": "a", "title": "' + "\\\\" * 10_000 + '"}' + ", {}" * 10_000 + "]"),
    ],
)
def test_ten_thousand_levels_or_repeats_do_not_recurse(fmt: str, text: str) -> None:
    """Deep nesting and 10,000 repeats in the other formats are read or refused with a location."""
    try:
        result = citekit.loads(text, fmt)
    except CitekitError as exc:
        assert exc.location is not None
    else:
        assert all(p.location.source == "<string>" for p in result.problems)


def test_a_100_megabyte_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """A 100 MB input is refused with its size and what to do, without reading it (a sparse file
    here, so the test takes no time and no disk)."""
    big = tmp_path / "huge.bib"
    with big.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    result = CliRunner().invoke(app, ["export", str(big), "-f", "ris"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"citekit: error: {big}: 100 MB is more than citekit reads from one input (32 MB); "
        "split it into smaller files\n"
    )


def test_endless_stdin_is_cut_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Input with no size (stdin, a pipe, a device) is read up to one byte past the limit, then refused."""
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 1000)
    result = CliRunner().invoke(app, ["export", "-", "-f", "ris"], input="TY  - JOUR\n" * 1000)
    assert result.exit_code == 2
    assert "<stdin>: over 0 MB is more than citekit reads" in result.stderr


def test_a_file_under_the_limit_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The limit refuses only what is over it: a file of exactly the limit is read."""
    page = tmp_path / "one.ris"
    page.write_text("TY  - JOUR\nTI  - T\nER  - \n", encoding="utf-8")
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", page.stat().st_size)
    assert len(citekit.load(str(page)).records) == 1
