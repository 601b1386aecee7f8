"""The renderings stage: the portal's Cite-this styles told by their shape and read for what they add."""

from __future__ import annotations

import pytest

from citekit.formats.portal.renderings import (
    apa_names,
    find_renderings,
    harvard_event,
    standard_place,
    style_of,
)
from citekit.formats.portal.unwrap import unwrap

STYLES = {
    "apa": "Wang, X., Tian, C., & Huang, F. P. (2023). Model-dependent analysis. Journal of Cosmology, 2023(7).",
    "harvard": "CAI, X, Goharshady, AK & LAM, CK 2025, Faster allocation. in ASPLOS 2025. pp. 463-477.",
    "author": "Wang, Xiao ; Tian, Chi ; Huang, Fa Peng. / Model-dependent analysis. In: Journal. 2023 ; Vol. 2023.",
    "standard": "Model-dependent analysis. / Wang, Xiao ; Tian, Chi; Huang, Fa Peng. In: Journal, 07.2023.",
    "vancouver": "Pan X, An Y, Liang S, Mao B et al. Flagger: cooperative acceleration. In Proceeding. 2024. p. 915-930.",
}


@pytest.mark.parametrize("style", list(STYLES))
def test_each_style_is_told_by_its_shape(style: str) -> None:
    """APA, Harvard, Author, Standard and Vancouver lines are each recognised as their style."""
    assert style_of(STYLES[style]) == style


@pytest.mark.parametrize(
    "text", ["John P. A. Ioannidis", "Brian W. Kernighan, Dennis M. Ritchie", "Deep learning"]
)
def test_author_lines_and_titles_are_no_rendering(text: str) -> None:
    """A page's own author line or title is not taken for a rendering."""
    assert not style_of(text) or not find_renderings(unwrap(text).lines, set())


def test_apa_names_are_read_with_their_initials() -> None:
    """An APA author list gives family names and initials; text that is no list gives none."""
    names = apa_names("Wilkinson, T. J., Lemmey, A. B., & O'Brien, T. D.")
    assert [(n.family, n.given) for n in names] == [
        ("Wilkinson", "T. J."),
        ("Lemmey", "A. B."),
        ("O'Brien", "T. D."),
    ]
    assert apa_names("Deep learning in practice") == []


def test_renderings_other_than_apa_are_looked_for_under_cite_this() -> None:
    """A Harvard-shaped line before the Cite-this menu is page text; after it, a rendering."""
    lines = unwrap(f"{STYLES['harvard']}\nCite this\n{STYLES['harvard']}\n").lines
    assert [(r.style, r.first) for r in find_renderings(lines, set())] == [("harvard", 2)]


def test_standard_rendering_takes_its_second_line_and_the_repeated_breadcrumb() -> None:
    """Standard's host line and the breadcrumb repeated under it belong to the rendering."""
    text = (
        "Cite this\nA title. / Lee, Ann; Kim, Bo.\nIn: Journal, Vol. 2, 2020.\n"
        "Research output: Contribution to journal › Article\n"
    )
    [rendering] = find_renderings(unwrap(text).lines, set())
    assert (rendering.style, rendering.first, rendering.last) == ("standard", 1, 3)


def test_harvard_gives_the_conference_place_and_standard_the_publisher_place() -> None:
    """Harvard: the place between the conference's name and its date; Standard: what stands before ``: Publisher``."""
    harvard = "Zhang, T 2025, Title. in Host. ACM, pp. 1-2, The 30th Conference, Rotterdam, Netherlands, 30/03/25. https://doi.org/10.1/x"
    assert harvard_event(harvard, "The 30th Conference") == ("Rotterdam, Netherlands", "30/03/25")
    standard = "Title. / Zhang, Tingji. Host. Vol. 2 New York, NY, USA : Association for Computing Machinery (ACM), 2025. p. 529-544."
    assert standard_place(standard, "Association for Computing Machinery (ACM)") == "New York, NY, USA"
