"""Records given twice, found in little memory (citekit.repeats, citekit.digests)."""

from __future__ import annotations

from pathlib import Path

import pytest

import citekit
from citekit import pipeline
from citekit.digests import DigestMap, digest
from citekit.lint import Identity
from citekit.model import Location
from citekit.normalize.keys import KeySet
from citekit.repeats import SAME_DOI, SAME_WORK, Repeats


def test_a_digest_map_keeps_the_value_given_and_updates_it() -> None:
    table = DigestMap()
    keys = [digest(f"key{n}") for n in range(5000)]
    for n, key in enumerate(keys):
        table.set(key, n)
    assert [table.get(key) for key in keys] == list(range(5000))
    assert table.get(digest("absent")) == -1 and digest("absent") not in table
    table.set(keys[7], 99)
    assert table.get(keys[7]) == 99


def test_a_key_set_past_its_exact_size_still_knows_every_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(KeySet, "EXACT", 10)
    keys = KeySet()
    for n in range(50):
        keys.add(f"k{n}")
    assert all(f"k{n}" in keys for n in range(50)) and "k50" not in keys


def _identity(
    line: int, work: str | None, place: tuple[str, str, str] = ("", "", ""), dois: tuple[str, ...] = ()
) -> Identity:
    return Identity(Location("a.bib", line), dois, (work, 2020, "lee") if work else None, place)


def test_repeats_by_doi_and_by_work_name_the_first_record_and_its_place() -> None:
    found = Repeats()
    assert found.add(_identity(1, "alpha", dois=("10.1/x",)), "a") is None
    assert found.add(_identity(5, None, dois=("10.1/y", "10.1/x")), "b") == (0, SAME_DOI)
    assert found.add(_identity(9, "alpha"), "c") == (0, SAME_WORK)
    assert found.add(_identity(12, "beta"), "d") is None
    assert found.named(0) == ("a", Location("a.bib", 1)) and found.named(3) == ("d", Location("a.bib", 12))
    found.close()


def test_a_work_in_another_place_is_not_a_repeat_but_one_that_gives_no_place_is() -> None:
    found = Repeats()
    assert found.add(_identity(1, "editorial", ("5", "1", "3")), "a") is None
    assert found.add(_identity(2, "editorial", ("5", "2", "9")), "b") is None
    # The earliest record whose place does not differ is named, as far down the chain as it is.
    assert found.add(_identity(3, "editorial", ("5", "2", "")), "c") == (1, SAME_WORK)
    assert found.add(_identity(4, "editorial", ("6", "", "")), "d") is None
    assert found.add(_identity(5, "editorial", ("6", "1", "")), "e") == (3, SAME_WORK)
    assert found.add(_identity(6, "editorial", ("", "", "")), "f") == (0, SAME_WORK)
    found.close()


def test_repeats_past_the_first_thousand_are_counted_in_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A merged library repeats every record: the export names the first few and counts the rest,
    where it held a warning for each until the end."""
    monkeypatch.setattr(pipeline, "REPEATS_TOLD", 3)
    entry = "@article{{k{n},\n  title = {{Same work}},\n  author = {{Lee, Ann}},\n  year = {{2020}},\n}}\n"
    bib = tmp_path / "merged.bib"
    bib.write_text("".join(entry.format(n=n) for n in range(10)), encoding="utf-8")
    result = citekit.export([str(bib)], "ris", output=str(tmp_path / "out.ris"))
    messages = [p.message for p in result.problems]
    assert sum("duplicate of k0 (" in m for m in messages) == 3
    assert messages[-1].startswith("6 more records repeat an earlier one")
    assert result.problems[-1].location == Location(str(bib), 21)
