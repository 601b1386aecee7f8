"""CSL 1.0.2 dates: ranges written once where they agree, seasons, open ranges, raw dates."""

from __future__ import annotations

from citekit.csl.items.dates import parsed_date
from tests.csl.minimal import citations

LAYOUT = '<date variable="issued" delimiter=" "><date-part name="day"/><date-part name="month"/><date-part name="year"/></date>'


def cite(issued: dict[str, object], layout: str = LAYOUT) -> str:
    [out] = citations(
        [{"id": "a", "type": "book", "issued": issued}], [[{"id": "a"}]], citation_layout=layout
    )
    return out


def test_range_shares_the_larger_parts() -> None:
    """Days of one month share the month and year; months of one year share the year."""
    assert cite({"date-parts": [[1999, 1, 2], [1999, 1, 4]]}) == "2–4 January 1999"
    assert cite({"date-parts": [[1999, 1, 2], [1999, 3, 4]]}) == "2 January–4 March 1999"
    assert cite({"date-parts": [[1999, 1, 2], [2000, 1, 4]]}) == "2 January 1999–4 January 2000"


def test_range_delimiter_of_the_largest_differing_part() -> None:
    """The range-delimiter of the month part joins a range of months."""
    layout = '<date variable="issued" delimiter=" "><date-part name="month" range-delimiter="/"/><date-part name="year"/></date>'
    assert cite({"date-parts": [[1999, 1], [1999, 3]]}, layout) == "January/March 1999"


def test_seasons_open_ranges_and_raw_dates() -> None:
    """Month 21 is spring; a range without an end is open; a date with only raw text is kept as text."""
    layout = '<date variable="issued" delimiter=" "><date-part name="month"/><date-part name="year"/></date>'
    assert cite({"date-parts": [[1999, 21]]}, layout) == "Spring 1999"
    assert (
        cite({"date-parts": [[1987], []]}, '<date variable="issued"><date-part name="year"/></date>')
        == "1987–"
    )
    assert parsed_date({"raw": "Bogus Date"}).text == "Bogus Date"


def test_date_part_override_holds_for_its_own_date_only() -> None:
    """A style's cs:date-part overriding a localized date's month (short form, uppercase) changes
    that date only: a later localized date of the same form prints the locale's long month."""
    items = [
        {"id": "r", "type": "report", "issued": {"date-parts": [[2001, 10, 4]]}},
        {"id": "b", "type": "book", "issued": {"date-parts": [[2000, 10, 4]]}},
    ]
    layout = (
        '<choose><if type="report"><date variable="issued" form="text">'
        '<date-part name="month" form="short" text-case="uppercase"/></date></if>'
        '<else><date variable="issued" form="text"/></else></choose>'
    )
    out = citations(items, [[{"id": "r"}], [{"id": "b"}], [{"id": "r"}]], citation_layout=layout)
    assert out == ["OCT. 4, 2001", "October 4, 2000", "OCT. 4, 2001"]


def test_literal_date_takes_the_year_parts_affixes_and_formatting() -> None:
    """A date given as text is written where the year goes, with the year part's affixes,
    formatting and case, as citeproc-js writes it."""
    layout = (
        '<date variable="issued" prefix="[" suffix="]"><date-part name="month" suffix=" "/>'
        '<date-part name="year" prefix="(" suffix=")" font-weight="bold" text-case="uppercase"/></date>'
    )
    assert cite({"literal": "1987–date"}, layout) == "[(<b>1987–DATE</b>)]"
    localized = '<date variable="issued" form="text" date-parts="year"><date-part name="year" prefix="(" suffix=")"/></date>'
    assert cite({"literal": "1987–date"}, localized) == "(1987–date)"
