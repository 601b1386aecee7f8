"""The format registry: every readable and writable format, found by name or by file suffix.

Format modules are imported only when used, so that ``citekit --help`` stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from citekit.errors import UnknownFormatError
from citekit.formats.base import ReadResult
from citekit.model import Record

Reader = Callable[[str, str], ReadResult]
Writer = Callable[..., str]
Carrier = Callable[[Record], Record]


@dataclass(frozen=True)
class Format:
    name: str
    title: str
    module: str
    suffixes: tuple[str, ...] = ()
    readable: bool = False
    writable: bool = False
    # The module with ``read`` when it is not ``module``.
    reader_module: str = ""

    def reader(self) -> Reader:
        return cast(Reader, importlib.import_module(self.reader_module or self.module).read)

    def writer(self) -> Writer:
        """``write(records, ascii=False) -> str``."""
        return cast(Writer, importlib.import_module(self.module).write)

    def carrier(self) -> Carrier:
        """``carry(record) -> Record``: the record as this format carries it (for the loss report)."""
        return cast(Carrier, importlib.import_module(self.module).carry)


_BIBTEX_READER = "citekit.formats.bibtex.read"
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "portal",
            "Research-portal (Pure) page text",
            "citekit.formats.portal.scan",
            (".txt", ".md"),
            readable=True,
        ),
        Format(
            "portal-html",
            "Research-portal page saved as HTML",
            "citekit.formats.portal.html",
            (".html", ".htm"),
            readable=True,
            # Issue 21: a page's own embedded "Cite this" RIS first, else the page read as HTML.
            reader_module="citekit.formats.portal_page",
        ),
        Format(
            "bibtex",
            "BibTeX",
            "citekit.formats.bibtex.write",
            (".bib", ".bibtex"),
            readable=True,
            writable=True,
            reader_module=_BIBTEX_READER,
        ),
        Format(
            "biblatex",
            "BibLaTeX",
            "citekit.formats.bibtex.biblatex",
            (".biblatex",),
            readable=True,
            writable=True,
            reader_module=_BIBTEX_READER,
        ),
        Format(
            "ris",
            "RIS",
            "citekit.formats.ris.write",
            (".ris",),
            readable=True,
            writable=True,
            reader_module="citekit.formats.ris.read",
        ),
        # Issue 21 (harvest branch): MODS and Dublin Core, for portals harvested over OAI-PMH.
        Format(
            "mods",
            "MODS (library and repository XML)",
            "citekit.formats.mods.write",
            (".mods", ".xml"),
            readable=True,
            writable=True,
            reader_module="citekit.formats.mods.read",
        ),
        Format(
            "oai_dc",
            "Dublin Core (OAI-PMH oai_dc)",
            "citekit.formats.dc.read",
            (),
            readable=True,
        ),
        Format(
            "csljson",
            "CSL-JSON",
            "citekit.formats.csljson",
            (".json", ".csljson", ".csl-json"),
            readable=True,
            writable=True,
        ),
    )
}
# Names people also use for these formats.
ALIASES = {"bib": "bibtex", "csl-json": "csljson", "json": "csljson", "dc": "oai_dc"}


def get(name: str) -> Format:
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
