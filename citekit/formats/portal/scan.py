"""Second stage of the portal reader: what each line of a page is.

A line is furniture, the type breadcrumb, a (label, value) pair in any of the table layouts (glued,
tab, colon, spaces, a Markdown row, label and value on two lines, a heading with its value below),
abstract text, or a header line (title, authors, organisation units). ``scan`` sorts the lines of one
page into a ``Page``; ``build.py`` makes the page's own record from it. The vocabulary lives in
``labels.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citekit.formats.portal.labels import (
    ABSTRACT_HEADINGS,
    ALL_LABELS,
    BLOCK_LABELS,
    BREADCRUMB_HEADS,
    BREADCRUMB_TAILS,
    FURNITURE_LINES,
    FURNITURE_PATTERNS,
    FURNITURE_SECTIONS,
    LABELS,
    OUTPUT_SUBTYPES,
    OUTPUT_TYPES,
    THESIS_TYPES,
)
from citekit.formats.portal.unwrap import Line
from citekit.normalize.identifiers import find_dois

_BREADCRUMB = re.compile(r"^(?:" + "|".join(BREADCRUMB_HEADS) + r")\s*:\s*(.+)$", re.IGNORECASE)
_MD_SEPARATOR = re.compile(r"^[\s|:\-]+$")
# Labels by their first two characters, longest first, so that a line is matched against a few.
_BY_START: dict[str, tuple[str, ...]] = {}
for _label in ALL_LABELS:
    _BY_START[_label[:2]] = (*_BY_START.get(_label[:2], ()), _label)
_SPACES = re.compile(r"\s{2,}")
# How the lines that can end a furniture section start: labels, table rows, abstract headings, breadcrumbs.
_STARTS = tuple(
    {*ALL_LABELS, "|"}
    | {
        form
        for word in (*ABSTRACT_HEADINGS, *BREADCRUMB_HEADS)
        for form in (word, word.capitalize(), word.upper())
    }
)
# The same starts by their first character: furniture runs to thousands of lines on some pages,
# and a line is then checked against the few starts that share its first character.
_STARTS_BY_FIRST = {first: tuple(s for s in _STARTS if s[:1] == first) for first in {s[:1] for s in _STARTS}}


def _starts_section(text: str) -> bool:
    """Whether ``text`` opens with a label, a heading word, a table row or a breadcrumb head."""
    return text.startswith(_STARTS_BY_FIRST.get(text[:1], ()))


# A line that is only a web address (perhaps after a word and a colon): never abstract text.
_LINK_LINE = re.compile(r"^(?:[\w ]{1,20}:\s*)?(?:https?://|www\.)\S+$")


@dataclass
class Entry:
    """One label of the field table with its value, as found on the page."""

    label: str
    slot: str
    value: str
    line: int


@dataclass
class Page:
    """What the scan found on one page."""

    source: str
    header: list[Line] = field(default_factory=list)
    breadcrumb: Line | None = None
    # How many header lines came before the breadcrumb.
    header_before_breadcrumb: int = 0
    entries: list[Entry] = field(default_factory=list)
    abstract: list[str] = field(default_factory=list)
    # Lines of the table that are no known label, and label/value pairs under unknown labels.
    unknown: list[tuple[int, str]] = field(default_factory=list)
    extra: list[Entry] = field(default_factory=list)


# Every furniture pattern in one expression, searched once a line.
_FURNITURE = re.compile("|".join(f"(?:{p.pattern})" for p in FURNITURE_PATTERNS), re.IGNORECASE)
# Furniture is short: a longer line (an abstract, a rendering) is never tested against the patterns.
_LONGEST_FURNITURE = 600


def is_furniture(text: str) -> bool:
    """Whether a whole line is page furniture (menus, counters, section titles, footers)."""
    if len(text) > _LONGEST_FURNITURE:
        return False
    return text.lower().strip(" :") in FURNITURE_LINES or _FURNITURE.search(text) is not None


_HEAD_STARTS = frozenset(head[:4] for head in BREADCRUMB_HEADS)


def breadcrumb_text(text: str) -> str | None:
    """The type path of a breadcrumb line (``Contribution to journal › Article``), else None."""
    if text[:4].lower() not in _HEAD_STARTS:
        return None
    match = _BREADCRUMB.match(text)
    return match.group(1) if match else None


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


# (label, slot, value) of a table line; value None when the label stands alone.
Match = tuple[str, str, str | None]


def match_label(text: str, block: str | None, glued: bool, spaced: str = "") -> Match | None:
    """(label, slot, value) for a table line in any layout; value None when the label stands alone.

    ``glued`` lets a label run straight into its value (``Volume78``); ``spaced`` lets one space
    part them (``Volume 78``): "any" label, or only labels of "words" (two words or more)."""
    for sep in ("\t", ":"):
        if sep in text:
            label, _, value = text.partition(sep)
            slot = _slot(label.strip(), block)
            if slot:
                return label.strip(), slot, value.strip(" \t|")
    if "  " in text:
        label, value = _SPACES.split(text.strip(), maxsplit=1)
        if slot := _slot(label, block):
            return label, slot, value
    slot = _slot(text, block)
    if slot:
        return text, slot, None
    if not (glued or spaced):
        return None
    for label in _BY_START.get(text[:2], ()):
        if not text.startswith(label) or len(text) <= len(label):
            continue
        rest = text[len(label) :]
        slot = _slot(label, block)
        if not slot:
            continue
        if rest[0] == " " and rest.strip() and (spaced == "any" or (spaced == "words" and " " in label)):
            return label, slot, rest.strip()
        if glued and not rest[0].isspace():  # "Journal of …" is text, not the label Journal
            return label, slot, rest
    return None


def scan(lines: list[Line], source: str) -> Page:
    """Classify every line of one page."""
    return _Scan(Page(source), lines).run()


@dataclass
class _Scan:
    """One pass over a page: where it is (``mode``: header, table, abstract, section or furniture;
    ``block``: the series or conference block it is in) and which line comes next."""

    page: Page
    lines: list[Line]
    mode: str = "header"
    block: str | None = None
    next: int = 0

    def run(self) -> Page:
        while self.next < len(self.lines):
            line = self.lines[self.next]
            self.next += 1
            self.line(line)
        return self.page

    def line(self, line: Line) -> None:
        text = line.text
        if self.mode == "furniture" and not line.mark.startswith("h") and not _starts_section(text):
            return  # furniture goes on until a heading, a label, a table row or a breadcrumb
        cells = _markdown_cells(text)
        if cells is not None:
            found = _markdown_entry(cells, self.block, self.page, line.no) if cells else None
            if found is None:  # a separator row, a row going on with a value, or an unknown label
                return
        elif self.heading(line):
            return
        elif self.mode == "section" and (line.mark == "item" or not self._label(text)):
            last = self.page.entries[-1]
            last.value = (last.value + ("\n" if last.slot in _LIST_SLOTS else " ") + text).strip()
            return
        else:
            found = self._label(text)
        if self.mode == "abstract":
            if found is None and not is_furniture(text) and not _LINK_LINE.match(text):
                self.page.abstract.append(text)
                return
            self.mode = "table"
        if found is None:
            self.unlabelled(line)
        else:
            self.entry(line.no, *found)

    def _label(self, text: str) -> Match | None:
        """The label of an ordinary line, in the layouts the scan's place allows: a glued or
        spaced label inside the table; in the header, a glued label whose value plainly starts
        (``Pages (from-to)977``), as pages without a breadcrumb have; prose (a title, an abstract)
        starts with words such as "Published" or "Journal" too often for more (a glued label in
        the abstract ends it, as it does in the header: ``Original languageEnglish``)."""
        if self.mode == "table":
            return match_label(text, self.block, glued=True, spaced="any")
        if self.mode == "header" and self.page.breadcrumb is not None:
            return match_label(text, self.block, glued=True, spaced="words")
        found = match_label(text, self.block, glued=False, spaced="words")
        if found is None and self.mode in ("header", "abstract"):
            found = match_label(text, self.block, glued=True)
            if found and not (found[2] or " ")[0].isupper() and not (found[2] or " ")[0].isdecimal():
                found = None
        return found

    def heading(self, line: Line) -> bool:
        """Whether the line opens the abstract, a section, or is the type breadcrumb (and is taken as such)."""
        text = line.text
        low = text.lower().strip(" :")
        if low in ABSTRACT_HEADINGS:
            self.mode = "abstract"
            return True
        page = self.page
        if page.breadcrumb is None and (
            breadcrumb_text(text) or (self.mode == "header" and not line.mark and type_of(text)[0])
        ):
            page.breadcrumb = line
            page.header_before_breadcrumb = len(page.header)
            return True
        if not line.mark.startswith("h"):
            return False
        if line.mark == "h1" and page.breadcrumb is None and self.mode == "furniture":
            self.mode = "header"  # a page's title heading after a furniture section above it
        found = match_label(text, self.block, glued=False)
        if (
            self.mode == "abstract"
            and found is None
            and not is_furniture(text)
            and low not in FURNITURE_SECTIONS
        ):
            if not page.abstract:
                return True  # a heading over the abstract (its own title) is not its text
            self.mode = "furniture"  # a heading after the abstract ends it
            return True
        if found and found[2] is None and not found[1].startswith("block:"):
            self.block = None
            self.page.entries.append(Entry(found[0], found[1], "", line.no))
            self.mode = "section"  # a section heading whose value is the lines below it
            return True
        furniture = low in FURNITURE_SECTIONS or is_furniture(text)
        # An unknown heading after the breadcrumb (or a furniture one anywhere but a page's title)
        # opens furniture: "Online availability", "Projects", "UN SDGs" …
        if found is None and (page.breadcrumb is not None or (furniture and line.mark != "h1")):
            self.mode, self.block = "furniture", None
            return True
        return False

    def unlabelled(self, line: Line) -> None:
        """A line with no label: furniture, a header line (title, authors), or more of the table."""
        text = line.text
        if is_furniture(text):
            # A section title opens furniture; before the breadcrumb the same words are menu items
            # ("Projects", "Activities") unless they head a section.
            if text.lower() in FURNITURE_SECTIONS and (
                self.page.breadcrumb is not None or line.mark.startswith("h")
            ):
                self.mode = "furniture"
        elif self.mode == "header" and not _opens_table(self.page, text):
            self.page.header.append(line)
        elif self.mode in ("header", "table"):
            self.mode = "table"
            _continue_value(self.page, line.no, text)

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
                value = self.lines[self.next].text
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
    return match_label(text, block, glued=True) is not None or breadcrumb_text(text) is not None


def _is_value_line(lines: list[Line], i: int, block: str | None) -> bool:
    """Whether line ``i`` is the value of the bare label before it (the two-line layout).

    A line that is itself a bare label is a value when another label follows it: as a label it
    would have no value of its own (a journal called "Issue", under "Journal")."""
    text = lines[i].text
    if is_furniture(text) or lines[i].mark.startswith("h") or text.startswith("|"):
        return False
    if not _is_label_line(text, block):
        return True
    # (A glued line, "Published1905", stays a label: real pages leave a label empty before one.)
    match = match_label(text, block, glued=False)
    if match is None or match[2] is not None or match[1].startswith("block:") or i + 1 >= len(lines):
        return False
    return _is_label_line(lines[i + 1].text, block)


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
    elif labelled and not _LINK_LINE.match(text):
        page.extra.append(Entry(labelled["label"].strip(), "", labelled["value"].strip(), no))
    else:
        page.unknown.append((no, text))


# Output types, longest first (the longest that starts a breadcrumb is its type).
_OUTPUT_TYPE_KEYS = tuple(sorted(OUTPUT_TYPES, key=len, reverse=True))
_TYPE_STARTS = frozenset(key[:4] for key in OUTPUT_TYPES)


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower().replace("æ", "ae").replace("ø", "o"))


def type_of(breadcrumb: str) -> tuple[str, str]:
    """(CSL type, genre) for a breadcrumb such as ``Contribution to journalArticle``, or ("", "")."""
    csl_type, genre, _ = breadcrumb_type(breadcrumb)
    return csl_type, genre


def breadcrumb_type(breadcrumb: str) -> tuple[str, str, bool]:
    """(CSL type, genre, whether the subtype was known) for a breadcrumb: an output type whose
    subtype is not known says less than an export's type does."""
    text = breadcrumb_text(breadcrumb) or breadcrumb
    if _key(text[:12])[:4] not in _TYPE_STARTS:  # most lines: no output type starts them
        return "", "", False
    key = _key(text)
    if not key.startswith(_OUTPUT_TYPE_KEYS):
        return "", "", False
    for _ in range(3):
        for tail in BREADCRUMB_TAILS:
            key = key.removesuffix(tail)
    for output_type in _OUTPUT_TYPE_KEYS:
        if key.startswith(output_type):
            subtype = key[len(output_type) :]
            if subtype in OUTPUT_SUBTYPES:
                csl_type, genre = OUTPUT_SUBTYPES[subtype]
                family = OUTPUT_TYPES[output_type]
                # An article in a magazine or a newspaper stays one (the subtype says only "article").
                if csl_type == "article-journal" and family.startswith("article-"):
                    return family, genre, True
                return csl_type, genre, True
            if output_type in THESIS_TYPES:
                return (*THESIS_TYPES[output_type], True)
            return OUTPUT_TYPES[output_type], "", not subtype
    return "", "", False


def subtype_of(text: str) -> tuple[str, str]:
    """(CSL type, genre) of a subtype alone (an export's ``M3 - Conference contribution``), or ("", "")."""
    key = _key(text)
    return OUTPUT_SUBTYPES.get(key) or THESIS_TYPES.get(key) or ("", "")


def _has_fields(lines: list[Line]) -> bool:
    return any(match_label(line.text, None, glued=True) or line.text.startswith("|") for line in lines)


def split_pages(lines: list[Line]) -> list[list[Line]]:
    """Several pages pasted into one file: a new page starts before each further breadcrumb,
    taking the title (and site lines) just above it with it."""
    found = [k for k, line in enumerate(lines) if breadcrumb_text(line.text)]
    # The breadcrumb is repeated under the Standard rendering of a page's Cite-this menu: one after
    # a "Cite this" line with no field table of its own after it starts no page.
    ends = [*found[1:], len(lines)]
    crumbs = found[:1]
    for n, k in enumerate(found[1:], start=1):
        cited = any("cite this" in line.text.lower() for line in lines[crumbs[-1] : k])
        if not cited or _has_fields(lines[k + 1 : ends[n]]):
            crumbs.append(k)
    if len(crumbs) <= 1:
        return [lines]
    starts = [0]
    for k in crumbs[1:]:
        # the title is the nearest non-furniture line above the breadcrumb
        start = k - 1
        while start > starts[-1] and is_furniture(lines[start].text):
            start -= 1
        starts.append(max(start, starts[-1] + 1))
    return [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
