"""Round trips: read, write in every format citekit writes (BibTeX, RIS, CSL-JSON, MODS, …), read again.

Two things must hold for records/, the committed fixture and a large real bibliography
(Beebe's tugboat.bib from Debian's texlive-bibtex-extra, when scripts/agreement/fetch_texlive.sh
has fetched it): every field the format carries comes back identical (at least 99%), and every
field that does not come back is one the loss report announced, for a reason written here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import citekit
from citekit import formats
from citekit.formats.losses import differences
from tests.conftest import RECORDS, ROOT
from tests.formats.roundtrip import ROUND_TRIP_FORMATS, Tally, compare

FIXTURE = Path(__file__).parent / "fixtures" / "mixed.bib"
TEXLIVE = Path(os.environ.get("CITEKIT_TEXLIVE", ROOT.parent / "texlive"))
BIB = TEXLIVE / "usr/share/texlive/texmf-dist/bibtex/bib"
LARGE = BIB / "beebe" / "tugboat.bib"

# Why a format gives back a field differently or not at all; the keys are the loss report's names.
_BIBTEX_COMMON = {
    "type": "fewer entry types than CSL (a review is an @article, a dataset @misc)",
    "translator": "no name field for translators in BibTeX",
    "container-author": "no name field for a book's authors in BibTeX",
    "collection-editor": "no name field for series editors",
    "accessed": "no ISO date fields in BibTeX (BibLaTeX has urldate)",
    "event-date": "no event date in BibTeX (BibLaTeX has eventdate)",
    "original-date": "no original date in BibTeX (BibLaTeX has origdate)",
    "container-title": "the entry type has no field for a container (a @book, @techreport or @thesis)",
    "number": "only articles (eid), reports and miscellanea have a place for a number",
    "collection-number": "a series number has a place in books and their parts only",
    "publisher": "@unpublished (and BibLaTeX @online) have no publisher field",
    "et-al": "'and others' ends an author list only",
    "issue": "an issue has a field in articles and periodicals only",
}
EXPLAINED: dict[str, dict[str, str]] = {
    "bibtex": _BIBTEX_COMMON
    | {
        "issued": "year and month only: no day, season or circa, and a range keeps its years",
        "event-title": "no event fields in BibTeX",
        "event-place": "no event fields in BibTeX",
        "container-title-short": "no journal abbreviation field in BibTeX",
        "status": "no publication state in BibTeX",
        "version": "no version field in BibTeX",
        "archive": "no archive field in BibTeX",
        "number-of-volumes": "no volumes field in BibTeX",
        "editor": "a BibTeX @book has an author or an editor: one of a type BibTeX lacks (@mvbook) keeps the author",
    },
    "biblatex": _BIBTEX_COMMON,
    "ris": {
        "type": "fewer reference types than CSL",
        "author": "a family name holding a comma, or lower-case words read as particles",
        "editor": "a family name holding a comma, or lower-case words read as particles",
        "et-al": "RIS has no 'et al.' marker",
        "issued": "DA holds one date: no range, season, circa or literal text",
        "accessed": "Y2 holds one date",
        "event-date": "no event date tag",
        "original-date": "no original date tag",
        "number-of-pages": "SP is the start page, not a page count",
        "annote": "no annotation tag besides N1 (the note)",
        "collection-number": "no series number tag",
        "event-place": "no event place tag",
        "version": "no version tag",
        "number-of-volumes": "no volumes tag",
        "container-author": "no tag for a book's authors",
        "status": "no publication state tag",
        "container-title": "a whole book's or report's T2 is its series, a thesis's its department",
        "volume": "a report's VL is its number, a thesis's its degree",
    },
    "csljson": {"et-al": "CSL-JSON has no 'et al.' marker (a style adds it from et-al-min)"},
    "mods": {
        "author": "namePart has no particle type: particles come back as the family name's first words",
        "editor": "namePart has no particle type: particles come back as the family name's first words",
        "issued": "a date is W3CDTF text: no season",
        "annote": "no annotation element besides the note",
        "number-of-volumes": "no element for a number of volumes",
        "version": "no version element",
    },
}


def _explained(fmt: str, lost: str) -> bool:
    return bool(EXPLAINED[fmt].get(lost.split(" ")[0]))


def check_round_trips(records: list[citekit.Record]) -> dict[str, Tally]:
    """Every format: carried fields back identical, and each difference announced and explained."""
    tallies = {}
    for fmt in ROUND_TRIP_FORMATS:
        back = citekit.loads(citekit.dump(records, fmt), fmt)
        assert not [p for p in back.problems if p.is_error], back.problems[:3]
        carry = formats.get(fmt).carry
        tally = Tally()
        compare([carry(r) for r in records], back.records, tally)
        assert tally.share_identical >= 0.99, (fmt, tally.differing.most_common(5))
        for original, again in zip(records, back.records, strict=True):
            lost = differences(original, again)
            assert lost == differences(original, carry(original)), (fmt, original.id)
            assert all(_explained(fmt, x) for x in lost), (fmt, original.id, lost)
        tallies[fmt] = tally
    return tallies


def test_sample_records_round_trip_through_every_format() -> None:
    """records/ survives every format: every carried field identical, the rest announced."""
    tallies = check_round_trips(citekit.load(str(RECORDS)).records)
    assert all(t.share_identical == 1 for t in tallies.values()), {f: t.differing for f, t in tallies.items()}


def test_fixture_round_trips_through_every_format() -> None:
    """The committed BibTeX fixture survives every format in the same way."""
    tallies = check_round_trips(citekit.load(str(FIXTURE)).records)
    assert all(t.share_identical == 1 for t in tallies.values()), {f: t.differing for f, t in tallies.items()}


@pytest.mark.parametrize("name", ["beebe/tugboat.bib", "biblatex/biblatex/biblatex-examples.bib"])
def test_large_real_bibliography_round_trips(name: str) -> None:
    """A large real BibTeX file (thousands of entries) and biblatex's examples survive every format."""
    path = BIB / name
    if not path.exists():
        pytest.skip(f"{path} is absent: run scripts/agreement/fetch_texlive.sh")
    records = citekit.load(str(path)).records
    assert len(records) > (4000 if "tugboat" in name else 50)
    check_round_trips(records)
