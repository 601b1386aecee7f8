"""Bibliography options: subsequent-author-substitute; superscript characters as HTML tags."""

from __future__ import annotations

from citekit.csl.finish.superscripts import superscripts_as_tags
from tests.csl.minimal import bibliography

LAYOUT = '<group delimiter=", "><names variable="author"><name/></names><text variable="title"/></group>'


def test_repeated_names_are_substituted() -> None:
    """The second entry by the same author shows the substitute text instead of the names."""
    items = [
        {"id": "a", "type": "book", "title": "A", "author": [{"family": "Doe", "given": "Jo"}]},
        {"id": "b", "type": "book", "title": "B", "author": [{"family": "Doe", "given": "Jo"}]},
        {"id": "c", "type": "book", "title": "C", "author": [{"family": "Roe", "given": "Jo"}]},
    ]
    out = bibliography(items, bibliography_layout=LAYOUT, bibliography='subsequent-author-substitute="———"')
    assert out == ["Jo Doe, A", "———, B", "Jo Roe, C"]


def test_superscript_characters_become_tags() -> None:
    """A French ordinal suffix written with superscript letters becomes <sup> elements."""
    assert superscripts_as_tags("1ʳᵉ éd.") == "1<sup>r</sup><sup>e</sup> éd."


def test_display_blocks_in_html() -> None:
    """display="indent" sets the element's rendering in a csl-indent div in HTML."""
    items = [{"id": "a", "type": "book", "title": "A", "note": "Annotated."}]
    layout = '<text variable="title"/><text variable="note" display="indent"/>'
    assert bibliography(items, bibliography_layout=layout) == ['A<div class="csl-indent">Annotated.</div>']


def test_substitute_keeps_the_names_affixes() -> None:
    """The substitute replaces the names only; the cs:names suffix stays."""
    items = [
        {"id": "a", "type": "book", "title": "A", "author": [{"family": "Doe", "given": "Jo"}]},
        {"id": "b", "type": "book", "title": "B", "author": [{"family": "Doe", "given": "Jo"}]},
    ]
    layout = '<names variable="author" suffix=". "><name/></names><text variable="title"/>'
    out = bibliography(items, bibliography_layout=layout, bibliography='subsequent-author-substitute="---"')
    assert out == ["Jo Doe. A", "---. B"]


def test_substitute_replaces_names_not_their_label() -> None:
    """An editor's name repeated after an author of that name is substituted; the label stays."""
    items = [
        {"id": "a", "type": "book", "title": "A", "editor": [{"family": "Doe", "given": "Jo"}]},
        {"id": "b", "type": "book", "title": "B", "author": [{"family": "Doe", "given": "Jo"}]},
    ]
    layout = '<names variable="author"><name/><label prefix=" " form="short"/><substitute><names variable="editor"/></substitute></names><text variable="title" prefix=". "/>'
    out = bibliography(items, bibliography_layout=layout, bibliography='subsequent-author-substitute="---"')
    assert out == ["Jo Doe ed. A", "---. B"]


def test_trade_mark_sign_becomes_a_superscript() -> None:
    """™ (a superscript of two letters) becomes <sup>TM</sup>."""
    assert superscripts_as_tags("Brand™") == "Brand<sup>TM</sup>"
