"""The portal's own export embedded in a saved or fetched page: Pure's "Cite this" RIS.

Pure pages carry their RIS export in an element with the id ``cite-RIS``, one RIS line to a
paragraph. That RIS is what the portal itself says about the record, typed and split into fields,
so the HTML reading path (``read.read_html``) prefers it to reading the page's tables. A page saved
as a file and the same page fetched by URL are both read by ``read_html``: they give the same record.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from citekit.formats.base import ReadResult
from citekit.model import Location

# The ids portals give the element holding the RIS export.
_CITE_RIS = re.compile(r"""\bid\s*=\s*["']?cite[-_]?ris\b""", re.IGNORECASE)
_RIS_IDS = frozenset({"cite-ris", "cite_ris", "citeris"})
# Elements that end a line of the embedded RIS text.
_LINE_ENDS = frozenset({"p", "div", "li", "br", "pre", "tr", "dd", "dt"})


def cite_ris(html: str) -> tuple[str, int] | None:
    """(the RIS text the page embeds, its line in the page), or None."""
    if not _CITE_RIS.search(html):
        return None
    import lxml.html

    try:
        document = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    element = next((e for e in document.iter() if (e.get("id") or "").lower() in _RIS_IDS), None)
    if element is None:
        return None
    return _lines(element), element.sourceline or 0


def _lines(element: Any) -> str:
    for child in element.iter():
        if isinstance(child.tag, str) and child.tag.lower() in _LINE_ENDS:
            child.tail = "\n" + (child.tail or "")
    text = element.text_content()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def read_cite_ris(html: str, source: str) -> ReadResult | None:
    """The records of the page's embedded RIS, located at its element; None when the page has none
    or it does not read cleanly (the page's own text is read then)."""
    found = cite_ris(html)
    if found is None:
        return None
    from citekit.formats.ris.read import read as read_ris

    ris, line = found
    result = read_ris(ris, source)
    if not result.records or any(p.is_error for p in result.problems):
        return None
    where = Location(source, line)
    result.records = [replace(r, location=where) for r in result.records]
    return result
