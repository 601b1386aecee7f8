"""Writing MODS: where each field goes, round trips (our fixtures, generated records, real
bibliographies) and the loss report."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import citekit
from citekit import formats
from citekit.formats.mods import tables as T
from citekit.formats.mods.read import read
from citekit.model import Date, Name, Record
from tests.conftest import ROOT
from tests.formats.roundtrip import Tally, compare, items
from tests.formats.test_properties import records as generated_records

FIXTURES = ROOT / "tests" / "formats" / "fixtures" / "mods"
TEXLIVE_BIB = ROOT.parent / "texlive/usr/share/texlive/texmf-dist/bibtex/bib"


def one(body: str, root: str = "mods") -> Record:
    """The record of a MODS document made of ``body`` inside a namespaced ``<mods>``."""
    text = f'<{root} xmlns="http://www.loc.gov/mods/v3">{body}</{root}>'
    result = read(text, "t.xml")
    assert not [p for p in result.problems if p.is_error], result.problems
    return result.records[0]


def csl(path: Path) -> list[dict[str, object]]:
    result = citekit.load(str(path))
    return [{k: v for k, v in r.to_csl().items() if k != "id"} for r in result.records]


# --- writing, round trips, losses --------------------------------------------------------------


def test_writer_puts_each_field_where_mods_readers_look() -> None:
    """A chapter: its book as the host (title, editors, publisher, ISBN, pages), the series, the
    event, the exact CSL type as a genre beside MARC's."""
    record = Record(
        id="c1",
        type="chapter",
        fields={
            "title": "A chapter",
            "container-title": "The book",
            "publisher": "Springer",
            "ISBN": "978-3-540-32731-8",
            "page": "5-9",
            "collection-title": "LNCS",
            "collection-number": "12",
        },
        names={"author": (Name(family="Ada"),), "editor": (Name(family="Ed", given="E."),)},
    )
    text = citekit.dump([record], "mods")
    from lxml import etree

    ns = {"m": T.MODS_NAMESPACE}
    root = etree.fromstring(text.encode())
    host = root.find("m:mods/m:relatedItem[@type='host']", ns)
    assert host.findtext("m:titleInfo/m:title", namespaces=ns) == "The book"
    assert host.findtext("m:name/m:namePart[@type='family']", namespaces=ns) == "Ed"
    assert host.findtext("m:originInfo/m:publisher", namespaces=ns) == "Springer"
    assert host.findtext("m:identifier[@type='isbn']", namespaces=ns) == "978-3-540-32731-8"
    assert host.findtext("m:part/m:extent/m:start", namespaces=ns) == "5"
    assert (
        root.findtext("m:mods/m:relatedItem[@type='series']/m:part/m:detail/m:number", namespaces=ns) == "12"
    )
    assert root.findtext("m:mods/m:genre[@authority='csl']", namespaces=ns) == "chapter"
    assert root.findtext("m:mods/m:genre[@authority='bibutilsgt']", namespaces=ns) == "book chapter"


@pytest.mark.parametrize("name", ["pure.xml", "eprints.xml", "dspace.xml"])
def test_mods_round_trip_gives_back_every_field(name: str) -> None:
    """MODS -> Record -> MODS -> Record gives back 100% of the fields MODS carries."""
    first = citekit.load(str(FIXTURES / name)).records
    again = citekit.loads(citekit.dump(first, "mods"), "mods").records
    assert [items(r) for r in again] == [items(r) for r in first]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=generated_records())
def test_read_of_write_gives_back_what_mods_carries(record: Record) -> None:
    """For generated records, read(write(r)) equals carry(r), field by field."""
    back = citekit.loads(citekit.dump([record], "mods"), "mods")
    assert not back.problems
    tally = Tally()
    compare([formats.get("mods").carry(record)], back.records, tally)
    assert not tally.differing, tally.examples


def test_loss_report_names_what_mods_cannot_carry() -> None:
    """Fields MODS has no place for (a season, a status) are announced, not dropped silently."""
    record = Record(
        id="x",
        type="article-journal",
        fields={"title": "T", "status": "in press"},
        dates={"issued": Date(parts=((2020,),), season=2)},
    )
    (loss,) = citekit.losses([record], "mods")
    assert set(loss.fields) == {"status", "issued"}


@pytest.mark.parametrize("name", ["beebe/tugboat.bib", "biblatex/biblatex/biblatex-examples.bib"])
def test_real_bibliography_round_trips_through_mods(name: str) -> None:
    """A real bibliography written as MODS and read again: every carried field back (100%), and what
    did not come back is exactly what the loss report announces."""
    from citekit.formats.losses import differences

    path = TEXLIVE_BIB / name
    if not path.exists():
        pytest.skip(f"{path} is absent: run scripts/agreement/fetch_texlive.sh")
    records = citekit.load(str(path)).records
    back = citekit.loads(citekit.dump(records, "mods"), "mods").records
    carry = formats.get("mods").carry
    tally = Tally()
    compare([carry(r) for r in records], back, tally)
    assert tally.share_identical == 1, tally.differing.most_common(5)
    assert all(differences(r, b) == differences(r, carry(r)) for r, b in zip(records, back, strict=True))
