"""The unwrap stage: what saving tools add to a page is undone, and the page's lines are kept."""

from __future__ import annotations

from citekit.formats.portal.unwrap import front_matter, strip_comment_prefixes, unwrap


def _texts(text: str) -> list[str]:
    return [line.text for line in unwrap(text).lines]


def test_front_matter_is_kept_as_meta_and_leaves_the_lines() -> None:
    """A YAML front matter becomes the capture's meta; its ``key: value`` lines are no page lines."""
    capture = unwrap(
        "---\ntitle: A study of things\ndate: 2016-05-26\nextractor: trafilatura\n---\nAbstract\n"
    )
    assert capture.meta == {"title": "A study of things", "date": "2016-05-26", "extractor": "trafilatura"}
    assert [line.text for line in capture.lines] == ["Abstract"]


def test_front_matter_with_a_list_value_is_read_whole() -> None:
    """List items under a front-matter key belong to that key."""
    meta, skip = front_matter(["---", "title: T", "tags:", "- a", "- b", "---", "body"])
    assert meta["title"] == "T" and "- a" in meta["tags"] and skip == 6


def test_html_comments_go_and_line_numbers_stay() -> None:
    """A converter's HTML comment is dropped, and the lines after it keep their numbers."""
    capture = unwrap("<!-- migrated from\npage.html -->\n# Title\n")
    assert capture.lines[0].text == "Title" and capture.lines[0].no == 3 and capture.lines[0].mark == "h1"


def test_comment_prefix_over_a_pasted_page_is_taken_off() -> None:
    """A page pasted into a script's comments (``## `` on every line of a run) is read without it."""
    lines = [
        "x <- 1",
        "## Title",
        "## A. Author",
        "## Volume75",
        "## Issue number5",
        "## StatePublished - 2013",
    ]
    assert strip_comment_prefixes(lines)[1:] == [
        "Title",
        "A. Author",
        "Volume75",
        "Issue number5",
        "StatePublished - 2013",
    ]
    assert strip_comment_prefixes(lines[:3]) == lines[:3]  # a short run is left as it is


def test_markdown_headings_of_several_levels_are_no_comment_prefix() -> None:
    """Consecutive Markdown headings of different levels keep their marks."""
    capture = unwrap("# A\n## B\n### C\n## D\n# E\n")
    assert [line.mark for line in capture.lines] == ["h1", "h2", "h3", "h2", "h1"]


def test_browsing_tool_line_numbers_and_markers_are_cut() -> None:
    """A browsing tool's ``Lnn:`` numbers split a joined line, and ``cite11†``, ``†domain`` and
    ``【…】`` markers go."""
    text = (
        "L0: cite0†Skip to main content L1: \nL2: # A title L3: \n"
        "L4:   * cite11†Xiao Wang L5:   * , Chi Tian\nL6: https://doi.org/10.1/x†doi.org 【3†L4-L5】\n"
    )
    assert _texts(text) == [
        "Skip to main content",
        "A title",
        "Xiao Wang",
        ", Chi Tian",
        "https://doi.org/10.1/x",
    ]


def test_links_images_emphasis_escapes_and_entities_are_undone() -> None:
    """Links keep their text (targets kept aside), images go, emphasis, escapes and entities are undone."""
    capture = unwrap(
        "- [Ann Lee](https://portal/en/persons/ann-lee) ![logo](x.png)\n"
        "**Bold** and *italic* \\[21\\] &amp; more\n"
        "[3   Link opens in a new tab](https://www.scopus.com/x) Citations (Scopus)\n"
    )
    assert [line.text for line in capture.lines] == [
        "Ann Lee",
        "Bold and italic [21] & more",
        "3 Citations (Scopus)",
    ]
    assert capture.lines[0].mark == "item" and capture.lines[0].targets == (
        "https://portal/en/persons/ann-lee",
    )
    assert capture.lines[1].raw.startswith("**Bold**")  # the raw text keeps Markdown for the renderings


def test_a_link_wrapped_over_two_lines_keeps_its_text() -> None:
    """A link whose text runs over a line break (a search result's title) is taken whole."""
    capture = unwrap("10. [The universal decay\n   - CEU Portal](https://x/en/publications/decay)\n")
    assert capture.links[0][1:] == ("The universal decay - CEU Portal", "https://x/en/publications/decay")


def test_table_placeholders_and_bare_marks_go() -> None:
    """``[TABLE]`` (a table a converter lost) is counted, not kept; rules, bare bullets and fences go."""
    capture = unwrap("A\n[TABLE]\n---\n- \n*   *   *\n```\nB\n")
    assert [line.text for line in capture.lines] == ["A", "B"] and capture.lost_tables == [2]


def test_tabs_and_runs_of_spaces_are_kept() -> None:
    """Tabs and runs of spaces part a label from its value, so they stay."""
    assert _texts("Volume\t78\nIssue number   8\n") == ["Volume\t78", "Issue number   8"]


def test_spilled_markdown_cell_is_joined() -> None:
    """A Markdown row whose cell spills over lines becomes one row again."""
    assert _texts("| DOIs | 10.1/a\n10.1/b |\n") == ["| DOIs | 10.1/a\n10.1/b |"]


def test_a_text_browsers_link_list_is_read_and_dropped() -> None:
    """``lynx -dump``'s ``[1]`` marks go; the ``References`` list gives their targets."""
    capture = unwrap(
        "[1]A title of ours\n   Lee, A. & [2]Kim, B., 2024\n\nReferences\n\n   1. https://p/en/publications/a\n   2. https://p/en/persons/b\n"
    )
    assert [line.text for line in capture.lines] == ["A title of ours", "Lee, A. & Kim, B., 2024"]
    assert (1, "A title of ours", "https://p/en/publications/a") in capture.links


def test_structural_html_left_in_markdown_is_dropped() -> None:
    """Tags pandoc's gfm writer keeps (``<div>``, ``<span>``, ``<a>``) go, their text stays."""
    text = '<div class="a">\n<span>One</span>\n<a href="x"><span>Two</span></a>\n</div>\n'
    assert _texts(text) == ["One", "Two"]
    assert _texts("An abstract with <sup>1</sup> in it\n") == ["An abstract with <sup>1</sup> in it"]
