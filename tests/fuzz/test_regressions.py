"""Every crash, hang and injection the fuzzers and the limit probes found, kept as a test.

Each test names how it was found: ``atheris`` (fuzz/atheris_target.py), ``hypothesis``
(tests/fuzz) or ``probe`` (the limits of the issue: 1 MB fields, 10,000 braces, bombs)."""

from __future__ import annotations

import json

import pytest

import citekit
from citekit.model import Date, Record
from fuzz.harness import check_bytes, check_text


def test_ris_id_with_comma_cannot_break_the_bibtex_key() -> None:
    """atheris (ris): an ID ``goodfellow2, Ian`` written as a BibTeX key ended the key early, so
    the BibTeX output did not read back; keys are now made safe before they are written."""
    ris = "TY  - BOOK\nID  - goodfellow2, Ian\nTI  - Deep Learning\nPY  - 2016\nER  - \n"
    check_text("ris", ris)
    text = citekit.dump(citekit.loads(ris, "ris").records, "bibtex")
    assert text.startswith("@book{goodfellow2_Ian,")


def test_keys_made_safe_stay_unique() -> None:
    """Two keys that differ only in characters BibTeX cannot carry still get two keys."""
    records = [Record("a b", "book", {"title": "One"}), Record("a,b", "book", {"title": "Two"})]
    back = citekit.loads(citekit.dump(records, "bibtex"), "bibtex")
    assert len({r.id for r in back.records}) == 2 and not back.problems


def test_csljson_lone_surrogate_is_replaced_with_a_warning() -> None:
    """probe: ``"\\ud800"`` is valid JSON but cannot be written as UTF-8; the export crashed at the
    end with UnicodeEncodeError. It is now U+FFFD, with a warning naming the line."""
    result = citekit.loads('[{"id": "a", "type": "book", "title": "x\\ud800y"}]', "csljson")
    assert result.records[0].get("title") == "x\ufffdy"
    assert [p.level for p in result.problems] == ["warning"] and "surrogate" in result.problems[0].message
    citekit.dump(result.records, "bibtex").encode("utf-8")


def test_csljson_surrogate_pair_is_one_character() -> None:
    """A correct surrogate pair escape is an ordinary character, not a warning."""
    result = citekit.loads('[{"id": "a", "type": "book", "title": "\\ud83d\\ude00"}]', "csljson")
    assert result.records[0].get("title") == "\U0001f600" and not result.problems


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_csljson_nested_too_deeply_is_an_error_not_a_recursion_error(opening: str) -> None:
    """probe: 100,000 nested arrays or objects raised RecursionError from the JSON parser."""
    result = citekit.loads("[" + opening * 100_000, "csljson")
    assert not result.records
    assert "nested too deeply" in result.problems[0].message and result.problems[0].location.line == 1


def test_csljson_deep_item_does_not_stop_the_next_item() -> None:
    """An item nested too deeply is skipped; the item after it is still read."""
    deep = "[" * 5000 + "]" * 5000
    text = f'[{{"id": "a", "title": {deep}}},\n{{"id": "b", "type": "book", "title": "B"}}]'
    result = citekit.loads(text, "csljson")
    assert [r.id for r in result.records] == ["b"] and result.problems[0].is_error


def test_csljson_huge_integer_is_an_error_not_a_value_error() -> None:
    """probe: an integer of 5,000 digits made the JSON parser raise ValueError (Python's limit)."""
    result = citekit.loads('[{"id": "a", "type": "book", "volume": ' + "9" * 5000 + "}]", "csljson")
    assert not result.records and result.problems[0].is_error
    assert "4300 digits" in result.problems[0].message


def test_csljson_month_13_does_not_crash_the_bibtex_writer() -> None:
    """atheris (csljson): date-parts [2014, 13, 22] crashed the BibTeX writer (IndexError on the
    month table); a month or day out of range is now dropped with a warning."""
    result = citekit.loads(
        '[{"id": "k", "type": "book", "issued": {"date-parts": [[2014, 13, 22]]}}]', "csljson"
    )
    assert result.records[0].dates["issued"].parts == ((2014,),)
    assert "out of range" in result.problems[0].message
    check_text(
        "csljson", json.dumps([{"id": "k", "type": "book", "issued": {"date-parts": [[2014, 0, 99]]}}])
    )


def test_bibtex_writer_takes_any_date_the_api_accepts() -> None:
    """A Date built in Python with month 13 writes as its year, not an IndexError."""
    record = Record("k", "book", {"title": "T"}, dates={"issued": Date(parts=((2014, 13),))})
    assert "year = {2014}" in citekit.dump([record], "bibtex") and "month" not in citekit.dump(
        [record], "bibtex"
    )


def test_bibtex_ten_thousand_nested_braces() -> None:
    """probe: 10,000 nested braces in a title raised RecursionError in the LaTeX parser; the value
    is now read without it, with a warning naming the entry, field and line."""
    text = "\n@article{a, title={" + "{" * 10_000 + "Deep" + "}" * 10_000 + "}, year=2020}\n"
    result = citekit.loads(text, "bibtex")
    assert result.records[0].get("title") == '<span class="nocase">Deep</span>'  # braces protect its case
    (problem,) = result.problems
    assert problem.location.line == 2 and "title nests braces 10,000 deep" in problem.message


def test_bibtex_megabyte_of_latex_is_read_quickly() -> None:
    """probe: a 1 MB title full of accent commands took minutes in the LaTeX parser; values over
    50 kB are now read without it (braces and escapes only), with a warning."""
    text = "@article{a, title={" + "\\'e\\&" * 200_000 + "}, year=2020}"
    result = citekit.loads(text, "bibtex")
    assert result.records[0].get("title").startswith("\\'e&\\'e&")
    assert "is 1,000,000 characters long" in result.problems[0].message


def test_bibtex_string_macro_bomb_is_refused() -> None:
    """probe: forty @string macros each doubling the one before (a "billion laughs") filled the
    memory; a value past 4,000,000 characters is now an error naming the @string."""
    strings = '@string{s0 = "ab"}\n' + "".join(
        f"@string{{s{i} = s{i - 1} # s{i - 1}}}\n" for i in range(1, 40)
    )
    result = citekit.loads(strings + "@misc{k, title = s39}\n", "bibtex")
    errors = [p for p in result.problems if p.is_error]
    assert errors and "@string s21: expands to over 4,000,000 characters" in errors[0].message
    assert errors[0].location.line == 22
    assert len(result.records) == 1 and len(result.records[0].get("title")) < 4_000_000


def test_bibtex_concatenation_of_many_words_is_linear() -> None:
    """probe: ``a # b # …`` copied the rest of the value for each word (quadratic); 100,000 words
    now resolve in one pass."""
    result = citekit.loads("@misc{k, title = " + " # ".join(["jan"] * 100_000) + "}", "bibtex")
    assert result.records[0].get("title").startswith("JanuaryJanuary")


def test_megabyte_title_key_is_made_from_its_first_words() -> None:
    """probe: the citation key folded every word of a 1 MB title to ASCII; only the first
    significant word is wanted."""
    record = Record("", "book", {"title": "The " + "word " * 200_000})
    assert citekit.loads(citekit.dump([record], "csljson"), "csljson").records[0].id == "word"


@pytest.mark.parametrize("breaker", ["\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\x0b"])
def test_ris_value_cannot_start_a_record_with_any_line_separator(breaker: str) -> None:
    """hypothesis: \\x1c-\\x1e end a line for str.splitlines() (so for our RIS reader) but were
    left in RIS values, where ``ER  - `` after one ended the record."""
    title = f"A{breaker}ER  - {breaker}TY  - JOUR{breaker}TI  - forged"
    text = citekit.dump([Record("k", "article-journal", {"title": title})], "ris")
    back = citekit.loads(text, "ris")
    assert len(back.records) == 1 and back.records[0].get("title") == "A ER - TY - JOUR TI - forged"


def test_a_message_quoting_a_line_break_stays_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """hypothesis: a line break in record text quoted by a message printed a second line, which
    could pass for a message of its own."""
    from citekit import console

    console.stderr.cache_clear()
    console.error("entry x\ncitekit: note: all good")
    assert capsys.readouterr().err == "citekit: error: entry x\\ncitekit: note: all good\n"
    console.stderr.cache_clear()


def test_html_nested_past_the_parser_limit_is_reported() -> None:
    """hostile corpus: libxml2 drops elements nested over 255 deep without a word, so a page's
    fields could vanish silently; the loss is now a warning (or the error, when nothing is left)."""
    page = "<html><body><h1>T</h1><p>Research output: Contribution to journal › Article</p>"
    deep = "<div>" * 300 + "<p>Journal: Lost</p>" + "</div>" * 300
    result = citekit.loads(page + "<dl><dt>Volume</dt><dd>5</dd></dl>" + deep, "portal-html")
    assert result.records[0].get("volume") == "5"
    assert "HTML nested too deeply" in result.problems[0].message
    with pytest.raises(citekit.CitekitError, match="HTML nested too deeply"):
        citekit.loads("<html><body>" + deep.replace("Journal: Lost", page), "portal-html")


def test_a_value_line_starting_with_at_cannot_open_a_bibtex_entry() -> None:
    """atheris (portal-html): a note whose second line began "@ages (from-to)" was written on two
    lines, and bibtexparser read the "@" at the line start as a new entry; values are now written
    on one line (BibTeX reads a line break as a space anyway)."""
    record = Record(
        "k", "article-journal", {"note": "Research\n@ages (from-to): 457", "title": "A\n\n@misc{x,"}
    )
    text = citekit.dump([record], "bibtex")
    back = citekit.loads(text, "bibtex")
    assert not back.problems and back.records[0].get("note") == "Research @ages (from-to): 457"
    assert back.records[0].get("title") == "A @misc{x,"


def test_an_empty_bibtex_date_field_is_no_date() -> None:
    """hypothesis (long run): ``urldate = {\\n}`` became a date with no parts and no text, which
    CSL-JSON wrote as ``"date-parts": []`` and could not read back."""
    text = "@article{a, urldate = {\n}, date = { {} }, title = {T}}\n"
    check_text("bibtex", text)
    assert citekit.loads(text, "bibtex").records[0].dates == {}


def test_a_problem_quoting_a_key_with_line_breaks_is_one_line() -> None:
    """hypothesis (long run): a BibTeX key holding line breaks made a problem message of three lines."""
    text = "@article{\nER  - \nTY  - JOUR\n, title = {A},\n  title = {B}}\n"
    check_text("bibtex", text)
    (problem,) = citekit.loads(text, "bibtex").problems
    assert "\n" not in problem.message and "given twice" in problem.message


def test_a_bibtex_entry_left_open_at_a_piece_end_is_worded_as_in_the_whole_file() -> None:
    """atheris (after the streaming change): an entry left open just before the next piece's
    ``@article{`` was "reached end of file" when read in pieces, "Unexpected block start" whole."""
    filler = "".join(f"@misc{{m{n}, title = {{Filler number {n}}}}}\n" for n in range(6))
    text = filler + "@article{open,\n  title = {Never closed,\n" + "@article{next, title = {Next}}\n" + filler
    check_text("bibtex", text)
    problems = citekit.loads(text, "bibtex").problems
    assert any("Unexpected block start: `@article`" in p.message for p in problems)


def test_stream_pieces_read_as_the_whole_for_every_reader() -> None:
    """The harness's piece check holds on the sample records and a crossref chain."""
    chain = "@inproceedings{c, title={C}, crossref={p}}\n" + "@misc{x, title={X}}\n" * 5
    chain += "@proceedings{p, title={P}, crossref={q}, year=2000}\n@proceedings{q, publisher={Q}}\n"
    check_text("bibtex", chain)
    ris = "".join(f"TY  - JOUR\nTI  - Record\u2028{n}\nER  - \n" for n in range(12))
    check_text("ris", ris)
    items = json.dumps([{"id": f"i{n}", "type": "book", "title": f"Item {n}"} for n in range(12)], indent=1)
    check_text("csljson", items[:-30] + "NaN" + items[-30:])


def test_a_line_ending_in_a_backslash_does_not_shift_the_lines_after_it() -> None:
    """hypothesis (long run, 5,000 examples): bibtexparser counts a line short after a backslash
    ending a line, so a broken entry's neighbours had other lines read whole than read in pieces."""
    text = "@article{0, title = {\\\n@ages (from-to): }}\n@article{0, }\n"
    check_text("bibtex", text)
    result = citekit.loads(text, "bibtex")
    assert [r.location.line for r in result.records if r.location] == [2, 3]


def test_a_broken_block_running_into_the_next_does_not_move_it() -> None:
    """hypothesis (long run): a broken entry's text ran into the next entry's, which was then placed
    at a later entry of the same text (line 3 read whole, line 2 read in pieces)."""
    text = "@ages ( - \n@ages (from-to): \n@ages (from-to): % A note\n@unpublished{accents,"
    check_text("bibtex", text)
    result = citekit.loads(text, "bibtex")
    assert [r.location.line for r in result.records if r.location] == [2, 3]


def test_xml_of_nothing_but_a_byte_order_mark_is_an_error_not_a_crash() -> None:
    """atheris (oai_dc, 10-minute run): a UTF-16 byte-order mark and two nulls made the recovering
    XML parse raise."""
    check_bytes("oai_dc", b"\xfe\xff\x00\x00")
    check_bytes("mods", b"\xfe\xff\x00\x00")


def test_a_superscript_digit_in_a_year_is_no_year() -> None:
    """atheris (wos, 10-minute run): ``PY ²019`` passed ``isdigit`` and crashed ``int``."""
    text = (
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Doe, J\nTI A title\nPY \u00b2019\nER\nEF\n"
    )
    check_text("wos", text)
    result = citekit.loads(text, "wos")
    assert [r.dates for r in result.records] == [{}]
    assert any("cannot read the date" in p.message for p in result.problems)


@pytest.mark.parametrize(
    "text",
    [
        '[{"title": "A"}, null, -1.3510798546565782e+16]',
        '[{"title": "A"}, -1047, -1.6023120837848353e-137, {"title": "B"}]',
    ],
)
def test_a_csljson_number_cut_between_chunks_is_read_whole(text: str) -> None:
    """hypothesis (long run): a number at the end of the text read so far ("-1.35", "-1.35e") was
    taken as complete, and its rest read as a broken item of its own."""
    check_text("csljson", text)


@pytest.mark.parametrize("kind", ["\x7f", "\x1f", "\x9b"])
def test_a_control_character_in_a_csljson_type_reaches_no_output(kind: str) -> None:
    """hypothesis (long run): the type of a CSL-JSON item is any string; a control character in it
    reached the CSL-JSON output and crashed the MODS writer."""
    check_text("csljson", json.dumps([{"type": kind, "title": "T"}]))
    [record] = citekit.loads(json.dumps([{"type": kind, "title": "T"}]), "csljson").records
    assert citekit.dump([record], "csljson").count('"type": "document"') == 1


def test_a_broken_entry_holding_the_next_entry_start_is_not_taken_for_it() -> None:
    """hypothesis (long run): an entry broken by ``@misc{`` inside its title was placed where that
    text is, line 1, and a problem of the next piece's start kept (read in pieces only)."""
    check_text("bibtex", "@article{0, title = {@misc{x,}}\n@misc{0, }\n@article{0, }\n")


def test_a_second_accent_on_an_accented_letter_keeps_the_braces_balanced() -> None:
    """atheris (wos, after the fixes): ``š`` with one more caron was written ``{\\v{\\v{s}}``, one
    brace short, and the BibTeX output did not read back."""
    text = "FN Clarivate\nVR 1.0\nPT J\nAF Doe, Ann\u0161\u030c\nTI T\nER\nEF\n"
    check_text("wos", text)
    [record] = citekit.loads(text, "wos").records
    assert "{\\v{\\v{s}}}" in citekit.dump([record], "bibtex")


def test_a_csljson_id_that_is_an_object_is_no_key() -> None:
    """hypothesis (long run): an id holding an object became its Python repr as the key, with a
    memory address that differed from one reading to the next."""
    text = '[{"id": {"date-parts": [[[[Infinity]]]]}, "title": "T"}]'
    check_text("csljson", text)
    result = citekit.loads(text, "csljson")
    assert [r.get("title") for r in result.records] == ["T"]
    assert any("id must be a string or a number" in p.message for p in result.problems)


def test_items_nested_too_deeply_are_worded_alike_in_pieces() -> None:
    """atheris (csljson, 3 December): after an item nested over 1000 deep, the next broken item
    was worded otherwise read in pieces: its piece ended where the whole reading went on (at the
    next item starting a line), before the nesting the whole reading's decoder ran into."""
    deep = "[" * 1100
    text = (
        deep
        + '\n  {\n    "id": "a",\n    "author": [\n      {"family": "Walt"},\n      {"family": "Colbert"},'
        + deep
        + '\n      {"family": "V"}\n    ]\n  }\n]\n'
    )
    check_text("csljson", text)


def test_an_endnote_xml_doctype_is_refused_with_its_place() -> None:
    """hypothesis (every reader on any bytes, 2,000 examples): EndNote XML's DOCTYPE refusal wrote
    the file and line into its message but gave no location."""
    check_bytes("endnote-xml", b"<!DOCTYPE")
    with pytest.raises(citekit.CitekitError) as refused:
        citekit.loads("<xml>\n<!DOCTYPE x>", "endnote-xml")
    assert refused.value.location is not None and refused.value.location.line == 2
