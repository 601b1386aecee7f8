"""Each CSL rule citekit adds to citeproc-py, shown on a minimal style."""

from __future__ import annotations

from pathlib import Path

import pytest

import citekit
from citekit.errors import StyleError

STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  {locale}
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography {options}><layout>{layout}</layout></bibliography>
</style>
"""


def render(tmp_path: Path, layout: str, record: citekit.Record, options: str = "", locale: str = "") -> str:
    path = tmp_path / "test.csl"
    path.write_text(STYLE.format(layout=layout, options=options, locale=locale), encoding="utf-8")
    [line] = citekit.render([record], str(path))
    return line


BOOK = citekit.Record(
    id="b",
    type="book",
    fields={"title": "A title", "number-of-pages": "400"},
    names={"editor": (citekit.Name(family="Doe", given="Jane"), citekit.Name(family="Roe", given="Rick"))},
    dates={"issued": citekit.Date(parts=((2019, 12, 1),))},
)


def test_group_with_only_empty_variables_is_suppressed(tmp_path: Path) -> None:
    """A group whose called variables are all empty vanishes, even when a branch it took rendered text
    (APA's thesis "(Publication)" with no number)."""
    layout = (
        '<group delimiter=" "><choose><if type="book"><text value="Publication"/></if>'
        '<else><text variable="genre"/></else></choose><text variable="number"/></group><text variable="title"/>'
    )
    assert render(tmp_path, layout, BOOK) == "A title"


def test_group_without_variables_renders(tmp_path: Path) -> None:
    """A group that calls no variable at all is not suppressed."""
    layout = '<group delimiter=" "><text value="See"/><text value="also"/></group>'
    assert render(tmp_path, layout, BOOK) == "See also"


def test_group_renders_when_the_branch_taken_calls_no_variable(tmp_path: Path) -> None:
    """Only variables actually called count: an untaken branch's variable does not suppress the group."""
    layout = (
        '<group delimiter=" "><text value="Pages:"/><choose><if type="book"><text value="many"/></if>'
        '<else><text variable="page"/></else></choose></group>'
    )
    assert render(tmp_path, layout, BOOK) == "Pages: many"


def test_localized_date_uses_the_locale_delimiter(tmp_path: Path) -> None:
    """A localized date joins its parts with the delimiter the (in-style) locale gives."""
    locale = (
        '<locale xml:lang="en"><date form="text" delimiter=" "><date-part name="year"/>'
        '<date-part name="month" form="short" strip-periods="true"/><date-part name="day"/></date></locale>'
    )
    assert render(tmp_path, '<date variable="issued" form="text"/>', BOOK, locale=locale) == "2019 Dec 1"


def test_second_field_align_sets_the_number_apart(tmp_path: Path) -> None:
    """With second-field-align the first field is followed by a space in text output."""
    layout = '<text variable="citation-number" suffix="."/><text variable="title"/>'
    assert render(tmp_path, layout, BOOK, options='second-field-align="flush"') == "1. A title"


def test_number_of_pages_label(tmp_path: Path) -> None:
    """A label for number-of-pages renders its term (plural="never" keeps the singular form)."""
    layout = '<group delimiter=" "><text variable="number-of-pages"/><label variable="number-of-pages" form="short" plural="never"/></group>'
    assert render(tmp_path, layout, BOOK) == "400 p."


def test_label_title_case(tmp_path: Path) -> None:
    """text-case="title" on a names label capitalises the term in an English locale: (Eds.)."""
    layout = '<names variable="editor"><name/><label form="short" prefix=" (" suffix=")" text-case="title"/></names>'
    assert render(tmp_path, layout, BOOK) == "Jane Doe, Rick Roe (Eds.)"


def test_html_output_escapes_record_text(tmp_path: Path) -> None:
    """Record text is HTML-escaped in HTML output, as citeproc-js escapes it."""
    record = citekit.Record(id="h", type="book", fields={"title": "Fish & <Chips>"})
    path = tmp_path / "t.csl"
    path.write_text(STYLE.format(layout='<text variable="title"/>', options="", locale=""), encoding="utf-8")
    assert citekit.render([record], str(path), markup="html") == [
        '<div class="csl-entry">Fish &#38; &#60;Chips&#62;</div>'
    ]


def test_style_with_entities_is_refused(tmp_path: Path) -> None:
    """A style declaring a DOCTYPE (entities, external files) is refused with a one-line error."""
    path = tmp_path / "evil.csl"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE style [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">&x;</style>',
        encoding="utf-8",
    )
    with pytest.raises(StyleError, match="DOCTYPE"):
        citekit.render([BOOK], str(path))


def test_unknown_style_is_a_clear_error() -> None:
    """An unknown style name is reported as such."""
    with pytest.raises(StyleError, match="unknown style 'no-such-style'"):
        citekit.render([BOOK], "no-such-style")
