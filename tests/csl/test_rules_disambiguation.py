"""CSL 1.0.2 Disambiguation: added names, given names, the disambiguate condition, year-suffixes."""

from __future__ import annotations

from citekit.csl.engine.disambiguation import suffix_letters
from tests.csl.minimal import bibliography, citations


def person(family: str, given: str) -> dict[str, str]:
    return {"family": family, "given": given}


AUTHOR_YEAR = '<group delimiter=" "><names variable="author"><name form="short" and="text"/></names><date variable="issued"><date-part name="year"/></date></group>'


def item(key: str, authors: list[dict[str, str]], year: int = 2000, title: str = "T") -> dict[str, object]:
    return {"id": key, "type": "book", "author": authors, "issued": {"date-parts": [[year]]}, "title": title}


def test_year_suffixes_follow_the_year() -> None:
    """Two works of one author in one year get a and b after the year, in citations and bibliography."""
    items = [item("a", [person("Doe", "John")], title="A"), item("b", [person("Doe", "John")], title="B")]
    opts = 'disambiguate-add-year-suffix="true"'
    assert citations(
        items,
        [[{"id": "a"}, {"id": "b"}]],
        citation_layout=AUTHOR_YEAR,
        citation=opts,
        layout_attrs='delimiter="; "',
    ) == ["Doe 2000a; Doe 2000b"]
    assert bibliography(
        items, citation_layout=AUTHOR_YEAR, citation=opts, bibliography_layout=AUTHOR_YEAR
    ) == ["Doe 2000a", "Doe 2000b"]


def test_added_names_tell_cites_apart() -> None:
    """With et-al, names hidden by et-al are shown until the cites differ."""
    items = [
        item("a", [person("Doe", "J"), person("Roe", "J"), person("Moe", "J")]),
        item("b", [person("Doe", "J"), person("Poe", "J"), person("Moe", "J")]),
    ]
    opts = 'disambiguate-add-names="true" et-al-min="3" et-al-use-first="1"'
    out = citations(items, [[{"id": "a"}], [{"id": "b"}]], citation_layout=AUTHOR_YEAR, citation=opts)
    assert out == ["Doe, Roe, et al. 2000", "Doe, Poe, et al. 2000"]


def test_given_names_tell_authors_apart() -> None:
    """Two authors with one family name get their given names (initials first)."""
    items = [item("a", [person("Doe", "John")]), item("b", [person("Doe", "Alice")])]
    layout = '<group delimiter=" "><names variable="author"><name form="short" initialize-with=". "/></names><date variable="issued"><date-part name="year"/></date></group>'
    opts = 'disambiguate-add-givenname="true"'
    assert citations(items, [[{"id": "a"}], [{"id": "b"}]], citation_layout=layout, citation=opts) == [
        "J. Doe 2000",
        "A. Doe 2000",
    ]


def test_disambiguate_condition_only_for_ambiguous_cites() -> None:
    """disambiguate="true" renders only for cites nothing else told apart."""
    items = [
        item("a", [person("Doe", "J")], title="A"),
        item("b", [person("Doe", "J")], title="B"),
        item("c", [person("Roe", "J")]),
    ]
    layout = (
        AUTHOR_YEAR + '<choose><if disambiguate="true"><text variable="title" prefix=", "/></if></choose>'
    )
    out = citations(items, [[{"id": "a"}], [{"id": "b"}], [{"id": "c"}]], citation_layout=layout)
    assert out == ["Doe 2000, A", "Doe 2000, B", "Roe 2000"]


def test_suffix_letters_go_past_z() -> None:
    """Year-suffixes run a … z, aa, ab …"""
    assert [suffix_letters(n) for n in (0, 25, 26, 27)] == ["a", "z", "aa", "ab"]


def test_each_cite_gets_only_the_names_it_needs() -> None:
    """A cite set apart by its second name shows two names; one needing the third shows three."""
    items = [
        item("a", [person("Smith", "J"), person("Brown", "J"), person("Jones", "John")]),
        item("b", [person("Smith", "J"), person("Brown", "J"), person("Jones", "Alan")]),
        item("c", [person("Smith", "J"), person("Benson", "J"), person("Jones", "John")]),
    ]
    layout = '<group delimiter=" "><names variable="author"><name form="short" initialize-with=". " and="symbol" delimiter-precedes-last="never"/></names><date variable="issued"><date-part name="year"/></date></group>'
    opts = 'disambiguate-add-names="true" disambiguate-add-givenname="true" et-al-min="3" et-al-use-first="1"'
    out = citations(
        items, [[{"id": "a"}], [{"id": "b"}], [{"id": "c"}]], citation_layout=layout, citation=opts
    )
    assert out == [
        "Smith, Brown &#38; J. Jones 2000",
        "Smith, Brown &#38; A. Jones 2000",
        "Smith, Benson, et al. 2000",
    ]


def test_all_names_rule_expands_names_shared_by_different_people() -> None:
    """givenname-disambiguation-rule="all-names" adds initials wherever two people share a family name."""
    items = [item("a", [person("Cold", "Carl")], 1980), item("b", [person("Cold", "Otto")], 1995)]
    layout = '<group delimiter=" "><names variable="author"><name form="short" initialize-with=". "/></names><date variable="issued"><date-part name="year"/></date></group>'
    opts = 'disambiguate-add-givenname="true" givenname-disambiguation-rule="all-names"'
    assert citations(items, [[{"id": "a"}], [{"id": "b"}]], citation_layout=layout, citation=opts) == [
        "C. Cold 1980",
        "O. Cold 1995",
    ]


def test_generated_citation_labels_take_year_suffixes() -> None:
    """Without a citation-label in the data, one is made from the names and year; suffixes follow it."""
    from citekit.csl.items.citation_label import generated_label

    assert generated_label(item("a", [person("Brown", "A"), person("Charles", "B")], 1998)) == "BrCh98"
    items = [item("a", [person("Asthma", "A")]), item("b", [person("Asthma", "A")], title="U")]
    opts = 'disambiguate-add-year-suffix="true"'
    out = citations(
        items,
        [[{"id": "a"}, {"id": "b"}]],
        citation_layout='<text variable="citation-label"/>',
        citation=opts,
        layout_attrs='delimiter="; "',
    )
    assert out == ["Asth00a; Asth00b"]


def test_implicit_year_suffix_follows_the_first_year_only() -> None:
    """A style rendering the issued date twice gets the year-suffix after the first year only."""
    items = [item("a", [person("Doe", "John")], title="A"), item("b", [person("Doe", "John")], title="B")]
    layout = AUTHOR_YEAR + '<date variable="issued" prefix=" / "><date-part name="year"/></date>'
    opts = 'disambiguate-add-year-suffix="true"'
    out = citations(items, [[{"id": "a"}], [{"id": "b"}]], citation_layout=layout, citation=opts)
    assert out == ["Doe 2000a / 2000", "Doe 2000b / 2000"]


def test_ambiguity_is_judged_on_the_subsequent_et_al_form() -> None:
    """Works whose shortened (et-al-subsequent) names agree get year-suffixes even when first cited in full."""
    items = [
        item("a", [person("Baur", "A"), person("Frey", "B"), person("Moe", "C")]),
        item("b", [person("Baur", "A"), person("Sand", "B"), person("Moe", "C")]),
    ]
    layout = '<group delimiter=" "><names variable="author"><name form="short"/></names><date variable="issued"><date-part name="year"/></date></group>'
    opts = 'disambiguate-add-year-suffix="true" et-al-min="4" et-al-use-first="3" et-al-subsequent-min="1" et-al-subsequent-use-first="1"'
    out = citations(
        items,
        [[{"id": "a"}, {"id": "b"}]],
        citation_layout=layout,
        citation=opts,
        layout_attrs='delimiter="; "',
    )
    assert out == ["Baur, Frey, Moe 2000a; Baur, Sand, Moe 2000b"]


def test_later_cites_are_told_apart_in_their_short_form() -> None:
    """Two works cited again in a short form that hides their titles show them through disambiguate="true"."""
    items = [
        item("a", [person("Doe", "John")], title="A"),
        item("b", [person("Doe", "John")], 2001, title="B"),
    ]
    layout = (
        '<choose><if position="subsequent"><names variable="author"><name form="short"/></names>'
        '<choose><if disambiguate="true"><text variable="title" prefix=", "/></if></choose></if>'
        '<else><names variable="author"><name/></names><date variable="issued" prefix=" "><date-part name="year"/></date></else></choose>'
    )
    clusters = [[{"id": "a"}], [{"id": "b"}], [{"id": "a"}], [{"id": "b"}]]
    out = citations(items, clusters, citation_layout=layout, cls="note")
    assert out == ["John Doe 2000", "John Doe 2001", "Doe, A", "Doe, B"]


FOUR = [
    item("a", [person("Doe", "John")], 1905),
    item("b", [person("Doe", "Jane")], 1905),
    item("c", [person("Roe", "Jane")], 1905),
    item("d", [person("Roe", "Karl")], 1905),
]
INITIALIZED_YEAR = AUTHOR_YEAR.replace('form="short" and="text"', 'initialize-with=". "')
INVERTED_INITIALS = (
    '<group delimiter=", "><names variable="author"><name name-as-sort-order="all" initialize-with=". "/>'
    '</names><date variable="issued"><date-part name="year"/></date></group>'
)


def test_expanded_initialized_name_keeps_initials_that_tell_people_apart() -> None:
    """all-names on a long name with initials: J. Roe and K. Roe stay initials, John and Jane Doe
    are written whole (citeproc-js)."""
    out = citations(
        FOUR,
        [[{"id": k}] for k in "abcd"],
        citation_layout=INITIALIZED_YEAR,
        citation='disambiguate-add-givenname="true" givenname-disambiguation-rule="all-names"',
    )
    assert out == ["John Doe 1905", "Jane Doe 1905", "J. Roe 1905", "K. Roe 1905"]


def test_bibliography_shows_the_given_names_the_citations_expanded() -> None:
    """A name the citations expanded is written whole in an initialized bibliography where its
    initials are another person's of that family name; initials that differ stay."""
    session_parts = {
        "citation_layout": AUTHOR_YEAR,
        "citation": 'disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name"',
        "bibliography_layout": INVERTED_INITIALS,
    }
    out = bibliography(FOUR, **session_parts)
    assert out == ["Doe, John, 1905", "Doe, Jane, 1905", "Roe, J., 1905", "Roe, K., 1905"]


def test_bibliography_names_stay_initials_under_a_with_initials_rule() -> None:
    """primary-name-with-initials never reaches full given names, in the bibliography either."""
    out = bibliography(
        FOUR,
        citation_layout=INITIALIZED_YEAR,
        citation='disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name-with-initials"'
        ' disambiguate-add-year-suffix="true"',
        bibliography_layout=INVERTED_INITIALS,
    )
    assert out == ["Doe, J., 1905a", "Doe, J., 1905b", "Roe, J., 1905", "Roe, K., 1905"]


def test_an_initial_and_a_whole_given_name_are_two_people() -> None:
    """``A.`` and ``Albert`` of one family name are told apart by the whole given name, in the
    citations and the bibliography, with no year-suffix (citeproc-js)."""
    items = [item("a", [person("Einstein", "A.")], 1905), item("b", [person("Einstein", "Albert")], 1905)]
    parts = {
        "citation_layout": AUTHOR_YEAR,
        "citation": 'disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name"'
        ' disambiguate-add-year-suffix="true"',
        "bibliography_layout": INVERTED_INITIALS,
    }
    assert citations(items, [[{"id": "a"}], [{"id": "b"}]], **parts) == [
        "A. Einstein 1905",
        "Albert Einstein 1905",
    ]
    assert bibliography(items, **parts) == ["Einstein, A., 1905", "Einstein, Albert, 1905"]
