"""The title and the author lines of a page, found relative to what every Pure page has.

A page's header is the lines around its type breadcrumb that are no field of the table. Older
layouts put the title above the breadcrumb and the authors below it; newer ones put the title (a
heading), the authors (one a line, the second on led by a comma) and the organisation units
(departments, universities) all above it. A header line is an organisation unit, an author line or
other text; the title is found where the layout puts it, the authors next to it, and a long sentence
where a title would be is abstract text. ``build.py`` turns what is found here into the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citekit.formats.portal.labels import ORGANISATION_WORDS
from citekit.formats.portal.scan import Page, is_furniture
from citekit.formats.portal.unwrap import Line

_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.-]*|[a-z]{1,3}|et|al\.?|and|&)$")
_LEADING_SEPARATOR = re.compile(r"^(?:[,;&]|and\s)", re.IGNORECASE)
_TRAILING_SEPARATOR = re.compile(r"(?:[,;&]|\sand)$", re.IGNORECASE)
# A footnote mark after a name (``Peng Qu^(*)``, ``Ann Lee*``, ``Ann Lee†``).
_NAME_MARK = re.compile(r"\s*(?:\^\(\*\)|\^\*|\*+|†|‡)\s*")
# Where links of a person and of an organisation unit lead.
_PERSON_LINK = re.compile(r"/(?:persons?|people|researchers?)/", re.IGNORECASE)
_ORGANISATION_LINK = re.compile(r"/(?:organi[sz]ations?|units?)/", re.IGNORECASE)
# A header line this long that ends a sentence is abstract text, not a title.
_SENTENCE_WORDS = 30


@dataclass
class Header:
    """The title line and the author lines of a page, and header text that is abstract."""

    title: Line | None = None
    authors: list[Line] = field(default_factory=list)
    abstract: list[str] = field(default_factory=list)


def looks_like_names(text: str) -> bool:
    """True when a header line reads as a list of personal names rather than as a title: every
    word capitalised, an initial or a particle, and no title punctuation (``:``, ``?``, digits)."""
    if re.search(r"[:?!\d()\[\]]", text):
        return False
    words = text.replace(",", " ").replace(";", " ").split()
    return bool(words) and all(_NAME_WORD.match(w) for w in words)


def is_organisation(line: Line) -> bool:
    """Whether a header line is an organisation unit (a department, a university), never a person."""
    if any(_ORGANISATION_LINK.search(t) for t in line.targets):
        return True
    return not any(_PERSON_LINK.search(t) for t in line.targets) and bool(
        ORGANISATION_WORDS.search(line.text)
    )


def is_author_line(line: Line) -> bool:
    """Whether a header line reads as (more of) an author list."""
    if is_organisation(line):
        return False
    text = _NAME_MARK.sub(" ", line.text).strip()
    if any(_PERSON_LINK.search(t) for t in line.targets) or _LEADING_SEPARATOR.match(text):
        return True
    # A list of names has separators, or is one short name: a long capitalised line is a title.
    return looks_like_names(text) and (bool(re.search(r"[,;&]|\sand\s", text)) or len(text.split()) <= 4)


def is_sentence(text: str) -> bool:
    """A long line ending a sentence: abstract text where a title would be."""
    return len(text.split()) >= _SENTENCE_WORDS and text.rstrip().endswith((".", ".)", '."'))


def join_author_lines(lines: list[str]) -> str:
    """Authors one per line, with or without leading commas, become one ``;``-separated list
    (a line may itself be ``Family, Given``); footnote marks after names go."""
    out = ""
    for raw in lines:
        line = _NAME_MARK.sub(" ", raw).strip()
        if not line:
            continue
        if not out:
            out = line
        elif _LEADING_SEPARATOR.match(line) or _TRAILING_SEPARATOR.search(out):
            out += " " + line
        else:
            out += "; " + line
    return out.strip(" ,;")


def title_and_authors(page: Page) -> Header:
    """The page's title line and author lines, found relative to its breadcrumb."""
    header = Header()
    lines = [line for line in page.header if not is_furniture(line.text)]
    header.abstract = [line.text for line in lines if is_sentence(line.text)]
    lines = [line for line in lines if not is_sentence(line.text)]
    kept = {id(line) for line in lines}
    split = sum(1 for line in page.header[: page.header_before_breadcrumb] if id(line) in kept)
    before, after = lines[:split], lines[split:]
    if page.breadcrumb is None:
        before, after = lines, []
    after_people = [line for line in after if not is_organisation(line)]
    if after_people and before:
        header.title, header.authors = before[-1], after_people  # title, breadcrumb, authors
    elif after_people:
        header.title, header.authors = after_people[0], after_people[1:]
    else:
        header.title, header.authors = _title_above_authors(before)
    return header


def _title_above_authors(lines: list[Line]) -> tuple[Line | None, list[Line]]:
    """Title, then authors, then organisation units, all above the breadcrumb (or with none)."""
    while lines and is_organisation(lines[-1]):
        lines = lines[:-1]
    headings = [k for k, line in enumerate(lines) if line.mark.startswith("h")]
    if headings:
        top = min(headings, key=lambda k: (lines[k].mark, -k))
        below = lines[top + 1 :]
        if all(is_author_line(line) for line in below):
            return lines[top], [line for line in below if not is_organisation(line)]
    # No heading: walk up over author lines to the title.
    k = len(lines)
    while k > 0 and is_author_line(lines[k - 1]) and not looks_like_a_title(lines, k - 1):
        k -= 1
    if k > 0:
        return lines[k - 1], lines[k:]
    if len(lines) >= 2:
        return lines[-2], lines[-1:]
    return (lines[0] if lines else None), []


def looks_like_a_title(lines: list[Line], k: int) -> bool:
    """A line that reads as names is still the title when it is the first line of the header and
    the line after it is led by a separator or a person's link (plainly the author list)."""
    if k != 0 or k + 1 >= len(lines):
        return False
    nxt = lines[k + 1]
    return bool(_LEADING_SEPARATOR.match(nxt.text)) or any(_PERSON_LINK.search(t) for t in nxt.targets)
