"""The same records exported in two formats read to the same facts: PubMed's MEDLINE files and the
RIS that EndNote made of them, and a Web of Science record saved alone and in a longer export."""

from __future__ import annotations

from pathlib import Path

import citekit
from citekit.model import Record

WILD = Path(__file__).resolve().parent
# The facts both formats of a pair carry (MEDLINE's full given names become initials in EndNote's RIS).
FACTS = (
    "title",
    "container-title",
    "container-title-short",
    "volume",
    "issue",
    "page",
    "DOI",
    "ISSN",
    "PMID",
)


def facts(record: Record) -> dict[str, object]:
    out: dict[str, object] = {var: record.fields.get(var) for var in FACTS}
    out["families"] = [n.family or n.literal for n in record.names.get("author", ())]
    out["initials"] = [n.given[:1] for n in record.names.get("author", ())]
    out["issued"] = record.dates["issued"].parts if "issued" in record.dates else None
    out["language"] = record.fields.get("language")
    return out


def test_medline_files_and_their_endnote_ris_read_to_the_same_facts() -> None:
    """pubmed_result1.txt and pubmed_result3.txt (MEDLINE) against EndNote's RIS export of both."""
    medline = [
        citekit.load(str(WILD / "pubmed" / name), from_format="medline").records[0]
        for name in ("pubmed_result1.txt", "pubmed_result3.txt")
    ]
    ris = citekit.load(str(WILD / "pubmed" / "endnote_export_of_pubmed_result1_and_3.ris")).records
    assert [facts(r) for r in medline] == [facts(r) for r in ris]


def test_a_web_of_science_record_alone_and_in_a_longer_export_reads_the_same() -> None:
    """single-article.txt holds one record of bit-pattern-savedrecs_excerpt.txt: same facts."""
    [alone] = citekit.load(str(WILD / "wos" / "single-article.txt"), from_format="wos").records
    longer = citekit.load(str(WILD / "wos" / "bit-pattern-savedrecs_excerpt.txt"), from_format="wos").records
    [same] = [r for r in longer if r.fields.get("DOI") == alone.fields["DOI"]]
    assert alone.to_csl() | {"id": ""} == same.to_csl() | {"id": ""}
