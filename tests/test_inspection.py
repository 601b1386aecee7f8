"""citekit.inspect: each record with what was doubtful, cleaned or left out, as `citekit show` prints it."""

from __future__ import annotations

from pathlib import Path

import citekit

PAGE = "\n".join(
    [
        "Some title",
        "Research output: Contribution to journal › Article",
        "Xuran CAI",
        "Journal: HEALTH EDUCATION JOURNAL",
        "Externally published: Yes",
        "Publication status: Published - 2020",
    ]
)


def test_a_page_comes_with_its_changes_and_unused_labels(tmp_path: Path) -> None:
    """A portal record is cleaned and keyed, with the changes made and the labels no field holds."""
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    [found] = citekit.inspect([str(page)]).records
    assert found.record.id == "cai2020some"
    assert found.record.get("container-title") == "Health Education Journal"
    kinds = [kind for kind, _ in found.remarks]
    assert "cleaned" in kinds
    assert ("ignored", "Externally published: Yes (line 5; no CSL field)") in found.remarks


def test_raw_shows_the_page_text_and_no_changes(tmp_path: Path) -> None:
    """With raw the record keeps the page's capitals, so no change is listed."""
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    [found] = citekit.inspect([str(page)], raw=True).records
    assert found.record.get("container-title") == "HEALTH EDUCATION JOURNAL"
    assert "cleaned" not in [kind for kind, _ in found.remarks]


def test_problems_of_a_data_file_stand_beside_its_first_record(tmp_path: Path) -> None:
    """A reader's warnings it cannot pin on a record are listed with the first record of the file."""
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{a, title={Sheep}, year=2001, month=smarch}\n@book{b, title={Goats}}\n", encoding="utf-8"
    )
    first, second = citekit.inspect([str(bib)]).records
    assert first.remarks == [
        (
            "warning",
            "line 1: entry a: cannot read month 'smarch'; kept the year (BibTeX output keeps the month as written)",
        )
    ]
    assert second.remarks == []


def test_an_input_that_gives_no_record_is_a_problem(tmp_path: Path) -> None:
    """A missing file gives no record and one error naming it."""
    found = citekit.inspect([str(tmp_path / "missing.txt")])
    assert found.records == []
    assert [str(p) for p in found.problems] == [
        f"{tmp_path / 'missing.txt'}: no such file or folder; check the path"
    ]
