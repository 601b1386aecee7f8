"""MODS values: dates (W3CDTF, MARC, intervals, written text) and page ranges."""

from __future__ import annotations

import re
from typing import Any

from citekit.formats import xmlsafe
from citekit.formats.mods.tree import kids
from citekit.formats.ris.read import parse_date as parse_text_date
from citekit.model import Date

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")
_MARC_DATE = re.compile(r"^(\d{4})(\d{2})?(\d{2})?$")
_PAGE_RANGE = re.compile(r"^\s*([^\s\-–]+)\s*[-–]+\s*([^\s\-–]+)\s*$")


def first_date(origin: Any, tags: tuple[str, ...]) -> Date | None:
    """The first date of these elements; a start and an end (``point``) make a range."""
    for tag in tags:
        elements = kids(origin, tag)
        start = next((e for e in elements if e.get("point") == "start"), None)
        end = next((e for e in elements if e.get("point") == "end"), None)
        if start is not None:
            first = parse_date(xmlsafe.text(start), start.get("qualifier"))
            last = parse_date(xmlsafe.text(end)) if end is not None else None
            if first and first.parts and last and last.parts:
                return Date(parts=(first.parts[0], last.parts[0]), circa=first.circa)
            if first:
                return first
        for element in elements:
            if element.get("point") in ("start", "end"):
                continue
            date = parse_date(xmlsafe.text(element), element.get("qualifier"))
            if date:
                return date
    return None


def parse_date(text: str, qualifier: str | None = None) -> Date | None:
    """W3CDTF/ISO (``2020``, ``2020-03``, ``2020-03-01T…``), MARC (``20200301``), an ISO interval
    (``2019-06-10/2019-06-15``), else text a person wrote (``March 2011``), else a literal."""
    text = text.strip()
    if not text:
        return None
    circa = (qualifier or "").lower() in ("approximate", "inferred", "questionable")
    if "/" in text and text.count("/") == 1:
        first, last = (parse_date(t) for t in text.split("/"))
        if first and first.parts and last and last.parts:
            return Date(parts=(first.parts[0], last.parts[0]), circa=circa)
    match = _ISO_DATE.match(text) or _MARC_DATE.match(text)
    if match:
        parts = [int(match.group(1))]
        for value, limit in ((match.group(2), 12), (match.group(3), 31)):
            if not value or not 1 <= int(value) <= limit:
                break
            parts.append(int(value))
        return Date(parts=(tuple(parts),), circa=circa)
    date = parse_text_date(text) if re.search(r"\d{4}", text) else None
    return Date(parts=date.parts, circa=circa) if date else Date(literal=text)


def page_range(page: str) -> tuple[str, str, str]:
    """(start, end, list) for a CSL page value: a range, one page, or anything else as a list."""
    match = _PAGE_RANGE.match(page)
    if match:
        return match.group(1), match.group(2), ""
    if page.strip() and " " not in page.strip() and "," not in page:
        return page.strip(), "", ""
    return "", "", page.strip()
