"""Reading PubMed's MEDLINE format: tags, continuation lines, names, dates and identifiers."""

from __future__ import annotations

import pytest

import citekit
from citekit import Date, Name
from citekit.formats.medline.read import parse_date, read

RECORD = """PMID- 27169098
OWN - NLM
IS  - 2277-9175 (Electronic)
IS  - 2277-9175 (Linking)
VI  - 5
IP  - 2
DP  - 2016 Apr
TI  - Proteomics: A new perspective
      for cancer.
PG  - 67
LID - 10.4103/2277-9175.180636 [doi]
AB  - First sentence of the abstract.
      Second line.
FAU - Shruthi, Basavaradhya Sahukar
AU  - Shruthi BS
FAU - de Hoon, M J L
AU  - de Hoon MJ
AU  - Selvamani S
CN  - The PRISMA Group
LA  - eng
DEP - 20160419
TA  - Adv Biomed Res
JT  - Advanced biomedical research
OT  - Biomarkers
OT  - neoplasia
MH  - Humans
PMC - PMC4513071

PMID- 12230038
TI  - The Bio* toolkits--a brief overview.
DP  - 2002 Sep-Oct
"""


def test_a_record_reads_to_its_facts() -> None:
    """Every element citekit maps: title without NLM's full stop, journal and abbreviation, ids, lists."""
    result = read(RECORD, "p.nbib")
    first, second = result.records
    assert first.type == "article-journal"
    assert first.fields == {
        "PMID": "27169098",
        "PMCID": "PMC4513071",
        "title": "Proteomics: A new perspective for cancer",
        "abstract": "First sentence of the abstract. Second line.",
        "container-title": "Advanced biomedical research",
        "container-title-short": "Adv Biomed Res",
        "volume": "5",
        "issue": "2",
        "page": "67",
        "language": "en",
        "DOI": "10.4103/2277-9175.180636",
        "keyword": "Biomarkers, neoplasia",
        "ISSN": "2277-9175",
    }
    assert first.dates == {"issued": Date(parts=((2016, 4),)), "available-date": Date(parts=((2016, 4, 19),))}
    assert second.fields["title"] == "The Bio* toolkits--a brief overview"
    assert second.dates["issued"] == Date(parts=((2002, 9),))


def test_names_in_file_order_full_forms_first_short_forms_alone_and_groups() -> None:
    """FAU is the name, its AU only repeats it; an AU alone is read; CN is a group author where it stands."""
    [record, _] = read(RECORD, "p.nbib").records
    assert record.names["author"] == (
        Name(family="Shruthi", given="Basavaradhya Sahukar"),
        Name(family="Hoon", given="M J L", non_dropping_particle="de"),
        Name(family="Selvamani", given="S"),
        Name(literal="The PRISMA Group"),
    )


def test_unused_elements_are_kept_as_remarks_with_their_lines() -> None:
    """Elements with no CSL variable (OWN, MH) are listed for `citekit show`, with their lines."""
    result = read(RECORD, "p.nbib")
    assert ("OWN: NLM", 2) in result.remarks[0].unused
    assert ("MH: Humans", 26) in result.remarks[0].unused


@pytest.mark.parametrize(
    ("text", "parts", "season"),
    [
        ("2016", ((2016,),), None),
        ("2006 Mar 1", ((2006, 3, 1),), None),
        ("2002 Spring", ((2002,),), 1),
        ("20160419", ((2016, 4, 19),), None),
    ],
)
def test_publication_dates(text: str, parts: tuple[tuple[int, ...], ...], season: int | None) -> None:
    """DP and DEP in every form PubMed writes."""
    assert parse_date(text) == Date(parts=parts, season=season)


def test_content_tells_medline_from_a_portal_page_and_line_separators_split_nothing() -> None:
    """A .txt holding PMID- lines is read as MEDLINE; a U+2028 inside a value never starts a record."""
    result = citekit.loads("PMID- 1\nTI  - A\u2028PMID- 2\nDP  - 2000\n")
    [record] = result.records
    assert record.fields["PMID"] == "1" and record.fields["title"] == "A\u2028PMID- 2"
