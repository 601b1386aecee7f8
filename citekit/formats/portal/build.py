"""Second pass of the portal reader: from the pieces of one page to a ``Record``.

The text is taken as the page gives it; clean-up (capitals, hyphens, spaces) is left to the
``citekit.normalize.steps`` that run afterwards, so that ``--raw`` can show the page's own text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citekit.errors import Problem
from citekit.formats.portal.header import join_author_lines, title_and_authors
from citekit.formats.portal.labels import (
    MONTH_WORDS,
    STATUS_DATES,
    STATUS_TERMS,
    TRANSLATED_STATUSES,
)
from citekit.formats.portal.scan import Entry, Page, breadcrumb_type
from citekit.model import Date, Location, Name, Record
from citekit.normalize import pages
from citekit.normalize.dates import numeric_order, parse_date
from citekit.normalize.identifiers import (
    find_dois,
    find_isbns,
    find_issns,
    isbn_is_valid,
    issn_is_valid,
)
from citekit.normalize.languages import code_for
from citekit.normalize.names import parse_name_list

# Slots copied into a field of the same name with their whitespace made single.
_PLAIN = ("volume", "issue", "number", "edition", "publisher", "publisher-place", "event-title")
# Slots the record uses; an entry filling any other slot is reported as read but not used.
USED_SLOTS = frozenset(
    {
        *_PLAIN,
        "language",
        "status",
        "DOI",
        "keyword",
        "note",
        "number-of-pages",
        "container-title",
        "container-subtitle",
        "page",
        "available-date",
        "accepted-date",
        "issued",
        "editor",
        "ISBN",
        "ISBN-electronic",
        "ISSN",
        "series-ISSN",
        "genre",
        "collection-title",
        "collection-number",
        "event-city",
        "event-country",
        "event-date",
    }
)


@dataclass
class Built:
    """A record with what was doubtful about it and what the page said that it does not use."""

    record: Record
    problems: list[Problem] = field(default_factory=list)
    ignored: list[Entry] = field(default_factory=list)
    # The author lines as the page gave them, joined (for the evidence stage to split names with).
    author_text: str = ""
    # Whether the page named its output type in full (a breadcrumb whose subtype is known); else the
    # type is its output type's alone, or guessed from its fields, and an export's type says more.
    type_given: bool = False
    # The type the breadcrumb's output type says, known subtype or not ("" with no breadcrumb).
    family_type: str = ""


def _date_order(page: Page) -> bool | None:
    """Day-first (True), month-first (False) or unknown, judged from every numeric date on the page."""
    votes = set()
    for entry in page.entries:
        for piece in re.split(r"→|->|\s-\s|–", entry.value):
            order = numeric_order(piece.strip().removeprefix("Duration:").strip())
            if order is not None:
                votes.add(order)
    return votes.pop() if len(votes) == 1 else None


def build(page: Page, location: Location, authors: bool = True) -> Built:
    """Second pass: the record a page describes, what was doubtful, and what went unused.
    ``authors=False`` leaves the header's author lines unsplit (an export names them better)."""
    out = Built(Record(id="", type=""))
    values, isbns, notes = _gather(page, out, location)
    csl_type, genre, specific = breadcrumb_type(page.breadcrumb.text) if page.breadcrumb else ("", "", False)
    out.type_given = bool(csl_type) and specific
    out.family_type = csl_type
    if not csl_type:
        csl_type = _guess_type(values)
    head = title_and_authors(page)
    title = head.title.text if head.title else ""
    out.author_text = join_author_lines([line.text for line in head.authors])
    fields = {"title": title} if title else {}
    names, et_al = _names(out.author_text if authors else "", values)
    fields |= _plain_fields(values)
    fields |= _identifiers(values, isbns, out.problems, location)
    fields |= _more_fields(page.abstract or head.abstract, values, genre)
    dois = find_dois(values.get("DOI", ""))
    if dois:
        fields["DOI"] = dois[0]
    dates, status, accepted = _dates(page, values, out.problems, location)
    if status:
        fields["status"] = status
    if accepted:
        notes.append(f"Accepted: {accepted.iso()}")
    if notes:
        fields["note"] = "\n".join(notes)
    out.record = Record(
        id="",
        type=csl_type,
        fields=fields,
        names=names,
        dates=dates,
        dois=dois,
        et_al=et_al,
        location=location,
    )
    return out


def _gather(
    page: Page, out: Built, location: Location
) -> tuple[dict[str, str], list[tuple[str, int]], list[str]]:
    """The first value of each slot; every ISBN with its line (for messages); the notes (the page's
    own, then each unknown label with its value). Unknown lines and labels are reported in ``out``,
    entries in slots no field uses kept as ignored."""
    values: dict[str, str] = {}
    isbns: list[tuple[str, int]] = []
    for entry in page.entries:
        if entry.slot in ("ISBN", "ISBN-electronic"):
            isbns += [(isbn, entry.line) for isbn in find_isbns(entry.value)]
        if entry.value and entry.slot not in values:
            values[entry.slot] = entry.value
        if entry.value and entry.slot not in USED_SLOTS:
            out.ignored.append(entry)
    for no, text in page.unknown:
        out.problems.append(Problem(Location(location.source, no), f"ignored unknown line {text!r}"))
    notes = [values["note"]] if values.get("note") else []
    for entry in page.extra:
        notes.append(f"{entry.label}: {entry.value}")
        where = Location(location.source, entry.line) if entry.line else location
        out.problems.append(Problem(where, f"unknown label {entry.label!r}; its value is kept in note"))
    return values, isbns, notes


def _names(author_text: str, values: dict[str, str]) -> tuple[dict[str, tuple[Name, ...]], bool]:
    """Authors (from the header) and editors, and whether the author list ends in "et al."."""
    names: dict[str, tuple[Name, ...]] = {}
    et_al = False
    if author_text:
        authors, et_al = parse_name_list(author_text)
        if authors:
            names["author"] = authors
    if values.get("editor"):
        names["editor"] = parse_name_list(values["editor"])[0]
    return names, et_al


def _plain_fields(values: dict[str, str]) -> dict[str, str]:
    """The fields read from one slot each, white space made single where a value is one line."""
    fields = {slot: " ".join(values[slot].split()) for slot in _PLAIN if values.get(slot)}
    if values.get("collection-title"):
        fields["collection-title"] = values["collection-title"]
        if values.get("collection-number"):
            fields["collection-number"] = values["collection-number"]
    if container := " ".join(values.get("container-title", "").split()):
        if values.get("container-subtitle"):
            container += ": " + values["container-subtitle"]
        fields["container-title"] = container
    if values.get("page"):
        fields["page"] = pages.hyphenated(values["page"].strip())
    if count := re.sub(r"\D", "", values.get("number-of-pages", "")):
        fields["number-of-pages"] = count
    if values.get("language") and (code := code_for(values["language"])):
        fields["language"] = code
    if values.get("keyword"):
        words = [w.strip() for w in re.split(r"[;,\n]", values["keyword"]) if w.strip()]
        fields["keyword"] = ", ".join(words)
    return fields


def _more_fields(abstract: list[str], values: dict[str, str], genre: str) -> dict[str, str]:
    """The abstract, the genre (the breadcrumb's, else the page's) and the conference's place."""
    fields = {"abstract": "\n".join(abstract)} if abstract else {}
    if genre or values.get("genre"):
        fields["genre"] = genre or values["genre"]
    if place := [values[k] for k in ("event-city", "event-country") if values.get(k)]:
        fields["event-place"] = ", ".join(place)
    return fields


def _identifiers(
    values: dict[str, str], isbns: list[tuple[str, int]], problems: list[Problem], location: Location
) -> dict[str, str]:
    """ISBN and ISSN, each checked against its check digit (a bad one is kept, with a warning)."""
    fields: dict[str, str] = {}
    for isbn, line in isbns:
        if not isbn_is_valid(isbn):
            where = Location(location.source, line) if line else location
            problems.append(Problem(where, f"ISBN {isbn} has a wrong check digit; check it"))
    if isbns:
        fields["ISBN"] = next((i for i, _ in isbns if isbn_is_valid(i)), isbns[0][0])
    issns = find_issns(values.get("ISSN", "")) or find_issns(values.get("series-ISSN", ""))
    for issn in issns:
        if not issn_is_valid(issn):
            problems.append(Problem(location, f"ISSN {issn} has a wrong check digit; check it"))
    if issns:
        fields["ISSN"] = issns[0]
    return fields


def _dates(
    page: Page, values: dict[str, str], problems: list[Problem], location: Location
) -> tuple[dict[str, Date], str, Date | None]:
    """The record's dates, ``issued`` chosen as the portal defines the publication date; its
    CSL status; and the accepted date (kept in a note: CSL has no variable for it)."""
    order = _date_order(page)
    dates: dict[str, Date] = {}

    def parse(slot: str, text: str) -> Date | None:
        date = parse_period(text, order) if slot == "event-date" else parse_date(english_months(text), order)
        if date is None:
            problems.append(Problem(location, f"could not read the date {text!r} ({slot})"))
        return date

    status_text, _, status_date = values.get("status", "").partition(" - ")
    status_key = status_text.strip().lower()
    status_key = TRANSLATED_STATUSES.get(status_key, status_key)
    status = STATUS_TERMS.get(status_key, "")
    # Dates under their own labels first; the date in "Publication status" fills a gap.
    slots = ("issued", "available-date", "event-date", "accepted-date")
    candidates = [(slot, values.get(slot, "")) for slot in slots]
    candidates.append((STATUS_DATES.get(status_key, ""), status_date))
    for slot, text in candidates:
        if slot and text and slot not in dates and (date := parse(slot, text)):
            dates[slot] = date
    accepted = dates.pop("accepted-date", None)
    if "issued" not in dates and "available-date" in dates and not status:
        # Published online only: the online date is the publication date.
        dates["issued"] = dates["available-date"]
    if "issued" not in dates and accepted and not status and status_key != "unpublished":
        status = "in press"  # accepted, not yet out
    return dates, status, accepted


_MONTH_WORD = re.compile(r"[^\W\d_]+\.?")


def english_months(text: str) -> str:
    """A date with the month words of other languages (``3 jun. 2019``, ``1 mei 2021``) in English."""
    return _MONTH_WORD.sub(lambda m: MONTH_WORDS.get(m.group().lower().rstrip("."), m.group()), text)


_YEAR_FIRST = re.compile(r"^(\d{2})/(\d{1,2})/(\d{1,2})$")


def parse_period(text: str, order: bool | None) -> Date | None:
    """A conference period. Day-first and month-first are told apart as for any date; a period
    that would end before it starts (or last more than a year) read so is written year first
    (``25/3/30 → 25/4/3``, as some portals print it) when that reading is a short period."""
    date = parse_date(english_months(text), order)
    if date is not None and _plausible(date):
        return date
    ends = [e.strip() for e in re.split(r"→|->|–|—|\s-\s", text.removeprefix("Duration:")) if e.strip()]
    parts = []
    for end in ends:
        match = _YEAR_FIRST.match(end)
        if not match:
            return date
        parts.append((2000 + int(match[1]), int(match[2]), int(match[3])))
    candidate = parse_date(" → ".join(f"{y}-{m}-{d}" for y, m, d in parts))
    return candidate if candidate and _plausible(candidate) else date


def _plausible(date: Date) -> bool:
    """A period that starts before it ends and lasts under a year."""
    if len(date.parts) < 2:
        return True
    first, last = date.parts[0], date.parts[-1]
    return first <= last and (last[0] - first[0]) * 12 + (last[1:2] or (1,))[0] - (first[1:2] or (1,))[0] < 12


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
