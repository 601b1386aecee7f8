"""Reading RIS as each exporter means it: per-type tag tables, Pure's conference contributions,
EndNote's continuation lines and year-less dates, tag lines written loosely, and line ends."""

from __future__ import annotations

import pytest

from citekit import Date, Name
from citekit.formats.ris.read import read


def one(text: str) -> tuple[object, list[str], list[tuple[str, int]]]:
    result = read(text, "t.ris")
    [record] = result.records
    remarks = result.remarks.get(0)
    return record, [p.message for p in result.problems], remarks.unused if remarks else []


def test_pure_conference_contribution_is_a_paper_with_proceedings_conference_and_dates() -> None:
    """Pure's TY GEN + M3 "Conference contribution": BT the proceedings, T2 the conference, Y2 its dates."""
    text = (
        "TY  - GEN\nT1  - A paper\nAU  - Khanna, Urvashi\nPY  - 2021\nM3  - Conference contribution\n"
        "T3  - CEUR Workshop Proceedings\nBT  - CLEF 2021 Working Notes\nT2  - CLEF 2021\n"
        "Y2  - 21 September 2021 through 24 September 2021\nER  - \n"
    )
    record, problems, unused = one(text)
    assert record.type == "paper-conference"
    assert record.fields["container-title"] == "CLEF 2021 Working Notes"
    assert record.fields["event-title"] == "CLEF 2021"
    assert record.fields["collection-title"] == "CEUR Workshop Proceedings"
    assert "genre" not in record.fields
    assert record.dates["event-date"] == Date(parts=((2021, 9, 21), (2021, 9, 24)))
    assert "accessed" not in record.dates
    assert not problems and not unused


def test_endnote_type_tables_give_series_chapter_volumes_report_number_and_editors() -> None:
    """EndNote's per-type meanings: a book's T2 is its series, a chapter's SE its number, NV the
    number of volumes, a report's SN its number, an edited book's AU its editors."""
    book, _, _ = one("TY  - BOOK\nTI  - Deep learning\nT2  - Adaptive computation\nNV  - 2\nER  - \n")
    assert book.fields["collection-title"] == "Adaptive computation"
    assert "container-title" not in book.fields and book.fields["number-of-volumes"] == "2"
    chapter, _, _ = one("TY  - CHAP\nTI  - D\nT2  - Book\nSE  - 3\nER  - \n")
    assert (chapter.fields["container-title"], chapter.fields["chapter-number"]) == ("Book", "3")
    report, _, _ = one("TY  - RPRT\nTI  - R\nSN  - 1999-66\nSN  - 978-0-262-03384-8\nER  - \n")
    assert (report.fields["number"], report.fields["ISBN"]) == ("1999-66", "978-0-262-03384-8")
    edited, _, _ = one("TY  - EDBOOK\nAU  - Rumelhart, D. E.\nTI  - PDP\nER  - \n")
    assert edited.names == {"editor": (Name(family="Rumelhart", given="D. E."),)}


def test_thesis_department_and_degree_are_kept_as_unused_not_dropped() -> None:
    """A thesis's T2 (department) has no CSL variable: it is listed as unused, with its line."""
    record, _, unused = one(
        "TY  - THES\nTI  - T\nT2  - Dept. of Mathematics\nVL  - Ph.D.\nM3  - Doctoral\nER  - \n"
    )
    assert record.fields["genre"] == "Doctoral"
    assert "container-title" not in record.fields
    assert ("T2: Dept. of Mathematics", 3) in unused and ("VL: Ph.D.", 4) in unused


def test_endnote_conference_dates_place_and_year_less_dates() -> None:
    """EndNote's CONF: DA "27-30 June 2016" is the conference period, CY its place, T2 its name
    (and the proceedings'); a JOUR's DA "Oct" takes its year from PY."""
    text = "TY  - CONF\nTI  - P\nT2  - CVPR\nPY  - 2016\nDA  - 27-30 June 2016\nCY  - Las Vegas\nER  - \n"
    record, problems, _ = one(text)
    assert record.dates == {
        "issued": Date(parts=((2016,),)),
        "event-date": Date(parts=((2016, 6, 27), (2016, 6, 30))),
    }
    assert (record.fields["event-title"], record.fields["event-place"]) == ("CVPR", "Las Vegas")
    assert not problems
    article, _, _ = one("TY  - JOUR\nPY  - 1999\nDA  - November 11\nER  - \n")
    assert article.dates["issued"] == Date(parts=((1999, 11, 11),))


def test_endnote_continuation_lines_are_further_values_of_list_tags() -> None:
    """EndNote writes one keyword, ISSN or note per untagged line after a single tag."""
    text = "TY  - JOUR\nKW  - citation\nreference\nSN  - 0000-0000\n9999-9999\nN1  - a\nb\nTI  - A long\ntitle\nER  - \n"
    record, _, _ = one(text)
    assert record.fields["keyword"] == "citation, reference"
    assert record.fields["ISSN"] == "0000-0000, 9999-9999"
    assert record.fields["note"] == "a\nb"
    assert record.fields["title"] == "A long title"


@pytest.mark.parametrize("line", ["ty  - JOUR", "TY  -JOUR", "TY -  JOUR", "Ty  - JOUR"])
def test_loose_tag_lines_are_read_with_a_warning_naming_the_line(line: str) -> None:
    """Lower-case tags and other spacing around the dash are still tags, with one warning per kind."""
    result = read(f"{line}\nti  - Title\nER  - \n", "t.ris")
    [record] = result.records
    assert (record.type, record.fields["title"]) == ("article-journal", "Title")
    assert result.problems and all(p.location.line in (1, 2) for p in result.problems)
    assert all(not p.is_error for p in result.problems)


@pytest.mark.parametrize("breaker", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c"])
def test_only_cr_and_lf_end_a_line(breaker: str) -> None:
    """A forged ER after a line separator, NEL, VT, FF or FS is part of the value, not a record end."""
    text = f"TY  - JOUR\nTI  - A{breaker}ER  - {breaker}TY  - BOOK\nAU  - Smith, J.\nER  - \n"
    [record] = read(text, "t.ris").records
    assert record.type == "article-journal"
    assert record.names["author"] == (Name(family="Smith", given="J."),)


def test_given_family_names_without_commas_and_author_order_mixed_tags() -> None:
    """CRC Press's "Catarina Barata" names are persons; A1 and AU mixed keep the file's order."""
    record, _, _ = one("TY  - CHAP\nAU  - Catarina Barata\nAU  - MEmre Celebi\nER  - \n")
    assert record.names["author"] == (
        Name(family="Barata", given="Catarina"),
        Name(family="Celebi", given="MEmre"),
    )
    mixed, _, _ = one("TY  - JOUR\nA1  - One, A.\nAU  - Two, B.\nA1  - Three, C.\nER  - \n")
    assert [n.family for n in mixed.names["author"]] == ["One", "Two", "Three"]
    alone, _, _ = one("TY  - RPRT\nAU  - World Health Organization\nER  - \n")
    assert alone.names["author"] == (Name(literal="World Health Organization"),)


def test_pubmed_ids_journal_abbreviations_and_m3_that_is_no_genre() -> None:
    """AN/U1 PubMed ids, JO as the abbreviation beside JF, an M3 holding a DOI, VL "50(2)"."""
    text = (
        "TY  - JOUR\nAN  - PMC3654245\nU1  - 23690738[pmid]\nJF  - The Journal of Chemical Physics\n"
        "JO  - J. Chem. Phys.\nDO  - 10.1063/1.1954747\nM3  - doi: 10.1063/1.1954747\nVL  - 50(2)\n"
        "M1  - Copyright (C) 2016 American Chemical Society (ACS). All Rights Reserved.\nLA  - eng\nER  - \n"
    )
    record, _, unused = one(text)
    assert (record.fields["PMCID"], record.fields["PMID"]) == ("PMC3654245", "23690738")
    assert record.fields["container-title"] == "The Journal of Chemical Physics"
    assert record.fields["container-title-short"] == "J. Chem. Phys."
    assert "genre" not in record.fields and "number" not in record.fields
    assert (record.fields["volume"], record.fields["issue"], record.fields["language"]) == ("50", "2", "en")
    assert [u for u, _ in unused] == [
        "M1: Copyright (C) 2016 American Chemical Society (ACS). All Rights Reserved."
    ]


def test_thesis_and_report_subtypes_come_from_m3_or_the_type() -> None:
    """M3 "Doctoral Thesis" is a thesis's genre; TY GOVDOC is a report whose genre says so."""
    thesis, _, _ = one("TY  - THES\nTI  - T\nM3  - Doctoral Thesis\nER  - \n")
    assert (thesis.type, thesis.fields["genre"]) == ("thesis", "Doctoral Thesis")
    report, _, _ = one("TY  - GOVDOC\nTI  - T\nER  - \n")
    assert (report.type, report.fields["genre"]) == ("report", "Government document")
