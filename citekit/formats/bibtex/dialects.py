"""What real exporters put in BibTeX beyond the standard fields, read as they mean it.

MathSciNet's ``fjournal`` (the journal; ``journal`` is then its abbreviation), arXiv's and INSPIRE's
``eprint``/``archivePrefix``, ``reportNumber`` and ``collaboration``, ACM's ``numpages`` and
``location`` beside ``address`` (the conference's place), Mendeley's ``keywords = {a,b}``, Zotero's
``note = {ISSN: …}`` (its Extra field), Pure's report written ``@book`` with ``type = "Report"``,
its ``type = "WorkingPaper"`` and the conference name and dates it packs into ``note``, and
BibSonomy's ``date`` (the day the entry was posted, not published). Each is a function of the raw
fields; ``read.py`` calls them in turn.
"""

from __future__ import annotations

import re

from citekit.model import Date, Name

# Pure's BibTeX note: "[NOTE; ]NAME ; Conference date: DD-MM-YYYY Through DD-MM-YYYY".
_PURE_CONFERENCE = re.compile(
    r"(?:^|;\s*)(?P<name>[^;]*?)\s*;\s*Conference date:\s*"
    r"(?P<d1>\d{1,2})-(?P<m1>\d{1,2})-(?P<y1>\d{4})\s+Through\s+(?P<d2>\d{1,2})-(?P<m2>\d{1,2})-(?P<y2>\d{4})\s*$",
    re.IGNORECASE,
)
# Zotero writes what its item's Extra field holds into note, one "Name: value" a line; these
# names are CSL variables Zotero has no BibTeX field for.
_EXTRA_LINE = re.compile(r"^(ISSN|ISBN|PMID|PMCID):\s*(\S.*)$", re.IGNORECASE)
# Pure's entry types written as @book with a type field; (entry type, type lower-cased) -> CSL type.
TYPED_BOOKS: dict[tuple[str, str], str] = {("book", "report"): "report"}
# Pure's type values written as one word: -> the genre they name.
PURE_GENRES: dict[str, str] = {"workingpaper": "Working paper", "commissionedreport": "Commissioned report"}
_ARXIV = frozenset({"arxiv"})


def csl_type(entry_type: str, raw: dict[str, str], default: str) -> str:
    """The CSL type, where a type field says more than the entry type (Pure's ``@book`` reports)."""
    return TYPED_BOOKS.get((entry_type, raw.get("type", "").strip().lower()), default)


def genre(value: str) -> str:
    """A type field's genre (Pure's ``WorkingPaper`` is "Working paper")."""
    return PURE_GENRES.get(value.strip().lower(), value)


def journal_fields(raw: dict[str, str]) -> tuple[str, str]:
    """(journal, its abbreviation) from ``journaltitle``, ``fjournal`` and ``journal``."""
    full = raw.get("journaltitle") or raw.get("fjournal") or ""
    short = raw.get("journal", "")
    if not full:
        return short, ""
    if not raw.get("journaltitle") and len(short) > len(full):
        # A journal longer than its fjournal is no abbreviation: it is what BibTeX styles print
        # (Beebe's typeset.bib: the Proceedings of the American Philosophical Society "held at
        # Philadelphia for promoting useful knowledge"), and the fjournal is its short form.
        return short, full
    return full, short if short and short != full else ""


def eprint_fields(raw: dict[str, str], has_container: bool) -> dict[str, str]:
    """An arXiv eprint: its number (``arXiv:1706.03762``), and arXiv as the publisher of a preprint."""
    prefix = (raw.get("archiveprefix") or raw.get("eprinttype") or "").strip().lower()
    eprint = raw.get("eprint", "").strip()
    if prefix not in _ARXIV or not eprint:
        return {}
    out = {"number": eprint if eprint.lower().startswith("arxiv:") else f"arXiv:{eprint}"}
    if not has_container:
        out["publisher"] = "arXiv"
    return out


def split_list(value: str) -> str:
    """A comma list written without spaces (Mendeley's ``reproducibility,research practice``,
    MathSciNet's ISSNs) as ``a, b``; a value with ``, `` or ``;`` already, or a comma inside a word
    (``1,2-dichloroethane``), is kept."""
    if "," not in value or ", " in value or ";" in value:
        return value
    pieces = value.split(",")
    if not all(p.strip()[:1].isalpha() or re.fullmatch(r"\d{4}-?\d{3}[\dXx]", p.strip()) for p in pieces):
        return value
    return ", ".join(p.strip() for p in pieces)


def collaboration(raw: dict[str, str]) -> Name | None:
    """INSPIRE's ``collaboration = "ATLAS"``: the ATLAS Collaboration, an author of the paper."""
    name = " ".join(raw.get("collaboration", "").split()).strip("{} ")
    if not name:
        return None
    return Name(
        literal=name if re.search(r"collaboration|consortium|group", name, re.I) else f"{name} Collaboration"
    )


def pure_conference(note: str) -> tuple[str, str, Date | None]:
    """(the note without it, conference name, conference dates) of a Pure note ending in a conference."""
    match = _PURE_CONFERENCE.search(note)
    if not match:
        return note, "", None
    g = {k: int(v) for k, v in match.groupdict().items() if k != "name"}
    dates = Date(parts=((g["y1"], g["m1"], g["d1"]), (g["y2"], g["m2"], g["d2"])))
    if not (1 <= g["m1"] <= 12 and 1 <= g["m2"] <= 12 and 1 <= g["d1"] <= 31 and 1 <= g["d2"] <= 31):
        return note, "", None
    return note[: match.start()].strip(), match.group("name").strip(), dates


def extra_lines(note: str) -> tuple[str, dict[str, str]]:
    """(the rest of the note, variables) of a Zotero note holding ``ISSN: …`` lines."""
    found: dict[str, str] = {}
    kept = []
    for line in note.split("\n"):
        if match := _EXTRA_LINE.match(line.strip()):
            found.setdefault(
                match.group(1).upper() if match.group(1).lower() != "pmcid" else "PMCID", match.group(2)
            )
        else:
            kept.append(line)
    return "\n".join(kept).strip(), found


def posting_date(raw: dict[str, str], date: str) -> bool:
    """Whether ``date`` is the day the entry was posted (BibSonomy writes the same day in
    ``added-at``), or disagrees with a ``year`` field: either way not the publication date."""
    added = raw.get("added-at", "").strip()
    if added and date.strip()[:10] == added[:10]:
        return True
    year = raw.get("year", "").strip().strip("{}")
    return bool(year) and not date.strip().startswith(year)
