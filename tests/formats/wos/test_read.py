"""Reading Web of Science plain text: the header, tags, list and wrapped continuation lines, names,
dates, conference fields and identifiers."""

from __future__ import annotations

import citekit
from citekit import Date, Name
from citekit.formats.wos.read import read

FILE = """\ufeffFN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Nguyen, CD
   Lee, J
AF Chi Dinh Nguyen
   Lee, Jaejin
TI 9/12 2-D Modulation Code for Bit-Patterned
   Media Recording
SO IEEE TRANSACTIONS ON MAGNETICS
LA English
DT Article; Proceedings Paper
CT Asia-Pacific Magnetic Recording Conference (APMRC)
CY JUL 13-15, 2016
CL Yonsei Univ, Seoul, SOUTH KOREA
DE Bit-patterned media recording (BPMR); modulation
   coding
ID LITHOGRAPHY; NOISE
PU IEEE-INST ELECTRICAL ELECTRONICS ENGINEERS INC
PI PISCATAWAY
SN 0018-9464
EI 1941-0069
J9 IEEE T MAGN
JI IEEE Trans. Magn.
PD MAR
PY 2017
VL 53
IS 3
AR 3101207
DI 10.1109/TMAG.2016.2626381
PG 7
UT WOS:000395872400008
ER

PT J
TI Effects of modafinil.
AU Joffe, Hadine; Hall, Janet E
SO Menopause
PS 411-22
PY 2006
PD 2006 May-Jun
UT MEDLINE:16735938
ER

EF
"""


def test_a_record_reads_to_its_facts() -> None:
    """Every tag citekit maps, with DE and ID keywords joined in that order and two ISSNs."""
    first, second = read(FILE, "w.txt").records
    assert first.type == "article-journal"
    assert first.fields == {
        "title": "9/12 2-D Modulation Code for Bit-Patterned Media Recording",
        "container-title": "IEEE TRANSACTIONS ON MAGNETICS",
        "container-title-short": "IEEE Trans. Magn.",
        "volume": "53",
        "issue": "3",
        "number": "3101207",
        "number-of-pages": "7",
        "publisher": "IEEE-INST ELECTRICAL ELECTRONICS ENGINEERS INC",
        "publisher-place": "PISCATAWAY",
        "DOI": "10.1109/TMAG.2016.2626381",
        "language": "en",
        "event-title": "Asia-Pacific Magnetic Recording Conference (APMRC)",
        "event-place": "Yonsei Univ, Seoul, SOUTH KOREA",
        "keyword": "Bit-patterned media recording (BPMR), modulation coding, LITHOGRAPHY, NOISE",
        "ISSN": "0018-9464, 1941-0069",
    }
    assert first.dates == {
        "issued": Date(parts=((2017, 3),)),
        "event-date": Date(parts=((2016, 7, 13), (2016, 7, 15))),
    }
    assert second.fields["title"] == "Effects of modafinil"  # MEDLINE's full stop
    assert (second.fields["PMID"], second.fields["page"]) == ("16735938", "411-22")
    assert second.dates["issued"] == Date(parts=((2006, 5), (2006, 6)))


def test_full_names_first_and_given_family_told_by_the_short_form() -> None:
    """AF is preferred to AU; "Chi Dinh Nguyen" is split where AU "Nguyen, CD" puts the family name;
    several names on one line are separated by semicolons."""
    first, second = read(FILE, "w.txt").records
    assert first.names["author"] == (
        Name(family="Nguyen", given="Chi Dinh"),
        Name(family="Lee", given="Jaejin"),
    )
    assert second.names["author"] == (
        Name(family="Joffe", given="Hadine"),
        Name(family="Hall", given="Janet E"),
    )


def test_unused_tags_are_remarks_and_a_missing_er_is_reported() -> None:
    """Tags with no CSL variable are kept as remarks; a record cut before ER is read and reported."""
    result = read(FILE, "w.txt")
    assert ("J9: IEEE T MAGN", 23) in result.remarks[0].unused
    cut = read("PT J\nTI A\nPY 2000\n", "cut.txt")
    assert cut.records[0].fields["title"] == "A"
    assert [p.location.line for p in cut.problems] == [1]


def test_content_tells_web_of_science_and_line_separators_split_nothing() -> None:
    """A .txt starting FN is Web of Science; a form feed inside a value never starts a record."""
    [record] = citekit.loads("FN Clarivate\nVR 1.0\nPT J\nTI A\x0cER\x0cPT J\nPY 2001\nER\nEF\n").records
    assert record.fields["title"] == "A\x0cER\x0cPT J"
