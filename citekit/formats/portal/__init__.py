"""Research-portal (Elsevier Pure) pages, as copied text or saved HTML.

The reader is in stages, one module each, none importing a later one: ``unwrap.py`` (text as
numbered lines) or ``html.py`` (a saved or fetched page as lines, with its hidden "Cite this"
renderings and meta tags), ``exports.py`` and ``renderings.py`` (pasted exports and Cite-this
styles), ``scan.py``, ``header.py``, ``build.py`` (the page's record), ``listing.py``,
``furniture.py`` and ``evidence.py`` (every source weighed field by field), with the vocabulary in
``labels.py``; ``read.py`` puts them together. See the README's design section.
"""

from __future__ import annotations

import re

from citekit.formats.base import ANY_TEXT, Format, ReadResult

# Where an export file's first entry starts: a BibTeX entry or a RIS record.
_EXPORT_START = re.compile(r"^[ \t]*(?:@[A-Za-z]+[ \t]*[{(]|TY[ \t]{1,2}-)", re.MULTILINE)
# A line before it that is neither blank nor a BibTeX comment: text around an export (a page, a
# README, a script), which makes the input a page holding the export, not an export file.
_PROSE_LINE = re.compile(r"^[ \t]*[^\s%]", re.MULTILINE)


class Portal(Format):
    name = "portal"
    title = "Research-portal (Pure) page text"
    suffixes = (".txt", ".md")
    readable = True
    generic_suffixes = True
    cleaned = True

    def sniff(self, head: str) -> int | None:
        """Any text may be a page copied as text (what is read when nothing else fits); a text
        whose first export entry comes after lines of other text shows itself at those lines."""
        export = _EXPORT_START.search(head)
        prose = _PROSE_LINE.search(head, 0, export.start()) if export else None
        return prose.start() if prose else ANY_TEXT

    def read(self, text: str, source: str) -> ReadResult:
        from citekit.formats.portal.read import read

        return read(text, source)


class PortalHtml(Format):
    name = "portal-html"
    title = "Research-portal page saved as HTML"
    suffixes = (".html", ".htm")
    readable = True
    cleaned = True

    def read(self, text: str, source: str) -> ReadResult:
        from citekit.formats.portal.read import read_html

        return read_html(text, source)


PORTAL = Portal()
PORTAL_HTML = PortalHtml()
FORMATS = (PORTAL, PORTAL_HTML)
