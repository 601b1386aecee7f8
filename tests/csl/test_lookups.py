"""Style lookups kept once found (citekit.csl.style.lookups) give the answers citeproc-py's queries give."""

from __future__ import annotations

from citeproc import CitationItem as CiteprocItem
from citeproc import model
from citeproc.formatter import html

import citekit
from citekit.csl.engine.cites import CitationItem
from citekit.csl.style.load import load_style
from citekit.csl.style.xml import parse_csl_text

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <macro name="who"><names variable="author"/></macro>
  <macro name="when"><date variable="issued" form="numeric"/></macro>
  <citation><layout><text macro="who"/></layout></citation>
  <bibliography><layout><group><text macro="who"/><text macro="when"/></group></layout></bibliography>
</style>"""


def test_macro_and_layout_lookups_match_the_tree() -> None:
    """A kept macro is the element of that name, and a kept layout is the element's own layout."""
    root = parse_csl_text(STYLE)
    for name in ("who", "when"):
        first = root.get_macro(name)
        assert first.get("name") == name
        assert root.get_macro(name) is first
    group = root.bibliography.layout.find("{http://purl.org/net/xbiblio/csl}group")
    assert group.get_layout() is root.bibliography.layout
    assert root.citation.layout.get_layout() is root.citation.layout


def test_query_answers_are_copies() -> None:
    """Changing a list a query returned never changes what the next query returns."""
    root = parse_csl_text(STYLE)
    found = root.xpath_search("cs:macro")
    found.clear()
    assert len(root.xpath_search("cs:macro")) == 2


def test_terms_follow_a_new_locale_list() -> None:
    """A style set up again for another locale finds that locale's terms, not the kept ones."""
    style = load_style("apa", "en-US")
    root = style.root
    try:
        assert root.get_term("and").text == "and"
        english = root.get_term("edition").single.text
        root.set_locale_list("de-DE")
        german = root.get_term("edition").single.text
        assert german != english
        assert german == "Auflage"
    finally:
        root.set_locale_list("en-US")
    assert root.get_term("edition").single.text == english


def test_cite_finds_its_reference_once_and_rightly() -> None:
    """citekit's cite gives the same reference as citeproc-py's for every item of a bibliography."""
    from citeproc import Citation, CitationStylesBibliography

    from citekit.csl.items.source import RecordSource

    items = [{"id": "a", "type": "book", "title": "A"}, {"id": "b", "type": "book", "title": "B"}]
    source = RecordSource(items)
    bib = CitationStylesBibliography(load_style("apa"), source, None)
    for key in ("a", "b"):
        mine, theirs = CitationItem(key), CiteprocItem(key)
        for cite in (mine, theirs):
            citation = Citation([cite])
            citation.bibliography = bib
        assert mine.reference is theirs.reference is source[key]
        assert mine.reference is mine.reference
        assert "_citekit_reference" not in mine  # kept beside the item's CSL keys, not among them


def test_bibliographies_in_two_locales_stay_apart() -> None:
    """Rendering in German between two English renderings of the same style changes neither."""
    records = [
        citekit.Record(
            id="r1",
            type="book",
            fields={"title": "Counting sheep", "edition": "2"},
            names={"author": (citekit.Name(family="Lamb", given="Ann"),)},
        )
    ]
    english = citekit.render(records, "apa", "en-US")
    german = citekit.render(records, "apa", "de-DE")
    assert english != german
    assert citekit.render(records, "apa", "en-US") == english


def test_element_classes_keep_citeprocs_types() -> None:
    """The classes with kept lookups are still citeproc-py's element classes (its isinstance checks)."""
    root = parse_csl_text(STYLE)
    assert isinstance(root, model.Style)
    assert isinstance(root.get_macro("who"), model.Macro)


def test_font_attributes_still_format_text() -> None:
    """An element with a font attribute is formatted; one without gives its text back unchanged."""
    root = parse_csl_text(STYLE.replace('<text macro="when"/>', '<text macro="when" font-style="italic"/>'))
    root.formatter = html
    plain, italic = root.bibliography.layout.iter("{http://purl.org/net/xbiblio/csl}text")
    assert plain.format("x") == "x"
    assert plain.format(7) == "7"
    assert str(italic.format("x")) == "<i>x</i>"


def test_italic_titles_survive_in_html() -> None:
    """A style's italic container titles still come out in <i> in an HTML bibliography."""
    record = citekit.Record(
        id="r1",
        type="article-journal",
        fields={"title": "Counting sheep", "container-title": "Ovine Studies", "volume": "3"},
        names={"author": (citekit.Name(family="Lamb", given="Ann"),)},
    )
    (entry,) = citekit.render([record], "apa", markup="html")
    assert "<i>Ovine Studies</i>" in entry


def test_rules_that_format_plain_text_are_always_asked() -> None:
    """The plain-text short cut is taken only when every rule's format says it leaves such text as it is."""
    from citeproc.model import Formatted

    from citekit.csl.style.lookups import CachedLookups, _plain_format

    class Shouting:  # a rule that changes text even without font attributes
        def format(self, string: str) -> str:
            return string.upper()

    class Marking:  # a rule that only acts on font attributes, and says so
        PLAIN_TEXT_AS_IS = True

        def format(self, string: str) -> str:
            return str(super().format(string))  # type: ignore[misc]

    def element(*rules: type, **attributes: str) -> object:
        cls = type("Element", (CachedLookups, *rules, Formatted), {"attrib": attributes})
        return cls()

    assert _plain_format(element())
    assert _plain_format(element(Marking))
    assert not _plain_format(element(Shouting))
    assert not _plain_format(element(Marking, Shouting))
    assert not _plain_format(element(Marking, **{"font-style": "italic"}))


def test_kept_term_text_follows_the_output_format() -> None:
    """A term's text is kept per output formatter: APA's "and" symbol is "&" for text output and
    escaped for HTML, whichever was asked for first."""
    from citekit.csl.formatters import MARKUPS

    root = load_style("apa").root
    term = root.get_term("and", "symbol")
    saved = root.__dict__.get("formatter")
    try:
        for markup, expected in (("text", "&"), ("html", "&#38;"), ("text", "&")):
            root.formatter = MARKUPS[markup].formatter
            assert str(term.single) == expected
    finally:
        if saved is not None:
            root.formatter = saved
