"""The CSL rules added for agreement with citeproc-js on real bibliographies, each on a minimal style."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from citekit.csl.render import bibliography_of_items
from citekit.csl.rules.formatting.text_case import apply_case
from citekit.csl.rules.labels.page_label_plural import page_is_plural
from citekit.csl.rules.names.initials import initialized
from citekit.csl.rules.numbers.page_ranges import format_pages
from tests.csl.minimal import citations

STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" {options}>
  <info><title>test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  {macros}
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix=".">{layout}</layout></bibliography>
</style>
"""


def render(
    tmp_path: Path,
    layout: str,
    item: dict[str, Any],
    options: str = "",
    macros: str = "",
    markup: str = "text",
) -> str:
    path = tmp_path / "test.csl"
    path.write_text(STYLE.format(layout=layout, options=options, macros=macros), encoding="utf-8")
    [line] = bibliography_of_items([{"id": "x", "type": "book", **item}], str(path), markup=markup)
    return line


EDITED = {"title": "A title", "editor": [{"family": "Matuz", "given": "Roger"}]}
SUBSTITUTING = (
    '<group delimiter=". "><names variable="author"><name/><substitute><names variable="editor"/>'
    '<text macro="title"/></substitute></names><text macro="title"/><names variable="editor"/></group>'
)
TITLE_MACRO = '<macro name="title"><text variable="title"/></macro>'


def test_substituted_editor_is_not_repeated(tmp_path: Path) -> None:
    """An editor standing in for the author is suppressed in the rest of the entry."""
    assert render(tmp_path, SUBSTITUTING, EDITED, macros=TITLE_MACRO) == "Roger Matuz. A title."


def test_title_substituted_through_a_macro_is_not_repeated(tmp_path: Path) -> None:
    """A title standing in for the author (through a macro, as APA does) is not printed twice."""
    assert render(tmp_path, SUBSTITUTING, {"title": "A title"}, macros=TITLE_MACRO) == "A title."


def test_partly_substituted_names_keep_the_other_variables(tmp_path: Path) -> None:
    """cs:names for editor and translator prints the translator when only the editor was substituted."""
    layout = (
        '<group delimiter=". "><names variable="author"><name/><substitute><names variable="editor"/>'
        '</substitute></names><names variable="editor translator"><name/></names></group>'
    )
    item = {**EDITED, "translator": [{"family": "Roe", "given": "Ann"}]}
    assert render(tmp_path, layout, item) == "Roger Matuz. Ann Roe."


@pytest.mark.parametrize(
    ("page", "range_format", "expected"),
    [
        ("321-28", None, "321–28"),
        ("321-28", "expanded", "321–328"),
        ("1-163", "minimal", "1–163"),
        ("131-138", "minimal", "131–8"),
        ("131-138", "minimal-two", "131–38"),
        ("35-35", "minimal", "35–35"),
        ("431--456, 791--823", "minimal", "431–56, 791–823"),
        ("24, 26, 28-??", None, "24, 26, 28-??"),
        ("??-??", None, "??-??"),
        ("129-139 (or 129-138??)", None, "129-139 (or 129–138??)"),
        ("129-139 (or 129–138??)", "expanded", "129-139 (or 129-138??)"),
        ("202 + 2-34", None, "202 + 2–34"),
        ("2-34 + 202", None, "2-34 + 202"),
        ("22.1–22.5", None, "22.1-22.5"),
        ("A1.2-5", None, "A1.2-5"),
        ("A1-A9", None, "A1–A9"),
        ("24.6/1-4", None, "24.6/1–4"),
        ("24.6/1-4", "expanded", "24.6/1-4"),
        ("11/1-11/9", None, "11/1-11/9"),
        ("5062-??", None, "5062-??"),
        ("1496-1504", "chicago-16", "1496–504"),
        ("1496-1504", "chicago-15", "1496–1504"),
        ("101-108", "chicago-16", "101–8"),
    ],
)
def test_page_ranges(page: str, range_format: str | None, expected: str) -> None:
    """Only real page ranges are reformatted, by page-range-format; in anything else an en dash reads
    as a hyphen and, with no format, the last hyphen of what citeproc-js reads as a range becomes the
    delimiter."""
    assert format_pages(page, "page", range_format, "–") == expected


def test_page_range_format_in_a_style(tmp_path: Path) -> None:
    """A style's page-range-format applies to cs:text variable="page"; page-first gives the first page."""
    layout = '<group delimiter=" "><text variable="page"/><text variable="page-first"/></group>'
    assert render(tmp_path, layout, {"page": "1-163"}, options='page-range-format="minimal"') == "1–163 1."


def test_number_ranges_get_an_en_dash(tmp_path: Path) -> None:
    """A numeric range in a number variable (a report number) is written with an en dash."""
    assert render(tmp_path, '<text variable="number"/>', {"number": "99-02"}) == "99–02."


def test_macro_output_keeps_its_group(tmp_path: Path) -> None:
    """A group holding a macro's output (the term "In") and an empty variable is kept, as citeproc-js
    keeps NLM/Vancouver's "In." for a chapter with no container title."""
    macros = '<macro name="in"><text term="in" text-case="capitalize-first"/></macro>'
    layout = '<group delimiter=": "><text macro="in"/><text variable="container-title"/></group>'
    assert render(tmp_path, layout, {"title": "T"}, macros=macros) == "In."


def test_group_with_plain_term_and_empty_variable_is_suppressed(tmp_path: Path) -> None:
    """A term written directly in the group (not from a macro) does not keep an empty group."""
    layout = '<group delimiter=": "><text value="Located at"/><text variable="archive"/></group><text variable="title"/>'
    assert render(tmp_path, layout, {"title": "T"}) == "T."


def test_period_after_question_mark_is_dropped(tmp_path: Path) -> None:
    """A suffix period after a title ending in "?" is dropped; a comma is kept."""
    layout = '<group delimiter=", "><text variable="title"/><text variable="publisher"/></group>'
    assert render(tmp_path, '<text variable="title"/>', {"title": "Why not?"}) == "Why not?"
    assert render(tmp_path, layout, {"title": "Why?", "publisher": "P"}) == "Why?, P."


def test_rich_text_tags_follow_the_markup(tmp_path: Path) -> None:
    """<i> in a title is dropped in text, kept in HTML and becomes * in Markdown."""
    item = {"title": "Le <i>De Anima</i> grec"}
    assert render(tmp_path, '<text variable="title"/>', item) == "Le De Anima grec."
    assert render(tmp_path, '<text variable="title"/>', item, markup="markdown") == "Le *De Anima* grec."
    assert "<i>De Anima</i>" in render(tmp_path, '<text variable="title"/>', item, markup="html")


def test_apostrophes_in_names_are_typographic(tmp_path: Path) -> None:
    """O'Meara prints as O’Meara, as citeproc-js prints it."""
    item = {"author": [{"family": "O'Meara", "given": "Dominic"}]}
    assert render(tmp_path, '<names variable="author"><name/></names>', item) == "Dominic O’Meara."


def test_date_ranges_can_be_tested(tmp_path: Path) -> None:
    """A date range in a variable test (citeproc-py's range refused comparison) renders."""
    layout = (
        '<choose><if variable="issued"><date variable="issued"><date-part name="year"/></date></if></choose>'
    )
    assert render(tmp_path, layout, {"issued": {"date-parts": [[1991], [1992]]}}) == "1991–1992."


SORTED_BY_TITLE = '<bibliography><sort><key variable="title"/></sort><layout><text variable="title"/></layout></bibliography>'


def sorted_titles(
    tmp_path: Path, items: list[dict[str, Any]], bibliography: str = SORTED_BY_TITLE
) -> list[str]:
    path = tmp_path / "sorted.csl"
    style = STYLE.format(options="", macros=TITLE_MACRO, layout="")
    path.write_text(style.split("<bibliography>")[0] + bibliography + "\n</style>\n", encoding="utf-8")
    return bibliography_of_items(items, str(path))


def test_sorting_ignores_punctuation_but_not_spaces(tmp_path: Path) -> None:
    """Keys compare without punctuation and symbols (\\TeX under T, Al-otaibi after Almendro),
    with spaces (Dale before Dalebout)."""
    titles = ["Tango", "\\TeX Applications", "Almendro", "Al-otaibi", "Dalebout", "Dale Aaron", "Aldus"]
    items = [{"id": str(n), "type": "book", "title": t} for n, t in enumerate(titles)]
    assert sorted_titles(tmp_path, items) == [
        "Aldus",
        "Almendro",
        "Al-otaibi",
        "Dale Aaron",
        "Dalebout",
        "Tango",
        "\\TeX Applications",
    ]


def test_dates_in_nested_macros_sort_by_value(tmp_path: Path) -> None:
    """A year rendered by a macro inside the key's macro sorts as the same year as one rendered directly."""
    macros = (
        '<macro name="year"><date variable="issued"><date-part name="year"/></date></macro>'
        '<macro name="date"><choose><if type="book"><date variable="issued" form="numeric" date-parts="year"/></if>'
        '<else><text macro="year"/></else></choose></macro>'
    )
    bibliography = '<bibliography><sort><key macro="date"/><key variable="title"/></sort><layout><text variable="title"/></layout></bibliography>'
    items = [
        {"id": "a", "type": "document", "title": "B", "issued": {"date-parts": [[1988]]}},
        {"id": "b", "type": "book", "title": "A", "issued": {"date-parts": [[1988]]}},
        {"id": "c", "type": "document", "title": "C", "issued": {"date-parts": [[1931]]}},
    ]
    path = tmp_path / "dates.csl"
    style = STYLE.format(options="", macros=macros, layout="")
    path.write_text(style.split("<bibliography>")[0] + bibliography + "\n</style>\n", encoding="utf-8")
    assert bibliography_of_items(items, str(path)) == ["C", "A", "B"]


def test_names_labels_are_not_part_of_sort_keys(tmp_path: Path) -> None:
    """An editor standing in for the author sorts with authors of the same name, label aside."""
    bibliography = (
        '<bibliography><sort><key macro="names"/><key variable="title"/></sort>'
        '<layout><text variable="title"/></layout></bibliography>'
    )
    macros = '<macro name="names"><names variable="author"><name/><label prefix=" (" suffix=")"/><substitute><names variable="editor"/></substitute></names></macro>'
    items = [
        {"id": "a", "type": "book", "title": "B", "author": [{"family": "Anonymous"}]},
        {"id": "b", "type": "book", "title": "A", "editor": [{"family": "Anonymous"}]},
    ]
    path = tmp_path / "names.csl"
    style = STYLE.format(options="", macros=macros, layout="")
    path.write_text(style.split("<bibliography>")[0] + bibliography + "\n</style>\n", encoding="utf-8")
    assert bibliography_of_items(items, str(path)) == ["A", "B"]


def test_number_element_reads_hyphenated_variables(tmp_path: Path) -> None:
    """cs:number prints number-of-volumes (citeproc-py printed nothing): APA's "Vols. 1–3"."""
    layout = (
        '<group delimiter=" "><label variable="number-of-volumes" form="short" text-case="capitalize-first"/>'
        '<group><text prefix="1" term="page-range-delimiter"/><number variable="number-of-volumes"/></group></group>'
    )
    assert render(tmp_path, layout, {"number-of-volumes": "3"}) == "Vols. 1–3."


def test_hyphenated_name_variables_render(tmp_path: Path) -> None:
    """cs:names prints container-author (citeproc-py looked it up as spelled and found nothing):
    APA's "In I. Kant, Kants Werke"."""
    layout = '<group delimiter=", "><names variable="container-author"><name initialize-with=". "/></names><text variable="container-title"/></group>'
    item = {"container-author": [{"family": "Kant", "given": "Immanuel"}], "container-title": "Kants Werke"}
    assert render(tmp_path, layout, item) == "I. Kant, Kants Werke."


def test_sorting_collapses_the_spaces_punctuation_leaves(tmp_path: Path) -> None:
    """ "Knuth, D., & MacKay" compares as "Knuth D MacKay": after "Knuth, D. E.", as citeproc-js sorts."""
    titles = ["Knuth, D., & MacKay, P.", "Knuth, D. E."]
    items = [{"id": str(n), "type": "book", "title": t} for n, t in enumerate(titles)]
    assert sorted_titles(tmp_path, items) == ["Knuth, D. E.", "Knuth, D., & MacKay, P."]


def test_sort_only_particles_are_demoted_in_macro_keys(tmp_path: Path) -> None:
    """With demote-non-dropping-particle="sort-only", von Bechtolsheim sorts under B (and still
    displays as von Bechtolsheim)."""
    bibliography = (
        '<bibliography><sort><key macro="names"/></sort>'
        '<layout><names variable="author"><name name-as-sort-order="all"/></names></layout></bibliography>'
    )
    macros = '<macro name="names"><names variable="author"><name name-as-sort-order="all"/></names></macro>'
    items = [
        {"id": "a", "type": "book", "author": [{"family": "Beebe", "given": "Nelson"}]},
        {
            "id": "b",
            "type": "book",
            "author": [{"family": "Bechtolsheim", "given": "Stephan", "non-dropping-particle": "von"}],
        },
        {"id": "c", "type": "book", "author": [{"family": "Adams", "given": "Dan"}]},
    ]
    path = tmp_path / "particles.csl"
    style = STYLE.format(options='demote-non-dropping-particle="sort-only"', macros=macros, layout="")
    path.write_text(style.split("<bibliography>")[0] + bibliography + "\n</style>\n", encoding="utf-8")
    assert bibliography_of_items(items, str(path)) == [
        "Adams, Dan",
        "von Bechtolsheim, Stephan",
        "Beebe, Nelson",
    ]


def test_punctuation_inside_a_field_is_never_merged(tmp_path: Path) -> None:
    """Marks written next to each other in a field (``????``, ``state,:``) stay as the record has them;
    the layout's period after the last one is still absorbed."""
    layout = '<text variable="title" suffix=". "/><text variable="page"/>'
    item = {"title": "A scheme, for a simpler state,: and more", "page": "??-??"}
    assert render(tmp_path, layout, item) == "A scheme, for a simpler state,: and more. ??-??"


def test_a_prefix_before_a_field_starting_with_a_mark_stays(tmp_path: Path) -> None:
    """A style's colon before a field that starts with ``?`` is kept (citeproc-js: ``:??-??``)."""
    layout = '<text variable="title"/><text variable="page" prefix=":"/>'
    assert render(tmp_path, layout, {"title": "T", "page": "??-??"}) == "T:??-??"


def test_a_suffix_after_a_field_ending_with_a_mark_still_merges(tmp_path: Path) -> None:
    """Style punctuation after a field's last mark is resolved as before (``Why?`` + ``:`` is ``Why?``)."""
    layout = '<text variable="title" suffix=":"/><text variable="page" prefix=" "/>'
    assert render(tmp_path, layout, {"title": "Why?", "page": "12"}) == "Why? 12."


@pytest.mark.parametrize(
    ("page", "plural"),
    [
        ("12-14", True),
        ("5062-??", True),
        ("iv-x", True),
        ("x, 103", True),
        ("A1-A9", True),
        ("12 and 14", True),
        ("2-34 + 202", True),
        ("12", False),
        ("xxiv + 266 + 8", False),
        ("202 + 2-34", False),
        ("??-??", False),
        ("11/1-11/9", False),
        ("lxxii + 267 (vol. 1), 279 (vol. 2)", False),
    ],
)
def test_page_label_plural_as_citeproc_js(page: str, plural: bool) -> None:
    """A page label is plural only for several numbers starting with a page number (citeproc-js)."""
    assert page_is_plural(page) is plural


def test_page_label_in_a_style(tmp_path: Path) -> None:
    """``xiv + 337`` takes the singular page label, ``5062-??`` the plural."""
    layout = '<label variable="page" form="short" suffix=" "/><text variable="page"/>'
    assert render(tmp_path, layout, {"page": "xiv + 337"}) == "p. xiv + 337."
    assert render(tmp_path, layout, {"page": "5062-??"}) == "pp. 5062-??"


def test_label_of_an_empty_volume_is_rendered_as_citeproc_js_does(tmp_path: Path) -> None:
    """Harvard's "(3 vol)": a volume label next to the number of volumes renders though volume is empty."""
    layout = (
        '<text variable="title"/><group delimiter=" " prefix=" (" suffix=")">'
        '<text variable="number-of-volumes"/><label variable="volume" form="short" strip-periods="true"/></group>'
    )
    assert render(tmp_path, layout, {"title": "T", "number-of-volumes": "3"}) == "T (3 vol)."
    assert render(tmp_path, layout, {"title": "T"}) == "T."


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("J.-J.", "J.-J."),
        ("J.-P. Sartre", "J.-P. S."),
        ("H. (Helmut)", "H. (Helmut)"),
        ("Matthew J. (Matthew Joseph)", "M. J. (Matthew J."),
    ],
)
def test_initials_keep_hyphens_after_periods_and_bracketed_words(given: str, expected: str) -> None:
    """``J.-J.`` keeps its hyphen and a bracketed word stays as written, as citeproc-js initializes them."""
    assert initialized(given, ". ", True) == expected


def test_punctuation_moves_into_quotes_closing_a_field_but_not_past_an_apostrophe(tmp_path: Path) -> None:
    """A period after a field's closing quote moves inside it; a comma after an apostrophe (’) does not."""
    quoted = '<text variable="title" suffix=". "/><text variable="publisher"/>'
    item = {"title": 'Aristotle\'s "De Motu Animalium"', "publisher": "P"}
    assert render(tmp_path, quoted, item) == "Aristotle’s “De Motu Animalium.” P."
    styled = '<text variable="title" quotes="true" suffix=", "/><text variable="publisher"/>'
    item = {"title": "Prospects: `The View'", "publisher": "P"}
    assert render(tmp_path, styled, item) == "“Prospects: `The View’,” P."


def test_punctuation_never_moves_into_quotes_of_a_cite_affix() -> None:
    """A cite prefix's own quotes keep the comma after them outside (citeproc-js)."""
    items = [{"id": "a", "type": "book", "title": "T"}]
    assert citations(items, [[{"id": "a", "prefix": "'quote', "}]]) == ["“quote”, T"]


def test_a_single_quote_that_never_closes_is_an_apostrophe(tmp_path: Path) -> None:
    """``'t Hooft`` prints ’t as citeproc-js prints it; an unclosed double quote stays straight."""
    layout = '<text variable="title"/>'
    assert render(tmp_path, layout, {"title": "On 't Hooft's matrix"}) == "On ’t Hooft’s matrix."
    assert render(tmp_path, layout, {"title": '"Orphan and more'}) == '"Orphan and more.'


def test_a_range_of_years_writes_its_era_once_at_the_end(tmp_path: Path) -> None:
    """Years 15 to 5 are ``15–5 AD`` (citeproc-js), the start's era after the end (``50–20 BC``)."""
    layout = '<date variable="issued"><date-part name="year"/></date>'
    assert render(tmp_path, layout, {"issued": {"date-parts": [[15], [50]]}}) == "15–50 AD."
    assert render(tmp_path, layout, {"issued": {"date-parts": [[-50], [20]]}}) == "50–20 BC."


def test_a_literal_date_shows_only_where_the_year_is_shown(tmp_path: Path) -> None:
    """A date given as text prints where the date shows its year, not again for month and day."""
    layout = (
        '<group delimiter=", "><date variable="issued" date-parts="year" form="numeric"/>'
        '<date variable="issued"><date-part name="month"/><date-part name="day" prefix=" "/></date></group>'
    )
    assert render(tmp_path, layout, {"issued": {"literal": "20xx"}}) == "20xx."
    assert render(tmp_path, layout, {"issued": {"date-parts": [[2001, 3, 4]]}}) == "2001, March 4."


def test_spaces_before_high_punctuation_in_item_text_are_narrow(tmp_path: Path) -> None:
    """``Harbour, ??`` prints with a narrow no-break space before ``??`` (citeproc-js); affixes keep theirs."""
    layout = '<text variable="publisher-place"/><text variable="publisher" prefix=" :"/>'
    item = {"publisher-place": "Harbour, ??", "publisher": "P"}
    assert render(tmp_path, layout, item) == "Harbour,\u202f?? :P."


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("proc. the first conf. on text", "Proc. the First Conf. on Text"),
        ("why? the bar", "Why? The Bar"),
        ("recensement annuel des manufactures", "Recensement Annuel Des Manufactures"),
        ("john von doe", "John von Doe"),
        ("part b of c", "Part b of c"),
        ("07-xy and 3-d model", "07-Xy and 3-d Model"),
        ("\\tex\\-hax foo", "\\tex\\-Hax Foo"),
        ("orig\\-i\\-na\\-tion", "Orig\\-I\\-Na\\-Tion"),
        ("the al-qaeda et al", "The Al-Qaeda et Al"),
    ],
)
def test_title_case_as_citeproc_js(title: str, expected: str) -> None:
    """Title case as citeproc-js: a period ends no sentence, only de, d’, van, von stay lowercase as
    particles, a single letter keeps its case unless it opens the title, and so do its few more skip words."""
    assert str(apply_case(title, "title", "en")) == expected


def test_question_and_exclamation_marks_inside_a_field_keep_what_follows(tmp_path: Path) -> None:
    """``Why?:`` and ``Really!.`` written in a title stay; only the style's period after ``?`` goes."""
    layout = '<text variable="title" suffix=". "/><text variable="publisher"/>'
    item = {"title": "Why?: a study. Really!. Yes", "publisher": "P"}
    assert render(tmp_path, layout, item) == "Why?: a study. Really!. Yes. P."
    assert render(tmp_path, '<text variable="title"/>', {"title": "Why not?"}) == "Why not?"
