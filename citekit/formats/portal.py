"""Reader for the text of research-portal (Elsevier Pure) output pages.

A page is read in two passes. The first turns each line into what it is: furniture, the
type breadcrumb, a (label, value) pair in any of the table layouts, abstract text, or a
header line (title and authors). The second builds a ``Record`` from those pieces, choosing
the publication date the way the portal defines it. The vocabulary lives in
``portal_labels.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citekit.errors import ParseError, Problem
from citekit.formats.base import ReadResult
from citekit.formats.portal_labels import (
    ALL_LABELS,
    BLOCK_LABELS,
    BREADCRUMB_TAILS,
    FURNITURE_LINES,
    FURNITURE_PATTERNS,
    FURNITURE_SECTIONS,
    LABELS,
    OUTPUT_SUBTYPES,
    OUTPUT_TYPES,
    STATUS_DATES,
    STATUS_TERMS,
)
from citekit.model import Date, Location, Name, Record
from citekit.normalize.case import title_case_shouting
from citekit.normalize.dates import numeric_order, parse_date
from citekit.normalize.languages import code_for
from citekit.normalize.names import parse_name_list

_DOI = re.compile(r"10\.\d{4,9}/[^\s,;|<>\"]+")
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
    entries: list[Entry] = field(default_factory=list)
    abstract: list[str] = field(default_factory=list)
    unknown: list[tuple[int, str]] = field(default_factory=list)


def _clean(line: str) -> str:
    line = line.replace("\u00a0", " ").replace("\u00ad", "").replace("\u200b", "")
    return re.sub(r"^#{1,6}\s+", "", line.strip())  # Markdown headings


def _is_furniture(text: str) -> bool:
    low = text.lower()
    return low in FURNITURE_LINES or any(p.search(text) for p in FURNITURE_PATTERNS)


def _markdown_cells(text: str) -> list[str] | None:
    if not text.startswith("|"):
        return None
    if _MD_SEPARATOR.match(text):
        return []
    return [c.strip() for c in text.strip("|").split("|")]


def _slot(label: str, block: str | None) -> str | None:
    """The slot a label fills where it stands (inside a block or not); None if unknown there."""
    if block and label in BLOCK_LABELS[block]:
        return BLOCK_LABELS[block][label]
    return LABELS.get(label)


def _match_label(text: str, block: str | None, glued_ok: bool) -> tuple[str, str, str | None] | None:
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
    page = Page(source)
    mode = "header"  # header | table | abstract | furniture
    block: str | None = None
    i = 0
    while i < len(lines):
        no, text = lines[i]
        i += 1
        cells = _markdown_cells(text)
        if cells == []:
            continue
        if cells is not None:
            match = _markdown_entry(cells, block, page)
            if match is None:
                continue
        elif text.lower() == "abstract":
            mode = "abstract"
            continue
        elif page.breadcrumb is None and (
            _BREADCRUMB.match(text) or (_type_of(text)[0] and mode == "header")
        ):
            page.breadcrumb = (no, text)
            continue
        else:
            # Glued labels are only looked for inside the table: prose (a title, an abstract)
            # starts with words such as "Published" or "Journals" too often.
            glued_ok = mode == "table" or (mode == "header" and page.breadcrumb is not None)
            match = _match_label(text, block, glued_ok)
        if mode == "abstract":
            if match is None and not _is_furniture(text):
                page.abstract.append(text)
                continue
            mode = "table"
        if match is None:
            if _is_furniture(text):
                if text.lower() in FURNITURE_SECTIONS:
                    mode = "furniture"
            elif mode == "header":
                page.header.append((no, text))
            elif mode == "table":
                _continue_value(page, no, text)
            continue
        label, slot, value = match
        mode = "table"
        if slot.startswith("block:"):
            # A block header opens its block; "Conference" is also the block's first label.
            block = slot.split(":", 1)[1]
            slot = BLOCK_LABELS[block].get(label, "")
            if not slot:
                continue
        elif block and label not in BLOCK_LABELS[block]:
            block = None
        if value is None:
            value = ""
            if i < len(lines) and not _is_label_line(lines[i][1], block) and not _is_furniture(lines[i][1]):
                value = lines[i][1]
                i += 1
        page.entries.append(Entry(label, slot, value.strip(), no))
    return page


def _markdown_entry(cells: list[str], block: str | None, page: Page) -> tuple[str, str, str | None] | None:
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
            page.unknown.append((0, f"{label}: {value}"))
        return None
    return label, slot, value


def _is_label_line(text: str, block: str | None) -> bool:
    return _match_label(text, block, glued_ok=True) is not None or bool(_BREADCRUMB.match(text))


def _continue_value(page: Page, no: int, text: str) -> None:
    """A stray line inside the table: more DOIs or keywords, or an unknown label."""
    if page.entries and page.entries[-1].slot in ("DOI", "keyword", "editor", "supervisor"):
        page.entries[-1].value += "\n" + text
    else:
        page.unknown.append((no, text))


def _type_of(breadcrumb: str) -> tuple[str, str]:
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


def _split_pages(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
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


def read(text: str, source: str) -> ReadResult:
    """Read every portal page in ``text``; ``source`` names the file in messages."""
    lines = [(no, _clean(t)) for no, t in enumerate(text.splitlines(), start=1)]
    lines = [(no, t) for no, t in lines if t]
    result = ReadResult()
    for page_lines in _split_pages(lines):
        page = scan(page_lines, source)
        first_line = page_lines[0][0] if page_lines else 1
        if not page.entries and page.breadcrumb is None:
            raise ParseError(
                "no research-portal fields found (no 'Research output:' line, no labels such as "
                "'Journal' or 'Publication status'); is this a portal page?",
                Location(source, first_line),
            )
        record, problems = build(page, Location(source, first_line))
        result.records.append(record)
        result.problems.extend(problems)
    return result


# ---- second pass: from the pieces of a page to a Record ------------------------------------


def _title_and_authors(page: Page) -> tuple[str, str]:
    """The title is the line just above the breadcrumb; authors follow it (or precede it)."""
    header = page.header
    if page.breadcrumb:
        crumb = page.breadcrumb[0]
        before = [t for no, t in header if no < crumb]
        after = [t for no, t in header if no > crumb]
        if before and after:
            return before[-1], _join_author_lines(after)
        if after:
            return after[0], _join_author_lines(after[1:])
        if len(before) >= 2:
            return before[-2], before[-1]
        return (before[-1] if before else ""), ""
    texts = [t for _, t in header]
    if len(texts) >= 2:
        return texts[-2], texts[-1]
    return (texts[0] if texts else ""), ""


def _join_author_lines(lines: list[str]) -> str:
    """Authors one per line, with or without leading commas, become one list."""
    out = ""
    for line in lines:
        if not out:
            out = line
        elif line[0] in ",;&" or out[-1] in ",;&":
            out += " " + line
        else:
            out += ", " + line
    return out


def _date_order(page: Page) -> bool | None:
    """Day-first (True), month-first (False) or unknown, judged from every numeric date on the page."""
    votes = set()
    for entry in page.entries:
        for piece in re.split(r"→|->|\s-\s", entry.value):
            order = numeric_order(piece)
            if order is not None:
                votes.add(order)
    return votes.pop() if len(votes) == 1 else None


def build(page: Page, location: Location) -> tuple[Record, list[Problem]]:
    """Second pass: the record a page describes, and what was doubtful about it."""
    problems: list[Problem] = []
    values: dict[str, str] = {}
    for entry in page.entries:
        if entry.value and entry.slot not in values:
            values[entry.slot] = entry.value
        elif entry.slot == "ISBN" and entry.value:
            values.setdefault("ISBN", entry.value)
    for no, text in page.unknown:
        problems.append(Problem(Location(location.source, no), f"ignored unknown line {text!r}"))

    csl_type, genre = _type_of(page.breadcrumb[1]) if page.breadcrumb else ("", "")
    if not csl_type:
        csl_type = _guess_type(values)
        problems.append(Problem(location, f"no output type given; read as {csl_type}"))

    title, author_text = _title_and_authors(page)
    fields: dict[str, str] = {}
    names: dict[str, tuple[Name, ...]] = {}
    et_al = False
    if title:
        fields["title"] = title_case_shouting(title)
    else:
        problems.append(Problem(location, "no title found"))
    if author_text:
        authors, et_al = parse_name_list(author_text)
        if authors:
            names["author"] = authors
    if "author" not in names:
        problems.append(Problem(location, "no authors found"))
    if values.get("editor"):
        names["editor"] = parse_name_list(values["editor"])[0]

    for slot in ("volume", "issue", "number", "edition", "publisher", "publisher-place", "note"):
        if values.get(slot):
            fields[slot] = " ".join(values[slot].split())
    if values.get("collection-title"):
        fields["collection-title"] = values["collection-title"]
        if values.get("collection-number"):
            fields["collection-number"] = values["collection-number"]
    container = values.get("container-title", "")
    if container:
        container = title_case_shouting(" ".join(container.split()))
        if values.get("container-subtitle"):
            container += ": " + values["container-subtitle"]
        fields["container-title"] = container
    if values.get("page"):
        fields["page"] = re.sub(r"\s*[–—-]+\s*", "-", values["page"].strip())
    if pages := re.sub(r"\D", "", values.get("number-of-pages", "")):
        fields["number-of-pages"] = pages
    if values.get("language") and (code := code_for(values["language"])):
        fields["language"] = code
    if values.get("keyword"):
        words = [w.strip() for w in re.split(r"[;,\n]", values["keyword"]) if w.strip()]
        fields["keyword"] = ", ".join(words)
    for slot in ("ISBN", "ISSN"):
        if values.get(slot) or values.get(slot + "-electronic"):
            fields[slot] = (values.get(slot) or values[slot + "-electronic"]).split()[0].strip(",;")
    if page.abstract:
        fields["abstract"] = "\n".join(page.abstract)
    if genre or values.get("genre"):
        fields["genre"] = genre or values["genre"]
    if values.get("event-title"):
        fields["event-title"] = values["event-title"]
    place = [values[k] for k in ("event-city", "event-country") if values.get(k)]
    if place:
        fields["event-place"] = ", ".join(place)

    dois = tuple(dict.fromkeys(m.group(0).rstrip(".") for m in _DOI.finditer(values.get("DOI", ""))))
    if dois:
        fields["DOI"] = dois[0]

    dates, status = _dates(page, values, problems, location)
    if status:
        fields["status"] = status
    record = Record(
        id="",
        type=csl_type,
        fields=fields,
        names=names,
        dates=dates,
        dois=dois,
        et_al=et_al,
        location=location,
    )
    return record, problems


def _dates(
    page: Page, values: dict[str, str], problems: list[Problem], location: Location
) -> tuple[dict[str, Date], str]:
    """The record's dates, with ``issued`` chosen as the portal defines the publication date."""
    order = _date_order(page)
    dates: dict[str, Date] = {}

    def parse(slot: str, text: str) -> Date | None:
        date = parse_date(text, order)
        if date is None:
            problems.append(Problem(location, f"could not read the date {text!r} ({slot})"))
        return date

    status_text, _, status_date = values.get("status", "").partition(" - ")
    status = STATUS_TERMS.get(status_text.strip().lower(), "")
    # Dates under their own labels first; the date in "Publication status" fills a gap.
    candidates = [(slot, values.get(slot, "")) for slot in ("issued", "available-date", "event-date")]
    candidates.append((STATUS_DATES.get(status_text.strip().lower(), ""), status_date))
    for slot, text in candidates:
        if slot and text and slot not in dates and (date := parse(slot, text)):
            dates[slot] = date
    if "issued" not in dates and "available-date" in dates and not status:
        # Published online only: the online date is the publication date.
        dates["issued"] = dates["available-date"]
    if "issued" not in dates and not status:
        problems.append(Problem(location, "no publication date found"))
    return dates, status


def _guess_type(values: dict[str, str]) -> str:
    if values.get("genre"):
        return "thesis"
    if values.get("event-title"):
        return "paper-conference"
    if values.get("container-title") and values.get("ISBN"):
        return "chapter"
    if values.get("container-title"):
        return "article-journal"
    return "book" if values.get("ISBN") else "article"
