"""Reading the container out of a one-line citation: journal, volume, issue and pages.

Flat records (Dublin Core's ``dc:source`` and ``dc:identifier``, DSpace's ``dc.identifier.citation``)
hold where a work appeared as one line of text. The common ways of writing it are patterns here,
tried in order; a line none of them reads is left alone (the caller keeps it in ``note``).

    Journal Name, 5 (2). pp. 10-20.              EPrints' default citation
    Journal Name, vol. 2, no. 1, pp. 3-9         "vol." / "no." / "pp." words (n., issue, nr.)
    Journal Name 2010;12(3):45-67                Vancouver (NLM)
    Journal Name, 12(3), 45-67 / 12:45-67        APA and short forms
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PAGES = r"(?P<page>[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–]\s*[A-Za-z]?\d+[A-Za-z]?)?)"
_ISSUE = r"(?P<issue>[^()]{1,20})"
_VOLUME = r"(?P<volume>\d+[A-Za-z]?)"

# (name, pattern): each matches the numbering at the end of the line; the journal is what precedes it.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        (
            "words",
            r"[,.]?\s+(?:vol\.?|volume|jg\.?|bd\.?)\s*"
            + _VOLUME
            + r"(?:\s*[,.]?\s*(?:no\.?|n\.|nr\.?|num\.?|issue|iss\.?|heft)\s*(?P<issue>[\w/-]+))?"
            + r"(?:\s*[,.]?\s*(?:\(?\d{4}\)?\s*[,.]?\s*)?(?:pp?\.|pages?|s\.)\s*"
            + _PAGES
            + r")?",
        ),
        (
            "vancouver",
            r"[.,]?\s+(?P<year>\d{4})(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*;\s*"
            + _VOLUME
            + r"(?:\s*\("
            + _ISSUE
            + r"\))?(?:\s*:\s*"
            + _PAGES
            + r")?",
        ),
        (
            "eprints",
            r",\s*" + _VOLUME + r"(?:\s*\(" + _ISSUE + r"\))?\s*[.,]?\s*(?:pp?\.\s*" + _PAGES + r")?",
        ),
        (
            "short",
            r"[,.]?\s+" + _VOLUME + r"(?:\s*\(" + _ISSUE + r"\))?\s*[:,]\s*(?:pp?\.\s*)?" + _PAGES,
        ),
    )
)
# What may follow the numbering: an ISSN, a year in brackets, a full stop, a bracketed type.
_TAIL = re.compile(
    r"^\s*[.,;]?\s*(?:\(?\d{4}\)?\s*[.,]?\s*)?(?:ISSN\s*[\dXx-]+\s*[.,]?\s*)?(?:\[[^\]]*\]\s*)?[.,]?\s*$",
    re.IGNORECASE,
)
# The authors-and-year head of a full citation: "Surname, A. and Other, B. (2010) ".
_TRAILING_YEAR = re.compile(r"[,.]?\s*\(?\d{4}\)?$")
_HEAD = re.compile(r"^.*?\(\d{4}[a-z]?\)\s*[.,:]?\s*")


@dataclass(frozen=True)
class Container:
    """Where a work appeared, as read from a citation line (empty strings for what it lacks)."""

    title: str = ""
    volume: str = ""
    issue: str = ""
    page: str = ""

    def fields(self) -> dict[str, str]:
        pairs = (
            ("container-title", self.title),
            ("volume", self.volume),
            ("issue", self.issue),
            ("page", self.page),
        )
        return {k: v for k, v in pairs if v}


def parse_citation(line: str, work_title: str = "") -> Container | None:
    """The container of a citation line, or None when no pattern reads it.

    ``work_title`` (the record's own title) is cut off the front when the line is a whole
    citation (authors, year, title, then the journal)."""
    line = " ".join(line.split())
    for name, pattern in PATTERNS:
        for match in pattern.finditer(line):
            if not _TAIL.match(line[match.end() :]):
                continue
            journal = _journal(line[: match.start()], work_title)
            if not journal:
                continue
            page = re.sub(r"\s*[-–]\s*", "-", match.group("page") or "")
            issue = (match.groupdict().get("issue") or "").strip()
            if not (issue or page) and name == "eprints":
                continue  # "Journal, 2011" is a year, not a volume
            return Container(journal, match.group("volume"), issue, page)
    return None


def _journal(head: str, work_title: str) -> str:
    """The journal's name: the text before the numbering, less any authors, year and title."""
    head = head.strip(" ,.;:")
    if work_title:
        at = head.lower().find(" ".join(work_title.split()).lower().rstrip("."))
        if at >= 0:
            head = head[at + len(work_title.rstrip(".")) :]
    elif _HEAD.match(head):
        head = _HEAD.sub("", head, count=1)
        # What is left is "Title. Journal": the journal follows the last sentence end.
        head = re.split(r"(?<=[a-z0-9?!])[.?!]\s+(?=[A-Z])", head)[-1]
    head = _TRAILING_YEAR.sub("", head).strip(" ,.;:")
    if not head or head.isdecimal() or len(head) > 300:
        return ""
    return head
