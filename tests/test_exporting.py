"""citekit.export: what the export command does, called from Python."""

from __future__ import annotations

from pathlib import Path

import pytest

import citekit
from citekit.errors import CitekitError
from tests.conftest import RECORDS


def test_data_to_a_file_is_the_dump_of_the_loaded_records(tmp_path: Path) -> None:
    """Exported to a file, data is exactly dump(load(inputs)), with jobs or without."""
    expected = citekit.dump(citekit.load([str(RECORDS)]).records, "ris")
    for jobs in (1, 2):
        target = tmp_path / f"out-{jobs}.ris"
        result = citekit.export([str(RECORDS)], "ris", output=target, jobs=jobs)
        assert target.read_text(encoding="utf-8") == expected
        assert result.written == [target]
        assert result.records == len(list(RECORDS.iterdir())) and result.inputs == result.records
        assert not result.errors


def test_losses_are_reported_and_can_be_left_unsought(tmp_path: Path) -> None:
    """What the format cannot carry comes back in the result; losses=False does not look for it."""
    found = citekit.export([str(RECORDS)], "ris", output=tmp_path / "a.ris")
    assert found.losses == citekit.losses(citekit.load([str(RECORDS)]).records, "ris")
    assert citekit.export([str(RECORDS)], "ris", output=tmp_path / "b.ris", losses=False).losses == []


def test_a_style_into_a_folder_is_one_reference_per_file(tmp_path: Path) -> None:
    """A style with output_dir writes one file per record, named by its key, holding its reference."""
    result = citekit.export([str(RECORDS)], "apa", output_dir=tmp_path / "refs")
    records = citekit.load([str(RECORDS)]).records
    assert sorted(p.name for p in result.written) == sorted(f"{r.id}.txt" for r in records)
    first = records[0]
    text = (tmp_path / "refs" / f"{first.id}.txt").read_text(encoding="utf-8")
    assert text == citekit.render([first], "apa")[0] + "\n"


def test_on_read_comes_before_anything_is_written(tmp_path: Path) -> None:
    """on_read sees the records and problems read while the output does not exist yet."""
    target = tmp_path / "out.bib"
    seen = []
    citekit.export(
        [str(RECORDS)], "bibtex", output=target, on_read=lambda r: seen.append((r.records, target.exists()))
    )
    assert seen == [(len(list(RECORDS.iterdir())), False)]


def test_strict_writes_nothing_when_anything_had_a_problem(tmp_path: Path) -> None:
    """With strict, a warning in any input raises CitekitError and no output is written."""
    page = tmp_path / "page.txt"
    page.write_text(
        "A title\nResearch output: Contribution to journal › Article\nAnn Lamb\n", encoding="utf-8"
    )
    target = tmp_path / "out.bib"
    with pytest.raises(CitekitError, match="--strict given; nothing was written"):
        citekit.export([str(page)], "bibtex", output=target, strict=True)
    assert not target.exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"output": "a.bib", "output_dir": "b"}, "not both"),
        ({"markup": "rtf"}, "unknown markup"),
    ],
)
def test_bad_options_fail_before_reading(options: dict[str, str], message: str) -> None:
    """Contradictory or unknown options raise CitekitError before any input is opened."""
    with pytest.raises(CitekitError, match=message):
        citekit.export(["no-such-file.txt"], "apa", **options)  # type: ignore[arg-type]


def test_an_input_is_never_the_output(tmp_path: Path) -> None:
    """An output naming one of the inputs is refused, and the input is left as it was."""
    source = tmp_path / "refs.bib"
    source.write_text("@book{k, title={Sheep}, year=2001}\n", encoding="utf-8")
    with pytest.raises(CitekitError, match="would be overwritten"):
        citekit.export([str(source)], "bibtex", output=source)
    assert source.read_text(encoding="utf-8") == "@book{k, title={Sheep}, year=2001}\n"


def test_nothing_readable_is_a_result_with_errors_and_no_output(tmp_path: Path) -> None:
    """When no input can be read the result holds the errors, and nothing is written."""
    target = tmp_path / "out.bib"
    result = citekit.export([str(tmp_path / "missing.bib")], "bibtex", output=target)
    assert result.records == 0 and result.errors and not target.exists()


def test_styled_output_is_one_reference_a_line_and_keeps_empty_items_numbered(tmp_path: Path) -> None:
    """A value's line break becomes a space in the written references (one a line, as promised),
    while citekit.render keeps it as citeproc-js does; an item with nothing to print keeps its number."""
    source = tmp_path / "items.json"
    source.write_text(
        '[{"id": "a", "type": "book", "title": "Line one\\n   line two", "author": [{"family": "A"}],'
        ' "issued": {"date-parts": [[2000]]}}, {"id": "b", "type": "book"}]',
        encoding="utf-8",
    )
    out = tmp_path / "refs.txt"
    citekit.export([str(source)], "vancouver", output=out)
    assert out.read_text(encoding="utf-8").splitlines() == ["1. A. Line one line two. 2000.", "2. "]
    rendered = citekit.render(citekit.load([str(source)]).records, "vancouver")
    assert "\n" in rendered[0]
