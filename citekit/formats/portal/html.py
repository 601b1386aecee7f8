"""First stage of the portal reader for pages saved as HTML ("Save page as…"): the page as lines.

The page is parsed with lxml.html and walked in document order: each table row becomes
``label<TAB>value`` from its header and data cells, each definition-list pair likewise, and
each innermost block (a heading, a paragraph, a list item) becomes one line. Navigation,
scripts and footers are dropped by element, not by text. The lines then go through the same
reader as a copied page, so both kinds of input give the same record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from citekit.errors import ParseError, Problem
from citekit.formats.portal.unwrap import clean_line_for_parsing
from citekit.model import Location

# Elements whose content is never part of the record.
_DROPPED = (
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "form",
    "button",
    "select",
    "svg",
    "iframe",
)
# Elements that start a new line of text; everything else is inline.
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
# A saved page: an HTML document, perhaps after an XML declaration and comments.
_HTML_START = re.compile(
    r"^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
# Where one saved document ends and a pasted next one may begin.
_DOCUMENT_END = re.compile(r"(?<=</html>)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# HTML's own whitespace (not the no-break space, which is text the normalize steps handle).
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _has_block_inside(element: Any) -> bool:
    return any(_tag(child) in _BLOCKS for child in element.iterdescendants())


def _pieces(element: Any) -> list[str]:
    """The text of an element, split where a ``<br>`` or a block inside it starts a new item."""
    pieces = [""]

    def walk(node: Any) -> None:
        tag = _tag(node)
        if tag == "br" or (tag in _BLOCKS and node is not element):
            pieces.append("")
        if node.text and tag not in _DROPPED:
            pieces[-1] += node.text
        for child in node:
            if _tag(child) not in _DROPPED:
                walk(child)
            if child.tail:
                pieces[-1] += child.tail
        if tag in _BLOCKS and node is not element:
            pieces.append("")

    walk(element)
    return [t for t in (_HTML_SPACE.sub(" ", p).strip() for p in pieces) if t]


def _lines(root: Any) -> Iterator[tuple[int, str]]:
    """(source line, text) for every row, pair and innermost block, in document order."""
    done: set[Any] = set()
    for element in root.iter():
        if element in done or _tag(element) not in _BLOCKS:
            continue
        if any(_tag(a) in _DROPPED for a in element.iterancestors()):
            continue
        tag = _tag(element)
        no = element.sourceline or 0
        if tag == "tr":
            cells = [c for c in element if _tag(c) in ("th", "td")]
            done.update(element.iterdescendants())
            texts = ["; ".join(_pieces(c)) for c in cells]
            if texts and texts[0]:
                yield no, "\t".join(texts)
            elif any(texts):  # a row with no label continues the value above it
                yield no, " ".join(t for t in texts if t)
        elif tag == "dt":
            sibling = element.getnext()
            value = sibling if sibling is not None and _tag(sibling) == "dd" else None
            done.update(element.iterdescendants())
            label = " ".join(_pieces(element))
            if value is not None:
                done.add(value)
                done.update(value.iterdescendants())
                yield no, label + "\t" + "; ".join(_pieces(value))
            elif label:
                yield no, label
        elif not _has_block_inside(element) or tag in ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6"):
            done.update(element.iterdescendants())
            for piece in _pieces(element) if tag not in ("p", "li") else [" ".join(_pieces(element))]:
                yield no, piece


def html_lines(text: str, source: str, problems: list[Problem] | None = None) -> list[tuple[int, str]]:
    """The numbered lines of a saved HTML page (or of several pages saved into one file, one
    ``<html>`` document after another), as the text reader takes them. Content the HTML parser
    drops (elements nested over 255 deep) is reported in ``problems``."""
    import lxml.html
    from lxml.etree import ParserError

    lines: list[tuple[int, str]] = []
    offset = 0
    for document in _DOCUMENT_END.split(text):
        # lxml refuses str input that declares its own encoding; the text is already decoded.
        body = _XML_DECLARATION.sub("", document)
        if body.strip():
            parser = lxml.html.HTMLParser()
            try:
                root = lxml.html.document_fromstring(body, parser=parser)
            except (ParserError, ValueError) as exc:
                raise ParseError(f"not an HTML page: {exc}", Location(source, offset + 1)) from None
            for error in parser.error_log:
                if error.type_name == "ERR_RESOURCE_LIMIT" and problems is not None:
                    message = f"HTML nested too deeply ({error.message.split(',')[0].lower()}); what is deeper was skipped"
                    problems.append(Problem(Location(source, offset + error.line), message))
            lines += [(offset + no, clean_line_for_parsing(t)) for no, t in _lines(root)]
        offset += document.count("\n")
    return [(no, t) for no, t in lines if t]


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML document (a saved page), not a page's copied text."""
    return _HTML_START.match(text) is not None
