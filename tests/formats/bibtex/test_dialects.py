"""Reading what real exporters put in BibTeX: MathSciNet, arXiv/INSPIRE, ACM, Mendeley, Zotero,
Pure and BibSonomy fields, and the recoveries from their syntax slips, each reported with its line."""

from __future__ import annotations

from citekit import Date, Name
from citekit.formats.bibtex.read import read


def test_fjournal_is_the_journal_and_journal_its_abbreviation() -> None:
    """MathSciNet: FJOURNAL the journal, JOURNAL its abbreviation; ISSNs "a,b" become "a, b"."""
    text = "@article{k, JOURNAL = {J. Numer. Math.}, FJOURNAL = {Journal of Numerical Mathematics},"
    text += " ISSN = {1064-8275,1095-7197}, YEAR = {2012}}"
    [record] = read(text, "m.bib").records
    assert record.fields["container-title"] == "Journal of Numerical Mathematics"
    assert record.fields["container-title-short"] == "J. Numer. Math."
    assert record.fields["ISSN"] == "1064-8275, 1095-7197"


def test_a_journal_longer_than_its_fjournal_stays_the_journal() -> None:
    """Beebe's bibliographies: a journal longer than its fjournal is what BibTeX styles print, so it
    stays the container title (and the BibTeX output's journal), the fjournal its short form."""
    text = "@article{k, journal = {Proceedings of the American Philosophical Society held at Philadelphia},"
    text += " fjournal = {Proceedings of the American Philosophical Society}}"
    [record] = read(text, "t.bib").records
    assert record.fields["container-title"].endswith("held at Philadelphia")
    assert record.fields["container-title-short"] == "Proceedings of the American Philosophical Society"


def test_arxiv_eprint_report_number_and_collaboration() -> None:
    """arXiv's eprint is the number (and arXiv the publisher of a preprint); INSPIRE's
    reportNumber comes first and its collaboration is an author after the named ones."""
    preprint = "@misc{v, title={A}, eprint={1706.03762}, archivePrefix={arXiv}, primaryClass={cs.CL}}"
    [record] = read(preprint, "a.bib").records
    assert (record.fields["number"], record.fields["publisher"]) == ("arXiv:1706.03762", "arXiv")
    paper = '@article{a, author = "Aad, Georges and others", collaboration = "ATLAS", eprint = "1207.7214",'
    paper += ' archivePrefix = "arXiv", reportNumber = "CERN-PH-EP-2012-218", journal = "Phys. Lett. B"}'
    [record] = read(paper, "i.bib").records
    assert record.fields["number"] == "CERN-PH-EP-2012-218" and "publisher" not in record.fields
    assert record.names["author"] == (
        Name(family="Aad", given="Georges"),
        Name(literal="ATLAS Collaboration"),
    )
    assert record.et_al


def test_acm_numpages_location_and_mendeley_keywords() -> None:
    """ACM's numpages is the page count and location beside address the venue; Mendeley's
    keywords without spaces are split at the commas, a comma inside a word is kept."""
    text = "@inproceedings{z, booktitle={P}, address={New York, NY, USA}, location={Rotterdam, Netherlands},"
    text += " numpages={15}, keywords={reproducibility,research practice}}"
    [record] = read(text, "acm.bib").records
    assert record.fields["publisher-place"] == "New York, NY, USA"
    assert record.fields["event-place"] == "Rotterdam, Netherlands"
    assert record.fields["number-of-pages"] == "15"
    assert record.fields["keyword"] == "reproducibility, research practice"
    [record] = read("@article{c, keywords={1,2-dichloroethane}}", "c.bib").records
    assert record.fields["keyword"] == "1,2-dichloroethane"


def test_pure_conference_note_report_book_and_working_paper() -> None:
    """Pure packs the conference's name and dates into note, writes a report as @book with
    type "Report" and a working paper's type as "WorkingPaper"."""
    text = '@inproceedings{p, title = "T", note = "Publisher Copyright: 2024 IEEE.; MICRO 2024 ;'
    text += ' Conference date: 02-11-2024 Through 06-11-2024", year = "2024"}'
    [record] = read(text, "pure.bib").records
    assert record.fields["note"] == "Publisher Copyright: 2024 IEEE."
    assert record.fields["event-title"] == "MICRO 2024"
    assert record.dates["event-date"] == Date(parts=((2024, 11, 2), (2024, 11, 6)))
    [report] = read('@book{r, title = "R", number = "1999-66", type = "Report"}', "r.bib").records
    assert (report.type, report.fields["number"], report.fields["genre"]) == ("report", "1999-66", "Report")
    [paper] = read('@techreport{w, title = "W", type = "WorkingPaper"}', "w.bib").records
    assert paper.fields["genre"] == "Working paper"


def test_zotero_extra_in_note_and_bibsonomy_posting_date() -> None:
    """Zotero's note "ISSN: …" is the ISSN; BibSonomy's date equal to added-at is no publication date."""
    [record] = read("@inproceedings{h, note = {ISSN: 1063-6919}, year = {2016}}", "z.bib").records
    assert record.fields["ISSN"] == "1063-6919" and "note" not in record.fields
    text = "@inproceedings{b, added-at = {2010-01-27T00:00:00.000+0100}, date = {2010-01-27}}"
    result = read(text, "b.bib")
    assert "issued" not in result.records[0].dates
    assert [p.location.line for p in result.problems] == [1]


def test_missing_comma_between_fields_reads_both_and_names_the_line() -> None:
    """A field whose comma is missing no longer swallows the next one: both are read, with a warning."""
    text = "@article{k1,\n  title = {A title}\n  file = {:a.pdf:pdf},\n  year = {2020}\n}\n"
    text += '@article{k2,\n  title = "B"\n  year = 2021,\n  journal = {J}\n}\n'
    result = read(text, "m.bib")
    first, second = result.records
    assert first.fields == {"title": "A title"} and first.dates["issued"] == Date(parts=((2020,),))
    assert second.fields == {"title": "B", "container-title": "J"}
    assert second.dates["issued"] == Date(parts=((2021,),))
    assert [(p.location.line, p.is_error) for p in result.problems] == [(3, False), (8, False)]


def test_entry_without_a_key_is_read_and_reported() -> None:
    """EndNote's "@article{" with no key: the entry is read (a key is made later), with a warning."""
    text = "\n\t@article{\n\t  author = {Huang, Y. and Mucke, L.},\n\t  title = {Alzheimer},\n\t  year = {2012}\n\t}\n"
    result = read(text, "e.bib")
    [record] = result.records
    assert (record.id, record.fields["title"]) == ("", "Alzheimer")
    assert [p.location.line for p in result.problems] == [2]
