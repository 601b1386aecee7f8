"""The portal reader: its stages put together, from a page's text (or saved HTML) to records.

``unwrap.py`` (or ``html.py``) makes the capture plain lines; ``exports.py`` and ``renderings.py``
find the portal's pasted exports and Cite-this renderings, whose lines are kept out of the page;
``scan.py`` sorts what is left, page by page (``split_pages``), into header, breadcrumb, table and
abstract; ``build.py`` (with ``header.py``) makes each page's own record; ``evidence.py`` weighs it
with the exports, renderings, links and meta data found on the same page. A text with exports and no
page around them (a README, a script holding the portal's BibTeX) gives the exports' records.
Records are as the page gave them: the clean-up steps run after reading (``citekit.stages.clean``),
so that ``--raw`` can show the page's own text.
"""

from __future__ import annotations

import re

from citekit.errors import ParseError, Problem
from citekit.formats.base import ReadResult, Remarks
from citekit.formats.portal.build import build
from citekit.formats.portal.evidence import Evidence, Outcome, weigh
from citekit.formats.portal.exports import Export, find_exports
from citekit.formats.portal.html import html_capture, looks_like_html
from citekit.formats.portal.listing import read_listing
from citekit.formats.portal.renderings import find_renderings
from citekit.formats.portal.scan import scan, split_pages
from citekit.formats.portal.unwrap import Capture, Line, unwrap
from citekit.model import Location

_NO_FIELDS = (
    "no research-portal fields found (no 'Research output:' line, no labels such as "
    "'Journal' or 'Publication status'); is this a portal page?"
)


def read(text: str, source: str) -> ReadResult:
    """Every portal page in ``text``; ``source`` names the file in messages."""
    if looks_like_html(text):  # a saved HTML page given without its suffix (stdin, .txt)
        return read_html(text, source)
    return read_capture(unwrap(text), source)


def read_html(text: str, source: str) -> ReadResult:
    """Every portal page in a saved (or fetched) HTML file; the portal's own Cite-this RIS the page
    embeds is one more source of evidence, weighed with the page's text."""
    problems: list[Problem] = []
    capture = html_capture(text, source, problems)
    try:
        result = read_capture(capture, source)
    except ParseError:
        if problems:  # the page's fields were in what the parser dropped: say so, not "no fields"
            raise ParseError(problems[0].message, problems[0].location) from None
        raise
    result.problems[:0] = problems
    return result


def read_lines(lines: list[Line], source: str) -> ReadResult:
    """Every page in numbered plain lines (a capture with nothing else kept)."""
    return read_capture(Capture(lines=lines), source)


def read_capture(capture: Capture, source: str) -> ReadResult:
    """Every page of a capture, with each record's doubts, unused labels and weak fields.
    Raises ParseError for a capture with no portal fields and no export at all."""
    lines = capture.lines
    exports = find_exports(lines, source)
    taken = {k for export in exports for k in range(export.first, export.last + 1)}
    found = find_renderings(lines, taken)
    taken |= {k for rendering in found for k in range(rendering.first, rendering.last + 1)}
    rest = [line for k, line in enumerate(lines) if k not in taken]
    result = ReadResult()
    pages = split_pages(rest)
    for number, page_lines in enumerate(pages):
        first = page_lines[0].no if page_lines else 1
        end = pages[number + 1][0].no if number + 1 < len(pages) and pages[number + 1] else 1 << 62
        mine = [
            e
            for e in exports
            if first <= lines[e.first].no < end or (number == 0 and lines[e.first].no < first)
        ]
        shown = [
            r
            for r in found
            if first <= lines[r.first].no < end or (number == 0 and lines[r.first].no < first)
        ]
        location = Location(source, first)
        page = scan(page_lines, source)
        links = [(text, target) for no, text, target in capture.links if first <= no < end]
        listed = []
        if not mine and all(e.slot == "DOI" for e in page.entries):
            listed = read_listing(
                list(page_lines), [link for link in capture.links if first <= link[0] < end]
            )
        for record in listed:
            _add(result, weigh(Evidence(None, record, renderings=shown, links=links), location))
        if listed:
            continue
        named = any(export.record.names.get("author") for export in mine)
        built = (
            build(page, location, authors=not named) if page.entries or page.breadcrumb is not None else None
        )
        if built is None and not mine:
            raise ParseError(_NO_FIELDS, location)
        for group in _records(built, mine):
            where = Location(source, lines[group[0].first].no) if built is None and group else location
            evidence = Evidence(built, None, group, shown, links, capture.meta, _fingerprint(page_lines))
            _add(result, weigh(evidence, where))
    if not result.records:
        raise ParseError(_NO_FIELDS, Location(source, lines[0].no if lines else 1))
    return result


_FINGERPRINT = re.compile(
    r"Dive into the research topics of ['‘’\"](?P<title>.+?)['‘’\"]\s*\.\s*Together they form"
)


def _fingerprint(lines: list[Line]) -> str:
    """The title the Fingerprint section's sentence quotes, if the page has it."""
    for line in lines:
        if "research topics" in line.text and (match := _FINGERPRINT.search(line.text)):
            return match["title"]
    return ""


def _records(built: object, exports: list[Export]) -> list[list[Export]]:
    """The exports of each record of a page: all of them for a page with its own fields; for
    exports standing alone, one record per entry, a BibTeX and a RIS of the same work together."""
    if built is not None or not exports:
        return [exports]
    groups: list[list[Export]] = []
    for export in exports:
        for group in groups:
            if _same_work(group[0], export) and all(e.kind != export.kind for e in group):
                group.append(export)
                break
        else:
            groups.append([export])
    return groups


def _same_work(a: Export, b: Export) -> bool:
    def key(export: Export) -> str:
        return "".join(ch for ch in export.record.get("title").casefold() if ch.isalnum())[:40]

    doi_a, doi_b = a.record.get("DOI").lower(), b.record.get("DOI").lower()
    return bool(doi_a and doi_a == doi_b) or bool(
        key(a) and key(b) and (key(a).startswith(key(b)) or key(b).startswith(key(a)))
    )


def _add(result: ReadResult, outcome: Outcome) -> None:
    result.remarks[len(result.records)] = Remarks(outcome.problems, outcome.unused, outcome.weak)
    result.records.append(outcome.record)
    result.problems.extend(outcome.problems)
