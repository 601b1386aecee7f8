"""The corpus of exported files is well-formed: every file has an expectation and a manifest entry,
every expectation is valid CSL-JSON in citekit's conventions, and every file we did not write sits
beside its licence notice. Agreement figures are not asserted here (scripts/exporter_agreement.py
prints them); this only guards the corpus itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.formats.csl_schema import errors

WILD = Path(__file__).resolve().parent
MANIFEST: dict[str, Any] = json.loads((WILD / "MANIFEST.json").read_text(encoding="utf-8"))
ENTRIES: list[dict[str, Any]] = MANIFEST["files"]
FORMATS = {"bibtex", "ris", "csljson", "medline", "wos", "endnote-xml", "mods"}
PERMISSIVE = ("MIT", "BSD", "CC0")
# Keys of an expectation that are not CSL variables (see README.md).
OWN_KEYS = {"_abstract_starts", "_et_al"}
NOT_DATA = {"MANIFEST.json", "README.md", "NOTICE.md", "test_manifest.py", "test_pairs.py", "__init__.py"}


def _data_files() -> set[str]:
    """Every file in the corpus folders that is neither an expectation nor a notice."""
    out = set()
    for path in WILD.rglob("*"):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if path.name in NOT_DATA or path.name.startswith("LICENSE") or path.name.endswith(".expected.json"):
            continue
        out.add(path.relative_to(WILD).as_posix())
    return out


def _expected(entry: dict[str, Any]) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(
        (WILD / (entry["path"] + ".expected.json")).read_text(encoding="utf-8")
    )
    return records


def test_every_file_has_one_manifest_entry() -> None:
    """Each data file in the corpus is listed in MANIFEST.json exactly once, and nothing else is."""
    listed = [entry["path"] for entry in ENTRIES]
    assert len(listed) == len(set(listed)), "a file is listed twice"
    assert set(listed) == _data_files()


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["path"] for e in ENTRIES])
def test_entry_is_complete(entry: dict[str, Any]) -> None:
    """An entry names its source folder, tool and a known format, and its record count matches."""
    assert entry["path"].split("/")[0] == entry["source"]
    assert entry["tool"].strip()
    assert entry["format"] in FORMATS
    assert entry["records"] == len(_expected(entry)) > 0


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["path"] for e in ENTRIES])
def test_expectation_is_csl_json(entry: dict[str, Any]) -> None:
    """Every expected record is a valid CSL-JSON item once our two marker keys are set aside."""
    for k, record in enumerate(_expected(entry)):
        marks = {key for key in record if key.startswith("_")}
        assert marks <= OWN_KEYS, f"record {k}: unknown keys {marks - OWN_KEYS}"
        item = {key: value for key, value in record.items() if key not in OWN_KEYS}
        assert errors({"id": f"r{k}", **item}) == [], f"record {k}"


@pytest.mark.parametrize(
    "entry", [e for e in ENTRIES if e["origin"]["kind"] == "vendored"], ids=lambda e: e["path"]
)
def test_vendored_file_keeps_its_notice(entry: dict[str, Any]) -> None:
    """A file we did not write names its repository, sits beside a permissive licence and a NOTICE."""
    origin = entry["origin"]
    folder = (WILD / entry["path"]).parent
    assert origin["repository"] and origin["path"]
    assert any(word in origin["licence"] for word in PERMISSIVE)
    licence = folder / origin["notice"]
    assert licence.is_file() and "Permission" in licence.read_text(encoding="utf-8")
    assert Path(entry["path"]).name in (folder / "NOTICE.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "entry", [e for e in ENTRIES if e["origin"]["kind"] != "vendored"], ids=lambda e: e["path"]
)
def test_our_file_says_whose_facts_it_holds(entry: dict[str, Any]) -> None:
    """A file written by us is marked so, and says which real publications its facts are from."""
    assert entry["origin"]["kind"] == "written-by-us"
    assert entry["origin"]["facts_from"].strip()


def test_real_files_cover_the_formats_without_readers() -> None:
    """MEDLINE, Web of Science, EndNote XML and MODS each have real files we did not write."""
    real = {e["format"] for e in ENTRIES if e["origin"]["kind"] == "vendored"}
    assert {"medline", "wos", "endnote-xml", "mods"} <= real
