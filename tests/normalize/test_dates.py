"""Every date shape portal pages print, read into CSL date parts; numeric orders never guessed."""

from __future__ import annotations

import pytest

import citekit
from citekit.normalize.dates import parse_date


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("2 Jul 2019", ((2019, 7, 2),)),
        ("Jun 2016", ((2016, 6),)),
        ("2020", ((2020,),)),
        ("01.12.2019", ((2019, 12, 1),)),
        ("2025/3/30", ((2025, 3, 30),)),
        ("3/30/25", ((2025, 3, 30),)),
        ("29/06/24 → 3/07/24", ((2024, 6, 29), (2024, 7, 3))),
        ("Duration: 19 May 2025 → 22 May 2025", ((2025, 5, 19), (2025, 5, 22))),
    ],
)
def test_date_shapes(text: str, parts: tuple[tuple[int, ...], ...]) -> None:
    """Each shape gives its date (or range) with as many parts as it states."""
    date = parse_date(text, None)
    assert date is not None and date.parts == parts


def test_ambiguous_numeric_date_is_kept_as_a_year() -> None:
    """04/05/2020 with no hint of the order keeps only the year."""
    date = parse_date("04/05/2020", None)
    assert date is not None and date.parts == ((2020,),)


def _page(rows: str) -> citekit.Record:
    head = "A paper\nResearch output: Contribution to journal › Article\nAnn Lee\nJournal: Nature\n"
    return citekit.loads(head + rows).records[0]


def test_other_dates_on_the_page_decide_the_order() -> None:
    """An accepted date of 19/05/2019 shows the page writes day first, so 02/07/2019 is 2 July."""
    record = _page("Accepted/In press: 19/05/2019\nE-pub ahead of print: 02/07/2019\nPublished: 01/12/2019\n")
    assert record.dates["issued"].parts == ((2019, 12, 1),)
    assert record.dates["available-date"].parts == ((2019, 7, 2),)
    assert record.get("note") == "Accepted: 2019-05-19"


def test_accepted_only_is_in_press() -> None:
    """An accepted paper not yet out has status 'in press', no issued date and the accepted date in note."""
    record = _page("Publication status: Accepted/In press - 19 May 2019\n")
    assert record.get("status") == "in press"
    assert "issued" not in record.dates
    assert record.get("note") == "Accepted: 2019-05-19"


def test_online_date_stands_in_when_nothing_is_published() -> None:
    """An e-pub date alone becomes available-date and issued."""
    record = _page("Early online date: 2 Jul 2019\nPublication status: E-pub ahead of print - 2 Jul 2019\n")
    assert record.dates["issued"] == record.dates["available-date"]
    assert record.dates["issued"].parts == ((2019, 7, 2),)
