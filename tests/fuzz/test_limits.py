"""Limits: a 1 MB field in every format, 10,000 nested braces or brackets, and records past the size
citekit reads at once give records or one clear message: never a RecursionError, never unbounded
memory or time. Files and stdin streams have no limit: they are read a piece at a time. (Speed and
memory are measured by bench/ and fuzz/bench_limits.py, not here.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import citekit
from citekit import inputs
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


def _ris(count: int, start: int = 0) -> str:
    return "".join(f"TY  - JOUR\nID  - r{n}\nTI  - Record {n}\nER  - \n" for n in range(start, start + count))


def test_a_file_is_read_whatever_its_size(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The limit is on one record, not on a file: a file twenty times the limit is read whole, a
    piece at a time, in every format that cuts its inputs."""
    monkeypatch.setattr(inputs, "MAX_UNIT", 1000)
    monkeypatch.setattr("citekit.units.TARGET", 300)
    items = [{"id": f"i{n}", "type": "book", "title": f"Item {n}"} for n in range(800)]
    files = {
        "big.ris": _ris(800),
        "big.bib": "".join(f"@book{{b{n},\n  title = {{Book {n}}}\n}}\n" for n in range(800)),
        "big.json": json.dumps(items, indent=1),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert len(text) > 20 * 1000
        result = citekit.load(str(tmp_path / name))
        assert len(result.records) == 800, name
        assert not result.problems, name


def test_one_record_over_the_limit_is_skipped_with_its_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A record longer than the limit (here an endless line, no ER) is an error naming its line;
    the records before and after it are read."""
    monkeypatch.setattr(inputs, "MAX_UNIT", 1000)
    monkeypatch.setattr("citekit.units.TARGET", 300)
    text = _ris(20) + "TY  - JOUR\nTI  - " + "x" * 5000 + "\nER  - \n" + _ris(20, 20)
    (tmp_path / "long.ris").write_text(text, encoding="utf-8")
    result = citekit.load(str(tmp_path / "long.ris"))
    assert len(result.records) == 40
    (error,) = result.problems
    assert error.is_error and error.location.line == 81
    assert "is more than citekit reads at once (0 MB)" in error.message


def test_a_stdin_stream_is_read_as_it_comes_and_a_closed_pipe_is_no_error(tmp_path: Path) -> None:
    """Records piped in are written out as they are read, with no size limit on the stream, and
    when the reader of the output goes away (`| head -1`) citekit stops quietly with exit 0."""
    import subprocess
    import sys

    many = tmp_path / "many.ris"
    many.write_text(_ris(60_000), encoding="utf-8")
    command = f"cat {many} | {sys.executable} -m citekit export - -f ris | head -1"
    proc = subprocess.run(
        ["bash", "-c", f"{command}; echo ${{PIPESTATUS[1]}} >&2"], capture_output=True, check=False
    )
    assert proc.stdout == b"TY  - JOUR\n"
    assert proc.stderr == b"0\n"


def test_a_utf16_input_is_read_whole_within_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inputs that are not UTF-8 are decoded whole: over four times the limit, they are refused."""
    monkeypatch.setattr(inputs, "MAX_UNIT", 100)
    data = "\ufeff".encode("utf-16-le") + _ris(10).encode("utf-16-le")
    with pytest.raises(CitekitError, match="an input in UTF-16"):
        inputs.decode(data, "x.ris")
