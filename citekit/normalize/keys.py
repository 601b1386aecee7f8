"""Citation keys: deterministic, unique and ASCII (``dalgarno2019crucible``)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from citekit.model import Record

# Title words too common to identify a work.
# CSL-JSON rich text in a title (<i>, <span class="nocase">…): not words of the title.
_MARKUP = re.compile(r"</?(?:i|b|sup|sub|sc|span)\b[^>]*>")
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "on",
        "in",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "about",
        "as",
        "is",
        "are",
        "be",
        "into",
        "over",
        "under",
        "via",
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "le",
        "la",
        "les",
        "un",
        "une",
        "el",
        "los",
        "las",
        "de",
        "del",
        "da",
        "di",
    ]
)


def ascii_fold(text: str) -> str:
    """Latin letters without their accents, and nothing that is not a letter or digit."""
    text = text.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("æ", "ae")
    text = text.replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("þ", "th")
    decomposed = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^A-Za-z0-9]", "", decomposed.encode("ascii", "ignore").decode())


def base_key(record: Record) -> str:
    """Family name of the first author (or editor, or title) + year + first significant title word."""
    names = record.names.get("author") or record.names.get("editor") or ()
    who = ""
    if names:
        first = names[0]
        who = first.literal.split()[0] if first.literal else (first.full_family or first.given)
    year = ""
    for var in ("issued", "available-date"):
        date = record.dates.get(var)
        if date and date.year:
            year = str(date.year)
            break
    # Lazily: a title may be a megabyte long, and only its first significant word is wanted.
    title = _MARKUP.sub("", record.get("title"))
    words = (ascii_fold(m.group(0)).lower() for m in re.finditer(r"[^\s\-–—/:]+", title))
    word = next((w for w in words if w and w not in _STOP_WORDS), "")
    key = ascii_fold(who).lower() + year + word
    return key or "item"


def unique_keys(ids: Sequence[str], base: Callable[[int], str]) -> list[str]:
    """One unique key per id: the id itself when no earlier one is the same, else ``base(index)``
    (the ``base_key`` of the record at ``index``, asked only of the records that need a new key),
    with ``a``, ``b``… where two would clash. ``citekit.stages.key_ids`` is the one caller."""
    out = list(ids)
    taken: set[str] = set()
    pending: list[tuple[int, str]] = []
    for index, given in enumerate(ids):
        if given and given not in taken:
            taken.add(given)
        else:
            pending.append((index, base(index)))
    counts: dict[str, int] = {}
    for _, key in pending:
        counts[key] = counts.get(key, 0) + 1
    used: dict[str, int] = {}
    for index, key in pending:
        if counts[key] == 1 and key not in taken:
            final = key
        else:
            n = used.get(key, 0)
            final = key + suffix_letters(n)
            while final in taken:
                n += 1
                final = key + suffix_letters(n)
            used[key] = n + 1
        taken.add(final)
        out[index] = final
    return out


def suffix_letters(number: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, 27 -> ab … (key suffixes here, year-suffixes in citekit.csl)."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
