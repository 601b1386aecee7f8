"""Bringing titles typed in capitals (``HEALTH EDUCATION JOURNAL``) to title case."""

from __future__ import annotations

import re
from functools import cache

# Words that stay lower case inside a title (Chicago/APA minor words).
MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "upon",
        "via",
        "vs",
        "with",
    ]
)
# Acronyms in journal and publisher names that are also (or look like) ordinary words, so that
# word frequencies cannot tell them apart: names are data no word list holds. Other short
# capitalised words that are not English words (CVPR, EMNLP, JCAP) are found with wordfreq.
KNOWN_ACRONYMS = frozenset(
    [
        "ACM",
        "ACS",
        "AIDS",
        "AMA",
        "AMS",
        "APA",
        "BBA",
        "BMC",
        "BMJ",
        "CMAJ",
        "COVID",
        "DNA",
        "EMBO",
        "FEBS",
        "HIV",
        "IEEE",
        "IET",
        "IOP",
        "JAMA",
        "MRS",
        "NEJM",
        "NHS",
        "NIH",
        "PLOS",
        "PNAS",
        "RNA",
        "SIAM",
        "SIGCOMM",
        "SIGPLAN",
        "SPIE",
        "UK",
        "US",
        "USA",
        "WHO",
    ]
)
# Words kept in capitals only after the word that makes them a name ("PLOS ONE").
ACRONYM_AFTER = {"ONE": "PLOS"}
# Short capitalised words rarer than this (wordfreq Zipf scale) are not English words: acronyms.
_ACRONYM_ZIPF = 2.0
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
_VOWELS = set("AEIOUY")


def is_shouting(text: str) -> bool:
    """True when every cased letter of a title of several letters is a capital."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


@cache
def _is_english_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return bool(zipf_frequency(word, "en") >= _ACRONYM_ZIPF)


def _is_acronym(word: str, previous: str) -> bool:
    if word in KNOWN_ACRONYMS or ACRONYM_AFTER.get(word) == previous:
        return True
    if len(word) <= 4 and not (_VOWELS & set(word)):
        return True
    return len(word) <= 5 and not _is_english_word(word.lower())


def title_case_shouting(text: str) -> str:
    """Title-case a title written all in capitals, keeping acronyms; other text is unchanged."""
    if not is_shouting(text):
        return text
    words = list(_WORD.finditer(text))
    out: list[str] = []
    last = 0
    for i, m in enumerate(words):
        word = m.group(0)
        out.append(text[last : m.start()])
        if _is_acronym(word, words[i - 1].group(0) if i else ""):
            out.append(word)
        elif i > 0 and word.lower() in MINOR_WORDS and not text[last : m.start()].rstrip().endswith(":"):
            out.append(word.lower())
        else:
            out.append(word[0] + word[1:].lower())
        last = m.end()
    out.append(text[last:])
    return "".join(out)
