"""The format registry: every readable and writable format, found by name or by file suffix.

Format modules are imported only when used, so that ``citekit --help`` stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from citekit.errors import UnknownFormatError
from citekit.formats.base import ReadResult
from citekit.model import Record

Reader = Callable[[str, str], ReadResult]
Writer = Callable[[Sequence[Record]], str]


@dataclass(frozen=True)
class Format:
    name: str
    title: str
    module: str
    suffixes: tuple[str, ...] = ()
    readable: bool = False
    writable: bool = False

    def reader(self) -> Reader:
        return cast(Reader, importlib.import_module(self.module).read)

    def writer(self) -> Writer:
        return cast(Writer, importlib.import_module(self.module).write)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "portal",
            "Research-portal (Pure) page text",
            "citekit.formats.portal",
            (".txt", ".md"),
            readable=True,
        ),
        Format(
            "portal-html",
            "Research-portal page saved as HTML",
            "citekit.formats.portal_html",
            (".html", ".htm"),
            readable=True,
        ),
        Format("bibtex", "BibTeX", "citekit.formats.bibtex", (".bib", ".bibtex"), writable=True),
        Format("ris", "RIS", "citekit.formats.ris", (".ris",), writable=True),
        Format("csljson", "CSL-JSON", "citekit.formats.csljson", (".json", ".csljson"), writable=True),
    )
}


def get(name: str) -> Format:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UnknownFormatError(f"unknown format {name!r}; known formats: {known}") from None


def for_suffix(suffix: str) -> Format | None:
    """The readable format a file suffix names, if any."""
    for fmt in FORMATS.values():
        if fmt.readable and suffix.lower() in fmt.suffixes:
            return fmt
    return None
