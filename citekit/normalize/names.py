"""Splitting personal names written as text into CSL name parts."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from citekit.model import Name


@cache
def _particles() -> frozenset[str]:
    """Lower-case words that start a family name ("van Kooten", "de la Cruz", "von der Leyen"):
    nameparser's list of name prefixes, whole words only, and a few Dutch and German ones it lacks.
    A particle only counts when written in lower case, so "San" or "Mac" in a name are names."""
    from nameparser.config import CONSTANTS

    words = {p for p in CONSTANTS.prefixes if p.isalpha() and p.isascii()}
    return frozenset(words | {"ten", "zur", "des", "les", "el"})


@cache
def _suffixes() -> frozenset[str]:
    """Generational suffixes ("Jr.", "III") from nameparser, compared lower-cased without dots."""
    from nameparser.config import CONSTANTS

    return frozenset(s for s in CONSTANTS.suffix_not_acronyms if s.isascii() and s.isalpha())


# nameparser's tables are read on first use, not on import: exports from BibTeX, RIS or CSL-JSON
# never split a name and need not load them (a twentieth of a second).

# Words that make an author an organisation ("The PRISMA Group", "World Medical Association"):
# kept whole as a CSL literal name, never split into given and family names.
_ORGANISATION = re.compile(
    r"\b(?:group|association|consortium|collaboration|collaborative|committee|society|organi[sz]ation|"
    r"institute|university|network|team|initiative|council|investigators|foundation|agency)\b",
    re.IGNORECASE,
)

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
    if _ORGANISATION.search(text):
        return Name(literal=text)
    pieces = [p.strip() for p in text.split(",")]
    suffix = ""
    if len(pieces) >= 2 and _is_suffix(pieces[-1]):
        suffix = pieces.pop()
    if len(pieces) >= 2:
        family_text, given = pieces[0], " ".join(pieces[1:])
        particle, family = _split_particle(family_text.split())
    else:
        words = pieces[0].split()
        if words and _is_suffix(words[-1]) and len(words) > 2:
            suffix = words.pop()
        if len(words) == 1:
            return Name(family=words[0], suffix=suffix)
        given_words, family_words = _split_given_family(words)
        given = " ".join(given_words)
        particle, family = _split_particle(family_words)
    return Name(
        family=family,
        given=" ".join(given.split()),
        non_dropping_particle=particle,
        suffix=suffix,
    )


def _is_suffix(word: str) -> bool:
    return word.replace(".", "").lower() in _suffixes()


def _is_initials(text: str) -> bool:
    """``J.``, ``J. A.``, ``J.-P.``, ``JA``: given names cut to initials."""
    return bool(re.fullmatch(r"(?:[A-Z]\.?[\s-]*)+", text.strip())) and len(text.strip()) <= 8


def guessed_split(name: Name) -> bool:
    """True when which words are the family name was a guess: a given name of several full
    words in "Given Family" order and no particle or capitals to mark the family (``Fa Peng Huang``)."""
    words = name.given.split()
    full_words = [w for w in words if not _is_initials(w)]
    return len(full_words) >= 2 and not name.non_dropping_particle and not name.literal


_TWO_CAPITALS = re.compile(r"[^\W\d_a-zß-ÿ]{2}")


def fix_name_case(name: Name) -> Name:
    """A name with parts typed in capitals brought to normal case (``CAI`` -> ``Cai``)."""
    if name.literal or not _TWO_CAPITALS.search(name.family + " " + name.given):
        return name  # nothing typed in capitals (the common case, and cheap on long lists)
    return replace(
        name,
        family=fix_caps(name.family),
        given=" ".join(w if _is_initials(w) else fix_caps(w) for w in name.given.split()),
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
        if w in _particles():
            return words[:i], words[i:]
    return words[:-1], words[-1:]


def _split_particle(words: list[str]) -> tuple[str, str]:
    i = 0
    while i < len(words) - 1 and words[i] in _particles():
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
    # "Family, G." or "Family, Given" pairs: every piece one word, or every second piece initials.
    if len(pieces) % 2 == 0:
        families, givens = pieces[0::2], pieces[1::2]
        if all(len(p.split()) == 1 or _particle_family(p) for p in families) or all(
            _is_initials(g) for g in givens
        ):
            return [f"{pieces[i]}, {pieces[i + 1]}" for i in range(0, len(pieces), 2)]
    return pieces


def _particle_family(text: str) -> bool:
    """``van der Walt``: a family name with its particles, still one name-piece."""
    words = text.split()
    return len(words) > 1 and all(w in _particles() for w in words[:-1])


def parse_name_list(text: str) -> tuple[tuple[Name, ...], bool]:
    """Parse an author or editor line into names, and whether it ended in ``et al.``."""
    names, et_al = split_name_list(text)
    return tuple(parse_name(n) for n in names), et_al
