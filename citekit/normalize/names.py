"""Splitting personal names written as text into CSL name parts."""

from __future__ import annotations

import re

from citekit.model import Name

# Lower-case words that start a family name ("van Kooten", "de la Cruz", "von der Leyen").
PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "das",
        "dos",
        "du",
        "la",
        "le",
        "les",
        "ten",
        "ter",
        "te",
        "zu",
        "vom",
        "zur",
        "af",
        "av",
        "bin",
        "ibn",
        "al",
        "el",
    ]
)
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"})

# Separators between names in a list, most specific first: ";" always separates names,
# "," separates names only when no name is written "Family, Given".
_AND = re.compile(r"\s*(?:&|\band\b)\s*", re.IGNORECASE)
ET_AL = re.compile(r",?\s*\bet\.?\s*al\b\.?,?", re.IGNORECASE)


def fix_caps(word: str) -> str:
    """Bring an all-capitals name to normal case: ``CAI`` -> ``Cai``, ``McDONALD`` -> ``McDonald``.

    Mixed-case names (``McDonald``, ``DiCaprio``) and initials (``J.``) are left alone
    unless the part after a ``Mc``/``Mac``/``O'`` prefix is in capitals.
    """
    parts = re.split(r"([-'\u2019 ])", word)
    return "".join(_fix_caps_part(p) for p in parts)


def _fix_caps_part(part: str) -> str:
    letters = [c for c in part if c.isalpha()]
    if len(letters) <= 1:
        return part
    m = re.fullmatch(r"(Ma?c)([A-Z]{2,})", part)
    if m:
        return m.group(1) + m.group(2).capitalize()
    if all(c.isupper() for c in letters):
        return part.capitalize()
    return part


def parse_name(text: str) -> Name:
    """One name, written ``Given Family`` or ``Family, Given[, Suffix]``."""
    text = " ".join(text.split()).strip(" ,")
    if not text:
        return Name()
    pieces = [p.strip() for p in text.split(",")]
    suffix = ""
    if len(pieces) >= 2 and pieces[-1].lower() in SUFFIXES:
        suffix = pieces.pop()
    if len(pieces) >= 2:
        family_text, given = pieces[0], " ".join(pieces[1:])
        particle, family = _split_particle(family_text.split())
    else:
        words = pieces[0].split()
        if words and words[-1].lower() in SUFFIXES and len(words) > 2:
            suffix = words.pop()
        if len(words) == 1:
            return Name(family=fix_caps(words[0]), suffix=suffix)
        given_words, family_words = _split_given_family(words)
        given = " ".join(given_words)
        particle, family = _split_particle(family_words)
    return Name(
        family=fix_caps(family),
        given=" ".join(fix_caps(w) for w in given.split()),
        non_dropping_particle=particle,
        suffix=suffix,
    )


def _split_given_family(words: list[str]) -> tuple[list[str], list[str]]:
    """``Given Family`` order: the family name starts at its first particle or is the last word.

    A surname written in capitals (``Xuran CAI``) marks the family name wherever it stands.
    """
    caps = [i for i, w in enumerate(words) if len(w) > 1 and w.isupper() and "." not in w]
    if caps and len(caps) < len(words):
        start = caps[0]
        if start == 0:  # "CAI Xuran": family first
            return words[len(caps) :], words[: len(caps)]
        return words[:start], words[start:]
    for i, w in enumerate(words[1:], start=1):
        if w in PARTICLES:
            return words[:i], words[i:]
    return words[:-1], words[-1:]


def _split_particle(words: list[str]) -> tuple[str, str]:
    i = 0
    while i < len(words) - 1 and words[i] in PARTICLES:
        i += 1
    return " ".join(words[:i]), " ".join(words[i:])


def split_name_list(text: str) -> tuple[list[str], bool]:
    """Split an author line into single names; returns the names and whether it said ``et al.``."""
    et_al = bool(ET_AL.search(text))
    text = ET_AL.sub("", text)
    text = " ".join(text.split()).strip(" ,;")
    if not text:
        return [], et_al
    chunks = [c for c in text.split(";")] if ";" in text else [text]
    names: list[str] = []
    for chunk in chunks:
        for part in _AND.split(chunk):
            names.extend(_split_commas(part))
    return [n for n in (n.strip(" ,") for n in names) if n], et_al


def _split_commas(text: str) -> list[str]:
    """Commas separate names, unless the list is in ``Family, Given`` form."""
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    if len(pieces) <= 1:
        return pieces
    # "Family, G." or "Family, Given" pairs: every second piece is short given names/initials.
    if all(len(p.split()) == 1 for p in pieces) and len(pieces) % 2 == 0:
        return [f"{pieces[i]}, {pieces[i + 1]}" for i in range(0, len(pieces), 2)]
    return pieces


def parse_name_list(text: str) -> tuple[tuple[Name, ...], bool]:
    """Parse an author or editor line into names, and whether it ended in ``et al.``."""
    names, et_al = split_name_list(text)
    return tuple(parse_name(n) for n in names), et_al
