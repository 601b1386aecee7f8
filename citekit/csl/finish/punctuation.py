"""Punctuation meeting punctuation where affixes and delimiters join text (CSL 1.0.2 leaves the
detail to processors; this is citeproc-js's table): a mark already ending the text absorbs a
weaker one after it (``Why?.`` → ``Why?``, ``Note;:`` → ``Note;``), and a colon or semicolon gives
way to a following ``!`` or ``?``. Markup and closing quotes between the two marks stay where they
are; an ellipsis is left alone.

Only seams where style punctuation comes second are resolved: marks written next to each other
inside one field (``????``, ``state,:``) stay as the record has them, and so does a field's first
mark after a prefix or delimiter (``:`` + ``??-??`` is ``:??-??``), as citeproc-js leaves them.
``richtext.kept_apart`` marks such places when a field is read; the marker (``marks.KEEP_APART``)
stops the resolution and is removed when the output is finished."""

from __future__ import annotations

import re

from citekit.csl.marks import CLOSE_MARK, QUOTE_END

# (mark ending the text, mark coming after it) -> what is written; pairs not listed keep both.
COLLISIONS = {
    (":", ":"): ":", (";", ":"): ";", ("!", ":"): "!", ("?", ":"): "?",
    (":", "."): ":", (".", "."): ".", (";", "."): ";", ("!", "."): "!", ("?", "."): "?",
    (";", ";"): ";",
    (":", "!"): "!", (";", "!"): "!", ("!", "!"): "!",
    (":", "?"): "?", (";", "?"): "?", ("?", "?"): "?",
    (",", ","): ",",
}  # fmt: skip
_SEAM = re.compile(
    rf"(?<![.])([:.;!?,])((?:</?[a-z][^>]*>|[”’»{CLOSE_MARK}{QUOTE_END}])*)([:.;!?,])(?![.\w])"
)


def _joined(match: re.Match[str]) -> str:
    first, between, second = match.group(1), match.group(2), match.group(3)
    result = COLLISIONS.get((first, second))
    if result is None:
        return match.group(0)
    return (result + between) if result == first else (between + result if not between else result + between)


def without_doubled_periods(text: str) -> str:
    """``text`` with colliding punctuation resolved by ``COLLISIONS`` (marks kept apart stay)."""
    return _SEAM.sub(_joined, text)


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "punctuation_FullMontyQuotesIn",
    "punctuation_FullMontyQuotesOut",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_punctuation.py::test_a_fields_own_punctuation_after_a_quote_it_closes_stays_as_written",
)
