"""Page ranges: the one dash pattern readers, writers and the checks share."""

from __future__ import annotations

import citekit
from citekit.normalize import pages


def test_every_dash_between_pages_becomes_one_hyphen() -> None:
    """Hyphens, BibTeX's double hyphen, en and em dashes, spaced or not, are one CSL hyphen."""
    for written in ("22-30", "22--30", "22–30", "22 — 30", "22 --- 30"):
        assert pages.hyphenated(written) == "22-30", written
    assert pages.pieces("S12 – S15") == ["S12", "S15"]


def test_a_range_has_prefixed_pages() -> None:
    """A range reads as prefix, first page, end prefix and last page."""
    match = pages.RANGE.fullmatch("e101–e110")
    assert match is not None and match.groups() == ("e", "101", "e", "110")
    assert pages.RANGE.fullmatch("22") is None


def test_readers_and_writers_agree_on_the_dash() -> None:
    """A typeset range read from BibTeX is a CSL hyphen, written back to BibTeX as a double hyphen."""
    record = citekit.loads("@article{k, title={T}, pages={22 -- 30}, year=2001}", "bibtex").records[0]
    assert record.get("page") == "22-30"
    assert "pages = {22--30}" in citekit.dump([record], "bibtex")
