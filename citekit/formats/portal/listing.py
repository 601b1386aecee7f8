"""The portal's list rendering of a research output (a result of a search or of a person's list).

A portal's lists show each output in one paragraph: the title (a link to the output's page), then
``Family, I., Family, I. & Family, I., 28 Feb 2024, <where it appeared>``, then the type line
(``Research output: Chapter or section in a book… › Chapter or section``, or
``Contribution to journal › Article (Published)`` on older portals). Where it appeared reads
``In: Journal. 35, 3, p. 459-477 19 p.`` for an article, ``Host. Editors (eds.). Place: Publisher,
p. 206 - 217 (Series).`` for a chapter, ``(In preparation) Place: Publisher. 127 p.`` for a book.
Saving tools wrap the paragraph over lines, so an entry's lines are read joined. An entry starts at
a line linking to a research output's page, or at the line just before a byline; a capture that
lost the title (an extractor keeping only the byline) gives an entry without one.
"""

from __future__ import annotations

import re

from citekit.formats.portal.labels import STATUS_TERMS
from citekit.formats.portal.scan import breadcrumb_text, type_of
from citekit.formats.portal.unwrap import Line
from citekit.model import Date, Name, Record
from citekit.normalize import pages
from citekit.normalize.dates import parse_date
from citekit.normalize.identifiers import find_dois

_NAME = r"[^\W\d][\w'’\-]*(?:\s[^\W\d][\w'’\-]*){0,3},\s(?:[A-ZÀ-Þ]\.\s?(?:-?[A-ZÀ-Þ]\.\s?)*)"
_NAMES = rf"{_NAME}(?:\s\(eds?\.\))?(?:(?:,\s|\s&\s){_NAME}(?:\s\(eds?\.\))?)*"
_DATE = r"(?:\d{1,2}\s)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d{4}|\d{4}"
_BYLINE = re.compile(rf"^(?:(?P<names>{_NAMES}),?\s*)?(?P<date>{_DATE})(?:,\s*|\s+|$)(?P<rest>.*)$")
_BYLINE_START = re.compile(rf"^(?:{_NAME}|(?:{_DATE})\s+In:)")
_ONE_NAME = re.compile(rf"({_NAME})\s*(\(eds?\.\))?")
_TYPE_LINE = re.compile(
    r"(?:^|(?<=[.)]\s)|(?<=[.)]))(?:Research output:\s*|Student thesis:\s*)?"
    r"(?:Contribution to|Chapter|Book|Thesis|Working paper|Conference)[^›]*›.*$"
)
_TYPE_FAMILY = re.compile(r"(?:Research output|Student thesis)\s*:", re.IGNORECASE)
_OUTPUT_LINK = re.compile(r"/publications?/|/portal/en/publications/", re.IGNORECASE)
_LYNX_MARK = re.compile(r"^\[\d+\]\s*")
_STATUS = re.compile(r"^\((?P<status>[^()]+)\)\s*")
_PAGE_COUNT = re.compile(r"\.?\s+(?P<count>\d+)\s?p\.?\s*$")
_SERIES = re.compile(r"\s*\((?P<series>[^()]+)\)\.?\s*$")
_PAGES = re.compile(r",?\s*pp?\.\s*(?P<pages>[\w]+(?:\s*[-–]\s*[\w]+)?)\.?\s*$")
_IN = re.compile(r"^In:\s*(?P<host>.+?)(?:\.\s+|,\s+(?=vol\.|\d)|$)(?P<tail>.*)$")
_VOLUME_ISSUE = re.compile(r"^(?:vol\.\s*)?(?P<volume>[\w-]+)(?:,\s*(?:no\.\s*)?(?P<issue>[\w-]+))?[,.]?$")
_MAGAZINE = re.compile(r"^(?P<host>[^,]+?),\s*(?P<volume>\d[\w-]*)(?:,\s*(?P<issue>[\w-]+))?$")
_EDITORS = re.compile(rf"^(?:(?P<host>.+?)\.\s+)?(?P<editors>{_NAMES})\s\(eds?\.\)\.?\s*(?P<after>.*)$")
_PLACE = re.compile(r"^(?P<place>[^:]+?):\s*(?P<publisher>.+?)[.,]?$")


def _joined(lines: list[Line]) -> str:
    """Lines of a wrapped paragraph as one text (no space left before a comma or a full stop)."""
    text = " ".join(_LYNX_MARK.sub("", line.text) for line in lines)
    text = re.sub(r"(?<!\w)[*_]+(?=\w)|(?<=[\w.])[*_]+(?!\w)", "", text)  # emphasis over a line break
    return re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split()))


def _starts_byline(lines: list[Line], k: int) -> bool:
    """Whether a byline (names and a date, or a date and ``In:``) starts at line ``k``."""
    text = lines[k].text
    if text.startswith("["):  # only then can a text browser's link number lead (a long page's cost)
        text = _LYNX_MARK.sub("", text)
    return bool(_BYLINE_START.match(text)) and _BYLINE.match(_joined(lines[k : k + 8])) is not None


def _is_type_line(text: str) -> bool:
    """A complete type line (one wrapped over two lines is complete on its second)."""
    return "›" in text and (
        bool(breadcrumb_text(text))
        or bool(re.match(r"^(?:Contribution to|Chapter|Book|Thesis)\b[^›]*›", text))
        or text.index("›") < 40
    )


def read_listing(lines: list[Line], links: list[tuple[int, str, str]]) -> list[Record]:
    """Every entry of a list rendering in a page's lines. An entry starts at a line linking to an
    output's page, or at a byline after the last entry's type line (the lines just above it, not
    yet taken, being its title), and ends with its type line."""
    titled = {no for no, text, target in links if _OUTPUT_LINK.search(target) and text.strip()}
    entries: list[tuple[str, list[Line]]] = []
    loose: list[Line] = []  # lines since the last entry closed: a title, or furniture
    closed = True
    for k, line in enumerate(lines):
        if line.no in titled and not _starts_byline(lines, k) and (closed or not entries or entries[-1][1]):
            title, rest = _title_and_rest(line, links)
            entries.append((title, [line._replace(text=rest)] if rest else []))
            closed, loose = False, []
        elif closed and _starts_byline(lines, k):
            title = " ".join(_LYNX_MARK.sub("", t.text) for t in loose[-3:] if not _is_type_line(t.text))
            entries.append((title, [line]))
            closed, loose = False, []
        elif not closed and entries:
            entries[-1][1].append(line)
            if _is_type_line(line.text):
                closed = True
        else:
            loose.append(line)
    return [record for title, body in entries if body and (record := entry(title, body))]


def _title_and_rest(line: Line, links: list[tuple[int, str, str]]) -> tuple[str, str]:
    """The title a line links to an output's page with, and what follows it on the line."""
    for no, text, target in links:
        if no == line.no and _OUTPUT_LINK.search(target) and text.strip() and text.strip() in line.text:
            title = " ".join(text.split())
            at = line.text.index(text.strip())
            return title, line.text[at + len(text.strip()) :].strip()
    return _LYNX_MARK.sub("", line.text), ""


def is_listing(lines: list[Line]) -> bool:
    """Whether a page's lines hold a list entry's byline."""
    return any(_starts_byline(lines, k) for k in range(len(lines)))


def entry(title: str, lines: list[Line]) -> Record | None:
    """One list entry's record from its title and its byline lines (the type line among them)."""
    whole = _joined(lines)
    if match := _TYPE_FAMILY.search(whole):  # "Research output: …", wherever the lines broke it
        text, kind = whole[: match.start()].strip(), whole[match.start() :]
    else:
        cut = next((k for k, line in enumerate(lines) if _is_type_line(line.text)), len(lines))
        text, kind = _joined(lines[:cut]), _joined(lines[cut:])
        if not kind and (match := _TYPE_LINE.search(text)):  # a type line glued to the byline
            kind, text = match.group(0), text[: match.start()].strip()
    dois = find_dois(text)
    text = re.sub(r"\s*DOI:\s*\S+", "", text).strip()
    byline = _BYLINE.match(text)
    if byline is None:
        return None
    fields = {"title": title} if title else {}
    names = _names(byline["names"] or "")
    dates: dict[str, Date] = {}
    if date := parse_date(byline["date"]):
        dates["issued"] = date
    fields |= where(byline["rest"], names)
    csl_type, genre = type_of(breadcrumb_text(kind) or kind) if kind else ("", "")
    if genre:
        fields["genre"] = genre
    if dois:
        fields["DOI"] = dois[0]
    if not csl_type:
        csl_type = "article-journal" if fields.get("container-title") and fields.get("volume") else ""
    return Record("", csl_type, fields, {k: v for k, v in names.items() if v}, dates, dois)


def _names(text: str) -> dict[str, tuple[Name, ...]]:
    """Authors and editors (``(ed.)``) of a byline's name list."""
    out: dict[str, list[Name]] = {"author": [], "editor": []}
    for match in _ONE_NAME.finditer(text):
        family, _, given = match.group(1).partition(",")
        out["editor" if match.group(2) else "author"].append(Name(family=family.strip(), given=given.strip()))
    return {k: tuple(v) for k, v in out.items()}


def where(rest: str, names: dict[str, tuple[Name, ...]]) -> dict[str, str]:
    """The fields of what follows a byline's date: status, host, editors, volume and issue, place
    and publisher, pages, page count, series."""
    fields: dict[str, str] = {}
    rest = rest.strip().rstrip(",")
    if (m := _STATUS.match(rest)) and m["status"].lower() in STATUS_TERMS:
        fields["status"], rest = STATUS_TERMS[m["status"].lower()], rest[m.end() :]
    if m := _PAGE_COUNT.search(rest):
        fields["number-of-pages"], rest = m["count"], rest[: m.start()]
    if m := _SERIES.search(rest):
        fields["collection-title"], rest = m["series"].strip(), rest[: m.start()]
    if m := _PAGES.search(rest):
        fields["page"], rest = pages.hyphenated(re.sub(r"\s+", "", m["pages"])), rest[: m.start()]
    rest = rest.strip(" ,.")
    if m := _IN.match(rest):
        fields["container-title"] = m["host"].strip()
        if vi := _VOLUME_ISSUE.match(m["tail"].strip()):
            fields |= {k: v for k, v in vi.groupdict().items() if v}
        return fields
    if m := _EDITORS.match(rest):
        if m["host"]:
            fields["container-title"] = m["host"].strip()
        names["editor"] = _names(m["editors"])["author"]
        rest = m["after"].strip()
    if m := _PLACE.match(rest):
        fields["publisher-place"], fields["publisher"] = m["place"].strip(), m["publisher"].strip()
    elif m := _MAGAZINE.match(rest):
        fields |= {k: v.strip() for k, v in m.groupdict().items() if v} | {
            "container-title": m["host"].strip()
        }
        fields.pop("host", None)
    return fields
