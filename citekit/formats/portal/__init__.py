"""Research-portal (Elsevier Pure) pages, as copied text or saved HTML.

The reader is in stages, one module each, none importing a later one: ``unwrap.py`` (text as
numbered lines) or ``html.py`` (a saved page as lines), ``scan.py`` (what each line is),
``build.py`` (the record), with the vocabulary in ``labels.py``; ``read.py`` puts them together.
A saved or fetched page embedding the portal's own "Cite this" RIS is read from that instead
(``cite_export.py``).
"""

from __future__ import annotations

from citekit.formats.base import ANY_TEXT, Format, ReadResult


class Portal(Format):
    name = "portal"
    title = "Research-portal (Pure) page text"
    suffixes = (".txt", ".md")
    readable = True
    generic_suffixes = True
    cleaned = True

    def sniff(self, head: str) -> int | None:
        return ANY_TEXT  # a page copied as text is any text: what is read when nothing else fits

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
