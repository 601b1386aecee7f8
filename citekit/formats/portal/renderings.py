"""The portal's Cite-this renderings pasted into a page: APA, Harvard, Standard, Vancouver, Author.

Each is told by its shape (an APA author list ends ``(2023).``, Harvard's ``Family, FP 2023,``,
Standard's and Author's ``Title. / Family, Given``, Vancouver's ``Family FP, Family X.``), wherever
it stands on the page, and each line it takes is kept out of the page's header and table. What they
give is weaker than the page's fields and exports (names cut to initials, ``et al.``), so they are
read for what those lack: the authors of a page that lists them nowhere else (APA), the family
names that settle a name split (``Huang, F. P.`` for ``Fa Peng Huang``), the conference's place
and the publisher's place (Harvard, Standard).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citekit.formats.portal.unwrap import Line
from citekit.model import Name

_INITIALS = r"(?:[A-ZÀ-Þ][a-zà-ÿ]?\.?[\s-]?){1,4}"
_APA_NAME = re.compile(rf"([^,&]+?),\s*({_INITIALS})(?:,\s*(?:&\s*)?|\s*&\s*|\s*$)")
_APA = re.compile(r"^(?P<authors>.+?)\s*\((?P<year>\d{4})[a-z]?(?:,[^)]*)?\)\.\s*(?P<rest>.+)$")
_HARVARD = re.compile(r"^(?P<authors>.+?)\s(?P<year>\d{4})[a-z]?,\s(?P<rest>.+)$")
_HARVARD_NAME = r"[^,&\d]+,\s?[A-ZÀ-Þ][A-ZÀ-Þ-]{0,5}"
_HARVARD_AUTHORS = re.compile(rf"^{_HARVARD_NAME}(?:,\s{_HARVARD_NAME})*(?:\s&\s{_HARVARD_NAME})?$")
_SLASHED = re.compile(r"^(?P<before>.+?)\.?\s/\s(?P<after>.+)$")
_VANCOUVER = re.compile(
    r"^(?P<authors>(?:[^,.;/]+?\s[A-Z]{1,4}(?:,\s|\.\s|\set al\.\s)){1,30})(?P<rest>\S.+)$"
)
# No rendering is shorter than this (names, a title, a year).
_SHORTEST = 20
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_DOI_URL = re.compile(r"\s*(?:https?://(?:dx\.)?doi\.org/\S+|doi:\s*\S+)\s*$", re.IGNORECASE)
_PERIOD_END = re.compile(r",\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4})\.?\s*$")


@dataclass
class Rendering:
    """One Cite-this rendering found on a page: its style, the lines it spans, its text."""

    style: str  # "apa", "harvard", "standard", "author", "vancouver"
    first: int
    last: int
    text: str
    # The first line as the page wrote it, emphasis kept (APA's host is in italics).
    raw: str = ""


def apa_names(text: str, enough: int = 0) -> list[Name]:
    """The names of an APA author list (``Wang, X., Tian, C., & Huang, F. P.``), or [] when the
    text is not one. ``enough``: stop once that many names have been read (to tell the style)."""
    names = []
    position = 0
    text = text.strip()
    for match in _APA_NAME.finditer(text):
        if match.start() != position:
            return []
        family, given = " ".join(match.group(1).split()), " ".join(match.group(2).split())
        names.append(Name(family=family.strip(" ,"), given=given))
        position = match.end()
        if enough and len(names) >= enough:
            return names
    return names if position == len(text) and names else []


def _harvard_authors(text: str) -> bool:
    return _HARVARD_AUTHORS.match(text) is not None


def style_of(text: str) -> str:
    """The rendering style a line is written in, or "" when it is none of them."""
    if (m := _APA.match(text)) and apa_names(m["authors"], enough=20):
        return "apa"
    if (m := _HARVARD.match(text)) and _harvard_authors(m["authors"]):
        return "harvard"
    if m := _SLASHED.match(text):
        before, after = m["before"], m["after"]
        if re.search(r"\s;\s?|;\s", before) or re.fullmatch(r"[^,]+,\s[^,/]+", before):
            return "author"  # names / title
        if re.search(r"^[^,/]+,\s[^;]+(?:;|\.$|\set al\.)", after):
            return "standard"  # title / names
    if (m := _VANCOUVER.match(text)) and len(m["rest"]) > 10 and not text.startswith(("In:", "In ")):
        return "vancouver"
    return ""


def find_renderings(lines: list[Line], taken: set[int]) -> list[Rendering]:
    """Every Cite-this rendering among lines not already ``taken`` (by the exports); a Standard
    or Author rendering goes on over the next line when that line is its host (``In: …``), and a
    repeated breadcrumb right after one belongs to it."""
    found = []
    k = 0
    cited = False  # past the "Cite this" menu: the other styles are looked for only there
    while k < len(lines):
        text = lines[k].raw or lines[k].text
        cited = cited or ("ite" in text and "cite this" in text.lower())
        if len(text) < _SHORTEST:  # a menu item, a keyword, a fingerprint line
            k += 1
            continue
        after = lines[k + 1].text if k + 1 < len(lines) else ""
        dated = _YEAR.search(text) or _YEAR.search(after)
        style = "" if k in taken or not dated else style_of(_plain(text))
        if style not in ("", "apa") and not cited:
            style = ""
        if not style:
            k += 1
            continue
        last = k
        body = _plain(text)
        if style in ("standard", "author") and k + 1 < len(lines) and k + 1 not in taken:
            nxt = _plain(lines[k + 1].raw or lines[k + 1].text)
            if not style_of(nxt) and not nxt.lower().startswith("research output"):
                last, body = k + 1, f"{body} {nxt}"
        if last + 1 < len(lines) and lines[last + 1].text.lower().startswith("research output"):
            last += 1
        found.append(Rendering(style, k, last, body, text))
        k = last + 1
    return found


def _plain(text: str) -> str:
    """Rendering text without Markdown emphasis."""
    return " ".join(re.sub(r"\*\*|(?<!\w)[*_]|[*_](?!\w)", "", text).split())


_APA_HOST = re.compile(
    r"\bIn (?:(?P<editors>[^*]+?) \(Eds?\.\), )?\*(?P<host>[^*]+?)\.?\*(?: \((?P<details>[^)]*)\))?"
)
_APA_JOURNAL = re.compile(
    r"\*(?P<journal>[^*]+?)\*,\s*(?:\*(?P<volume>[^*]+)\*)?(?:\((?P<issue>[^)]+)\))?(?:,\s*(?P<pages>[^.,]+))?\."
)
_APA_PAGES = re.compile(r"pp?\.\s*(?P<pages>[\w]+(?:[-–][\w]+)?)")
_APA_VOLUME = re.compile(r"Vol\.\s*(?P<volume>[^,]+)")
_APA_PUBLISHER = re.compile(r"\.\s+(?P<publisher>[^.]+?\.?)\.?\s*(?:https?://\S+)?\s*$")


def apa_fields(raw: str) -> dict[str, str]:
    """The host, volume, issue, pages and publisher an APA rendering gives (its host in italics:
    ``In *Host* (Vol. 1, pp. 463-477). (Series). Publisher.``, ``*Journal*, *2023*(7), 1-9.``)."""
    match = _APA.match(" ".join(raw.split()))
    if not match:
        return {}
    rest = match["rest"]
    fields: dict[str, str] = {}
    if host := _APA_HOST.search(rest):
        fields["container-title"] = host["host"].strip()
        details = host["details"] or ""
        if pages_match := _APA_PAGES.search(details):
            fields["page"] = pages_match["pages"].replace("–", "-")
        if volume := _APA_VOLUME.search(details):
            fields["volume"] = volume["volume"].strip()
        if publisher := _APA_PUBLISHER.search(rest[host.end() :]):
            name = publisher["publisher"].strip()
            # Portals write "Inc.." (the name's full stop, then the style's): keep the name's own.
            fields["publisher"] = name if f"{name}." in publisher.group(0) else name.rstrip(".")
    elif journal := _APA_JOURNAL.search(rest):
        fields["container-title"] = journal["journal"].strip()
        fields |= {k: journal[k].strip() for k in ("volume", "issue") if journal[k]}
        if journal["pages"] and re.fullmatch(r"\s*\w+(?:[-–]\w+)?\s*", journal["pages"]):
            fields["page"] = journal["pages"].strip().replace("–", "-")
    return fields


def apa_parts(text: str) -> tuple[list[Name], str]:
    """(authors, year) of an APA rendering."""
    match = _APA.match(text)
    if not match:
        return [], ""
    return apa_names(match["authors"]), match["year"]


def harvard_event(text: str, event_title: str) -> tuple[str, str]:
    """(place, start date) of a conference in a Harvard rendering: what stands between the
    conference's name and the date ending the rendering (``…, Rotterdam, Netherlands, 30/03/25.``)."""
    text = _DOI_URL.sub("", text)
    match = _PERIOD_END.search(text)
    if not match or not event_title:
        return "", ""
    head = text[: match.start()]
    at = head.rfind(event_title)
    if at < 0:
        return "", match["date"]
    place = head[at + len(event_title) :].strip(" ,")
    return place, match["date"]


def standard_place(text: str, publisher: str) -> str:
    """The place of publication in a Standard or Harvard rendering: what stands before
    ``: Publisher`` (``Vol. 2 New York, NY, USA : Association for Computing Machinery``)."""
    if not publisher:
        return ""
    match = re.search(r"([^.:]+?)\s?:\s?" + re.escape(publisher), text)
    if not match:
        return ""
    place = re.sub(r"^(?:[Vv]ol\.\s*)?\d[\w-]*\s+", "", match.group(1).strip())  # the volume before it
    return place.strip(" ,") if 0 < len(place) < 80 else ""
