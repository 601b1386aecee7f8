"""The portal's own exports pasted into a page: its BibTeX and RIS, read by citekit's own readers.

A page saved with its Cite-this menu open carries the record twice more, as BibTeX and as RIS. They
are found in the page's lines (a BibTeX entry from its ``@type{`` to its closing brace, a RIS record
as a run of tag lines, or only the tail of one when a capture was cut), given to the BibTeX and RIS
readers through the format registry, and then read the way Pure writes them:

- RIS ``M3`` holds the output's subtype (the breadcrumb's last part), which says its type;
- for a conference contribution, RIS ``BT`` is the host publication and ``T2`` the conference,
  ``Y2`` the conference's dates (``30 March 2025 through 3 April 2025``), ``M1`` an article number;
- the BibTeX ``note`` and the RIS ``N1`` mix copyright lines, funding statements and
  ``<conference> ; Conference date: 30-03-2025 Through 03-04-2025``: the conference is taken from
  it, the rest is no bibliographical note (the page's own ``Bibliographical note`` is) and is
  reported as not used;
- ``url``/``UR`` are the conference's or Scopus's addresses, not the record's: reported, not used.

A converter that escaped the braces of ``Family, {Given}`` (``\\{Given\\}``, ``\\\\Given\\\\``) has them
put back before the BibTeX reader sees the entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citekit.formats import case_protection
from citekit.formats.portal.scan import subtype_of
from citekit.formats.portal.unwrap import Line
from citekit.model import Date, Record
from citekit.normalize.dates import parse_date

_BIBTEX_START = re.compile(r"@([A-Za-z]+)\s*\{")
_BIBTEX_FIELD = re.compile(r"^\s*[A-Za-z][\w-]*\s*=")
_RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])\s{1,2}-(?:\s+(.*)|\s*)$")
# A RIS run shorter than this is a coincidence of text, not an export.
_MIN_RIS_LINES = 3
_MAX_BIBTEX_LINES = 400
_ONE_LINE_FIELD = re.compile(r'^\s*(?P<name>title|doi)\s*=\s*[{"](?P<value>.*)["}],?\s*$', re.IGNORECASE)
_AUTHOR_LINE = re.compile(r'^\s*author\s*=\s*".*",?\s*$', re.IGNORECASE)
_ESCAPED_BRACE = re.compile(r"\\([{}_\[\]])")
_DOUBLED_BACKSLASHES = re.compile(r"\\\\([^\\\n{}\"]+?)\\\\")
_CONFERENCE_NOTE = re.compile(
    r"(?:^|;)\s*(?P<event>[^;]+?)\s*;\s*Conference date:\s*(?P<start>\d{1,2}-\d{1,2}-\d{4})\s*"
    r"Through\s*(?P<end>\d{1,2}-\d{1,2}-\d{4})",
    re.IGNORECASE,
)


@dataclass
class Export:
    """One export found on a page: its kind, the lines it spans and the record it gives."""

    kind: str  # "bibtex" or "ris"
    first: int  # index of its first line in the page's lines
    last: int  # index of its last line
    record: Record
    # What it said that the record does not use, as ("label: value", line) pairs.
    unused: list[tuple[str, int]] = field(default_factory=list)
    # Whether only the tail of it was captured (a RIS record with no TY line).
    cut: bool = False


def find_exports(lines: list[Line], source: str) -> list[Export]:
    """Every BibTeX entry and RIS record in a page's lines, read. A BibTeX entry whose work a RIS
    record with authors already gives is read without its author list (RIS names each author
    ``Family, Given`` and is the better witness: a long list is not split twice)."""
    spans: list[tuple[str, int, int]] = []
    k = 0
    while k < len(lines):
        text = lines[k].text
        if "@" in text and _BIBTEX_START.search(lines[k].raw or text):
            spans.append(("bibtex", k, end := _bibtex_end(lines, k)))
            k = end + 1
        elif (
            text[2:3] == " "
            and _RIS_LINE.match(text)
            and (end := _ris_end(lines, k)) - k + 1 >= _MIN_RIS_LINES
        ):
            spans.append(("ris", k, end))
            k = end + 1
        else:
            k += 1
    ris = [e for kind, a, b in spans if kind == "ris" and (e := _read_ris(lines, a, b, source))]
    named = {_work(e.record.get("title"), e.record.get("DOI")) for e in ris if e.record.names.get("author")}
    found = list(ris)
    for kind, a, b in spans:
        if kind == "bibtex" and (export := _read_bibtex(lines, a, b, source, named)):
            found.append(export)
    return sorted(found, key=lambda e: e.first)


def _work(title: str, doi: str) -> str:
    """What tells two exports of one work: the DOI, else the title's first words."""
    return doi.lower() if doi else re.sub(r"\W+", "", title.split(":")[0].casefold())[:40]


def _bibtex_end(lines: list[Line], start: int) -> int:
    """The index of the line that closes the entry opened at ``start`` (where its braces balance;
    for an entry a capture cut off, its last field line)."""
    depth = 0
    last_field = start
    for k in range(start, min(len(lines), start + _MAX_BIBTEX_LINES)):
        text = _unescape(lines[k].raw or lines[k].text)
        if k == start:
            text = text[_BIBTEX_START.search(text).start() :]  # type: ignore[union-attr]
        depth += text.count("{") - text.count("}")
        if depth <= 0:
            return k
        if _BIBTEX_FIELD.match(text):
            last_field = k
        elif k > start and not text.startswith(("}", " ", '"')) and k - last_field > 1:
            break
    return last_field


def _unescape(text: str) -> str:
    """BibTeX text as written before a Markdown converter escaped its braces."""
    return _DOUBLED_BACKSLASHES.sub(r"{\1}", _ESCAPED_BRACE.sub(r"\1", text))


def _read_bibtex(lines: list[Line], first: int, last: int, source: str, named: set[str]) -> Export | None:
    from citekit import formats

    texts = [_unescape(line.raw or line.text) for line in lines[first : last + 1]]
    texts[0] = texts[0][_BIBTEX_START.search(texts[0]).start() :]  # type: ignore[union-attr]
    fields = {m["name"].lower(): m["value"] for t in texts if (m := _ONE_LINE_FIELD.match(t))}
    if _work(fields.get("title", ""), fields.get("doi", "")) in named:
        texts = [t for t in texts if not _AUTHOR_LINE.match(t)]
    try:
        text = "\n".join(texts)
        result = formats.get("bibtex").read(text + "\n}" * max(0, text.count("{") - text.count("}")), source)
    except Exception:  # an entry the reader refuses is no evidence; the page is still read
        return None
    records = [r for r in result.records if r.fields or r.names]
    if not records:
        return None
    record, unused = pure_bibtex(records[0], lines[first].no)
    return Export("bibtex", first, last, record, unused)


def pure_bibtex(record: Record, line: int) -> tuple[Record, list[tuple[str, int]]]:
    """A BibTeX record read as Pure writes it: the conference out of ``note``, ``note`` and ``url`` unused."""
    # Braces in a Pure export protect case for BibTeX, not for the record: the page's text is plain.
    fields = {var: case_protection.strip(value) for var, value in record.fields.items()}
    dates = dict(record.dates)
    unused = []
    note = fields.pop("note", "")
    if match := _CONFERENCE_NOTE.search(note):
        fields.setdefault("event-title", " ".join(match["event"].split()))
        start, end = (parse_date(match[k].replace("-", "."), True) for k in ("start", "end"))
        if start and end:
            dates["event-date"] = Date(parts=(start.parts[0], end.parts[0]))
    if note:
        unused.append((f"note: {note}", line))
    if url := fields.pop("URL", ""):
        unused.append((f"url: {url}", line))
    return Record(record.id, record.type, fields, record.names, dates, record.dois, record.et_al), unused


def _ris_end(lines: list[Line], start: int) -> int:
    """The index of the last line of the RIS run starting at ``start`` (up to ``ER``)."""
    k = start
    while k + 1 < len(lines):
        tag = _RIS_LINE.match(lines[k].text)
        if tag and tag.group(1) == "ER":
            return k
        nxt = lines[k + 1].text
        if _RIS_LINE.match(nxt):
            k += 1
        elif (
            tag
            and tag.group(1) in ("N2", "AB", "N1")
            and k + 2 < len(lines)
            and _RIS_LINE.match(lines[k + 2].text)
        ):
            k += 2  # a wrapped abstract
        else:
            break
    return k


def ris_tags(lines: list[Line]) -> list[tuple[str, str]]:
    """(tag, value) of RIS lines; a line that is no tag line goes on with the value before it."""
    tags: list[tuple[str, str]] = []
    for line in lines:
        match = _RIS_LINE.match(line.text)
        if match:
            tags.append((match.group(1), (match.group(2) or "").strip()))
        elif tags:
            tags[-1] = (tags[-1][0], f"{tags[-1][1]} {line.text}")
    return tags


def _read_ris(lines: list[Line], first: int, last: int, source: str) -> Export | None:
    from citekit import formats

    tags = ris_tags(lines[first : last + 1])
    cut = tags[0][0] != "TY"
    if cut:
        tags.insert(0, ("TY", "GEN"))
    if tags[-1][0] != "ER":
        tags.append(("ER", ""))
    text = "\n".join(f"{tag}  - {value}" for tag, value in tags)
    try:
        result = formats.get("ris").read(text, source)
    except Exception:  # a record the reader refuses is no evidence; the page is still read
        return None
    if not result.records:
        return None
    record, unused = pure_ris(result.records[0], tags, lines[first].no)
    return Export("ris", first, last, record, unused, cut)


def pure_ris(record: Record, tags: list[tuple[str, str]], line: int) -> tuple[Record, list[tuple[str, int]]]:
    """A RIS record read as Pure writes it (see the module's notes)."""
    values: dict[str, list[str]] = {}
    for tag, value in tags:
        if value:
            values.setdefault(tag, []).append(value)
    first = {tag: found[0] for tag, found in values.items()}
    fields = dict(record.fields)
    dates = {k: v for k, v in record.dates.items() if k != "accessed"}
    csl_type, genre = subtype_of(first.get("M3", ""))
    fields.pop("genre", None)
    if genre:
        fields["genre"] = genre
    conference = csl_type == "paper-conference" or first.get("TY", "").upper() in ("GEN", "CONF", "CPAPER")
    if first.get("BT"):
        fields["container-title"] = first["BT"]
        if first.get("T2") and first["T2"] != first["BT"]:
            fields["event-title"] = first["T2"]
    elif conference and first.get("T2") and (csl_type == "paper-conference" or first.get("Y2")):
        # Pure's T2 of a conference contribution is the conference, even with no BT for the host.
        fields["event-title"] = first["T2"]
        fields.pop("container-title", None)
    if first.get("Y2") and (period := parse_date(re.sub(r"\s+through\s+", " → ", first["Y2"], flags=re.I))):
        dates["event-date"] = period
    if first.get("M1"):
        fields.setdefault("number", first["M1"])
    unused = [(f"N1: {note}", line) for note in values.get("N1", [])]
    unused += [(f"UR: {url}", line) for url in values.get("UR", [])]
    fields.pop("note", None)
    fields.pop("URL", None)
    type_ = csl_type or (record.type if record.type != "document" else "")
    return Record(record.id, type_, fields, record.names, dates, record.dois, record.et_al), unused
