"""The pipeline's stages: read, clean (``raw``: the same as ``--raw`` on the command line), key, write."""

from __future__ import annotations

from pathlib import Path

import citekit
from citekit import formats, stages

PAGE = "\n".join(
    [
        "Some title",
        "Research output: Contribution to journal › Article",
        "Xuran CAI",
        "Journal: HEALTH EDUCATION JOURNAL",
        "Publication status: Published - 2020",
    ]
)


def test_raw_keeps_the_page_text_and_default_cleans_it() -> None:
    """loads(raw=True) keeps capitals as the page gave them; the default cleans them up."""
    cleaned = citekit.loads(PAGE).records[0]
    raw = citekit.loads(PAGE, raw=True).records[0]
    assert cleaned.get("container-title") == "Health Education Journal"
    assert cleaned.names["author"][0].family == "Cai"
    assert raw.get("container-title") == "HEALTH EDUCATION JOURNAL"
    assert raw.names["author"][0].family == "CAI"


def test_read_input_gives_the_source_text_and_its_format(tmp_path: Path) -> None:
    """read_input reads without cleaning and says which format it read; clean then tidies the text."""
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result, fmt = stages.read_input(str(page))
    assert fmt is formats.get("portal")
    [record] = result.records
    assert record.get("container-title") == "HEALTH EDUCATION JOURNAL" and record.id == ""
    [cleaned] = stages.clean(result.records, fmt)
    assert cleaned.get("container-title") == "Health Education Journal"
    assert stages.clean(result.records, fmt, raw=True) == result.records


def test_data_formats_are_not_cleaned() -> None:
    """Records of a data format keep their text as written: only formats that ask are cleaned."""
    result = stages.read_text("@book{k, title={HEALTH EDUCATION}, year=2001}", formats.get("bibtex"))
    assert result.records[0].get("title") == "HEALTH EDUCATION"


def test_an_unreadable_input_is_an_error_problem_and_no_format(tmp_path: Path) -> None:
    """A missing file is one error problem naming it, with no format and no record."""
    result, fmt = stages.read_input(str(tmp_path / "missing.bib"))
    assert fmt is None and result.records == []
    assert [p.level for p in result.problems] == ["error"]


def test_keys_are_unique_and_kept_when_free() -> None:
    """key keeps a record's own key unless an earlier record has it, and makes the others."""
    records = citekit.loads(
        "@book{same, title={Sheep}, author={Lamb, Ann}, year=2001}\n"
        "@book{same, title={Goats}, author={Lamb, Ann}, year=2001}\n"
        "@book{other, title={Cows}, year=2002}"
    ).records
    assert [r.id for r in stages.key(records)] == ["same", "lamb2001goats", "other"]


def test_write_gives_each_record_the_key_its_format_can_carry() -> None:
    """A key with characters BibTeX cannot carry is written in BibTeX's form; RIS takes it as it is."""
    record = citekit.loads("TY  - BOOK\nID  - a key{1}\nTI  - Sheep\nER  - \n").records[0]
    assert "@book{a_key_1," in stages.write([record], formats.get("bibtex"))
    assert "ID  - a key{1}" in stages.write([record], formats.get("ris"))
