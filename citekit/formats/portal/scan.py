"""Second stage of the portal reader: what each line of a page is.

A line is furniture, the type breadcrumb, a (label, value) pair in any of the table layouts,
abstract text, or a header line (title and authors). ``scan`` sorts the lines of one page into a
``Page``; ``build.py`` makes the record from it. The vocabulary lives in ``labels.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citekit.formats.portal.labels import (
    ALL_LABELS,
    BLOCK_LABELS,
    BREADCRUMB_TAILS,
    FURNITURE_LINES,
    FURNITURE_PATTERNS,
    FURNITURE_SECTIONS,
    LABELS,
    OUTPUT_SUBTYPES,
    OUTPUT_TYPES,
)
from citekit.normalize.identifiers import find_dois

_BREADCRUMB = re.compile(r"^Research output:\s*(.+)$", re.IGNORECASE)
_MD_SEPARATOR = re.compile(r"^[\s|:\-]+$")


@dataclass
class Entry:
    """One label of the field table with its value, as found on the page."""

    label: str
    slot: str
    value: str
    line: int


@dataclass
class Page:
    """What the first pass found on one page."""

    source: str
    header: list[tuple[int, str]] = field(default_factory=list)
    breadcrumb: tuple[int, str] | None = None
    # How many header lines came before the breadcrumb (saved HTML puts many on one line number).
    header_before_breadcrumb: int = 0
    entries: list[Entry] = field(default_factory=list)
    abstract: list[str] = field(default_factory=list)
    # Lines of the table that are no known label, and label/value pairs under unknown labels.
    unknown: list[tuple[int, str]] = field(default_factory=list)
    extra: list[Entry] = field(default_factory=list)


def _is_furniture(text: str) -> bool:
    low = text.lower()
    return low in FURNITURE_LINES or any(p.search(text) for p in FURNITURE_PATTERNS)


def _markdown_cells(text: str) -> list[str] | None:
    if not text.startswith("|"):
        return None
    if _MD_SEPARATOR.match(text):
        return []
    return [c.strip() for c in text.strip().strip("|").split("|")]


def _slot(label: str, block: str | None) -> str | None:
    """The slot a label fills where it stands (inside a block or not); None if unknown there."""
    if block and label in BLOCK_LABELS[block]:
        return BLOCK_LABELS[block][label]
    return LABELS.get(label)


# (label, slot, value) of a table line; value None when the label stands alone on its line.
Match = tuple[str, str, str | None]


def _match_label(text: str, block: str | None, glued_ok: bool) -> Match | None:
    """(label, slot, value) for a table line in any layout; value None when the label stands alone."""
    for sep in ("\t", ":"):
        if sep in text:
            label, _, value = text.partition(sep)
            slot = _slot(label.strip(), block)
            if slot:
                return label.strip(), slot, value.strip(" \t|")
    slot = _slot(text, block)
    if slot:
        return text, slot, None
    if not glued_ok:
        return None
    for label in ALL_LABELS:
        if text.startswith(label) and len(text) > len(label):
            rest = text[len(label) :]
            if rest[0].isspace():  # "Journal of …" is text, not the label Journal glued to a value
                continue
            slot = _slot(label, block)
            if slot:
                return label, slot, rest
    return None


def scan(lines: list[tuple[int, str]], source: str) -> Page:
    """First pass: classify every line of one page."""
    return _Scan(Page(source), lines).run()


@dataclass
class _Scan:
    """The first pass over one page: where it is (``mode``: header, table, abstract or furniture;
    ``block``: the series or conference block it is in) and which line comes next."""

    page: Page
    lines: list[tuple[int, str]]
    mode: str = "header"
    block: str | None = None
    next: int = 0

    def run(self) -> Page:
        while self.next < len(self.lines):
            no, text = self.lines[self.next]
            self.next += 1
            self.line(no, text)
        return self.page

    def line(self, no: int, text: str) -> None:
        cells = _markdown_cells(text)
        if cells is not None:
            found = _markdown_entry(cells, self.block, self.page, no) if cells else None
            if found is None:  # a separator row, a row going on with a value, or an unknown label
                return
        elif self.heading(no, text):
            return
        else:
            # Glued labels are only looked for inside the table: prose (a title, an abstract)
            # starts with words such as "Published" or "Journals" too often.
            glued_ok = self.mode == "table" or (self.mode == "header" and self.page.breadcrumb is not None)
            found = _match_label(text, self.block, glued_ok)
        if self.mode == "abstract":
            if found is None and not _is_furniture(text):
                self.page.abstract.append(text)
                return
            self.mode = "table"
        if found is None:
            self.unlabelled(no, text)
        else:
            self.entry(no, *found)

    def heading(self, no: int, text: str) -> bool:
        """Whether the line opens the abstract or is the type breadcrumb (and is taken as such)."""
        if text.lower() == "abstract":
            self.mode = "abstract"
            return True
        page = self.page
        if page.breadcrumb is None and (
            _BREADCRUMB.match(text) or (type_of(text)[0] and self.mode == "header")
        ):
            page.breadcrumb = (no, text)
            page.header_before_breadcrumb = len(page.header)
            return True
        return False

    def unlabelled(self, no: int, text: str) -> None:
        """A line with no label: furniture, a header line (title, authors), or more of the table."""
        if _is_furniture(text):
            if text.lower() in FURNITURE_SECTIONS:
                self.mode = "furniture"
        elif self.mode == "header" and not _opens_table(self.page, text):
            self.page.header.append((no, text))
        elif self.mode in ("header", "table"):
            self.mode = "table"
            _continue_value(self.page, no, text)

    def entry(self, no: int, label: str, slot: str, value: str | None) -> None:
        """A labelled line: an entry of the table (its value on the next line when it has none)."""
        self.mode = "table"
        if slot.startswith("block:"):
            # A block header opens its block; "Conference" is also the block's first label.
            self.block = slot.split(":", 1)[1]
            slot = BLOCK_LABELS[self.block].get(label, "")
            if not slot:
                return
        elif self.block and label not in BLOCK_LABELS[self.block]:
            self.block = None
        if value is None:
            value = ""
            if self.next < len(self.lines) and _is_value_line(self.lines, self.next, self.block):
                value = self.lines[self.next][1]
                self.next += 1
        self.page.entries.append(Entry(label, slot, value.strip(), no))


def _markdown_entry(cells: list[str], block: str | None, page: Page, no: int) -> Match | None:
    """A Markdown table row; a row with an empty label cell continues the previous value."""
    label = cells[0]
    value = " ".join(c for c in cells[1:] if c)
    if not label:
        if page.entries and value:
            page.entries[-1].value += "\n" + value
        return None
    slot = _slot(label, block)
    if slot is None:
        if value:
            page.extra.append(Entry(label, "", value, no))
        return None
    return label, slot, value


def _opens_table(page: Page, text: str) -> bool:
    """An unknown ``Label: value`` line after the breadcrumb and the title starts the table:
    author lines hold no such separator, and a title may only when nothing else is there yet."""
    return page.breadcrumb is not None and bool(page.header) and _LABELLED.match(text) is not None


def _is_label_line(text: str, block: str | None) -> bool:
    return _match_label(text, block, glued_ok=True) is not None or bool(_BREADCRUMB.match(text))


def _is_value_line(lines: list[tuple[int, str]], i: int, block: str | None) -> bool:
    """Whether line ``i`` is the value of the bare label before it (the two-line layout).

    A line that is itself a bare label is a value when another label follows it: as a label it
    would have no value of its own (a journal called "Issue", under "Journal")."""
    text = lines[i][1]
    if _is_furniture(text):
        return False
    if not _is_label_line(text, block):
        return True
    # (A glued line, "Published1905", stays a label: real pages leave a label empty before one.)
    match = _match_label(text, block, glued_ok=False)
    if match is None or match[2] is not None or match[1].startswith("block:") or i + 1 >= len(lines):
        return False
    return _is_label_line(lines[i + 1][1], block)


# Fields whose value may go on over several lines (one DOI, keyword or name a line).
_LIST_SLOTS = ("DOI", "keyword", "editor", "supervisor")
_LABELLED = re.compile(r"^(?P<label>[^\t:]{2,40}?)\s*(?:\t|:\s)\s*(?P<value>\S.*)$")


def _continue_value(page: Page, no: int, text: str) -> None:
    """A stray line inside the table: more DOIs or keywords, an unknown label with its value,
    or a line nobody can place."""
    last = page.entries[-1] if page.entries else None
    labelled = _LABELLED.match(text)
    if (last and last.slot == "DOI" and find_dois(text)) or (
        last and last.slot in _LIST_SLOTS[1:] and not labelled and last.line >= no - 3
    ):
        last.value += "\n" + text
    elif labelled:
        page.extra.append(Entry(labelled["label"].strip(), "", labelled["value"].strip(), no))
    else:
        page.unknown.append((no, text))


def type_of(breadcrumb: str) -> tuple[str, str]:
    """(CSL type, genre) for a breadcrumb such as ``Contribution to journalArticle``."""
    text = _BREADCRUMB.sub(r"\1", breadcrumb)
    key = re.sub(r"[^a-z0-9]", "", text.lower())
    for tail in BREADCRUMB_TAILS:
        key = key.removesuffix(tail)
    for tail in BREADCRUMB_TAILS:
        key = key.removesuffix(tail)
    for output_type in sorted(OUTPUT_TYPES, key=len, reverse=True):
        if key.startswith(output_type):
            subtype = key[len(output_type) :]
            if subtype in OUTPUT_SUBTYPES:
                return OUTPUT_SUBTYPES[subtype]
            return OUTPUT_TYPES[output_type], ""
    return "", ""


def split_pages(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Several pages pasted into one file: a new page starts before each further breadcrumb,
    taking the title (and site lines) just above it with it."""
    crumbs = [k for k, (_, t) in enumerate(lines) if _BREADCRUMB.match(t)]
    if len(crumbs) <= 1:
        return [lines]
    starts = [0]
    for k in crumbs[1:]:
        # the title is the nearest non-furniture line above the breadcrumb
        start = k - 1
        while start > starts[-1] and _is_furniture(lines[start][1]):
            start -= 1
        starts.append(max(start, starts[-1] + 1))
    return [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
