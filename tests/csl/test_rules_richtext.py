"""Rich text in fields (CSL 1.0.2 Appendix VI), typographic quotes, quotes and punctuation-in-quote."""

from __future__ import annotations

from citekit.csl.formatters import escape_html
from citekit.csl.items import richtext
from tests.csl.minimal import citations


def test_markup_is_kept_and_text_escaped() -> None:
    """Italics in a field stay tags while the text around them is escaped."""
    parsed = richtext.parse("Fish & <i>Chips</i>", escape_html)
    assert str(parsed) == "Fish &#38; <i>Chips</i>"


def test_apostrophes_and_quotes_become_typographic() -> None:
    """An apostrophe in a word becomes ’ and a quoted phrase gets quote marks."""
    parsed = str(richtext.parse("l'Égypte and 'friend'", None))
    assert richtext.finish(parsed, ("“", "”"), ("‘", "’")) == "l’Égypte and “friend”"


def test_quoted_text_flips_inner_quotes_and_takes_the_comma() -> None:
    """A quoted title with quotes inside uses inner quotes; a following comma moves inside (en-US)."""
    item = {"id": "a", "type": "book", "title": 'Speak "friend" here', "publisher": "P"}
    layout = (
        '<group delimiter=", "><text variable="title" quotes="true"/><text variable="publisher"/></group>'
    )
    assert citations([item], [[{"id": "a"}]], citation_layout=layout) == ["“Speak ‘friend’ here,” P"]


def test_text_case_leaves_nocase_spans_alone() -> None:
    """Upper-casing a title keeps a nocase span as written."""
    item = {"id": "a", "type": "book", "title": 'a <span class="nocase">pH</span> test'}
    layout = '<text variable="title" text-case="uppercase"/>'
    assert citations([item], [[{"id": "a"}]], citation_layout=layout) == ["A pH TEST"]


def test_title_case_keeps_stop_words_and_capitals() -> None:
    """Title case capitalizes lowercase words and hyphen parts, not inner stop words or acronyms."""
    from citekit.csl.rules.formatting.text_case import apply_case

    assert (
        str(apply_case("out-of-fashion ideas in the UK: a story", "title", "en"))
        == "Out-of-Fashion Ideas in the UK: A Story"
    )
    assert str(apply_case("Ideas In The UK", "sentence", "en")) == "Ideas in the UK"


def test_nested_emphasis_flip_flops() -> None:
    """Italics inside italics are set upright; a quoted text inside a quoted text gets inner quotes."""
    from citekit.csl.finish.flip_flop import flip_flopped

    assert (
        flip_flopped("<i>My <i>Amazing</i> Title</i>")
        == '<i>My <span style="font-style:normal;">Amazing</span> Title</i>'
    )
    item = {"id": "a", "type": "book", "title": "Amazing"}
    layout = '<group quotes="true"><text value="My "/><text variable="title" quotes="true"/></group>'
    layout = '<text macro="m" quotes="true"/>'
    macros = '<macro name="m"><text value="My "/><text variable="title" quotes="true"/></macro>'
    assert citations([item], [[{"id": "a"}]], citation_layout=layout, macros=macros) == ["“My ‘Amazing’”"]


def test_cite_prefix_is_rich_text() -> None:
    """A cite prefix may carry markup, kept as markup in HTML."""
    item = {"id": "a", "type": "book", "title": "T"}
    assert citations([item], [[{"id": "a", "prefix": "<i>see</i> "}]]) == ["<i>see</i> T"]


def test_title_case_leaves_greek_letters() -> None:
    """Title case does not capitalize a Greek letter standing as a symbol (β-carotine)."""
    from citekit.csl.rules.formatting.text_case import apply_case

    assert str(apply_case("solution of β-carotine", "title", "en")) == "Solution of β-Carotine"


def test_quotes_around_markup_unclosed_quotes_and_cut_years() -> None:
    """Quotes around italics are quote marks; a quote never closed stays straight; '09 is an apostrophe."""
    marked = richtext.with_quote_marks('("<i>My Title</i>") and "Orphan and ETFA ' + "'09")
    assert richtext.finish(marked, ("“", "”"), ("‘", "’")) == '(“<i>My Title</i>”) and "Orphan and ETFA ’09'


def test_title_case_keeps_name_particles_lowercase() -> None:
    """Title case leaves a name particle inside a title in lowercase ("John von Doe")."""
    from citekit.csl.rules.formatting.text_case import apply_case

    assert str(apply_case("John von Doe: a life", "title", "en")) == "John von Doe: A Life"


def test_a_nocase_span_keeps_a_quote_opening_a_word_as_typed() -> None:
    """In a nocase span a straight quote opening a word stays straight (citeproc-js: Doceng '05),
    while an apostrophe after a letter is still typographic; outside the span both curl."""
    item = {"id": "a", "type": "book", "title": "<span class=\"nocase\">Doceng '05</span>: l'art, '05"}
    [out] = citations([item], [[{"id": "a"}]])
    assert out == "Doceng '05: l’art, ’05"


def test_quotes_typed_curly_stay_as_typed_outside_a_quoted_text() -> None:
    """en-GB (outer quotes ‘…’): straight quotes in a value take the locale's quotes, curly ones
    stay as typed, unless the value is quoted by the style, where all of them take the inner and
    outer quotes by depth (citeproc-js)."""
    item = {"id": "a", "type": "book", "title": 'On "straight" and “curly ‘nested’” quotes'}
    options = 'default-locale="en-GB"'
    plain = citations([item], [[{"id": "a"}]], options=options, citation_layout='<text variable="title"/>')
    assert plain == ["On ‘straight’ and “curly ‘nested’” quotes"]
    quoted = citations(
        [item], [[{"id": "a"}]], options=options, citation_layout='<text variable="title" quotes="true"/>'
    )
    assert quoted == ["‘On “straight” and “curly ‘nested’” quotes’"]
