"""CSL 1.0.2 locales and terms: a style's own language, terms in cs:substitute, affixes in names."""

from __future__ import annotations

from tests.csl.minimal import citations

EDITOR = {"id": "a", "type": "book", "editor": [{"family": "Doe", "given": "John"}]}


def test_style_locale_of_a_language_without_locale_file() -> None:
    """A default-locale no locale file has still takes the terms the style defines for it."""
    out = citations(
        [EDITOR],
        [[{"id": "a"}]],
        options='default-locale="gx"',
        macros='<locale xml:lang="gx"><terms><term name="editor">edxitor</term></terms></locale>',
        citation_layout='<names variable="editor"><name/><label prefix=" (" suffix=")"/></names>',
    )
    assert out == ["John Doe (edxitor)"]


def test_empty_term_ends_a_substitution() -> None:
    """A term in cs:substitute ends the substitution even when the locale defines it as empty."""
    out = citations(
        [{"id": "a", "type": "book"}],
        [[{"id": "a"}]],
        macros='<locale><terms><term name="editor"></term><term name="author">AUTHOR</term></terms></locale>',
        citation_layout='<group delimiter=" "><group><text value="Content:"/></group><names variable="translator"><substitute>'
        '<text term="editor"/><text term="author"/></substitute></names></group>',
    )
    assert out == ["Content:"]


def test_name_part_ending_in_a_non_breaking_space_takes_no_other_space() -> None:
    """A given-name suffix of a non-breaking space joins the family name without another space."""
    out = citations(
        [EDITOR],
        [[{"id": "a"}]],
        citation_layout='<names variable="editor"><name><name-part name="given" suffix="&#160;"/></name></names>',
    )
    assert out == ["John\u00a0Doe"]


def test_substituted_names_are_not_repeated_within_the_substitute() -> None:
    """Editors rendered by a substitute macro are not rendered again by the same macro."""
    macros = """<macro name="labelled"><names variable="editor"><name/><label form="short" prefix=" "/></names></macro>
<macro name="editor"><text macro="labelled"/><names variable="editor"><name/><label prefix=" "/></names></macro>"""
    out = citations(
        [EDITOR],
        [[{"id": "a"}]],
        macros=macros,
        citation_layout='<names variable="translator"><substitute><text macro="editor"/></substitute></names>',
    )
    assert out == ["John Doe ed."]


def test_blank_et_al_term_prints_nothing() -> None:
    """An et-al term written as a line break and indentation prints no et-al text and no line break."""
    items = [
        {
            "id": "a",
            "type": "book",
            "author": [{"family": "Doe", "given": "J"}, {"family": "Roe", "given": "R"}],
        }
    ]
    out = citations(
        items,
        [[{"id": "a"}]],
        macros='<locale><terms><term name="and others">\n      </term></terms></locale>',
        citation_layout='<names variable="author"><name et-al-min="2" et-al-use-first="1"/><et-al term="and others"/></names>',
    )
    assert out == ["J Doe"]
