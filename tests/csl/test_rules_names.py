"""CSL 1.0.2 Name: initials, et-al abbreviation, "and" delimiters, inverted names, name counts."""

from __future__ import annotations

from citekit.csl.rules.names.initials import initialized
from tests.csl.minimal import bibliography, citations

PEOPLE = [
    {"family": "Doe", "given": "John Quincy"},
    {"family": "Roe", "given": "Jane"},
    {"family": "Moe", "given": "Jean-Paul"},
]
ITEM = {"id": "a", "type": "book", "author": PEOPLE, "editor": PEOPLE[:2]}


def cite(name: str, names: str = "") -> str:
    layout = f'<names variable="author" {names}>{name}</names>'
    [out] = citations([ITEM], [[{"id": "a"}]], citation_layout=layout)
    return out


def test_initials_keep_hyphens_and_existing_initials() -> None:
    """Given names become initials; dotted words are initials already; hyphens stay by default."""
    assert initialized("John Quincy", ". ", hyphen=True) == "J. Q."
    assert initialized("Jean-Paul", ".", hyphen=True) == "J.-P."
    assert initialized("Jean-Paul", ".", hyphen=False) == "J.P."
    assert initialized("Ph. M.E.", ". ", hyphen=True) == "Ph. M. E."
    assert initialized("John M.E.", ".", hyphen=True, full_words=True) == "John M.E."


def test_and_with_contextual_delimiter_and_inverted_first_name() -> None:
    """name-as-sort-order="first" inverts the first name; three names put the delimiter before "and"."""
    out = cite('<name and="text" name-as-sort-order="first" initialize-with=". "/>')
    assert out == "Doe, J. Q., J. Roe, and J.-P. Moe"


def test_et_al_and_delimiter_precedes_et_al_never() -> None:
    """Three names with et-al-min 3 and use-first 1 show one name and the et-al term."""
    assert (
        cite('<name et-al-min="3" et-al-use-first="1" delimiter-precedes-et-al="never"/>')
        == "John Quincy Doe et al."
    )


def test_et_al_use_last() -> None:
    """et-al-use-last shows the last name after an ellipsis."""
    many = {"id": "a", "type": "book", "author": [*PEOPLE, {"family": "Zed", "given": "Zoe"}]}
    layout = '<names variable="author"><name form="short" et-al-min="4" et-al-use-first="1" et-al-use-last="true"/></names>'
    assert citations([many], [[{"id": "a"}]], citation_layout=layout) == ["Doe, … Zed"]


def test_count_form_adds_up_the_variables() -> None:
    """form="count" counts the names of every variable of cs:names."""
    layout = '<names variable="author editor"><name form="count"/></names>'
    assert citations([ITEM], [[{"id": "a"}]], citation_layout=layout) == ["5"]


def test_names_without_spaces_are_family_first() -> None:
    """A Japanese name is written family name first, with no space."""
    item = {"id": "j", "type": "book", "author": [{"family": "我妻", "given": "栄"}]}
    layout = '<names variable="author"><name/></names>'
    assert citations([item], [[{"id": "j"}]], citation_layout=layout) == ["我妻栄"]


def test_suffix_written_after_a_comma_in_the_given_name() -> None:
    """A given name "John, III" has the suffix III; "John,! Jr." keeps the comma before "Jr."."""
    items = [
        {"id": "a", "type": "book", "author": [{"family": "Doe", "given": "John, III"}]},
        {"id": "b", "type": "book", "author": [{"family": "Doe", "given": "John,! Jr."}]},
    ]
    layout = '<names variable="author"><name/></names>'
    assert citations(items, [[{"id": "a"}], [{"id": "b"}]], citation_layout=layout) == [
        "John Doe III",
        "John Doe, Jr.",
    ]


def test_name_part_formatting_styles_each_piece() -> None:
    """Uppercasing the family name part leaves the dropping particle and the suffix as written."""
    item = {
        "id": "a",
        "type": "book",
        "author": [{"family": "Roe", "given": "Jane", "dropping-particle": "van", "suffix": "III"}],
    }
    layout = '<names variable="author"><name><name-part name="family" text-case="uppercase"/></name></names>'
    assert citations([item], [[{"id": "a"}]], citation_layout=layout) == ["Jane van ROE III"]


def test_et_al_min_alone_abbreviates_nothing() -> None:
    """et-al-min without et-al-use-first anywhere leaves every name (as citeproc-js does)."""
    layout = '<names variable="author"><name et-al-min="3"/></names>'
    [out] = citations([ITEM], [[{"id": "a"}]], citation_layout=layout)
    assert out == "John Quincy Doe, Jane Roe, Jean-Paul Moe"


def test_institutions_are_not_inverted_names() -> None:
    """after-inverted-name puts no delimiter before "and" after an institution's (literal) name."""
    item = {
        "id": "o",
        "type": "book",
        "author": [{"literal": "Alpha Commission"}, {"literal": "Beta Commission"}],
    }
    layout = '<names variable="author"><name name-as-sort-order="all" and="symbol" delimiter-precedes-last="after-inverted-name"/></names>'
    assert citations([item], [[{"id": "o"}]], citation_layout=layout) == [
        "Alpha Commission &#38; Beta Commission"
    ]


def test_initial_of_a_name_opening_with_several_capitals() -> None:
    """A given name opening with two capitals before lowercase (TSerendorjiin) keeps both: Ts."""
    assert initialized("TSerendorjiin", ".", hyphen=True) == "Ts."
    assert initialized("JOHN McDonald", ".", hyphen=True) == "J.M."


def _with_terms(terms: str, name: str) -> str:
    locale = f"<locale><terms>{terms}</terms></locale>"
    layout = f'<names variable="author">{name}<et-al/></names>'
    [out] = citations([ITEM], [[{"id": "a"}]], macros=locale, citation_layout=layout)
    return out


def test_et_al_term_without_spaces_is_joined_tight() -> None:
    """An et-al term in a script written without spaces (等) follows the last name with no space."""
    name = '<name et-al-min="3" et-al-use-first="1"/>'
    assert _with_terms('<term name="et-al">等</term>', name) == "John Quincy Doe等"
    assert _with_terms('<term name="et-al">u.a.</term>', name) == "John Quincy Doe u.a."


def test_hebrew_and_term_is_joined_tight() -> None:
    """The Hebrew "and" (ו) is written onto the names around it, an "&" keeps its spaces."""
    name = '<name and="text" form="short" delimiter-precedes-last="never"/>'
    assert _with_terms('<term name="and">ו&#8200;</term>', name) == "Doe, Roeו\u2008Moe"
    assert _with_terms("", '<name and="symbol" form="short"/>') == "Doe, Roe, &#38; Moe"


def _one_author(author: dict[str, str], name: str, options: str = "") -> str:
    item = {"id": "b", "type": "book", "author": [author]}
    layout = f'<names variable="author">{name}</names>'
    [out] = citations([item], [[{"id": "b"}]], citation_layout=layout, options=options)
    return out


def test_dropping_particle_ending_in_an_apostrophe_is_parsed() -> None:
    """A given name ending in d' has d’ as its dropping particle, written onto the family name."""
    author = {"family": "Aubignac", "given": "François Hédelin d'"}
    name = '<name><name-part name="family" prefix="(" suffix=")"/></name>'
    assert _one_author(author, name) == "François Hédelin (d’Aubignac)"


def test_space_after_an_apostrophe_particle_is_kept() -> None:
    """A particle written with a space after its apostrophe (de' Frinkle) keeps it; d'Wander none."""
    never = 'demote-non-dropping-particle="never"'
    name = '<name name-as-sort-order="all"/>'
    assert _one_author({"family": "de' Frinkle", "given": "Bevis"}, name, never) == "de’ Frinkle, Bevis"
    assert _one_author({"family": "d'Wander", "given": "Will"}, name, never) == "d’Wander, Will"
    assert _one_author({"family": "de' Frinkle", "given": "Bevis"}, name) == "Frinkle, Bevis de’"


def test_particles_opening_with_an_apostrophe_or_holding_periods() -> None:
    """Family names starting ’t or v.d. carry those as non-dropping particles, demoted when inverted."""
    name = '<name name-as-sort-order="all"/>'
    assert _one_author({"family": "'t Hooft", "given": "Gerard"}, name) == "Hooft, Gerard ’t"
    assert _one_author({"family": "v.d. Berg", "given": "Anna"}, name) == "Berg, Anna v.d."


def test_names_in_a_choose_of_a_substitute_inherit_the_name_and_label() -> None:
    """An editor standing for a missing author through a cs:choose in cs:substitute takes the
    author's cs:name and cs:label (citeproc-js: "King, Peter R., ed."; it was "Peter R. King")."""
    layout = (
        '<names variable="author"><name name-as-sort-order="first" and="text"/>'
        '<label form="short" prefix=", "/><substitute><choose><if type="standard" match="none">'
        '<names variable="editor"/></if></choose></substitute></names>'
    )
    item = {"id": "a", "type": "book", "editor": [{"family": "King", "given": "Peter R."}]}
    assert citations([item], [[{"id": "a"}]], citation_layout=layout) == ["King, Peter R., ed."]


def test_two_names_ending_in_an_institution_are_joined_by_and_alone() -> None:
    """delimiter-precedes-last="always" puts no comma before the "and" of a person and an
    institution (Zotero's "Abbott, B. P. & LIGO Scientific Collaboration": 23 styles in the
    agreement run), as citeproc-js joins them; an institution first, or three names, keep it."""
    person, org = {"family": "Abbott", "given": "B. P."}, {"literal": "LIGO Collaboration"}
    lists = [
        [person, org],
        [org, person],
        [person, {"family": "Smith", "given": "J."}, org],
        [org, {"literal": "Org"}],
    ]
    items = [{"id": str(n), "type": "book", "author": names} for n, names in enumerate(lists)]
    layout = (
        '<names variable="author"><name and="symbol" delimiter-precedes-last="always" initialize-with=". "'
        ' name-as-sort-order="all"/></names>'
    )
    assert bibliography(items, bibliography_layout=layout) == [  # HTML: & is &#38;
        "Abbott, B. P. &#38; LIGO Collaboration",
        "LIGO Collaboration, &#38; Abbott, B. P.",
        "Abbott, B. P., Smith, J., &#38; LIGO Collaboration",
        "LIGO Collaboration &#38; Org",
    ]


def test_a_label_is_plural_only_for_a_value_numeric_as_a_whole() -> None:
    """citeproc-js: "12-14" and "12 and 14" take "nos.", "Pub. L. No. 88-352", "S. 12-14" and
    "1/2" take "no." (APA's Civil Rights Act: "Pub. L. No.", not "Nos.", in 5 styles)."""
    values = ["12-14", "12 and 14", "2nd-3rd", "Pub. L. No. 88-352", "S. 12-14", "1/2"]
    items = [{"id": str(n), "type": "report", "number": v} for n, v in enumerate(values)]
    layout = '<label variable="number" form="short" suffix=" "/><text variable="number"/>'
    out = bibliography(items, bibliography_layout=layout)
    assert [entry.split(" ")[0] for entry in out] == ["nos.", "nos.", "nos.", "no.", "no.", "no."]


def test_cs_name_formatting_and_prefix_go_on_each_name() -> None:
    """citeproc-js writes cs:name's formatting and prefix around each name (APS: ``<b>Oaho AV</b>,
    <b>Ullman JD</b>``); a prefix's space after the delimiter's is dropped but before the last name
    (frontiers-medical-journals: ``Lawrie DH,  Sameh AH``); the suffix comes once, after the list."""
    people = [{"family": "Aa", "given": "B"}, {"family": "Cc", "given": "D"}, {"family": "Ee", "given": "F"}]
    item = {"id": "a", "type": "book", "editor": people}
    tail = 'initialize-with="" name-as-sort-order="all" sort-separator=" "/>'
    layouts = [
        f'<names variable="editor"><name font-weight="bold" suffix="." {tail}</names>',
        f'<text value="In:"/><names variable="editor"><name prefix=" " {tail}</names>',
    ]
    assert [bibliography([item], bibliography_layout=layout)[0] for layout in layouts] == [
        "<b>Aa B</b>, <b>Cc D</b>, <b>Ee F</b>.",
        "In: Aa B, Cc D,  Ee F",
    ]
