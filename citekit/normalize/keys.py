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


class KeySet:
    """The keys given out so far. Up to ``EXACT`` keys they are held as they are; past that, by
    their digests (``citekit.digests``): two different keys sharing one would only give the second
    a letter it did not need."""

    EXACT = 200_000

    def __init__(self) -> None:
        from citekit.digests import DigestMap

        self._exact: set[str] | None = set()
        self._digests = DigestMap(values=False)

    def __contains__(self, key: str) -> bool:
        from citekit.digests import digest

        return key in self._exact if self._exact is not None else digest(key) in self._digests

    def add(self, key: str) -> None:
        from citekit.digests import digest

        if self._exact is None:
            self._digests.set(digest(key))
            return
        self._exact.add(key)
        if len(self._exact) > self.EXACT:
            for each in self._exact:
                self._digests.set(digest(each))
            self._exact = None


class Keys:
    """Unique keys given one record at a time, in input order, so that a stream is keyed as it is
    read: a record keeps the key it came with when no earlier record has it; else it gets its
    ``base_key``, with ``a``, ``b``… after it when that is taken (the first record with a base
    gets it bare, later ones a letter)."""

    def __init__(self) -> None:
        self.taken = KeySet()
        self.suffixes: dict[str, int] = {}  # base -> the next letter to try after it

    def key(self, given: str, base: Callable[[], str]) -> str:
        if given and given not in self.taken:
            self.taken.add(given)
            return given
        stem = base()
        if stem not in self.suffixes and stem not in self.taken:
            self.suffixes[stem] = 0
            self.taken.add(stem)
            return stem
        n = self.suffixes.get(stem, 0)
        final = stem + suffix_letters(n)
        while final in self.taken:
            n += 1
            final = stem + suffix_letters(n)
        self.suffixes[stem] = n + 1
        self.taken.add(final)
        return final


def unique_keys(ids: Sequence[str], base: Callable[[int], str]) -> list[str]:
    """One unique key per id, given in order as ``Keys`` gives them; ``base(index)`` is the
    ``base_key`` of the record at ``index`` (asked only of the records that need a new key)."""
    from functools import partial

    keys = Keys()
    return [keys.key(given, partial(base, index)) for index, given in enumerate(ids)]


def suffix_letters(number: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, 27 -> ab … (key suffixes here, year-suffixes in citekit.csl)."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
