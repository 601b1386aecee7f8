"""Plain-text clean-up: invisible and odd whitespace, and the line-break hyphens of PDF text.

Whether ``Tran-scripts`` is one word broken at a line end or a real compound such as
``co-production`` is decided by word frequencies (the ``wordfreq`` package), not by a list:
the hyphen goes when the joined word is clearly more common than the hyphenated form.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

# Characters that print as nothing: soft hyphen, zero-width space/joiners, word joiner, BOM.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
# Space characters other than the plain space: no-break, narrow no-break, figure, thin, etc.
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_RUNS = re.compile(r"[ \t]+")

# A word of letters broken by one or more hyphens: "Tran-scripts", "co-pro-duction".
_HYPHENATED = re.compile(r"\b[^\W\d_]+(?:-[^\W\d_]+)+\b")
# A hyphen that ends a line, the word going on at the start of the next: "work-" / "shops".
_LINE_END = re.compile(r"\b([^\W\d_]+)-[ \t]*\n[ \t]*([^\W\d_]+)\b")
# wordfreq's Zipf scale is log10 of a word's frequency per billion words (7 = "the", 3 = rare).
# A joined word rarer than this is not taken for an English word at all.
_MIN_ZIPF = 2.0
# Within a line, a hyphen goes when the joined word is clearly more common than the hyphenated
# form (by _JOIN_MARGIN), or is a common word itself (_COMMON) and not much rarer (_TOLERANCE):
# "net-works" and "Tran-scripts" join; "well-being", "re-sign" and "work-shop" stay.
_JOIN_MARGIN = 0.3
_COMMON = 3.6
_TOLERANCE = 0.5
# At a line end a break is likely, so a joined word needs only be common enough (_LINE_COMMON)
# and not far rarer than the hyphenated form: "work-/shops" joins, "co-/production" does not.
_LINE_COMMON = 3.0
_LINE_TOLERANCE = 1.0


def clean_whitespace(text: str) -> str:
    """Text without soft hyphens or zero-width characters, odd spaces made plain, runs collapsed,
    and every line stripped (line breaks are kept: abstracts have paragraphs)."""
    text = _SPACES.sub(" ", text.translate(_INVISIBLE))
    lines = (_RUNS.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def clean_line(text: str) -> str:
    """One-line text (a title, a journal name) with all whitespace clean and on one line."""
    if text.isascii() and text.isprintable() and "  " not in text and text.strip() == text:
        return text  # already clean (most names and titles): no work on long author lists
    return " ".join(clean_whitespace(text).split())


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def _joins(hyphenated: float, joined: float, at_line_end: bool) -> bool:
    if joined < _MIN_ZIPF:
        return False
    if at_line_end:
        return joined >= _LINE_COMMON and joined >= hyphenated - _LINE_TOLERANCE
    return joined >= hyphenated + _JOIN_MARGIN or (joined >= _COMMON and joined >= hyphenated - _TOLERANCE)


def _best_reading(compound: str, at_line_end: bool = False) -> str:
    """The compound with each hyphen kept or dropped, whichever reading words make most likely."""
    parts = compound.split("-")
    if len(parts) > 5:  # long chains ("state-of-the-art-...") are real compounds
        return compound
    best, best_score = compound, _zipf(compound.lower())
    original = best_score
    for joins in itertools.product((False, True), repeat=len(parts) - 1):
        if not any(joins):
            continue
        text = parts[0]
        for join, part in zip(joins, parts[1:], strict=True):
            text += part if join else "-" + part
        # Every piece that was joined must be a word of its own.
        joined_pieces = [p for p in text.split("-") if p not in parts]
        scores = [_zipf(p.lower()) for p in joined_pieces]
        if not all(_joins(original, score, at_line_end) for score in scores):
            continue
        score = _zipf(text.lower())
        if score > best_score or best == compound:
            best, best_score = text, score
    return best


def dehyphenate(text: str) -> str:
    """Undo line-break hyphens (``de-rived`` -> ``derived``, ``work-`` at a line end and
    ``shops`` on the next -> ``workshops``) while real hyphens stay (``semi-structured``,
    ``single-site``, ``co-pro-duction`` -> ``co-production``)."""
    if "-" not in text:  # most abstracts: the word patterns would still try every word
        return text
    if "\n" in text:
        text = _LINE_END.sub(lambda m: _best_reading(f"{m[1]}-{m[2]}", at_line_end=True), text)
    return _HYPHENATED.sub(lambda m: _best_reading(m.group(0)), text)
