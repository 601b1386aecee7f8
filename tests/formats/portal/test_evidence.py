"""The evidence stage: every source on a page weighed field by field, disagreements reported, weak fields marked."""

from __future__ import annotations

import citekit
from citekit.formats.portal.evidence import refine_splits
from citekit.inspection import Inspected
from citekit.model import Name

PAGE = """# Flagger: Cooperative Acceleration for Federated Learning
Xiurui Pan
, Fa Peng Huang
- [School of Electrical Engineering](https://p/en/organisations/ee/)
Research output: Chapter in Book/Report/Conference proceeding › Conference contribution › peer-review
[TABLE]
### Conference
|  |  |
|----|----|
| Conference | 51st Symposium on Computer Architecture, ISCA 2024 |
| Country/Territory | Argentina |
| City | Buenos Aires |
| Period | 29/06/24 → 3/07/24 |
## Cite this
- APA
- RIS
Pan, X., & Huang, F. P. (2024). Flagger: Cooperative Acceleration for Federated Learning. In *Proceeding - ISCA 2024* (pp. 915-930).
TY - GEN
T1 - Flagger
T2 - 51st Symposium on Computer Architecture, ISCA 2024
AU - Pan, Xiurui
AU - Huang, Fa Peng
PY - 2024
M3 - Conference contribution
SP - 915
EP - 930
BT - Proceeding - ISCA 2024
PB - IEEE
DO - 10.1109/ISCA59077.2024.00071
ER -
"""


def _read(text: str) -> tuple[citekit.Record, list[str]]:
    result = citekit.loads(text, "portal")
    [record] = result.records
    return record, [p.message for p in result.problems]


def test_a_page_with_a_lost_table_is_read_from_its_exports_and_blocks() -> None:
    """A converter that lost the field table: the RIS export gives the host, pages, publisher and DOI,
    the Conference block the event, the heading the title (RIS cuts it at the colon)."""
    record, _ = _read(PAGE)
    assert record.type == "paper-conference"
    assert record.get("title") == "Flagger: Cooperative Acceleration for Federated Learning"
    assert record.get("container-title") == "Proceeding - ISCA 2024" and record.get("page") == "915-930"
    assert record.get("event-title") == "51st Symposium on Computer Architecture, ISCA 2024"
    assert record.get("event-place") == "Buenos Aires, Argentina"
    assert record.dates["event-date"].parts == ((2024, 6, 29), (2024, 7, 3))
    assert [(n.family, n.given) for n in record.names["author"]] == [("Pan", "Xiurui"), ("Huang", "Fa Peng")]
    assert record.get("DOI") == "10.1109/ISCA59077.2024.00071"


def test_the_export_wins_a_disagreement_and_says_so() -> None:
    """Where the page's fields and its export disagree, the export is kept and a problem names both."""
    page = PAGE.replace("[TABLE]", "| Title of host publication | Another Host |\n|---|---|")
    record, problems = _read(page)
    assert record.get("container-title") == "Proceeding - ISCA 2024"
    assert any("container-title" in m and "Another Host" in m for m in problems)


def test_a_fuller_date_from_another_source_extends_the_first() -> None:
    """``Published - Jun 2016`` on the page and ``PY - 2016/6/3`` in the export give 3 June 2016."""
    text = (
        "A title\nResearch output: Contribution to journal › Article\nAnn Lee\n"
        "Journal\tNature\nPublication status\tPublished - Jun 2016\n"
        "Cite this\nTY - JOUR\nT1 - A title\nPY - 2016/6/3\nJO - Nature\nER -\n"
    )
    record, problems = _read(text)
    assert record.dates["issued"].parts == ((2016, 6, 3),)
    assert not any("issued" in m for m in problems)


def test_fields_only_weak_evidence_gives_are_marked_weak() -> None:
    """Authors from the APA rendering alone are marked weak in ``citekit show``; the page's own are not."""
    text = (
        "Research output: Contribution to journal › Article\n| Journal | Nature |\n|---|---|\n"
        "Cite this\nLee, A., & Kim, B. (2020). A study. Nature, 1(2), 3-4.\n"
    )
    [found] = _inspect(text)
    assert "author" in found.weak and any(
        kind == "weak" and text.startswith("author") for kind, text in found.remarks
    )


def _inspect(text: str) -> list[Inspected]:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.txt"
        page.write_text(text, encoding="utf-8")
        return citekit.inspect([str(page)]).records


def test_a_missing_title_or_author_list_is_reported_never_made_up() -> None:
    """A page with neither gives neither, and a warning names both."""
    record, problems = _read(
        "Research output: Contribution to journal › Article\nJournal\tNature\nVolume\t3\n"
    )
    assert not record.get("title") and "author" not in record.names
    assert any("no title, authors" in m for m in problems)


def test_a_renderings_family_names_split_the_pages_names() -> None:
    """``Omidreza Amrollahinasab Mahdiabad`` with ``Amrollahinasab Mahdiabad, O.`` splits as the rendering says."""
    people = [Name(family="Mahdiabad", given="Omidreza Amrollahinasab")]
    witness = (Name(family="Amrollahinasab Mahdiabad", given="O."),)
    assert refine_splits(people, witness) == [Name(family="Amrollahinasab Mahdiabad", given="Omidreza")]


def test_an_openurl_query_string_gives_no_field() -> None:
    """Values in a full-text link's OpenURL query string (a resolver's request) are not taken."""
    text = (
        "Research output: Contribution to journal › Article\n| Journal | ACM SIGPLAN Notices |\n|---|---|\n"
        "| State | Published - |\n"
        "[Full Text](https://resolver/openurl?rft.atitle=MOP&rft.date=2007-10&rft.aulast=Chen&rft.volume=42)\n"
    )
    record, _ = _read(text)
    assert "issued" not in record.dates and not record.get("title") and not record.get("volume")
