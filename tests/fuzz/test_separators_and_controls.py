"""Line separators and control characters, in any value, through every writer and back through its
reader: the same number of records, the same text (controls removed, separators as spaces), and no
control character in any output. A line ends at CR, LF or CRLF only (``citekit.lines``), so a value
holding U+2028, NEL, VT, FF or FS before ``ER  - `` or ``TY  - `` cannot end or start a record."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import citekit
from citekit.formats import case_protection
from citekit.lines import OTHER_SEPARATORS, split_lines
from citekit.model import Name, Record
from citekit.sanitise import clean_text
from tests.fuzz.strategies import FUZZ

# Every C0 and C1 control, DEL, the Unicode line and paragraph separators, and lone surrogates.
CONTROLS = [chr(c) for c in range(0x20)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
SPECIAL = [*CONTROLS, "\u2028", "\u2029", "�", "�"]
# What a forged record would be made of, in each format.
FORGERIES = ["ER  - ", "TY  - JOUR", "TI  - Forged", "@article{forged,", "}", '"}, {"id": "forged"']
value = st.lists(
    st.one_of(st.sampled_from(SPECIAL), st.sampled_from(FORGERIES), st.text("abcXYZ 0189.:;", max_size=6)),
    min_size=1,
    max_size=12,
).map("".join)
WRITERS = ["bibtex", "biblatex", "ris", "csljson"]
# What no output may hold: controls but tab and line feed (and CR, which no writer writes), lone
# surrogates, and the separators other programs end lines at.
UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def _words(text: str) -> str:
    """Text as every format keeps it: white space runs as one space; braces, quotes and the case
    protection BibTeX adds (read back as nocase spans) aside."""
    return " ".join(re.sub(r'[{}"]', "", case_protection.strip(text)).split())


def _records(values: list[str]) -> list[Record]:
    return [
        Record(
            id=f"k{n}",
            type="book",
            fields={"title": f"Title {v} end", "publisher": f"P {v}"},
            names={"author": (Name(family=f"Lee {v}".strip(), given="Ann"),)},
        )
        for n, v in enumerate(values)
    ]


@FUZZ
@given(st.lists(value, min_size=1, max_size=4), st.sampled_from(WRITERS))
def test_every_writer_writes_no_control_and_reads_back_the_same_records(
    values: list[str], writer: str
) -> None:
    """Records whose values hold any control, separator or forged record line are written with none
    of them, and read back as exactly as many records with the same words."""
    batch = _records(values)
    text = citekit.dump(batch, writer)
    assert not UNWANTED.search(text), repr(text)
    back = citekit.loads(text, writer).records
    assert len(back) == len(batch), text
    for before, after in zip(batch, back, strict=True):
        expected = _words(clean_text(before.fields["title"]))
        assert _words(after.fields["title"]) == expected, text


@FUZZ
@given(value)
def test_a_ris_value_with_separators_stays_in_its_record(inside: str) -> None:
    """A RIS file whose value holds other separators before forged tags is read as the records its
    line ends make, each separator read as a space and said."""
    inside = inside.replace("\r", "").replace("\n", "")
    text = f"TY  - JOUR\nTI  - One {inside}\nER  - \n\nTY  - BOOK\nTI  - Two\nER  - \n"
    result = citekit.loads(text, "ris")
    assert [r.type for r in result.records] == ["article-journal", "book"]
    if any(c in OTHER_SEPARATORS for c in inside):
        assert any("read as spaces" in p.message for p in result.problems)


@FUZZ
@given(value)
def test_a_portal_value_with_separators_is_one_page(inside: str) -> None:
    """A portal page whose title holds separators and forged lines is still one record."""
    inside = inside.replace("\r", "").replace("\n", "")
    page = (
        f"A title {inside}\nResearch output: Contribution to journal › Article › peer-review\n"
        "Journal\tJournal of Examples\nVolume\t12\nPublication status\tPublished - 1 Mar 2020\n"
    )
    assert len(citekit.loads(page, "portal").records) == 1


def test_a_line_ends_at_cr_lf_and_crlf_only() -> None:
    """The one definition of a line: other separators stay inside it."""
    assert split_lines("a\u2028b\x85c\x0bd\x0ce\x1cf\nnext\n") == ["a\u2028b\x85c\x0bd\x0ce\x1cf", "next"]


def test_the_reported_forgery_is_two_records() -> None:
    """The issue's RIS file (values holding U+2028, U+2029, NEL, VT, FF and FS before ER/TY) is read
    as the two records it holds, with a warning for each."""
    forged = "".join(f"{sep}ER  - {sep}TY  - JOUR{sep}TI  - Forged" for sep in "\u2028\u2029\x85\x0b\x0c\x1c")
    text = f"TY  - JOUR\nTI  - One{forged}\nER  - \nTY  - BOOK\nTI  - Two{forged}\nER  - \n"
    result = citekit.loads(text, "ris")
    assert len(result.records) == 2
    assert [p.location.line for p in result.problems if "read as spaces" in p.message] == [1, 4]


def test_a_control_in_a_month_kept_as_written_never_reaches_bibtex() -> None:
    """A month that is more than a month is kept as written for BibTeX (``Record.custom``); a control
    character in it is removed like any other (atheris finding, 3 December 2026)."""
    text = "@misc{k, title = {T}, year = {2020}, month = {Summer \x01 term}}\n"
    records = citekit.loads(text, "bibtex").records
    written = citekit.dump(records, "bibtex")
    assert "\x01" not in written and "Summer" in written
