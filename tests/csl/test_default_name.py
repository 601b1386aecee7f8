"""A cs:names without cs:name formats its names with the inherited name options, and rendering
it leaves the style as it was (citekit.csl.rules.names.default_name)."""

from __future__ import annotations

from tests.csl.minimal import session

CSL = "{http://purl.org/net/xbiblio/csl}"
PEOPLE = [{"family": f"Doe{n}", "given": "Jane Ann"} for n in range(4)]


def test_names_without_a_name_element_use_the_inherited_options() -> None:
    """Inherited initials, sort order and et-al options apply to a bare cs:names, item after item."""
    items = [{"id": f"i{n}", "type": "book", "author": PEOPLE[: n + 1]} for n in range(4)]
    run = session(
        items,
        markup="text",
        bibliography='initialize-with="" name-as-sort-order="all" et-al-min="3" et-al-use-first="1"',
        bibliography_layout='<names variable="author"/>',
    )
    entries = run.bibliography([item["id"] for item in items])
    assert entries == ["Doe0, JA", "Doe0, JA, Doe1, JA", "Doe0, JA et al.", "Doe0, JA et al."]


def test_rendering_a_bare_names_leaves_the_style_unchanged() -> None:
    """However many entries render, the cs:names element keeps exactly the children it was written with."""
    items = [{"id": f"i{n}", "type": "book", "author": PEOPLE[:2]} for n in range(30)]
    run = session(
        items,
        markup="text",
        bibliography_layout='<names variable="author"><substitute><text variable="title"/></substitute></names>',
    )
    names = next(run.style.root.bibliography.iter(f"{CSL}names"))
    before = [child.tag for child in names]
    run.bibliography([item["id"] for item in items])
    assert [child.tag for child in names] == before == [f"{CSL}substitute"]
