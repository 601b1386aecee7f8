"""Parsing untrusted XML (MODS, Dublin Core, OAI-PMH responses) safely.

The same rules as CSL styles (``citekit.csl.xml``): no DTD is loaded, no entity is expanded, nothing
is fetched from the network, no huge trees, and any DOCTYPE is refused before the parser sees it.
A document that is not well-formed is read as far as it goes (lxml's recovering parser), and its
errors are returned with their lines, so that the records before and after a broken one are kept.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from citekit.errors import CitekitError, Problem
from citekit.model import Location

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
# Errors of one document shown before a count of the rest.
ERRORS_SHOWN = 5


def _parser(recover: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=recover,
    )


_STRICT = _parser(False)
_RECOVERING = _parser(True)


def refuse_doctype(data: bytes, source: str) -> None:
    found = _DOCTYPE.search(data)
    if found:
        line = data.count(b"\n", 0, found.start()) + 1
        raise CitekitError("XML with a DOCTYPE or entity declaration is refused", Location(source, line))


def parse(data: bytes, source: str) -> tuple[Any, list[Problem]]:
    """The root element of ``data`` and the errors met; a CitekitError when nothing could be read."""
    refuse_doctype(data, source)
    try:
        return etree.fromstring(data, _STRICT), []
    except etree.XMLSyntaxError as exc:
        first = Problem(Location(source, exc.lineno or 0), f"not well-formed XML: {exc.msg}", "error")
    try:
        root = etree.fromstring(data, _RECOVERING) if data.strip() else None
    except etree.XMLSyntaxError:  # nothing a recovering parse can stand on (only a byte-order mark)
        root = None
    if root is None:
        raise CitekitError(first.message, first.location)
    problems = [first]
    others = [e for e in _RECOVERING.error_log if e.line != first.location.line][: ERRORS_SHOWN - 1]
    problems += [
        Problem(Location(source, e.line), f"not well-formed XML: {e.message}", "error") for e in others
    ]
    return root, problems


def local(element: Any) -> str:
    """An element's name without its namespace (producers disagree on MODS and DC namespaces)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def text(element: Any) -> str:
    """All the text inside ``element``, white space runs as one space."""
    if element is None:
        return ""
    if not len(element):  # a leaf, most elements: its own text
        return " ".join((element.text or "").split())
    return " ".join("".join(element.itertext()).split())
