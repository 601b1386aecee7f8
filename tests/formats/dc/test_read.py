"""Dublin Core (oai_dc): types, names, dates, identifiers by shape, citations parsed, and what
cannot be placed kept in note with a warning."""

from __future__ import annotations

import pytest

import citekit
from citekit.formats.citation import Container, parse_citation
from citekit.formats.dc.read import read
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "formats" / "fixtures" / "mods" / "oai_dc.xml"


@pytest.mark.parametrize(
    ("line", "title", "container"),
    [
        (
            "Schwappach, D L B; Boluarte, T A; Suhrcke, M (2007). The economics of primary prevention. "
            "Cost Effectiveness and Resource Allocation : C/E, 5:5.",
            "The economics of primary prevention",
            Container("Cost Effectiveness and Resource Allocation : C/E", "5", "", "5"),
        ),
        (
            "Wu, Z. and Harris, C. (1997) A scheme. Journal of Things, 5 (2). pp. 10-20. ISSN 1234-5678",
            "",
            Container("Journal of Things", "5", "2", "10-20"),
        ),
        ("Biblionline, 2006, vol. 2, n. 1", "", Container("Biblionline", "2", "1", "")),
        ("Nature 2020;585(7825):357-62", "", Container("Nature", "585", "7825", "357-62")),
        (
            "PLOS Computational Biology, 9(10), e1003285",
            "",
            Container("PLOS Computational Biology", "9", "10", "e1003285"),
        ),
        (
            "Computing in Science & Engineering, vol. 13, no. 2, pp. 22-30, 2011",
            "",
            Container("Computing in Science & Engineering", "13", "2", "22-30"),
        ),
        ("Journal of X, 2011", "", None),
        ("y", "", None),
    ],
)
def test_citation_patterns(line: str, title: str, container: Container | None) -> None:
    """EPrints', Vancouver, APA-like and "vol./no./pp." citation lines give journal, volume, issue, pages."""
    assert parse_citation(line, title) == container


def test_repository_records_field_by_field() -> None:
    """ZORA's record: type from dc:type, creators, the marked DOI first, PubMed id, language code,
    and the journal from the citation in dc:source."""
    result = citekit.load(str(FIXTURE))
    zora = result.records[0].to_csl()
    assert zora["type"] == "article-journal"
    assert zora["author"][0] == {"family": "Schwappach", "given": "D L B"}
    assert (zora["DOI"], zora["PMID"], zora["language"]) == ("10.1186/1478-7547-5-5", "17501999", "en")
    assert result.records[0].dois == ("10.1186/1478-7547-5-5", "10.5167/uzh-2")
    assert (zora["container-title"], zora["volume"], zora["page"]) == (
        "Cost Effectiveness and Resource Allocation : C/E",
        "5",
        "5",
    )
    assert zora["issued"] == {"date-parts": [[2007]]}


def test_unread_citation_is_kept_in_note_with_a_warning() -> None:
    """EPrints' chapter citation fits no pattern: the whole line goes to note, and a warning says so."""
    result = citekit.load(str(FIXTURE))
    southampton = result.records[1]
    assert southampton.type == "paper-conference"
    assert southampton.fields["note"].startswith("Wu, Z.Q. and Harris, C.J. (1997)")
    assert southampton.names["contributor"][0].family == "Morabito"
    assert any("kept in note" in str(p) and p.location.line == 28 for p in result.problems)


def test_bare_doi_in_relation_and_file_url() -> None:
    """A bare DOI in dc:relation is the DOI; the file link is the URL; the eu-repo type is read."""
    record = citekit.load(str(FIXTURE)).records[2]
    assert (record.type, record.fields["DOI"]) == ("article-journal", "10.1016/j.nima.2006.09.007")
    assert record.fields["URL"].endswith("Zong2006_Eprint.pdf")
    assert record.dates["issued"].parts == ((2006, 9, 29),)


def test_no_dc_record_is_an_error() -> None:
    """A document with no oai_dc:dc element is one error naming the file."""
    result = read('<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"/>', "empty.xml")
    assert result.records == [] and result.problems[0].is_error
