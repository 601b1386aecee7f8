"""The portal reader: its stages put together, from a page's text (or saved HTML) to records.

unwrap (or html) → scan → build, one page at a time: ``unwrap.py`` and ``html.py`` give numbered
lines, ``scan.py`` says what each line is, ``build.py`` makes the record. Records are as the page
gave them: the clean-up steps run after reading (``citekit.stages.clean``), so that ``--raw``
can show the page's own text.
"""

from __future__ import annotations

from citekit.errors import ParseError, Problem
from citekit.formats.base import ReadResult, Remarks
from citekit.formats.portal.build import build
from citekit.formats.portal.cite_export import read_cite_ris
from citekit.formats.portal.html import html_lines, looks_like_html
from citekit.formats.portal.scan import scan, split_pages
from citekit.formats.portal.unwrap import text_lines
from citekit.model import Location


def read(text: str, source: str) -> ReadResult:
    """Every portal page in ``text``; ``source`` names the file in messages."""
    if looks_like_html(text):  # a saved HTML page given without its suffix (stdin, .txt)
        return read_html(text, source)
    return read_lines(text_lines(text), source)


def read_html(text: str, source: str) -> ReadResult:
    """Every portal page in a saved (or fetched) HTML file: the portal's own export when the page
    embeds one (``cite_export``), else the page's text."""
    embedded = read_cite_ris(text, source)
    if embedded is not None:
        return embedded
    problems: list[Problem] = []
    lines = html_lines(text, source, problems)
    try:
        result = read_lines(lines, source)
    except ParseError:
        if problems:  # the page's fields were in what the parser dropped: say so, not "no fields"
            raise ParseError(problems[0].message, problems[0].location) from None
        raise
    result.problems[:0] = problems
    return result


def read_lines(lines: list[tuple[int, str]], source: str) -> ReadResult:
    """Every page in numbered, unwrapped, non-empty lines (from text or from an HTML page), with
    each record's doubts and the labels it did not use. Raises ParseError for lines with no portal
    fields at all."""
    result = ReadResult()
    for page_lines in split_pages(lines):
        page = scan(page_lines, source)
        first_line = page_lines[0][0] if page_lines else 1
        if not page.entries and page.breadcrumb is None:
            raise ParseError(
                "no research-portal fields found (no 'Research output:' line, no labels such as "
                "'Journal' or 'Publication status'); is this a portal page?",
                Location(source, first_line),
            )
        built = build(page, Location(source, first_line))
        unused = [(f"{entry.label}: {entry.value}", entry.line) for entry in built.ignored]
        result.remarks[len(result.records)] = Remarks(built.problems, unused)
        result.records.append(built.record)
        result.problems.extend(built.problems)
    return result
