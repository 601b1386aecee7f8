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


def test_substitute_keeps_the_period_a_name_initial_stood_for() -> None:
    """When the names end with an initial's period that also stood for the suffix after them
    ("Knuth, Donald E."), the substitute keeps that period: MLA's "———. Second" (citeproc-js)."""
    from tests.csl.minimal import bibliography

    items = [
        {"id": a, "type": "book", "title": a.upper(), "author": [{"family": "Knuth", "given": "Donald E."}]}
        for a in ("first", "second")
    ]
    layout = (
        '<group delimiter=" "><names variable="author" suffix="."><name name-as-sort-order="first"/></names>'
        '<text variable="title"/></group>'
    )
    out = bibliography(items, bibliography='subsequent-author-substitute="———"', bibliography_layout=layout)
    assert out == ["Knuth, Donald E. FIRST", "———. SECOND"]


def test_subsequent_author_substitute_rules_replace_names_one_by_one() -> None:
    """partial-first replaces the first name that matches the entry before's, partial-each every
    leading match, complete-each every name of a list that matches whole; delimiters and "and"
    stay (citeproc-js)."""
    people = {"D": ("Doe", "Jo"), "R": ("Roe", "Al"), "Z": ("Zed", "Al")}
    lists = ["D", "DR", "DR", "DZR", "DZR"]
    items = [
        {
            "id": str(n),
            "type": "book",
            "title": f"T{n}",
            "author": [{"family": people[p][0], "given": people[p][1]} for p in authors],
        }
        for n, authors in enumerate(lists)
    ]
    layout = (
        '<group delimiter=". "><names variable="author"><name and="text" name-as-sort-order="first"/>'
        '</names><text variable="title"/></group>'
    )

    def entries(rule: str) -> list[str]:
        options = f'subsequent-author-substitute="——" subsequent-author-substitute-rule="{rule}"'
        return bibliography(items, bibliography=options, bibliography_layout=layout)

    assert entries("partial-first")[1:] == [
        "—— and Al Roe. T1",
        "—— and Al Roe. T2",
        "——, Al Zed, and Al Roe. T3",
        "——, Al Zed, and Al Roe. T4",
    ]
    assert entries("partial-each")[2:] == [
        "—— and ——. T2",
        "——, Al Zed, and Al Roe. T3",
        "——, ——, and ——. T4",
    ]
    assert entries("complete-each")[1:3] == ["Doe, Jo and Al Roe. T1", "—— and ——. T2"]


def test_partial_substitute_keeps_the_period_a_last_initial_stood_for() -> None:
    """``Doe, J.`` then the ". " delimiter: the substitute keeps the period (``——. B``)."""
    items = [
        {"id": k, "type": "book", "title": k, "author": [{"family": "Doe", "given": "J."}]}
        for k in ("A", "B")
    ]
    layout = (
        '<group delimiter=". "><names variable="author"><name and="text" name-as-sort-order="first"/>'
        '</names><text variable="title"/></group>'
    )
    options = 'subsequent-author-substitute="——" subsequent-author-substitute-rule="partial-first"'
    assert bibliography(items, bibliography=options, bibliography_layout=layout) == ["Doe, J. A", "——. B"]
