"""Values that are page furniture, never a title, a name, a journal or a DOI.

The reader takes a title or a name from where the page layout puts one; when a capture moved
things about (a converter, a browsing tool, an extractor), what stands there may be menu text, a
citation counter, an organisation unit, a bullet left over from a list, a sentence of the abstract,
a front-matter line or a table's pipes. ``reason`` says why such a value is refused; the evidence
stage then takes the field from the next source, or reports it missing.
"""

from __future__ import annotations

import re

from citekit.formats.portal.labels import (
    ALL_LABELS,
    FRONT_MATTER_KEYS,
    FURNITURE_LINES,
    FURNITURE_PATTERNS,
    ORGANISATION_WORDS,
)

_FRONT_MATTER_LINE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s")
_ONLY_MARKS = re.compile(r"^[\s|:\-–—=_*#>•,;.+]*$")
_BULLET_REMNANT = re.compile(r"^\s*(?:[-*•+>|]\s|[,;&])")
_COUNTER = re.compile(r"^\s*\d+\s+(?:\w+\s+){0,3}(?:citations?|downloads?|captures|mentions|readers)\b", re.I)
_NEW_TAB = re.compile(r"link opens in a new tab", re.IGNORECASE)
_BREADCRUMB_PIECE = re.compile(r"›|^research output:", re.IGNORECASE)
# A name as most are written: letters, spaces, initials' full stops, hyphens and apostrophes.
_PLAIN_NAME = re.compile(r"[^\W\d_][\w'’.\- ]{0,80}")
_LABELS = frozenset(label.lower() for label in ALL_LABELS)
# The whole-line furniture patterns that hold for a value too (anchored ones: "©" or "cookie" may
# stand in a real title).
_VALUE_FURNITURE = re.compile(
    "|".join(
        f"(?:{p.pattern})" for p in FURNITURE_PATTERNS if p.pattern.startswith("^") or "author" in p.pattern
    ),
    re.IGNORECASE,
)


def reason(field: str, value: str, abstract: str = "") -> str:
    """Why ``value`` cannot be the ``field`` (``title``, ``author``, ``container-title``,
    ``DOI``, ``event-title``) of a record, or "" when it can. ``abstract`` is the page's abstract
    text, which a title must not be a sentence of."""
    text = " ".join(value.split())
    low = text.lower().strip(" .:")
    if field == "author" and _PLAIN_NAME.fullmatch(text):  # most names: only words a unit or a menu has
        if ORGANISATION_WORDS.search(text):
            return "an organisation unit"
        return "menu or section text" if low in FURNITURE_LINES or low in _LABELS else ""
    if not text or _ONLY_MARKS.match(text):
        return "only punctuation or table pipes"
    if _NEW_TAB.search(text) or _COUNTER.match(text):
        return "a counter or a link's note"
    if (m := _FRONT_MATTER_LINE.match(text)) and m.group(1).lower() in FRONT_MATTER_KEYS:
        return "a front-matter line"
    if _BULLET_REMNANT.match(text):
        return "a list bullet or a separator left over"
    if low in FURNITURE_LINES or low.lstrip("-*• ") in FURNITURE_LINES:
        return "menu or section text"
    if low in _LABELS and field in ("title", "author"):  # a journal may be called "Issue"
        return "a field label"
    if _VALUE_FURNITURE.search(text) or _BREADCRUMB_PIECE.search(text):
        return "page furniture"
    if field == "author" and ORGANISATION_WORDS.search(text):
        return "an organisation unit"
    if field == "title" and abstract and len(text) > 60 and text.rstrip(".") in abstract:
        return "a sentence of the abstract"
    if field == "DOI" and not re.match(r"^10\.\d{4,9}/\S+$", text):
        return "not a DOI"
    return ""
