"""The format registry: every readable and writable format, found by name, by suffix or by content.

Each format is a package (or module) under ``citekit/formats/`` whose ``FORMATS`` holds its
``Format`` objects (``base.Format``); the list below names it, once. Those objects are cheap to
import (their readers and writers are imported on first use), so ``citekit --help`` stays fast.
"""

from __future__ import annotations

import importlib

from citekit.errors import UnknownFormatError
from citekit.formats.base import Format, ReadResult

__all__ = ["DEFAULT_OUTPUT", "FORMATS", "PROGRAMS", "Format", "ReadResult", "for_suffix", "get", "sniff"]

# The registry: one line per format package, in the order `citekit formats` lists them.
PACKAGES = (
    "citekit.formats.portal",
    "citekit.formats.bibtex",
    "citekit.formats.ris",
    "citekit.formats.csljson",
    "citekit.formats.mods",
    "citekit.formats.dc",
    "citekit.formats.medline",
    "citekit.formats.wos",
    "citekit.formats.endnote_xml",
)

FORMATS: dict[str, Format] = {
    fmt.name: fmt for package in PACKAGES for fmt in importlib.import_module(package).FORMATS
}
# Names people also use for these formats (``--from json``).
ALIASES = {alias: fmt.name for fmt in FORMATS.values() for alias in fmt.aliases}
# Programs people name with --format that citekit does not write, and the format each imports
# (``-f endnote`` is answered "use -f ris"). EndNote's "Reference Manager (RIS)" filter reads RIS.
PROGRAMS = {"endnote": "ris", "refworks": "ris", "refman": "ris", "citavi": "ris", "mendeley": "ris"}
# What `citekit export` writes when no --format is given.
DEFAULT_OUTPUT = "bibtex"
# How much of an input ``sniff`` looks at.
_SNIFFED = 20000


def get(name: str) -> Format:
    """The format called ``name`` (or one of its aliases), whatever the case."""
    try:
        return FORMATS[ALIASES.get(name.lower(), name.lower())]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UnknownFormatError(f"unknown format {name!r}; known formats: {known}") from None


def for_suffix(suffix: str) -> Format | None:
    """The readable format a file suffix names, if any."""
    for fmt in FORMATS.values():
        if fmt.readable and suffix.lower() in fmt.suffixes:
            return fmt
    return None


def sniff(text: str) -> Format:
    """The format ``text`` shows itself to be: the readable format whose first sign comes earliest
    (the one registered first on a tie). One format takes any text (``base.ANY_TEXT``: portal pages)."""
    head = text.lstrip("\ufeff")[:_SNIFFED]
    signs = []
    for order, fmt in enumerate(FORMATS.values()):
        at = fmt.sniff(head) if fmt.readable else None
        if at is not None:
            signs.append((at, order, fmt))
    return min(signs, key=lambda sign: sign[:2])[2]
