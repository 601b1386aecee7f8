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
# How much more common (in wordfreq's Zipf scale, log10 per billion words) the joined word
# must be before a hyphen is taken for a line break; "e-mail"/"email" stay as written.
_JOIN_MARGIN = 0.3
# A joined word rarer than this is not taken for an English word at all.
_MIN_ZIPF = 2.0


def clean_whitespace(text: str) -> str:
    """Text without soft hyphens or zero-width characters, odd spaces made plain, runs collapsed,
    and every line stripped (line breaks are kept: abstracts have paragraphs)."""
    text = _SPACES.sub(" ", text.translate(_INVISIBLE))
    lines = (_RUNS.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def clean_line(text: str) -> str:
    """One-line text (a title, a journal name) with all whitespace clean and on one line."""
    return " ".join(clean_whitespace(text).split())


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def _best_reading(compound: str) -> str:
    """The compound with each hyphen kept or dropped, whichever reading is the most common."""
    parts = compound.split("-")
    if len(parts) > 5:  # long chains ("state-of-the-art-...") are real compounds
        return compound
    best, best_score = compound, _zipf(compound.lower())
    for joins in itertools.product((False, True), repeat=len(parts) - 1):
        if not any(joins):
            continue
        text = parts[0]
        for join, part in zip(joins, parts[1:], strict=True):
            text += part if join else "-" + part
        # Every piece that was joined must be a word of its own.
        joined_pieces = [p for p in text.split("-") if p not in parts]
        if any(_zipf(p.lower()) < _MIN_ZIPF for p in joined_pieces):
            continue
        score = _zipf(text.lower())
        if score >= best_score + _JOIN_MARGIN:
            best, best_score = text, score
    return best


def dehyphenate(text: str) -> str:
    """Undo line-break hyphens (``de-rived`` -> ``derived``) while real hyphens stay
    (``semi-structured``, ``single-site``, ``co-pro-duction`` -> ``co-production``)."""
    return _HYPHENATED.sub(lambda m: _best_reading(m.group(0)), text)
