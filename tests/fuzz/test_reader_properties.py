"""Every reader, fed random and mutated input, either reads it or fails as citekit promises:
a CitekitError or a problem naming the input and line, never another exception; and whatever it
reads, every writer writes in a form its own reader reads back (fuzz/harness.py checks both)."""

from __future__ import annotations

import codecs

from hypothesis import given
from hypothesis import strategies as st

from fuzz.harness import READERS, check_bytes, check_text
from tests.fuzz.strategies import (
    FUZZ,
    MEDLINE_TAGS,
    WOS_TAGS,
    _seed_texts,
    bibtex_documents,
    csljson_documents,
    endnote_xml_documents,
    hostile_text,
    html_documents,
    mutated,
    portal_documents,
    ris_documents,
    tagged_documents,
)

BIBTEX_SEEDS = _seed_texts(("tests/formats/fixtures", "tests/hostile/inputs", "tests/golden"), (".bib",))
RIS_SEEDS = _seed_texts(("tests/formats/fixtures", "tests/hostile/inputs", "tests/golden"), (".ris",))
JSON_SEEDS = _seed_texts(("tests/formats/fixtures", "tests/hostile/inputs", "tests/golden"), (".json",))
PORTAL_SEEDS = _seed_texts(("records", "tests/portal_corpus", "tests/hostile/inputs"), (".txt", ".md"))
WILD = ("tests/formats/wild",)
MEDLINE_SEEDS = [t for t in _seed_texts(WILD, (".txt", ".nbib")) if t.lstrip().startswith("PMID-")]
WOS_SEEDS = _seed_texts(("tests/formats/wild/wos",), (".isi", ".txt", ".ris"))
ENDNOTE_XML_SEEDS = [t for t in _seed_texts(WILD, (".xml",)) if "<records>" in t]
HTML_SEEDS = _seed_texts(("tests/portal_corpus", "tests/hostile/inputs"), (".html", ".htm"))
XML_SEEDS = _seed_texts(("tests/formats/fixtures/mods",), (".xml",))


@FUZZ
@given(bibtex_documents())
def test_bibtex_reader_on_generated_bibtex(text: str) -> None:
    """BibTeX built from hostile keys, fields and values never crashes the reader or a writer."""
    check_text("bibtex", text)


@FUZZ
@given(mutated(BIBTEX_SEEDS))
def test_bibtex_reader_on_mutated_files(text: str) -> None:
    """Real BibTeX files cut, doubled and sprinkled with special characters never crash the reader."""
    check_text("bibtex", text)


@FUZZ
@given(ris_documents())
def test_ris_reader_on_generated_ris(text: str) -> None:
    """RIS lines with odd tags, spacing, line ends and values never crash the reader or a writer."""
    check_text("ris", text)


@FUZZ
@given(mutated(RIS_SEEDS))
def test_ris_reader_on_mutated_files(text: str) -> None:
    """Real RIS files with random edits never crash the reader."""
    check_text("ris", text)


@FUZZ
@given(csljson_documents())
def test_csljson_reader_on_generated_json(text: str) -> None:
    """CSL-JSON items of every JSON shape, sometimes broken, never crash the reader or a writer."""
    check_text("csljson", text)


@FUZZ
@given(mutated(JSON_SEEDS))
def test_csljson_reader_on_mutated_files(text: str) -> None:
    """Real CSL-JSON files with random edits never crash the reader."""
    check_text("csljson", text)


@FUZZ
@given(portal_documents)
def test_portal_reader_on_generated_pages(text: str) -> None:
    """Pages of portal labels, breadcrumbs and hostile values in any layout never crash the reader."""
    check_text("portal", text)


@FUZZ
@given(mutated(PORTAL_SEEDS))
def test_portal_reader_on_mutated_pages(text: str) -> None:
    """Real portal pages with random edits never crash the reader."""
    check_text("portal", text)


@FUZZ
@given(html_documents())
def test_portal_html_reader_on_generated_html(text: str) -> None:
    """Saved HTML with unclosed, misnested and several documents never crashes the reader."""
    check_text("portal-html", text)


@FUZZ
@given(mutated(HTML_SEEDS))
def test_portal_html_reader_on_mutated_pages(text: str) -> None:
    """Real saved HTML pages with random edits never crash the reader."""
    check_text("portal-html", text)


@FUZZ
@given(st.sampled_from(["mods", "oai_dc"]), mutated(XML_SEEDS))
def test_xml_readers_on_mutated_records(reader: str, text: str) -> None:
    """Mutated MODS and Dublin Core records (Pure, EPrints, DSpace shapes) never crash a reader or a writer."""
    check_text(reader, text)


@FUZZ
@given(st.one_of(tagged_documents(MEDLINE_TAGS, ["- ", "  - ", " - ", "-"]), mutated(MEDLINE_SEEDS)))
def test_medline_reader_on_generated_and_mutated_files(text: str) -> None:
    """MEDLINE made of hostile tags and values, and real PubMed files with random edits, never crash."""
    check_text("medline", text)


@FUZZ
@given(st.one_of(tagged_documents(WOS_TAGS, [" ", "  ", ""]), mutated(WOS_SEEDS)))
def test_wos_reader_on_generated_and_mutated_files(text: str) -> None:
    """Web of Science text made of hostile tags and values, and real exports with edits, never crash."""
    check_text("wos", text)


@FUZZ
@given(st.one_of(endnote_xml_documents(), mutated(ENDNOTE_XML_SEEDS)))
def test_endnote_xml_reader_on_generated_and_mutated_files(text: str) -> None:
    """EndNote XML with hostile values, cut anywhere, and real exports with edits, never crash."""
    check_text("endnote-xml", text)


@FUZZ
@given(st.sampled_from(READERS), st.one_of(hostile_text, st.text()))
def test_every_reader_on_any_text(reader: str, text: str) -> None:
    """Any text at all, given to any reader, is read or refused with a location."""
    check_text(reader, text)


@FUZZ
@given(st.sampled_from(READERS), st.binary(max_size=2000))
def test_every_reader_on_any_bytes(reader: str, data: bytes) -> None:
    """Any bytes at all go through decoding and reading without an exception of the wrong kind."""
    check_bytes(reader, data)


@FUZZ
@given(
    st.sampled_from(READERS),
    st.one_of(mutated(BIBTEX_SEEDS), mutated(PORTAL_SEEDS), mutated(RIS_SEEDS)),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]),
)
def test_every_reader_on_mutated_files_in_other_encodings(reader: str, text: str, encoding: str) -> None:
    """Mutated files saved in another encoding (or not encodable, so cut to bytes) never crash."""
    data = codecs.encode(text, encoding, errors="replace")
    check_bytes(reader, data)
