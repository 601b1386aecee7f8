"""The scan stage: labels in every layout and language, sections, blocks and breadcrumbs of older and newer pages."""

from __future__ import annotations

import pytest

import citekit
from citekit.formats.portal.scan import match_label, scan, type_of
from citekit.formats.portal.unwrap import unwrap

HEAD = "A title of ours\nResearch output: Contribution to journal › Article\nAnn Lee\n"


def _one(text: str) -> citekit.Record:
    [record] = citekit.loads(text, "portal").records
    return record


@pytest.mark.parametrize(
    ("line", "spaced", "expected"),
    [
        ("Volume 78", "any", ("Volume", "volume", "78")),
        ("Original language English", "words", ("Original language", "language", "English")),
        ("Journal Journal of Cosmology", "any", ("Journal", "container-title", "Journal of Cosmology")),
        ("Journal of Cosmology", "words", None),
        ("Volume    78", "", ("Volume", "volume", "78")),
    ],
)
def test_a_label_parted_from_its_value_by_spaces(
    line: str, spaced: str, expected: tuple[str, str, str] | None
) -> None:
    """One space parts a label from its value inside the table (two-word labels elsewhere), two spaces anywhere."""
    assert match_label(line, None, glued=False, spaced=spaced) == expected


def test_a_browsing_tools_table_with_one_space_and_section_lists() -> None:
    """``Label value`` lines after the abstract, a DOI under its bare label, and a Keywords section's list."""
    record = _one(
        HEAD + "## Abstract\nWe study things.\nOriginal language English\nArticle number JCAP07(2023)006\n"
        "Journal Journal of Cosmology\nDOIs\n- https://doi.org/10.1088/1475-7516/2023/07/006\n"
        "Publication status Published - Jul 2023\n## Keywords\n- phase transitions\n- gravitational waves\n"
        "## Access to Document\n- 10.1088/x\n"
    )
    assert record.get("language") == "en" and record.get("number") == "JCAP07(2023)006"
    assert (
        record.get("container-title") == "Journal of Cosmology"
        and record.get("abstract") == "We study things."
    )
    assert record.get("keyword") == "phase transitions, gravitational waves"
    assert record.dois == ("10.1088/1475-7516/2023/07/006",)


def test_a_bibliographical_note_section_is_kept_whole() -> None:
    """A note under its own heading keeps every line, a copyright line included."""
    record = _one(
        HEAD
        + "| Journal | Nature |\n|---|---|\n### Bibliographical note\nPublisher Copyright:  \n© 2025 ACM.\n## Keywords\n"
    )
    assert record.get("note") == "Publisher Copyright: © 2025 ACM."


def test_older_layout_state_label_and_no_breadcrumb() -> None:
    """The older ``State`` label holds the status; glued labels are found with no breadcrumb above them."""
    record = _one(
        "Envelopes and least squares\nR. D. Cook, Z. Su\nPages (from-to)851-877\nJournalJ. Stat.\nStatePublished - Nov 2013\n"
    )
    assert record.dates["issued"].parts == ((2013, 11),) and record.get("page") == "851-877"
    assert record.get("title") == "Envelopes and least squares" and len(record.names["author"]) == 2


@pytest.mark.parametrize(
    ("page", "field", "value"),
    [
        (
            "Originalsprog\tDansk\nTidsskrift\tUgeskrift for Læger\nBind\t12\nUdgivelsesstatus\tUdgivet - 3 jun. 2019\n",
            "volume",
            "12",
        ),
        (
            "Oorspronkelijke taal\tEngels\nTijdschrift\tNature\nNummer\t4\nStatus\tGepubliceerd - 1 mei 2021\n",
            "issue",
            "4",
        ),
        (
            "Originalsprache\tDeutsch\nFachzeitschrift\tNature\nSeiten (von - bis)\t1-9\nPublikationsstatus\tVeröffentlicht - März 2020\n",
            "page",
            "1-9",
        ),
    ],
)
def test_labels_statuses_and_months_in_other_languages(page: str, field: str, value: str) -> None:
    """Danish, Dutch and German pages: their labels fill the same fields, their statuses and month words give the date."""
    record = _one("Titel\nForskningsoutput: Bidrag til tidsskrift › Tidsskriftartikel\nAnn Lee\n" + page)
    assert record.get(field) == value and record.get("container-title")
    assert "issued" in record.dates and len(record.dates["issued"].parts[0]) >= 2


@pytest.mark.parametrize(
    ("crumb", "expected"),
    [
        ("Student thesis: Doctoral Thesis › PhD", ("thesis", "Doctoral thesis")),
        ("Research output: Contribution to specialist publication › Article", ("article-magazine", "")),
        (
            "Research output: Chapter in Book/Conference Proceeding/Report › Conference Paper published in a book › peer-review",
            ("paper-conference", ""),
        ),
        ("Forschungsoutput: Beitrag in Fachzeitschrift › Artikel › Begutachtung", ("article-journal", "")),
    ],
)
def test_breadcrumbs_of_other_portals(crumb: str, expected: tuple[str, str]) -> None:
    """Renamed, student-thesis and translated breadcrumbs name their CSL type."""
    assert type_of(crumb) == expected


def test_a_conference_period_written_year_first() -> None:
    """``25/3/30 → 25/4/3`` read day first would end before it starts: it is read year first."""
    record = _one(HEAD + "Conference\nConference\tASPLOS\nPeriod\t25/3/30 → 25/4/3\n")
    assert record.dates["event-date"].parts == ((2025, 3, 30), (2025, 4, 3))


def test_a_heading_after_the_abstract_ends_it() -> None:
    """The abstract stops at the next section heading; a heading above its text is its own title."""
    page = scan(
        unwrap(HEAD + "## Abstract\n### Its own title\nWe study.\n## Access to Document\n- 10.1/x\n").lines,
        "p",
    )
    assert page.abstract == ["We study."]
