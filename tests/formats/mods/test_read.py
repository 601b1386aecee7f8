"""Reading MODS: each mapping field by field, the producers' shapes (Pure, EPrints, DSpace,
bibutils), detection and safe parsing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import citekit
from citekit import formats
from citekit.formats.mods import tables as T
from citekit.formats.mods.read import parse_date, read
from citekit.model import Date, Name, Record
from tests.conftest import ROOT
from tests.formats.roundtrip import Tally, items

FIXTURES = ROOT / "tests" / "formats" / "fixtures" / "mods"
TEXLIVE_BIB = ROOT.parent / "texlive/usr/share/texlive/texmf-dist/bibtex/bib"


def one(body: str, root: str = "mods") -> Record:
    """The record of a MODS document made of ``body`` inside a namespaced ``<mods>``."""
    text = f'<{root} xmlns="http://www.loc.gov/mods/v3">{body}</{root}>'
    result = read(text, "t.xml")
    assert not [p for p in result.problems if p.is_error], result.problems
    return result.records[0]


def csl(path: Path) -> list[dict[str, object]]:
    result = citekit.load(str(path))
    return [{k: v for k, v in r.to_csl().items() if k != "id"} for r in result.records]


# --- tables ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "kind"),
    [
        (
            "/dk/atira/pure/researchoutput/researchoutputtypes/contributiontojournal/article",
            "article-journal",
        ),
        ("/dk/atira/pure/researchoutput/researchoutputtypes/contributiontobookanthology/chapter", "chapter"),
        ("/dk/atira/pure/researchoutput/researchoutputtypes/thesis/doc", "thesis"),
        ("info:eu-repo/semantics/bookPart", "chapter"),
        ("info:eu-repo/semantics/conferenceObject", "paper-conference"),
        ("http://purl.org/coar/resource_type/c_6501", "article-journal"),
        ("http://purl.org/coar/resource_type/c_93fc", "report"),
        ("Journal Article", "article-journal"),
        ("Book Section", "chapter"),
        ("Conference or Workshop Item", "paper-conference"),
        ("Ph.D. thesis", "thesis"),
        ("journalArticle", "article-journal"),
        ("info:eu-repo/semantics/publishedVersion", None),
        ("PeerReviewed", None),
        ("Learning object", None),
    ],
)
def test_genre_table_maps_each_vocabulary(term: str, kind: str | None) -> None:
    """Pure type URIs, eu-repo, COAR, MARC/bibutils, EPrints, DSpace and Zotero terms map to CSL types."""
    assert T.genre_type(term) == kind


@pytest.mark.parametrize(
    ("role", "variable"),
    [
        ("<roleTerm type='code' authority='marcrelator'>aut</roleTerm>", "author"),
        ("<roleTerm type='text'>editor</roleTerm>", "editor"),
        ("<roleTerm type='code'>trl</roleTerm>", "translator"),
        ("<roleTerm type='text'>Compiler.</roleTerm>", "compiler"),
        ("<roleTerm type='text'>photographer</roleTerm>", "contributor"),
        ("", "author"),
    ],
)
def test_name_roles_become_csl_variables(role: str, variable: str) -> None:
    """Relator terms and codes choose the variable; no role is an author; an unknown role a contributor."""
    record = one(
        "<titleInfo><title>T</title></titleInfo><name type='personal'><namePart type='given'>Ada</namePart>"
        f"<namePart type='family'>Lovelace</namePart><role>{role}</role></name>"
    )
    assert record.names == {variable: (Name(family="Lovelace", given="Ada"),)}


def test_role_without_csl_variable_is_left_out_with_a_warning() -> None:
    """A thesis advisor has no CSL variable: not kept, and the reader says so."""
    result = read(
        '<mods xmlns="http://www.loc.gov/mods/v3"><name><namePart>Turing, Alan</namePart>'
        '<role><roleTerm type="code">ths</roleTerm></role></name></mods>',
        "t.xml",
    )
    assert result.records[0].names == {}
    assert any("'ths' has no CSL variable" in p.message for p in result.problems)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "<name type='personal'><namePart>Lovelace, Ada</namePart></name>",
            Name(family="Lovelace", given="Ada"),
        ),
        (
            "<name type='personal'><namePart>Ada Lovelace</namePart></name>",
            Name(family="Lovelace", given="Ada"),
        ),
        ("<name><namePart>Lovelace, Ada</namePart></name>", Name(family="Lovelace", given="Ada")),
        ("<name type='corporate'><namePart>CERN</namePart></name>", Name(literal="CERN")),
        (
            "<name type='personal'><namePart type='given'>G</namePart><namePart type='given'>E</namePart>"
            "<namePart type='family'>Lloyd</namePart></name>",
            Name(family="Lloyd", given="G E"),
        ),
        (
            "<name type='personal'><namePart type='family'>van der Walt</namePart><namePart type='given'>Stéfan"
            "</namePart><namePart type='termsOfAddress'>Jr.</namePart></name>",
            Name(family="Walt", given="Stéfan", non_dropping_particle="van der", suffix="Jr."),
        ),
        (
            "<name type='personal'><namePart type='family'>Bennis</namePart><namePart type='given'>H.J.</namePart>"
            "<namePart type='termsOfAddress'>prof</namePart></name>",
            Name(family="Bennis", given="H.J."),
        ),
    ],
)
def test_name_forms(name: str, expected: Name) -> None:
    """Typed nameParts, one "Family, Given" part (DSpace), a written name, institutions, particles,
    suffixes kept and honorifics dropped."""
    assert one(f"<titleInfo><title>T</title></titleInfo>{name}").names["author"] == (expected,)


def test_title_parts() -> None:
    """nonSort, title and subTitle make the title; an abbreviated titleInfo is the short title."""
    record = one(
        "<titleInfo><nonSort>The</nonSort><title>Art of Computer Programming</title>"
        "<subTitle>Fundamental Algorithms</subTitle></titleInfo>"
        "<titleInfo type='abbreviated'><title>TAOCP</title></titleInfo>"
        "<titleInfo type='translated'><title>L'art</title></titleInfo>"
    )
    assert record.fields["title"] == "The Art of Computer Programming: Fundamental Algorithms"
    assert record.fields["title-short"] == "TAOCP"


def test_host_gives_journal_volume_issue_pages_and_issn() -> None:
    """relatedItem type="host": the journal, its ISSN, and the part's volume, issue and page extent."""
    record = one(
        "<titleInfo><title>T</title></titleInfo><genre>article</genre><relatedItem type='host'>"
        "<titleInfo><title>Nature</title></titleInfo><titleInfo type='abbreviated'><title>Nat.</title></titleInfo>"
        "<identifier type='issn'>0028-0836</identifier><part><detail type='volume'><number>521</number></detail>"
        "<detail type='number'><number>7553</number></detail><extent unit='pages'><start>436</start>"
        "<end>444</end></extent></part></relatedItem>"
    )
    assert record.type == "article-journal"
    want = {"container-title": "Nature", "container-title-short": "Nat.", "ISSN": "0028-0836"}
    assert want | {"volume": "521", "issue": "7553", "page": "436-444"} == {
        k: record.fields[k] for k in [*want, "volume", "issue", "page"]
    }


def test_conference_name_and_event_host() -> None:
    """name type="conference" and a host labelled conference give the event's title, place and dates."""
    record = one(
        "<titleInfo><title>T</title></titleInfo><name type='conference'><namePart>ICML 2019</namePart>"
        "<namePart type='date'>2019-06-09/2019-06-15</namePart></name>"
        "<relatedItem type='host' displayLabel='Conference'><originInfo><place><placeTerm type='text'>"
        "Long Beach</placeTerm></place></originInfo></relatedItem>"
    )
    assert record.fields["event-title"] == "ICML 2019"
    assert record.fields["event-place"] == "Long Beach"
    assert record.dates["event-date"] == Date(parts=((2019, 6, 9), (2019, 6, 15)))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2020", Date(parts=((2020,),))),
        ("2020-03", Date(parts=((2020, 3),))),
        ("2014-01-20T09:12:44Z", Date(parts=((2014, 1, 20),))),
        ("20200301", Date(parts=((2020, 3, 1),))),
        ("2019/2020", Date(parts=((2019,), (2020,)))),
        ("March 2011", Date(parts=((2011, 3),))),
        ("in press", Date(literal="in press")),
    ],
)
def test_dates(text: str, date: Date) -> None:
    """W3CDTF, ISO with a time, MARC, an interval, written text, and a literal."""
    assert parse_date(text) == date


def test_origin_info_and_content() -> None:
    """originInfo (date range by point, publisher, place, edition), language codes, abstract,
    topics, a page count, identifiers and the record's own key."""
    record = one(
        "<titleInfo><title>T</title></titleInfo><genre authority='marcgt'>book</genre><originInfo>"
        "<dateIssued point='start' encoding='w3cdtf' qualifier='approximate'>1990</dateIssued>"
        "<dateIssued point='end'>1992</dateIssued><publisher>MIT Press</publisher>"
        "<place><placeTerm type='code'>mau</placeTerm><placeTerm type='text'>Cambridge, MA</placeTerm></place>"
        "<edition>2nd</edition><dateCaptured>2024-05-01</dateCaptured></originInfo>"
        "<language><languageTerm type='code' authority='iso639-2b'>ger</languageTerm></language>"
        "<abstract>One sentence.</abstract><subject><topic>a</topic><topic>b, c</topic></subject>"
        "<physicalDescription><extent>xii, 300 p.</extent><extent>300 pages</extent></physicalDescription>"
        "<identifier type='isbn'>978-0-262-03384-8</identifier><identifier type='doi'>doi:10.1/x</identifier>"
        "<identifier type='doi'>10.1/y</identifier><identifier type='citekey'>key1</identifier>"
    )
    assert record.type == "book"
    assert record.id == "key1"
    assert record.dates["issued"] == Date(parts=((1990,), (1992,)), circa=True)
    assert record.dates["accessed"] == Date(parts=((2024, 5, 1),))
    expected = {
        "publisher": "MIT Press",
        "publisher-place": "Cambridge, MA",
        "edition": "2nd",
        "language": "de",
        "abstract": "One sentence.",
        "keyword": "a; b, c",
        "number-of-pages": "300",
        "ISBN": "978-0-262-03384-8",
        "DOI": "10.1/x",
    }
    assert {k: record.fields.get(k) for k in expected} == expected
    assert record.dois == ("10.1/x", "10.1/y")


def test_unknown_genre_is_the_csl_genre_and_type_falls_back() -> None:
    """An untyped genre no table knows ("Thesis (M.S.)", as bibutils writes BibTeX's type) is kept as
    CSL genre; with no known genre the type comes from the host, else it is a document, with a warning."""
    record = one(
        "<titleInfo><title>T</title></titleInfo><genre>Thesis (M.S.)</genre><genre authority='marcgt'>thesis</genre>"
    )
    assert (record.type, record.fields["genre"]) == ("thesis", "Thesis (M.S.)")
    chapter = one(
        "<titleInfo><title>T</title></titleInfo><relatedItem type='host'><genre>book</genre></relatedItem>"
    )
    assert chapter.type == "chapter"
    result = read('<mods xmlns="http://www.loc.gov/mods/v3"><genre>Learning object</genre></mods>', "t.xml")
    assert result.records[0].type == "document"
    assert any("Learning object" in p.message for p in result.problems)


# --- producers ---------------------------------------------------------------------------------


def test_pure_oai_response() -> None:
    """Pure's MODS inside an OAI-PMH page: three records (the deleted one has none), field by field."""
    found = csl(FIXTURES / "pure.xml")
    assert len(found) == 3
    assert found[0] == {
        "type": "article-journal",
        "author": [
            {"family": "Walt", "given": "Stéfan", "non-dropping-particle": "van der"},
            {"family": "Colbert", "given": "S. Chris"},
            {"family": "Varoquaux", "given": "Gaël"},
        ],
        "issued": {"date-parts": [[2011, 3]]},
        "title": "The NumPy array: a structure for efficient numerical computation",
        "container-title": "Computing in Science & Engineering",
        "volume": "13",
        "issue": "2",
        "page": "22-30",
        "DOI": "10.1109/MCSE.2011.37",
        "ISSN": "1521-9615",
        "URL": "https://research.example.ac.uk/en/publications/the-numpy-array",
        "language": "en",
        "keyword": "Python, numerical computing",
        "abstract": "How NumPy arrays store and compute on numbers, in one sentence of ours.",
    }
    assert found[1]["type"] == "report"
    assert (found[1]["publisher"], found[1]["ISBN"], found[1]["number-of-pages"]) == (
        "University of Twente",
        "9789038619941",
        "24",
    )
    paper = found[2]
    assert paper["type"] == "paper-conference"
    assert (
        paper["container-title"]
        == "Theory of Cryptography: Third Theory of Cryptography Conference, TCC 2006"
    )
    assert paper["editor"] == [{"family": "Halevi", "given": "Shai"}, {"family": "Rabin", "given": "Tal"}]
    assert (paper["collection-title"], paper["collection-number"]) == (
        "Lecture Notes in Computer Science",
        "3876",
    )
    assert (paper["publisher"], paper["publisher-place"], paper["page"]) == ("Springer", "Berlin", "265-284")
    assert (paper["event-place"], paper["ISBN"]) == ("New York", "978-3-540-32731-8")
    assert paper["event-date"] == {"date-parts": [[2006, 3, 4], [2006, 3, 7]]}


def test_eprints_export() -> None:
    """EPrints' MODS: given before family, text roles, its "iso8061" date, publisher in a second originInfo."""
    (record,) = csl(FIXTURES / "eprints.xml")
    assert record["type"] == "paper-conference"
    assert record["author"] == [{"family": "Wu", "given": "Z.Q."}, {"family": "Harris", "given": "C.J."}]
    assert (record["issued"], record["publisher"]) == ({"date-parts": [[1997]]}, "ISO Press")


def test_dspace_crosswalk() -> None:
    """DSpace's MODS: untyped "Family, Given" names as authors, ISO date with time, a DOI link,
    the handle as URL, and the citation identifier read for journal, volume, issue and pages."""
    (record,) = csl(FIXTURES / "dspace.xml")
    assert record["author"][0] == {"family": "Sandve", "given": "Geir Kjetil"}
    assert record["issued"] == {"date-parts": [[2013, 10, 24]]}
    assert (record["DOI"], record["URL"]) == (
        "10.1371/journal.pcbi.1003285",
        "http://hdl.handle.net/10852/38745",
    )
    assert (record["container-title"], record["volume"], record["issue"], record["page"]) == (
        "PLOS Computational Biology",
        "9",
        "10",
        "e1003285",
    )


# --- detection, safety -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["pure.xml", "eprints.xml", "dspace.xml"])
def test_detected_by_content_whatever_the_suffix(tmp_path: Path, name: str) -> None:
    """A MODS document is read as MODS from its content (any suffix, stdin), not its name."""
    copy = tmp_path / "page.txt"
    copy.write_bytes((FIXTURES / name).read_bytes())
    as_text = [r.to_csl() for r in citekit.load(str(copy)).records]
    assert as_text == [r.to_csl() for r in citekit.load(str(FIXTURES / name)).records] != []
    assert formats.get("mods").readable and formats.get("mods").writable


def test_doctype_and_entities_are_refused() -> None:
    """A DOCTYPE (an entity bomb, an external file) is refused before parsing: one error line."""
    text = '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><mods><title>&x;</title></mods>'
    result = read(text, "evil.xml")
    assert result.records == []
    assert [str(p) for p in result.problems] == [
        "evil.xml:1: XML with a DOCTYPE or entity declaration is refused"
    ]


def test_broken_xml_keeps_the_records_around_the_break() -> None:
    """A record broken in the middle of a collection is reported with its line; the others are read."""
    text = (
        '<modsCollection xmlns="http://www.loc.gov/mods/v3">\n<mods><titleInfo><title>One</title></titleInfo></mods>\n'
        "<mods><titleInfo><title>Two</title></titleInfo><bad></mods>\n"
        "<mods><titleInfo><title>Three</title></titleInfo></mods>\n</modsCollection>"
    )
    result = read(text, "b.xml")
    titles = [r.fields.get("title") for r in result.records]
    assert titles[0] == "One" and "Three" in titles
    assert result.problems[0].is_error and result.problems[0].location.line == 3


@pytest.mark.skipif(
    shutil.which("bib2xml") is None or not (TEXLIVE_BIB / "beebe/tugboat.bib").exists(),
    reason="bibutils or texlive absent",
)
def test_bibutils_mods_of_a_real_bibliography_reads_like_its_bibtex(tmp_path: Path) -> None:
    """MODS written by bibutils (bib2xml) from TUGboat's real bibliography reads back as bibutils'
    own reader (xml2bib) reads it: the same fields from both, for at least 99% of them."""
    source = TEXLIVE_BIB / "beebe/tugboat.bib"
    mods = tmp_path / "tugboat.xml"
    mods.write_bytes(subprocess.run(["bib2xml", str(source)], capture_output=True, check=True).stdout)
    bib = tmp_path / "tugboat.bib"
    bib.write_bytes(subprocess.run(["xml2bib", str(mods)], capture_output=True, check=True).stdout)
    theirs = citekit.load(str(bib)).records
    # bib2xml also writes @preamble and @string blocks as empty records, which xml2bib drops.
    by_key = {r.id: r for r in citekit.load(str(mods)).records}
    ours = [by_key[r.id] for r in theirs]
    assert len(ours) > 4000
    tally = Tally()
    shared = ("title", "container-title", "volume", "issue", "page", "DOI", "ISSN", "issued", "author")
    for mine, other in zip(ours, theirs, strict=True):
        want = {k: _bibutils_normal(v) for k, v in items(other).items() if k.split("[")[0] in shared}
        got = {k: _bibutils_normal(v) for k, v in items(mine).items()}
        for key, value in want.items():
            tally.fields += 1
            if got.get(key) != value:
                tally.differing[key.split("[")[0]] += 1
    assert tally.share_identical >= 0.99, tally.differing.most_common(5)


def _bibutils_normal(value: object) -> object:
    """What bibutils changes on the way through MODS, undone on both sides: bib2xml curls
    apostrophes and writes initials without their full stops, xml2bib straightens and adds them."""
    if isinstance(value, str):
        return value.replace("’", "'").replace("–", "-")
    if isinstance(value, Name):
        return Name(
            family=value.family.replace("’", "'"),
            given=value.given.replace(".", " ").replace(" ", ""),
            literal=value.literal,
        )
    return value


def test_host_named_only_by_a_uniform_title_is_the_container() -> None:
    """A host relatedItem whose only title is a uniform title (a catalogue's collection) is the container."""
    record = one(
        "<titleInfo><title>Gettysburg</title></titleInfo>"
        '<relatedItem type="host"><titleInfo type="uniform"><title>Women Writers</title></titleInfo>'
        "</relatedItem>"
    )
    assert record.get("container-title") == "Women Writers"


def test_uniform_title_does_not_replace_a_main_title() -> None:
    """Where a main title exists, a uniform title beside it is not taken for the title."""
    record = one(
        '<titleInfo type="uniform"><title>Hamlet (Play)</title></titleInfo>'
        "<titleInfo><title>The Tragedy of Hamlet</title></titleInfo>"
    )
    assert record.get("title") == "The Tragedy of Hamlet"


def test_language_given_as_plain_text_is_read() -> None:
    """A <language> holding the language's name without a languageTerm is read as its code."""
    assert one("<titleInfo><title>T</title></titleInfo><language>English</language>").get("language") == "en"
