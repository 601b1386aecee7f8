"""Reading CSL-JSON: lists or single objects, every date and name form, and broken items."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from citekit import Date, Name
from citekit.formats import csljson
from citekit.formats.csljson import read


def test_single_object_and_list() -> None:
    """A file may hold one item or a list of them."""
    one = read('{"id": "a", "type": "book", "title": "A"}', "a.json")
    many = read('[{"id": "a", "type": "book"}, {"id": 2, "type": "article", "volume": 3}]', "b.json")
    assert [r.id for r in one.records] == ["a"]
    assert [r.id for r in many.records] == ["a", "2"]
    assert many.records[1].get("volume") == "3"


def test_every_date_form() -> None:
    """date-parts (numbers or strings, ranges), raw text, literal text, seasons and circa."""
    item = {
        "id": "d",
        "type": "book",
        "issued": {"date-parts": [["2020", "9", "16"]]},
        "accessed": {"raw": "2021-01-05"},
        "original-date": {"literal": "Spring 1850"},
        "event-date": {"date-parts": [[2016, 6, 7], [2016, 6, 9]]},
        "submitted": {"date-parts": [[1988]], "season": "Summer", "circa": True},
        "available-date": "2019-12",
    }
    [record] = read(json.dumps(item), "d.json").records
    assert record.dates == {
        "issued": Date(parts=((2020, 9, 16),)),
        "accessed": Date(parts=((2021, 1, 5),)),
        "original-date": Date(literal="Spring 1850"),
        "event-date": Date(parts=((2016, 6, 7), (2016, 6, 9))),
        "submitted": Date(parts=((1988,),), season=2, circa=True),
        "available-date": Date(parts=((2019, 12),)),
    }


def test_literal_names_and_particles() -> None:
    """Names keep their CSL parts; an institution is a literal name."""
    item = {
        "id": "n",
        "type": "report",
        "author": [
            {"literal": "World Health Organization"},
            {"family": "Walt", "given": "Stéfan", "non-dropping-particle": "van der"},
        ],
    }
    [record] = read(json.dumps(item), "n.json").records
    assert record.names["author"] == (
        Name(literal="World Health Organization"),
        Name(family="Walt", given="Stéfan", non_dropping_particle="van der"),
    )


def test_invalid_value_in_the_middle_is_reported_with_its_line() -> None:
    """A value that breaks CSL-JSON (an author that is not a list of names) is a warning naming
    its item's line; the value is dropped, the rest of its item and the items around it are read."""
    text = '[\n  {"id": "a", "type": "book"},\n  {"id": "b", "author": "Smith"},\n  {"id": "c", "type": "book"}\n]'
    result = read(text, "x.json")
    assert [r.id for r in result.records] == ["a", "b", "c"]
    assert "author" not in result.records[1].names
    [problem] = result.problems
    assert not problem.is_error and str(problem.location) == "x.json:3" and "author" in problem.message


def test_json_syntax_error_skips_to_the_next_item() -> None:
    """A syntax error inside one item loses only that item."""
    text = '[\n  {"id": "a", "type": "book"},\n  {"id": "b", "type": "book" "oops"},\n  {"id": "c"}\n]'
    result = read(text, "y.json")
    assert [r.id for r in result.records] == ["a", "c"]
    assert [str(p.location) for p in result.problems] == ["y.json:3"]


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=True),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON_VALUES, st.booleans())
def test_pretty_is_json_dumps_with_an_indent(value: object, ascii: bool) -> None:
    """The CSL-JSON writer's own indenting encoder writes what json.dumps writes, or leaves it
    (a float) to json.dumps."""
    try:
        written = csljson.pretty(value, ascii)
    except csljson._Unusual:
        assert _has_float(value)
        return
    assert written == json.dumps(value, indent=2, ensure_ascii=ascii)


def _has_float(value: object) -> bool:
    if isinstance(value, dict):
        return any(_has_float(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_float(v) for v in value)
    return isinstance(value, float)
