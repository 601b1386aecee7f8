"""Identifiers as portals print them: DOIs (bare or as links), ISBNs and ISSNs with their checksums."""

from __future__ import annotations

import re

_DOI = re.compile(r"10\.\d{4,9}/[^\s,;|<>\"]+")
_ISBN = re.compile(r"(?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx]")
_ISSN = re.compile(r"\b\d{4}-?\d{3}[\dXx]\b")


def find_dois(text: str) -> tuple[str, ...]:
    """Every DOI in ``text`` (bare or inside ``https://doi.org/`` links), in order, each once."""
    found = (m.group(0).rstrip(".") for m in _DOI.finditer(text))
    return tuple(dict.fromkeys(found))


def _digits(text: str) -> str:
    return re.sub(r"[^\dXx]", "", text).upper()


def isbn_check_digit(digits: str) -> str:
    """The check digit an ISBN-10 or ISBN-13 (given without its last digit) must end with."""
    if len(digits) == 9:
        total = sum((10 - i) * int(d) for i, d in enumerate(digits))
        check = (11 - total % 11) % 11
        return "X" if check == 10 else str(check)
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return str((10 - total % 10) % 10)


def issn_check_digit(digits: str) -> str:
    """The check digit an ISSN (given as its first seven digits) must end with."""
    total = sum((8 - i) * int(d) for i, d in enumerate(digits))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def isbn_is_valid(isbn: str) -> bool:
    """True when an ISBN-10 or ISBN-13 (hyphens and spaces allowed) has a correct check digit."""
    digits = _digits(isbn)
    if (len(digits) == 10 and digits[:9].isdecimal()) or (len(digits) == 13 and digits.isdecimal()):
        return digits[-1] == isbn_check_digit(digits[:-1])
    return False


def issn_is_valid(issn: str) -> bool:
    """True when an ISSN (``0017-8969``) has a correct check digit."""
    digits = _digits(issn)
    return len(digits) == 8 and digits[:7].isdecimal() and digits[7] == issn_check_digit(digits[:7])


def find_isbns(text: str) -> list[str]:
    """The ISBN-looking strings in a field value (a portal may list several), as written."""
    return [m.group(0).strip(" -") for m in _ISBN.finditer(text)]


def find_issns(text: str) -> list[str]:
    """The ISSN-looking strings in a field value, as written."""
    return [m.group(0) for m in _ISSN.finditer(text)]
