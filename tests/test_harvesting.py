"""``citekit.harvest``, the library function behind `citekit harvest`: what it returns and writes."""

from __future__ import annotations

from pathlib import Path

import pytest

import citekit
from tests.net.oai import Repository
from tests.net.server import Served, serving


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test harvests into an empty cache of its own (never the user's)."""
    monkeypatch.setenv("CITEKIT_CACHE_DIR", str(tmp_path / "cache"))


def test_harvest_writes_the_file_and_says_what_it_read(tmp_path: Path) -> None:
    """A harvest from Python: every record written to the file through the export's writing, and
    the result (records, pages, deleted, the metadata format) given to on_read before writing."""
    out = tmp_path / "all.ris"
    seen: list[tuple[int, bool]] = []
    with serving(Served(dynamic=Repository(150, 100, deleted_every=10))) as served:
        result = citekit.harvest(
            served.base + "/ws/oai",
            "ris",
            output=out,
            on_read=lambda found: seen.append((found.records, out.exists())),
        )
    assert (result.records, result.pages, result.deleted, result.metadata) == (135, 2, 15, "mods")
    assert seen == [(135, False)] and result.written == [out] and not result.errors
    assert out.read_text(encoding="utf-8").count("TY  - ") == 135


def test_bad_options_are_refused_before_anything_is_fetched(tmp_path: Path) -> None:
    """A date that is not one, and -o with --output-dir, raise CitekitError without a request."""
    with serving(Served(dynamic=Repository(10))) as served:
        with pytest.raises(citekit.CitekitError, match="is not a date"):
            citekit.harvest(served.base + "/ws/oai", until="last week")
        with pytest.raises(citekit.CitekitError, match="not both"):
            citekit.harvest(served.base + "/ws/oai", output=tmp_path / "a", output_dir=tmp_path / "b")
        assert served.log == []
