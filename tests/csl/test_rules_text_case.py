"""CSL 1.0.2 Text-case: case changes that follow the item's language."""

from __future__ import annotations

from tests.csl.minimal import bibliography, citations


def cite(title: str, language: str, case: str) -> str:
    item = {"id": "a", "type": "book", "title": title, "language": language}
    layout = f'<text variable="title" text-case="{case}"/>'
    [out] = citations([item], [[{"id": "a"}]], citation_layout=layout)
    return out


def test_turkish_uppercase_keeps_the_dot_on_i() -> None:
    """Uppercase in Turkish writes dotted i as İ and dotless ı as I; English writes both as I."""
    assert cite("iki ılık", "tr", "uppercase") == "İKİ ILIK"
    assert cite("iki ılık", "en", "uppercase") == "IKI ILIK"


def test_turkish_lowercase_writes_dotless_i() -> None:
    """Lowercase in Turkish writes I as ı and İ as i."""
    assert cite("IRMAK İZMİR", "tr", "lowercase") == "ırmak izmir"


def test_text_case_on_a_macro_call_is_not_applied() -> None:
    """text-case on a cs:text that calls a macro leaves the macro's output as it is, as
    citeproc-js does; text-case inside the macro still applies."""
    item = {"id": "a", "type": "book", "title": "a history of tides", "edition": "2"}
    macros = (
        '<macro name="title"><text variable="title"/></macro>'
        '<macro name="edition"><text term="edition" text-case="capitalize-first"/></macro>'
    )
    layout = (
        '<group delimiter="; "><text macro="title" text-case="uppercase"/>'
        '<text macro="edition" text-case="lowercase"/></group>'
    )
    [out] = citations([item], [[{"id": "a"}]], citation_layout=layout, macros=macros)
    assert out == "a history of tides; Edition"


def test_title_case_reads_the_language_field_by_its_first_two_letters() -> None:
    """Zotero writes "English" where a code belongs; citeproc-js title-cases it as en (25 styles
    in the agreement run), and "German" as not English."""
    items = [
        {"id": "a", "type": "book", "title": "the gospel according to luke", "language": "English"},
        {"id": "b", "type": "book", "title": "the gospel according to luke", "language": "German"},
        {"id": "c", "type": "book", "title": "the gospel according to luke", "language": "en-GB"},
        {"id": "d", "type": "book", "title": "the gospel according to luke", "language": "1"},
    ]
    out = bibliography(items, bibliography_layout='<text variable="title" text-case="title"/>')
    assert out == [
        "The Gospel According to Luke",
        "the gospel according to luke",
        "The Gospel According to Luke",
        "the gospel according to luke",
    ]


def test_terms_are_title_cased_whatever_the_locale() -> None:
    """citeproc-js asks the language only of an item's fields: in a German style a term and a
    label take title case, a title does not (university-college-lillebaelt-apa's "(Red.)": 61 of
    its entries in the agreement run)."""
    item = {
        "id": "a",
        "type": "book",
        "title": "der weg zum ziel",
        "editor": [{"family": "Roe", "given": "Jane"}],
    }
    layout = (
        '<group delimiter=" | "><text term="no date" text-case="title"/><text variable="title" text-case="title"/>'
        '<names variable="editor"><name/><label form="short" text-case="title" prefix=" "/></names></group>'
    )
    out = bibliography([item], bibliography_layout=layout, options='default-locale="de-DE"')
    assert out == ["Ohne Datum | der weg zum ziel | Jane Roe Hrsg."]


def test_a_labels_title_case_capitalizes_its_last_word() -> None:
    """canadian-journal-of-fisheries-and-aquatic-sciences: "Edited By" as citeproc-js writes it
    (citeproc-py's own title case for labels lowercased the stop word ending the term)."""
    item = {"id": "a", "type": "book", "editor": [{"family": "Cope", "given": "E. M."}]}
    layout = '<names variable="editor"><label form="verb" text-case="title" suffix=" "/><name/></names>'
    assert bibliography([item], bibliography_layout=layout) == ["Edited By E. M. Cope"]
