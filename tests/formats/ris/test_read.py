"""Reading RIS: the common tags, the EndNote, Zotero, PubMed and Pure dialects, and messy files."""

from __future__ import annotations

from citekit import Date, Name
from citekit.formats.ris.read import read

ZOTERO = """TY  - JOUR
TI  - Array programming with NumPy
AU  - Harris, Charles R.
AU  - van der Walt, Stéfan J.
AU  - Millman, K. Jarrod
T2  - Nature
J2  - Nature
VL  - 585
IS  - 7825
SP  - 357
EP  - 362
PY  - 2020
DA  - 2020/09/16/
DO  - 10.1038/s41586-020-2649-2
UR  - https://www.nature.com/articles/s41586-020-2649-2
SN  - 1476-4687
LA  - en
KW  - Python
KW  - arrays
Y2  - 2021/01/05/
ER  -
"""


def test_zotero_export_reads_every_common_tag() -> None:
    """A Zotero-style journal article: names, title, container, volume, issue, pages, dates, ids."""
    result = read(ZOTERO, "z.ris")
    assert not result.problems
    [record] = result.records
    assert record.type == "article-journal"
    assert record.names["author"][1] == Name(
        family="Walt", given="Stéfan J.", non_dropping_particle="van der"
    )
    assert record.fields == {
        "title": "Array programming with NumPy",
        "container-title": "Nature",
        "container-title-short": "Nature",
        "volume": "585",
        "issue": "7825",
        "page": "357-362",
        "DOI": "10.1038/s41586-020-2649-2",
        "URL": "https://www.nature.com/articles/s41586-020-2649-2",
        "ISSN": "1476-4687",
        "language": "en",
        "keyword": "Python, arrays",
    }
    assert record.dates == {
        "issued": Date(parts=((2020, 9, 16),)),
        "accessed": Date(parts=((2021, 1, 5),)),
    }


def test_endnote_dialect_t1_jf_y1_n2_a1() -> None:
    """EndNote's tags: T1 title, A1 author, JF journal, Y1 date with other info, N2 abstract, M1."""
    text = "TY  - JOUR\nT1  - A study\nA1  - Smith, John\nJF  - Journal of Things\nJA  - J. Things\n"
    text += "Y1  - 2019/12/01/Winter\nN2  - What it found.\nM1  - 8\nER  - \n"
    [record] = read(text, "e.ris").records
    assert record.get("title") == "A study"
    assert record.names["author"] == (Name(family="Smith", given="John"),)
    assert record.get("container-title") == "Journal of Things"
    assert record.get("container-title-short") == "J. Things"
    assert record.dates["issued"] == Date(parts=((2019, 12, 1),))
    assert record.get("abstract") == "What it found."
    assert record.get("number") == "8"


def test_pubmed_and_pure_dialects() -> None:
    """PubMed's JO/JA with 'SP 357-62' and Pure's JO, M3 and single-space 'TY - JOUR' tags."""
    pubmed = "TY  - JOUR\nTI  - T\nJO  - Nature\nSP  - 357-62\nPY  - 2020\nER  - \n"
    [record] = read(pubmed, "p.ris").records
    assert (record.get("container-title"), record.get("page")) == ("Nature", "357-62")
    pure = "TY - JOUR\nT1 - Crucible\nAU - Dalgarno, Mark\nJO - Health Education Journal\nM3 - Article\n"
    pure += "PY - 2019\nER - \n"
    [record] = read(pure, "pure.ris").records
    assert record.get("title") == "Crucible"
    assert record.get("container-title") == "Health Education Journal"
    assert record.get("genre") == ""  # "Article" only repeats the type: no genre
    assert record.names["author"] == (Name(family="Dalgarno", given="Mark"),)


def test_bom_crlf_blank_lines_continuations_and_missing_final_er() -> None:
    """A BOM, CRLF ends, blank lines between records, a wrapped value and no final ER all read."""
    text = "\ufeffTY  - BOOK\r\nTI  - A long title that was\r\n  wrapped onto a second line\r\nER  - \r\n\r\n\r\n"
    text += "TY  - CHAP\r\nTI  - Last one\r\nA2  - Editor, Ed\r\nBT  - The Book\r\n"
    result = read(text, "w.ris")
    first, second = result.records
    assert first.get("title") == "A long title that was wrapped onto a second line"
    assert (second.type, second.get("title"), second.get("container-title")) == (
        "chapter",
        "Last one",
        "The Book",
    )
    assert second.names["editor"] == (Name(family="Editor", given="Ed"),)
    assert not [p for p in result.problems if p.is_error]


def test_names_institutions_suffixes_and_one_name_persons() -> None:
    """'Family, Given, Suffix'; a name with no comma is an institution; 'Plato,' is a person."""
    text = (
        "TY  - BOOK\nAU  - King, Martin Luther, Jr.\nAU  - World Health Organization\nAU  - Plato,\nER  - \n"
    )
    [record] = read(text, "n.ris").records
    assert record.names["author"] == (
        Name(family="King", given="Martin Luther", suffix="Jr."),
        Name(literal="World Health Organization"),
        Name(family="Plato"),
    )


def test_issn_and_isbn_are_told_apart_and_types_map() -> None:
    """SN holds an ISSN or an ISBN, told apart by their shape (a qualifier such as "(print)" dropped);
    reference types map to CSL types."""
    text = "TY  - BOOK\nSN  - 978-0-262-03384-8\nSN  - 0896-3207 (print)\nER  - \n"
    [record] = read(text, "s.ris").records
    assert (record.get("ISBN"), record.get("ISSN")) == ("978-0-262-03384-8", "0896-3207")
    kinds = {"CPAPER": "paper-conference", "THES": "thesis", "RPRT": "report", "ELEC": "webpage"}
    for ris_type, csl_type in kinds.items():
        assert read(f"TY  - {ris_type}\nER  - \n", "t").records[0].type == csl_type


def test_record_without_ty_in_the_middle_is_reported_and_the_rest_is_read() -> None:
    """Tags before any TY are an error naming their line; the records around them are read."""
    text = (
        "TY  - JOUR\nTI  - One\nER  - \nAU  - Orphan, An\nTI  - Lost\nER  - \nTY  - JOUR\nTI  - Two\nER  - \n"
    )
    result = read(text, "m.ris")
    assert [r.get("title") for r in result.records] == ["One", "Two"]
    errors = [p for p in result.problems if p.is_error]
    assert [str(p.location) for p in errors] == ["m.ris:4"]


def test_unknown_type_is_a_warning_and_reads_as_a_document() -> None:
    """An unknown TY is kept as a generic document, with a warning naming the record's line."""
    result = read("TY  - WEIRD\nTI  - X\nER  - \n", "u.ris")
    assert result.records[0].type == "document"
    assert [str(p.location) for p in result.problems] == ["u.ris:1"]
