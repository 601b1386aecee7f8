"""Telling the format of an input from its content, for stdin and for suffixes that do not say."""

from __future__ import annotations

import re

_BIBTEX = re.compile(r"^\s*@[A-Za-z]+\s*[{(]", re.MULTILINE)
_RIS = re.compile(r"^TY {1,2}-", re.MULTILINE)
_JSON_START = re.compile(r"^\s*[\[{]")
# Issue 21: XML records told by their elements or namespaces (MODS, Dublin Core, inside OAI-PMH too).
_XML_START = re.compile(r"^\s*<")
_MODS = re.compile(r"<(?:[\w-]+:)?mods(?:Collection)?[\s>]|www\.loc\.gov/mods/")
_OAI_DC = re.compile(r"openarchives\.org/OAI/2\.0/oai_dc/|purl\.org/dc/elements/1\.1/")


def sniff(text: str) -> str:
    """``csljson``, ``ris``, ``bibtex``, ``mods``, ``oai_dc`` or ``portal`` (research-portal page
    text, the default)."""
    head = text.lstrip("\ufeff")[:20000]
    if _XML_START.match(head) and _MODS.search(head):
        return "mods"
    if _XML_START.match(head) and _OAI_DC.search(head):
        return "oai_dc"
    if _JSON_START.match(head) and re.search(r'"(type|title|id)"\s*:', head):
        return "csljson"
    ris = _RIS.search(head)
    bibtex = _BIBTEX.search(head)
    if ris and (not bibtex or ris.start() < bibtex.start()):
        return "ris"
    if bibtex:
        return "bibtex"
    return "portal"
