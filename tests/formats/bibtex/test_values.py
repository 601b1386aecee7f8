"""A value that is one plain string resolves as the piece-by-piece reading resolves it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citekit.formats.bibtex.values import BadValue, resolve, resolve_pieces

PIECES = ["{", "}", '"', "#", " ", "a", "Bo", "jan", "2001", "\\", "\\{", "\\}", "é", "\n"]
MACROS = {"jan": "January", "bo": "Bob"}


def outcome(function: object, raw: str) -> str:
    try:
        return "ok:" + function(raw, MACROS)  # type: ignore[operator]
    except BadValue as exc:
        return f"error:{exc}"


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join))
def test_resolve_matches_the_piece_by_piece_reading(raw: str) -> None:
    """Braced, quoted, nested, escaped, concatenated and macro values: the same text or the same error."""
    for value in (raw, "{" + raw + "}", '"' + raw + '"'):
        assert outcome(resolve, value) == outcome(resolve_pieces, value), repr(value)


def test_plain_strings() -> None:
    """One braced or quoted string without nesting is its inside; an escaped closing brace is not."""
    assert resolve("{Counting sheep}", {}) == "Counting sheep"
    assert resolve('"Counting sheep"', {}) == "Counting sheep"
    assert resolve("{}", {}) == ""
    assert outcome(resolve, "{abc\\}") == outcome(resolve_pieces, "{abc\\}")
