"""Large exports: read, keyed and written a batch at a time, on one process or several (--jobs), they
give exactly the output of one plain dump of the loaded records."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import citekit
from citekit import formats, pipeline, stages
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


def streamed(files: list[str], fmt: str, jobs: int = 1, raw: bool = False) -> tuple[str, pipeline.Stream]:
    """The text a stream writes (joined as its format joins it), and the stream, losses looked for."""
    out = formats.get(fmt)
    stream = pipeline.Stream(files, raw=raw, jobs=jobs, out=out, losses=True)
    text = "".join(out.join(t for t in stream.run() if isinstance(t, str)))
    return text, stream


def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces of about 300 characters, a batch each: a small input goes through many batches."""
    monkeypatch.setattr(stages, "BATCH", 300)
    monkeypatch.setattr("citekit.units.TARGET", 300)


@pytest.mark.parametrize("fmt", DATA_FORMATS)
def test_a_stream_writes_what_load_and_dump_give(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read and written a batch at a time, clashing and unsafe keys included, the text is that of one
    dump of the loaded records, with the same losses and problems."""
    small_batches(monkeypatch)
    folder = tmp_path / "portal"
    write_portal_folder(folder, generated(45), per_file=10)
    files = sorted(str(p) for p in folder.iterdir())
    text, stream = streamed(files, fmt)
    loaded = citekit.load([str(folder)])
    assert text == citekit.dump(loaded.records, fmt)
    assert stream.found_losses == citekit.losses(loaded.records, fmt)
    assert [str(p) for p in stream.problems] == [str(p) for p in loaded.problems]


def big_bibtex(entries: int) -> str:
    """A BibTeX file whose keys clash (and differ only in case), with macros defined along the way
    and crossref children far above their parent."""
    parts = ["@string{ovine = {Ovine Studies}}\n"]
    for n in range(entries):
        if n == entries // 2:
            parts.append("@string{ovine = {Ovine Studies, Second Series}}\n")
        key = f"Lamb{n % 50}" if n % 3 else f"lamb{n % 50}"
        crossref = "  crossref = {proc},\n" if n % 97 == 0 else ""
        parts.append(
            f"@article{{{key},\n  author = {{Lamb, Ann}},\n  title = {{Counting sheep {n}}},\n"
            f"  journal = ovine,\n{crossref}  year = {{{2000 + n % 3}}}\n}}\n"
        )
    parts.append("@proceedings{proc,\n  title = {Proceedings of the Fold},\n  year = {1999}\n}\n")
    return "".join(parts)


@pytest.mark.parametrize("fmt", DATA_FORMATS)
def test_one_large_file_is_shared_out_and_written_the_same(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One BibTeX file cut into many batches, read on two processes, writes the bytes one process
    writes, and those of one dump: macros, duplicate keys and crossref parents hold across batches."""
    small_batches(monkeypatch)
    source = tmp_path / "big.bib"
    source.write_text(big_bibtex(400), encoding="utf-8")
    one, single = streamed([str(source)], fmt)
    two, shared = streamed([str(source)], fmt, jobs=2)
    loaded = citekit.load(str(source))
    assert one == two == citekit.dump(loaded.records, fmt)
    assert [str(p) for p in single.problems] == [str(p) for p in shared.problems]
    assert "Ovine Studies, Second Series" in one and "Proceedings of the Fold" in one


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
    small_batches(monkeypatch)
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
    text, _ = streamed(files, "ris")
    loaded = citekit.load(files)
    assert [r.id for r in loaded.records] == ["same", "othera", "lamb2001shearing", "otherb"]
    assert text == citekit.dump(loaded.records, "ris")


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
    folder = tmp_path / "portal"
    write_portal_folder(folder, generated(30), per_file=10)
    files = sorted(str(p) for p in folder.iterdir())
    text, _ = streamed(files, "ris", jobs=2, raw=True)
    loaded = citekit.load([str(folder)], raw=True)
    assert text == citekit.dump(loaded.records, "ris")
