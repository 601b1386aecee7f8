"""First stage of the portal reader for pages saved as HTML ("Save page as…"): the page as lines.

The page is parsed with lxml.html and walked in document order: each table row becomes
``label<TAB>value`` from its header and data cells, each definition-list pair likewise, and
each innermost block (a heading, a paragraph, a list item) becomes one line, keeping its heading
level or list-item mark and where its links lead (a person's page, an organisation's). The
portal's embedded Cite-this renderings (``#cite-RIS``, ``#cite-BIBTEX`` …) and preformatted text
keep their own line breaks, and the ``citation_*`` (and Dublin Core, Open Graph) meta tags are kept
as the capture's ``meta``. Navigation, scripts and footers are dropped by element, not by text. The
lines then go through the same reader as a copied page, so both kinds of input give the same record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from citekit.errors import ParseError, Problem
from citekit.formats.portal.unwrap import Capture, Line, clean_line_for_parsing
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


def _targets(element: Any) -> tuple[str, ...]:
    return tuple(a.get("href") for a in element.iter("a") if a.get("href"))


def _keeps_breaks(element: Any) -> bool:
    """Preformatted text and the portal's Cite-this renderings keep their line breaks."""
    return _tag(element) == "pre" or str(element.get("id") or "").startswith("cite-")


def _broken_lines(element: Any, no: int) -> Iterator[Line]:
    """The lines of an element that keeps its breaks (``<br>`` and newlines both end a line)."""
    text = ""
    for node in element.iter():
        if _tag(node) == "br":
            text += "\n"
        if (node is not element and node.text and _tag(node) != "br") or (node is element and node.text):
            text += node.text
        if node is not element and node.tail:
            text += node.tail
    for k, piece in enumerate(text.split("\n")):
        if piece.strip():
            yield Line(no + k, " ".join(piece.split()), "", piece.strip())


def _lines(root: Any) -> list[Line]:
    """A line for every row, pair, innermost block and run of loose text, in document order."""
    order = {element: k for k, element in enumerate(root.iter())}
    found: list[tuple[int, int, Line]] = []
    done: set[Any] = set()
    for element in root.iter():
        if element in done or _tag(element) not in _BLOCKS:
            continue
        if any(_tag(a) in _DROPPED for a in element.iterancestors()):
            continue
        found += [(order[node], k, line) for k, (node, line) in enumerate(_element_lines(element, done))]
    return [line for _, _, line in sorted(found, key=lambda item: (item[0], item[1]))]


def _element_lines(element: Any, done: set[Any]) -> Iterator[tuple[Any, Line]]:
    """(where it starts, line) of the lines one block element gives by itself."""
    tag = _tag(element)
    no = element.sourceline or 0
    mark = tag if re.fullmatch(r"h[1-6]", tag) else "item" if tag == "li" else ""
    if _keeps_breaks(element):
        done.update(element.iterdescendants())
        yield from ((element, line) for line in _broken_lines(element, no))
    elif tag == "tr":
        cells = [c for c in element if _tag(c) in ("th", "td")]
        done.update(element.iterdescendants())
        texts = ["; ".join(_pieces(c)) for c in cells]
        if texts and texts[0]:
            yield element, Line(no, "\t".join(texts), targets=_targets(element))
        elif any(texts):  # a row with no label continues the value above it
            yield element, Line(no, " ".join(t for t in texts if t), targets=_targets(element))
    elif tag == "dt":
        sibling = element.getnext()
        value = sibling if sibling is not None and _tag(sibling) == "dd" else None
        done.update(element.iterdescendants())
        label = " ".join(_pieces(element))
        if value is not None:
            done.add(value)
            done.update(value.iterdescendants())
            yield element, Line(no, label + "\t" + "; ".join(_pieces(value)), targets=_targets(value))
        elif label:
            yield element, Line(no, label)
    elif not _has_block_inside(element) or tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6"):
        done.update(element.iterdescendants())
        for piece in _pieces(element) if tag not in ("p", "li") else [" ".join(_pieces(element))]:
            yield element, Line(no, piece, mark, piece, _targets(element))
    else:
        yield from _loose_runs(element)


def _loose_runs(element: Any) -> Iterator[tuple[Any, Line]]:
    """The text standing directly in a block beside its inner blocks (a byline of spans and links
    between a heading and a paragraph), one line for each run between two inner blocks."""
    run: list[Any] = []
    text = element.text or ""
    anchor = element

    def flush() -> Iterator[tuple[Any, Line]]:
        joined = _HTML_SPACE.sub(" ", text + "".join(_inline_text(node) for node in run)).strip()
        if joined:
            no = (run[0].sourceline if run else element.sourceline) or 0
            targets = tuple(t for node in run for t in _targets(node))
            yield (run[0] if run else anchor), Line(no, joined, "", joined, targets)

    for child in element:
        tag = _tag(child)
        if tag in _BLOCKS or tag in _DROPPED or not tag:
            yield from flush()
            run, text, anchor = [], child.tail or "", child
        else:
            run.append(child)
    yield from flush()


def _inline_text(node: Any) -> str:
    """An inline element's text and its tail (``<br>`` as a space)."""
    inner = "".join(node.itertext()) if _tag(node) not in _DROPPED else ""
    return inner + " " * (_tag(node) == "br") + (node.tail or "")


def _meta(root: Any) -> dict[str, str]:
    """The page's ``citation_*``, Dublin Core and Open Graph meta tags (several values a line each)."""
    meta: dict[str, str] = {}
    for element in root.iter("meta"):
        name = str(element.get("name") or element.get("property") or "").lower()
        content = " ".join(str(element.get("content") or "").split())
        if content and name.startswith(("citation_", "dc.", "og:")):
            meta[name] = f"{meta[name]}\n{content}" if name in meta else content
    return meta


def html_capture(text: str, source: str, problems: list[Problem] | None = None) -> Capture:
    """The lines of a saved HTML page (or of several pages saved into one file, one ``<html>``
    document after another), as the text reader takes them, with the pages' meta tags. Content the
    HTML parser drops (elements nested over 255 deep) is reported in ``problems``."""
    import lxml.html
    from lxml.etree import ParserError

    capture = Capture()
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
            for line in _lines(root):
                clean = clean_line_for_parsing(line.text)
                if clean:
                    capture.lines.append(line._replace(no=offset + line.no, text=clean))
            capture.meta = _meta(root) | capture.meta
        offset += document.count("\n")
    capture.links = [(line.no, line.text, target) for line in capture.lines for target in line.targets]
    return capture


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML document (a saved page), not a page's copied text."""
    return _HTML_START.match(text) is not None
