"""The HTML stage: a saved page read from its own structure, its Cite-this renderings and its meta tags."""

from __future__ import annotations

from citekit.formats.portal.html import html_capture
from citekit.formats.portal.read import read_html

LIST_ENTRY = """<html><body><ul><li><div class="rendering">
<h3 class="title"><a href="https://p/en/publications/trust"><span>Trust and vaccine rollouts</span></a></h3>
<span>Hannah, A.</span> &amp; <a href="https://p/en/persons/j"><span>Tchilingirian, J.</span></a>,
<span class="date">28 Feb 2024</span>, <em>Research Handbook.</em> Cheltenham: <span>Elgar</span>, <span>p. 206 - 217</span>.
<p class="type">Research output: Chapter or section in a book/report/conference proceeding › Chapter or section</p>
</div></li></ul></body></html>"""

SAVED_PAGE = """<html><head>
<meta name="citation_title" content="Long short-term memory">
<meta name="citation_author" content="Hochreiter, Sepp"><meta name="citation_author" content="Schmidhuber, Jürgen">
<meta name="citation_doi" content="10.1162/neco.1997.9.8.1735">
</head><body>
<div class="type">Research output: Contribution to journal › Article</div>
<table class="properties"><tr><th>Journal</th><td>Neural Computation</td></tr>
<tr><th>Volume</th><td>9</td></tr><tr><th>Publication status</th><td>Published - 15 Nov 1997</td></tr></table>
<div id="cite-RIS" class="hidden">TY  - JOUR<br>T1 - Long short-term memory<br>AU - Hochreiter, Sepp<br>AU - Schmidhuber, Jürgen<br>IS - 8<br>SP - 1735<br>EP - 1780<br>ER  -</div>
</body></html>"""


def test_text_standing_beside_inner_blocks_is_a_line_in_document_order() -> None:
    """A byline of spans and links between a heading and a paragraph is one line, in its place."""
    lines = html_capture(LIST_ENTRY, "page.html").lines
    texts = [line.text for line in lines]
    assert texts[0] == "Trust and vaccine rollouts" and lines[0].mark == "h3"
    assert texts[1].startswith("Hannah, A. & Tchilingirian, J., 28 Feb 2024, Research Handbook.")
    assert texts[2].startswith("Research output:")
    assert lines[0].targets == ("https://p/en/publications/trust",)


def test_a_saved_list_entry_is_read() -> None:
    """The list rendering of a saved page gives its record."""
    [record] = read_html(LIST_ENTRY, "page.html").records
    assert record.type == "chapter" and record.get("title") == "Trust and vaccine rollouts"
    assert [n.family for n in record.names["author"]] == ["Hannah", "Tchilingirian"]


def test_a_saved_pages_cite_ris_and_meta_tags_are_evidence() -> None:
    """The page's hidden cite-RIS rendering keeps its lines and gives what the table lacks; the
    ``citation_*`` meta tags give the title, authors and DOI the page's text does not show."""
    capture = html_capture(SAVED_PAGE, "page.html")
    assert capture.meta["citation_title"] == "Long short-term memory"
    assert "AU - Hochreiter, Sepp" in [line.text for line in capture.lines]
    [record] = read_html(SAVED_PAGE, "page.html").records
    assert record.get("title") == "Long short-term memory"
    assert [n.family for n in record.names["author"]] == ["Hochreiter", "Schmidhuber"]
    assert (record.get("volume"), record.get("issue"), record.get("page")) == ("9", "8", "1735-1780")
    assert record.get("DOI") == "10.1162/neco.1997.9.8.1735"
