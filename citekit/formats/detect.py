"""Telling the format of an input from its content, for stdin and for suffixes that do not say."""

from __future__ import annotations

import re

_BIBTEX = re.compile(r"^\s*@[A-Za-z]+\s*[{(]", re.MULTILINE)
_RIS = re.compile(r"^TY {1,2}-", re.MULTILINE)
_JSON_START = re.compile(r"^\s*[\[{]")


def sniff(text: str) -> str:
    """``csljson``, ``ris``, ``bibtex`` or ``portal`` (research-portal page text, the default)."""
    head = text.lstrip("\ufeff")[:20000]
    if _JSON_START.match(head) and re.search(r'"(type|title|id)"\s*:', head):
        return "csljson"
    ris = _RIS.search(head)
    bibtex = _BIBTEX.search(head)
    if ris and (not bibtex or ris.start() < bibtex.start()):
        return "ris"
    if bibtex:
        return "bibtex"
    return "portal"
