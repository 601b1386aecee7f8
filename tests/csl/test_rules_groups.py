"""CSL 1.0.2 groups: a macro called by cs:text is suppressed like a group when its variables are empty."""

from __future__ import annotations

from tests.csl.minimal import bibliography, citations

MACROS = """<macro name="container">
  <text term="in" suffix=" "/><text variable="container-title" font-style="italic"/>
</macro>"""
LAYOUT = '<group delimiter=", "><text variable="title"/><text macro="container"/></group>'


def cite(item: dict[str, object]) -> str:
    [out] = citations(
        [{"id": "a", "type": "chapter", **item}],
        [[{"id": "a"}]],
        macros=MACROS,
        citation_layout=LAYOUT,
    )
    return out


def test_macro_with_only_empty_variables_prints_no_term() -> None:
    """A macro whose container title is missing leaves no stray ``in`` behind."""
    assert cite({"title": "Life"}) == "Life"


def test_macro_with_a_rendered_variable_keeps_its_term() -> None:
    """A macro whose variable rendered prints its term as before."""
    assert cite({"title": "Life", "container-title": "Lives"}) == "Life, in <i>Lives</i>"


def test_nested_group_with_output_keeps_its_parent() -> None:
    """A group whose only variable is empty still prints when a nested group printed something."""
    layout = '<group delimiter=" "><text variable="title"/><group><text value="untitled"/></group></group>'
    [out] = citations([{"id": "a", "type": "book"}], [[{"id": "a"}]], citation_layout=layout)
    assert out == "untitled"


def test_a_group_that_printed_keeps_the_macro_around_it() -> None:
    """annual-reviews: a manuscript's ``<group><text value="Work. Pap."/></group>`` beside an
    empty publisher-place, in a cs:choose of a macro, is printed (citeproc-js counts a group that
    printed as a rendered variable, through a cs:choose too); a bare value beside it is not."""
    item = {"id": "a", "type": "manuscript", "title": "T"}
    macros = (
        '<macro name="grouped"><choose><if type="manuscript"><group><text value="W"/></group>'
        '<text variable="publisher-place"/></if></choose></macro>'
        '<macro name="bare"><text value="W"/><text variable="publisher-place"/></macro>'
    )
    layouts = ['<text macro="grouped"/>', '<text macro="bare"/>']
    assert [bibliography([item], bibliography_layout=layout, macros=macros) for layout in layouts] == [
        ["W"],
        [],
    ]
