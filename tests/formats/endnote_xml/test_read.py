"""Reading EndNote XML: values in style elements, types, contributors, titles, dates, identifiers,
safe parsing, and a file broken part way."""

from __future__ import annotations

import pytest

import citekit
from citekit import Date, Name
from citekit.errors import CitekitError
from citekit.formats.endnote_xml.read import read


def _style(text: str) -> str:
    return f'<style face="normal" font="default" size="100%">{text}</style>'


WRAPPED = "Distributed\n        representations"
RECORD = f"""<?xml version="1.0" encoding="UTF-8" ?>
<xml><records>
<record>
  <ref-type name="Book Section">5</ref-type>
  <contributors>
    <authors><author>{_style("Hinton, G. E.")}</author><author>{_style("McClelland, J. L.")}</author></authors>
    <secondary-authors><author>{_style("Rumelhart, D. E.")}</author></secondary-authors>
  </contributors>
  <titles>
    <title>{_style(WRAPPED)}</title>
    <secondary-title>{_style("Parallel distributed processing")}</secondary-title>
    <tertiary-title>{_style("Computational models of cognition")}</tertiary-title>
  </titles>
  <pages>{_style("77-109")}</pages>
  <volume>{_style("1")}</volume>
  <dates><year>{_style("1986")}</year><pub-dates><date>{_style("Mar 3")}</date></pub-dates></dates>
  <pub-location>{_style("Cambridge, MA")}</pub-location>
  <publisher>{_style("MIT Press")}</publisher>
  <isbn>{_style("978-0-262-68053-0&#xD;0262181207")}</isbn>
  <electronic-resource-num>{_style("10.7551/mitpress/5236.003.0008")}</electronic-resource-num>
  <keywords><keyword>{_style("Models, Neurological")}</keyword><keyword>{_style("Memory")}</keyword></keywords>
  <notes>{_style("first note&#xA;second")}</notes>
  <accession-num>{_style("12345678")}</accession-num>
  <label>{_style("B1040")}</label>
  <language>{_style("English")}</language>
</record>
<record><ref-type name="Report">27</ref-type><titles><title>{_style("R")}</title>
<secondary-title>{_style("Tech Reports")}</secondary-title></titles><isbn>{_style("1999-66")}</isbn></record>
</records></xml>
"""


def test_a_book_section_reads_to_its_facts() -> None:
    """Types, contributors by role, titles by level, dates, serial numbers, keywords, notes, PMID."""
    chapter, report = read(RECORD, "e.xml").records
    assert chapter.type == "chapter"
    assert chapter.names == {
        "author": (Name(family="Hinton", given="G. E."), Name(family="McClelland", given="J. L.")),
        "editor": (Name(family="Rumelhart", given="D. E."),),
    }
    assert chapter.fields == {
        "title": "Distributed representations",
        "container-title": "Parallel distributed processing",
        "collection-title": "Computational models of cognition",
        "page": "77-109",
        "volume": "1",
        "publisher": "MIT Press",
        "publisher-place": "Cambridge, MA",
        "DOI": "10.7551/mitpress/5236.003.0008",
        "language": "en",
        "ISBN": "978-0-262-68053-0, 0262181207",
        "keyword": "Models, Neurological; Memory",
        "note": "first note\nsecond",
        "PMID": "12345678",
    }
    assert chapter.dates == {"issued": Date(parts=((1986, 3, 3),))}
    assert (report.type, report.fields["collection-title"], report.fields["number"]) == (
        "report",
        "Tech Reports",
        "1999-66",
    )


def test_unused_elements_are_remarks_with_their_lines() -> None:
    """An element with no CSL variable (label) is kept as a remark, with its line."""
    result = read(RECORD, "e.xml")
    assert [u for u in result.remarks[0].unused if u[0].startswith("label")] == [("label: B1040", 25)]


def test_a_file_broken_part_way_keeps_the_records_before_and_names_the_line() -> None:
    """The records before a break in the XML are read; the break is an error with its line."""
    broken = RECORD.replace("</records></xml>", "<record><titles><title>x</record>")
    result = read(broken, "b.xml")
    assert len(result.records) == 2
    assert [(p.is_error, p.location.line) for p in result.problems] == [(True, 30)]


@pytest.mark.parametrize(
    "attack",
    [
        '<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><records><record><titles><title>&e;</title>'
        "</titles></record></records></xml>",
        '<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><xml><records><record>'
        "<titles><title>&b;</title></titles></record></records></xml>",
    ],
)
def test_entities_and_doctypes_are_refused(attack: str) -> None:
    """No DTD, entity or external file is ever read: a DOCTYPE is refused with a clear error."""
    with pytest.raises(CitekitError, match="DOCTYPE"):
        read(attack, "evil.xml")


def test_content_tells_endnote_xml() -> None:
    """Text opening with EndNote's <xml><records> is read as EndNote XML."""
    assert citekit.loads(RECORD).records[0].type == "chapter"
