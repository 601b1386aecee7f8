"""Bringing titles typed in capitals (``HEALTH EDUCATION JOURNAL``) to title case."""

from __future__ import annotations

import re

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
# Names of publishers, societies and journals that are written in capitals and read as letters
# or as a name, although some are also ordinary words (ONE in PLOS ONE, CELL is not one).
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
        "JCAP",
        "MRS",
        "NEJM",
        "NHS",
        "NIH",
        "PLOS",
        "ONE",
        "PNAS",
        "RNA",
        "SIAM",
        "SIGPLAN",
        "SPIE",
        "UK",
        "US",
        "USA",
        "WHO",
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
_VOWELS = set("AEIOUY")


def is_shouting(text: str) -> bool:
    """True when every cased letter of a title of several letters is a capital."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def _is_acronym(word: str) -> bool:
    return word in KNOWN_ACRONYMS or (len(word) <= 4 and not (_VOWELS & set(word)))


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
        if _is_acronym(word):
            out.append(word)
        elif i > 0 and word.lower() in MINOR_WORDS and not text[last : m.start()].rstrip().endswith(":"):
            out.append(word.lower())
        else:
            out.append(word[0] + word[1:].lower())
        last = m.end()
    out.append(text[last:])
    return "".join(out)
