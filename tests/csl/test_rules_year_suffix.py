"""CSL 1.0.2 year-suffix: which cites count as alike when letters are handed out."""

from __future__ import annotations

from tests.csl.minimal import citations

LAYOUT = """<group delimiter=" "><names variable="author"/>
  <choose><if variable="issued"><date variable="issued" date-parts="year" form="text"/></if>
  <else><group><text term="no date" form="short"/><text variable="year-suffix" prefix="-"/></group></else></choose>
  <date variable="accessed" date-parts="year" form="text" prefix="[" suffix="]"/></group>"""


def test_accessed_date_does_not_tell_cites_apart() -> None:
    """Two undated items of one author differing only in their accessed date get n.d.-a and n.d.-b."""
    doe = [{"family": "Doe", "given": "John"}]
    items = [
        {"id": "a", "type": "webpage", "author": doe, "accessed": {"date-parts": [[1965]]}},
        {"id": "b", "type": "webpage", "author": doe, "accessed": {"date-parts": [[2065]]}},
    ]
    out = citations(
        items,
        [[{"id": "a"}, {"id": "b"}]],
        citation='disambiguate-add-year-suffix="true"',
        layout_attrs='delimiter="; "',
        citation_layout=LAYOUT,
    )
    assert out == ["John Doe n.d.-a [1965]; John Doe n.d.-b [2065]"]


def test_implicit_year_suffix_takes_the_year_parts_affixes_and_formatting() -> None:
    """The letter added after a year is written as a part of its own, with the year part's
    affixes and formatting, as citeproc-js writes it: ``(1986)(a)``."""
    items = [
        {
            "id": k,
            "type": "book",
            "author": [{"family": "Doe", "given": "J"}],
            "issued": {"date-parts": [[1986]]},
        }
        for k in "ab"
    ]
    layout = (
        '<group delimiter=" "><names variable="author"><name form="short"/></names>'
        '<date variable="issued"><date-part name="year" prefix="(" suffix=")" font-weight="bold"/></date></group>'
    )
    out = citations(
        items,
        [[{"id": "a"}], [{"id": "b"}]],
        citation_layout=layout,
        citation='disambiguate-add-year-suffix="true"',
    )
    assert out == ["Doe (<b>1986</b>)(<b>a</b>)", "Doe (<b>1986</b>)(<b>b</b>)"]
