"""Second pass of the portal reader: from the pieces of one page to a ``Record``.

The text is taken as the page gives it; clean-up (capitals, hyphens, spaces) is left to the
``citekit.normalize.steps`` that run afterwards, so that ``--raw`` can show the page's own text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citekit.errors import Problem
from citekit.formats.portal.labels import MISSING_BY_TYPE, STATUS_DATES, STATUS_TERMS
from citekit.formats.portal.scan import Entry, Page, type_of
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


def title_and_authors(page: Page) -> tuple[str, str]:
    """The title is the line just above the breadcrumb; authors follow it (or precede it)."""
    header = page.header
    if page.breadcrumb:
        split = page.header_before_breadcrumb
        before = [t for _, t in header[:split]]
        after = [t for _, t in header[split:]]
        if before and after:
            return before[-1], join_author_lines(after)
        if after:
            return after[0], join_author_lines(after[1:])
        if len(before) >= 2 and looks_like_names(before[-1]) and not looks_like_names(before[-2]):
            return before[-2], before[-1]  # title, authors, then the breadcrumb
        return (before[-1] if before else ""), ""
    texts = [t for _, t in header]
    if len(texts) >= 2:
        return texts[-2], texts[-1]
    return (texts[0] if texts else ""), ""


_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.-]*|[a-z]{1,3}|et|al\.?|and|&)$")


def looks_like_names(text: str) -> bool:
    """True when a header line reads as a list of personal names rather than as a title: every
    word capitalised, an initial or a particle, and no title punctuation (``:``, ``?``, digits)."""
    if re.search(r"[:?!\d()\[\]]", text):
        return False
    words = text.replace(",", " ").replace(";", " ").split()
    return bool(words) and all(_NAME_WORD.match(w) for w in words)


_LEADING_SEPARATOR = re.compile(r"^(?:[,;&]|and\s)", re.IGNORECASE)
_TRAILING_SEPARATOR = re.compile(r"(?:[,;&]|\sand)$", re.IGNORECASE)


def join_author_lines(lines: list[str]) -> str:
    """Authors one per line, with or without leading commas, become one ``;``-separated list
    (a line may itself be ``Family, Given``)."""
    out = ""
    for line in lines:
        if not out:
            out = line
        elif _LEADING_SEPARATOR.match(line) or _TRAILING_SEPARATOR.search(out):
            out += " " + line
        else:
            out += "; " + line
    return out


def _date_order(page: Page) -> bool | None:
    """Day-first (True), month-first (False) or unknown, judged from every numeric date on the page."""
    votes = set()
    for entry in page.entries:
        for piece in re.split(r"→|->|\s-\s|–", entry.value):
            order = numeric_order(piece.strip().removeprefix("Duration:").strip())
            if order is not None:
                votes.add(order)
    return votes.pop() if len(votes) == 1 else None


def build(page: Page, location: Location) -> Built:
    """Second pass: the record a page describes, what was doubtful, and what went unused."""
    out = Built(Record(id="", type=""))
    values, isbns, notes = _gather(page, out, location)
    csl_type, genre = type_of(page.breadcrumb[1]) if page.breadcrumb else ("", "")
    if not csl_type:
        csl_type = _guess_type(values)
        out.problems.append(Problem(location, f"no output type given; read as {csl_type}"))
    title, author_text = title_and_authors(page)
    fields = {"title": title} if title else {}
    names, et_al = _names(author_text, values)
    fields |= _plain_fields(values)
    fields |= _identifiers(values, isbns, out.problems, location)
    fields |= _more_fields(page, values, genre)
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
    _warn_missing(csl_type, fields, names, dates, out.problems, location)
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


def _more_fields(page: Page, values: dict[str, str], genre: str) -> dict[str, str]:
    """The abstract, the genre (the breadcrumb's, else the page's) and the conference's place."""
    fields = {"abstract": "\n".join(page.abstract)} if page.abstract else {}
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


def _warn_missing(
    csl_type: str,
    fields: dict[str, str],
    names: dict[str, tuple[Name, ...]],
    dates: dict[str, Date],
    problems: list[Problem],
    location: Location,
) -> None:
    """One warning naming every usual field the page did not give."""
    missing = [] if fields.get("title") else ["title"]
    if not names.get("author") and not names.get("editor"):  # an anthology has editors only
        missing.append("authors")
    if "issued" not in dates and not fields.get("status"):
        missing.append("publication date")
    missing += [label for var, label in MISSING_BY_TYPE.get(csl_type, ()) if not fields.get(var)]
    if missing:
        problems.append(Problem(location, f"no {', '.join(missing)} on the page; exported without"))


def _dates(
    page: Page, values: dict[str, str], problems: list[Problem], location: Location
) -> tuple[dict[str, Date], str, Date | None]:
    """The record's dates, ``issued`` chosen as the portal defines the publication date; its
    CSL status; and the accepted date (kept in a note: CSL has no variable for it)."""
    order = _date_order(page)
    dates: dict[str, Date] = {}

    def parse(slot: str, text: str) -> Date | None:
        date = parse_date(text, order)
        if date is None:
            problems.append(Problem(location, f"could not read the date {text!r} ({slot})"))
        return date

    status_text, _, status_date = values.get("status", "").partition(" - ")
    status_key = status_text.strip().lower()
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
