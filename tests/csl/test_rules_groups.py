"""CSL 1.0.2 groups: a macro called by cs:text is suppressed like a group when its variables are empty."""

from __future__ import annotations

from tests.csl.minimal import citations

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
