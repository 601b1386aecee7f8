"""Property tests: for generated records, read(write(r)) == r on the fields each format carries."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import citekit
from citekit import Date, Name, Record, formats
from tests.formats.roundtrip import ROUND_TRIP_FORMATS, Tally, compare

# Letters (accented too), digits and the characters LaTeX and RIS give a meaning of their own.
TEXT_CHARS = "abcXYZéüßøÆŁçő日0123456789 .,:;'\"()[]&%$#_{}~^\\/!?`<>|@*+=–—"
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéüßø", min_size=1, max_size=8)
CAPITAL_WORD = st.builds(lambda w: w[0].upper() + w[1:], WORD)
TEXT = st.text(alphabet=TEXT_CHARS, min_size=1, max_size=40).map(str.strip).filter(bool)
TEXT_VARIABLES = (
    "title",
    "container-title",
    "collection-title",
    "volume",
    "issue",
    "number",
    "edition",
    "publisher",
    "publisher-place",
    "genre",
    "abstract",
    "note",
    "ISBN",
    "ISSN",
    "language",
    "event-title",
    "title-short",
)
TYPES = (
    "article-journal",
    "article-magazine",
    "book",
    "chapter",
    "paper-conference",
    "report",
    "thesis",
    "manuscript",
    "article",
    "webpage",
    "dataset",
    "review",
)

names = st.one_of(
    st.builds(
        Name,
        family=st.lists(CAPITAL_WORD, min_size=1, max_size=2).map(" ".join),
        given=st.one_of(st.just(""), st.lists(CAPITAL_WORD, min_size=1, max_size=2).map(" ".join)),
        non_dropping_particle=st.sampled_from(["", "", "van", "de la", "von der"]),
        suffix=st.sampled_from(["", "", "Jr.", "III"]),
    ),
    st.builds(Name, literal=st.lists(CAPITAL_WORD, min_size=1, max_size=3).map(" ".join)),
)


@st.composite
def dates(draw: st.DrawFn) -> Date:
    if draw(st.integers(0, 9)) == 0:
        return Date(literal=draw(st.sampled_from(["in press", "forthcoming", "n.d."])))
    year = draw(st.integers(1000, 2100))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    first = draw(st.sampled_from([(year,), (year, month), (year, month, day)]))
    parts: tuple[tuple[int, ...], ...] = (first,)
    if draw(st.integers(0, 4)) == 0:
        parts = (first, (year + draw(st.integers(1, 5)),))
    season = draw(st.sampled_from([None, None, None, 1, 3])) if len(first) == 1 and len(parts) == 1 else None
    return Date(parts=parts, season=season, circa=draw(st.integers(0, 9)) == 0)


@st.composite
def records(draw: st.DrawFn) -> Record:
    fields = draw(st.dictionaries(st.sampled_from(TEXT_VARIABLES), TEXT, max_size=6))
    if draw(st.booleans()):
        first = draw(st.integers(1, 999))
        fields["page"] = f"{first}-{first + draw(st.integers(0, 50))}"
    if draw(st.booleans()):
        fields["DOI"] = (
            "10."
            + draw(st.text(alphabet="0123456789", min_size=4, max_size=5))
            + "/"
            + draw(st.text(alphabet="abcXYZ0123456789._-;()/:", min_size=1, max_size=15))
        )
    if draw(st.booleans()):
        fields["URL"] = "https://example.org/" + draw(st.text(alphabet="abc012_-.~%?=&/#", max_size=15))
    if draw(st.booleans()):
        fields["keyword"] = ", ".join(draw(st.lists(WORD, min_size=1, max_size=3)))
    people = {
        var: tuple(draw(st.lists(names, min_size=1, max_size=3)))
        for var in draw(st.sets(st.sampled_from(["author", "editor", "translator"])))
    }
    when = {
        var: draw(dates()) for var in draw(st.sets(st.sampled_from(["issued", "accessed", "event-date"])))
    }
    return Record(
        id=draw(st.from_regex(r"[a-z][a-z0-9]{2,10}", fullmatch=True)),
        type=draw(st.sampled_from(TYPES)),
        fields=fields,
        names=people,
        dates=when,
        et_al=bool(people.get("author")) and draw(st.booleans()),
    )


@pytest.mark.parametrize("fmt", ROUND_TRIP_FORMATS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records())
def test_read_of_write_gives_back_what_the_format_carries(fmt: str, record: Record) -> None:
    """read(write(r)) equals r as the format carries it (carry: what the loss report compares with)."""
    back = citekit.loads(citekit.dump([record], fmt), fmt)
    assert not back.problems
    tally = Tally()
    compare([formats.get(fmt).carry(record)], back.records, tally)
    assert not tally.differing, tally.examples


@settings(max_examples=60, deadline=None)
@given(record=records())
def test_csljson_carries_every_generated_record_whole(record: Record) -> None:
    """CSL-JSON loses nothing of a generated record but the 'et al.' mark it has no place for."""
    [back] = citekit.loads(citekit.dump([record], "csljson"), "csljson").records
    assert back.fields == record.fields and back.names == record.names and back.dates == record.dates
    assert back.type == record.type


@settings(max_examples=60, deadline=None)
@given(record=records())
def test_ascii_bibtex_reads_back_like_utf8_bibtex(record: Record) -> None:
    """--ascii output is ASCII, and reads back as the UTF-8 output does, but for a character LaTeX
    has no command for (日), which it writes as its code point (U+65E5)."""
    for fmt in ("bibtex", "biblatex"):
        text = citekit.dump([record], fmt, ascii=True)
        assert text.isascii()
        utf8 = citekit.loads(citekit.dump([record], fmt), fmt).records
        ascii_only = citekit.loads(text, fmt).records
        assert [r.fields for r in ascii_only] == [
            {k: v.replace("日", "U+65E5") for k, v in r.fields.items()} for r in utf8
        ]
        assert [repr(r.names) for r in ascii_only] == [repr(r.names).replace("日", "U+65E5") for r in utf8]
