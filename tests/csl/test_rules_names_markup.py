"""CSL 1.0.2 rich text in names: tags in name parts are kept as markup, initials taken inside them."""

from __future__ import annotations

from tests.csl.minimal import bibliography

INITIALS = '<names variable="author"><name name-as-sort-order="all" initialize-with=". "/></names>'


def entry(name: dict[str, str], layout: str = '<names variable="author"/>') -> str:
    [out] = bibliography([{"id": "a", "type": "book", "author": [name]}], bibliography_layout=layout)
    return out


def test_tags_in_an_institution_name_are_markup() -> None:
    """``<sup>`` in a family name prints as superscript markup, and its ampersand stays escaped."""
    assert (
        entry({"family": "Center <sup>for</sup> History & Media"})
        == "Center <sup>for</sup> History &#38; Media"
    )


def test_tagged_given_name_is_initialized_inside_its_tags() -> None:
    """A bold given name becomes a bold initial; a hyphenated second name keeps its hyphen."""
    assert (
        entry({"family": "<b>Doe</b>", "given": "<b>John</b> Quiggly"}, INITIALS)
        == "<b>Doe</b>, <b>J.</b> Q."
    )
    assert entry({"family": "Doe", "given": "<b>John</b>-Quiggly"}, INITIALS) == "Doe, <b>J.</b>-Q."


def test_non_breaking_space_inside_a_name_is_kept() -> None:
    """A non-breaking space inside a name part is kept; ordinary runs of spaces become one."""
    assert entry({"family": "Center\u00a0 of   Things"}) == "Center\u00a0 of Things"
