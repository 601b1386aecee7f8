"""Large exports: --jobs and chunked, packed writing give exactly the output of one plain dump."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import citekit
from citekit import formats, pipeline
from citekit.cli import app
from citekit.model import Date, Name, Record
from tests.conftest import RECORDS

runner = CliRunner()
DATA_FORMATS = [f.name for f in formats.FORMATS.values() if f.writable]


def generated(count: int) -> list[Record]:
    """Records whose keys clash (same author, year and title word) and need BibTeX-safe rewriting."""
    out = []
    for n in range(count):
        # Empty ids get made keys; ids with spaces are not BibTeX-safe and get rewritten.
        out.append(
            Record(
                id="" if n % 3 else f"key {n % 7}",
                type="article-journal" if n % 2 else "book",
                fields={"title": f"Counting sheep {'again' if n % 5 else ''}", "volume": str(n)},
                names={"author": (Name(family="Lamb" if n % 4 else "Ewe", given="Ann"),)},
                dates={"issued": Date(parts=((2000 + n % 3,),))},
            )
        )
    return out


def write_portal_folder(folder: Path, records: list[Record], per_file: int) -> None:
    """Portal pages of the records, ``per_file`` to a file (the shape of a large portal export)."""
    folder.mkdir()
    for start in range(0, len(records), per_file):
        pages = []
        for record in records[start : start + per_file]:
            person = record.names["author"][0]
            pages.append(
                f"{record.get('title')} {record.get('volume')}\n\n"
                "Research output: Contribution to journal › Article › peer-review\n\n"
                f"{person.given} {person.family}\n\n"
                f"Journal\tOvine Studies\nVolume\t{record.get('volume')}\n"
                f"Publication status\tPublished - {record.dates['issued'].year}\n\n"
            )
        (folder / f"pages-{start:05d}.txt").write_text("".join(pages), encoding="utf-8")


@pytest.mark.parametrize("fmt", DATA_FORMATS)
def test_chunks_join_to_one_dump(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Written in chunks of 7, clashing and unsafe keys included, the text is that of one dump."""
    monkeypatch.setattr(pipeline, "CHUNK", 7)
    records = citekit.loads(citekit.dump(generated(40), "csljson"), "csljson").records
    assert "".join(pipeline.dump_chunks(records, formats.get(fmt))) == citekit.dump(records, fmt)


@pytest.mark.parametrize("fmt", DATA_FORMATS)
def test_packed_records_write_as_loaded_records(fmt: str, tmp_path: Path) -> None:
    """Reading packed a file at a time and writing gives what load and dump give, losses included."""
    folder = tmp_path / "portal"
    write_portal_folder(folder, generated(45), per_file=10)
    files = sorted(str(p) for p in folder.iterdir())
    packed, ids = pipeline.load_packed(files, None, formats.get(fmt))
    loaded = citekit.load([str(folder)])
    assert ids == [r.id for r in loaded.records]
    assert "".join(pipeline.dump_packed(packed, ids, formats.get(fmt))) == citekit.dump(loaded.records, fmt)
    assert packed.losses == citekit.losses(loaded.records, fmt)
    assert [str(p) for p in packed.problems] == [str(p) for p in loaded.problems]


def test_empty_chunks_join_to_empty_outputs() -> None:
    """No records at all still make each format's empty output."""
    for fmt in DATA_FORMATS:
        assert "".join(pipeline.dump_chunks([], formats.get(fmt))) == citekit.dump([], fmt)


@pytest.mark.parametrize("fmt", [*DATA_FORMATS, "apa"])
def test_jobs_change_nothing_on_records(fmt: str, tmp_path: Path) -> None:
    """`--jobs 2` exports the sample records exactly as one process does."""
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"out-{jobs}"
        result = runner.invoke(app, ["export", str(RECORDS), "-f", fmt, "--jobs", jobs, "-o", str(target)])
        assert result.exit_code == 0, result.output
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0]


def test_jobs_change_nothing_on_a_generated_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On many files in several chunks, `-j 2` and `--jobs 0` (a process per core) write the same
    bytes and the same warnings as one process, and the same text as `citekit.dump`."""
    monkeypatch.setattr(pipeline, "CHUNK", 9)
    folder = tmp_path / "portal"
    write_portal_folder(folder, generated(60), per_file=8)
    results = []
    for jobs in (["--jobs", "1"], ["-j", "2"], ["--jobs", "0"]):
        target = tmp_path / f"out-{len(results)}.bib"
        result = runner.invoke(app, ["export", str(folder), "-f", "bibtex", *jobs, "-o", str(target)])
        assert result.exit_code == 0, result.output
        results.append((target.read_text(encoding="utf-8"), result.stderr))
    assert results[0] == results[1] == results[2]
    assert results[0][0] == citekit.dump(citekit.load([str(folder)]).records, "bibtex")


def test_jobs_must_not_be_negative() -> None:
    """A negative --jobs is a usage error."""
    result = runner.invoke(app, ["export", str(RECORDS), "--jobs", "-1"])
    assert result.exit_code == 2


def test_a_key_given_twice_across_files_is_made_anew(tmp_path: Path) -> None:
    """A BibTeX key already taken in an earlier file gets the new key ``load`` gives it."""
    for name, title in (("a.bib", "Counting sheep"), ("b.bib", "Shearing sheep")):
        (tmp_path / name).write_text(
            f"@book{{same, title={{{title}}}, author={{Lamb, Ann}}, year=2001}}\n"
            f"@book{{other{name[0]}, title={{Dipping}}, year=2002}}\n",
            encoding="utf-8",
        )
    files = [str(tmp_path / "a.bib"), str(tmp_path / "b.bib")]
    packed, ids = pipeline.load_packed(files, None, formats.get("ris"))
    loaded = citekit.load(files)
    assert ids == [r.id for r in loaded.records] == ["same", "othera", "lamb2001shearing", "otherb"]
    assert "".join(pipeline.dump_packed(packed, ids, formats.get("ris"))) == citekit.dump(
        loaded.records, "ris"
    )


def test_quiet_exports_skip_the_loss_report_but_not_the_data(tmp_path: Path) -> None:
    """With -q the loss warnings are neither shown nor looked for; the data written is the same."""
    source = tmp_path / "lossy.json"
    source.write_text(
        '[{"id": "a", "type": "book", "title": "Sheep", "author": [{"family": "Lamb"}],'
        ' "event-title": "Fair", "issued": {"date-parts": [[2001]]}}]',
        encoding="utf-8",
    )
    loud = runner.invoke(app, ["export", str(source), "-f", "bibtex", "-o", str(tmp_path / "loud.bib")])
    quiet = runner.invoke(
        app, ["export", str(source), "-f", "bibtex", "-q", "-o", str(tmp_path / "quiet.bib")]
    )
    assert loud.exit_code == quiet.exit_code == 0
    assert "cannot carry event-title" in loud.stderr
    assert quiet.stderr == ""
    assert (tmp_path / "loud.bib").read_bytes() == (tmp_path / "quiet.bib").read_bytes()


def test_spawned_workers_read_and_write_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where processes cannot fork (Windows), spawned workers give the same records and text."""
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(pipeline, "CHUNK", 10)
    folder = tmp_path / "portal"
    write_portal_folder(folder, generated(30), per_file=10)
    files = sorted(str(p) for p in folder.iterdir())
    packed, ids = pipeline.load_packed(files, None, formats.get("ris"), jobs=2, raw=True)
    loaded = citekit.load([str(folder)], raw=True)
    assert ids == [r.id for r in loaded.records]
    assert "".join(pipeline.dump_packed(packed, ids, formats.get("ris"), jobs=2)) == citekit.dump(
        loaded.records, "ris"
    )
