"""The BibTeX, RIS and CSL-JSON writers: whole-file golden outputs and the seed's facts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from bibtexparser import parse_string

import citekit
from tests.conftest import GOLDEN, RECORDS

WRITERS = {"bibtex": "records.bib", "ris": "records.ris", "csljson": "records.json"}


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_writer_output_matches_golden_file(fmt: str) -> None:
    """Each writer's output for records/ is exactly the reviewed golden file (UPDATE_GOLDEN=1 rewrites it)."""
    text = citekit.dump(citekit.load(str(RECORDS)).records, fmt)
    golden = GOLDEN / WRITERS[fmt]
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_seed_bibtex_reads_back(seed_path: Path) -> None:
    """The seed's BibTeX is one @article that bibtexparser reads back with every fact and no doi."""
    text = citekit.dump(citekit.load(str(seed_path)).records, "bibtex")
    library = parse_string(text)
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.entry_type == "article"
    fields = {f.key: f.value for f in entry.fields}
    assert fields["author"] == "Dalgarno, Mark and Oates, Jennifer"
    assert fields["journal"] == "Health Education Journal"
    assert (fields["volume"], fields["number"], fields["pages"], fields["year"]) == (
        "78",
        "8",
        "977--987",
        "2019",
    )
    assert fields["month"] == "dec"
    assert "doi" not in fields


def test_seed_ris(seed_path: Path) -> None:
    """The seed's RIS: JOUR, one AU per author, SP/EP, PY, VL, IS, the journal, ER."""
    lines = citekit.dump(citekit.load(str(seed_path)).records, "ris").splitlines()
    assert lines[0] == "TY  - JOUR"
    assert [x for x in lines if x.startswith("AU  - ")] == ["AU  - Dalgarno, Mark", "AU  - Oates, Jennifer"]
    for expected in (
        "SP  - 977",
        "EP  - 987",
        "PY  - 2019",
        "VL  - 78",
        "IS  - 8",
        "T2  - Health Education Journal",
    ):
        assert expected in lines
    assert not [x for x in lines if x.startswith("DO  - ")]
    assert lines[-1] == "ER  - "


def test_seed_csljson(seed_path: Path) -> None:
    """The seed's CSL-JSON carries the same facts."""
    [item] = json.loads(citekit.dump(citekit.load(str(seed_path)).records, "csljson"))
    assert item["type"] == "article-journal"
    assert item["author"] == [
        {"family": "Dalgarno", "given": "Mark"},
        {"family": "Oates", "given": "Jennifer"},
    ]
    assert item["container-title"] == "Health Education Journal"
    assert (item["volume"], item["issue"], item["page"]) == ("78", "8", "977-987")
    assert item["issued"] == {"date-parts": [[2019, 12, 1]]}
    assert "DOI" not in item


def test_bibtex_escapes_latex_specials_and_cannot_break_out_of_braces() -> None:
    """Special characters are escaped in text fields; a DOI keeps its characters but cannot close the brace."""
    record = citekit.Record(
        id="x",
        type="article-journal",
        fields={"title": "50% of R&D costs $5 #1 a_b {x} ~ ^ \\input", "DOI": "10.1000/a}b_c"},
    )
    text = citekit.dump([record], "bibtex")
    assert (
        r"50\% of R\&D costs \$5 \#1 a\_b \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{}input"
        in text
    )
    assert "doi = {10.1000/a%7Db_c}" in text
    [entry] = parse_string(text).entries
    assert {f.key for f in entry.fields} == {"title", "doi"}


def test_ris_values_cannot_start_a_new_tag() -> None:
    """A line break inside a value is folded into the value, so it can never start a tag or end the record."""
    record = citekit.Record(id="x", type="book", fields={"title": "Line one\nER  - \nTY  - JOUR"})
    lines = citekit.dump([record], "ris").splitlines()
    assert lines == ["TY  - BOOK", "ID  - x", "TI  - Line one ER - TY - JOUR", "ER  - "]


def test_citation_keys_are_unique_and_deterministic() -> None:
    """Keys are family+year+first significant word, with a/b suffixes on clashes, the same on every run."""
    author = (citekit.Name(family="Müller", given="Jörg"),)
    date = {"issued": citekit.Date(parts=((2020,),))}
    records = [
        citekit.Record(
            id="", type="book", fields={"title": "The Art of Things"}, names={"author": author}, dates=date
        )
        for _ in range(2)
    ]
    first = citekit.dump(records, "bibtex")
    assert "@book{muller2020arta," in first and "@book{muller2020artb," in first
    assert citekit.dump(records, "bibtex") == first
