"""What citekit's output adds to the original's warnings and errors, and the words its entries lose.

Findings compare as multisets of kinds per entry: a warning of citekit's output counts only when
the original's same entry (matched through the keys citekit wrote) did not have as many of that
kind. Words compare as sets per entry: a word (letters and digits, case folded, NFKC) the
original's entry shows in the PDF and citekit's does not is lost.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from scripts.toolchain.runs import Finding

_WRITTEN_KEY = re.compile(r"^@[A-Za-z]+\{([^,\n]*),$", re.M)


def citekit_command() -> list[str]:
    """How citekit is run: this checkout's, or the command in $CITEKIT_TOOLCHAIN_COMMAND (to
    measure another build, such as a checkout of main, with the same harness)."""
    command = os.environ.get("CITEKIT_TOOLCHAIN_COMMAND", "")
    return shlex.split(command) if command else [sys.executable, "-m", "citekit"]


def export(source: Path, target: Path, fmt: str, ascii_only: bool) -> str:
    """Run citekit's command line on ``source``; its stderr (the problems it reported)."""
    args = [*citekit_command(), "export", str(source), "-f", fmt, "-o", str(target), "-q"]
    done = subprocess.run(
        [*args, "--ascii"] if ascii_only else args, capture_output=True, text=True, check=False
    )
    if not target.exists():
        raise RuntimeError(f"citekit wrote nothing for {source}: {done.stderr.strip()}")
    return done.stderr


def key_map(source: Path, written: Path) -> dict[str, str]:
    """citekit's key -> the original entry's key (citekit writes the records in the order read)."""
    import citekit

    ids = [record.id for record in citekit.load([str(source)]).records]
    keys = _WRITTEN_KEY.findall(written.read_text(encoding="utf-8"))
    return dict(zip(keys, ids, strict=False))


def new_findings(original: list[Finding], ours: list[Finding], keys: dict[str, str]) -> list[Finding]:
    """The findings of citekit's output that the original, entry by entry, did not have."""
    budget = Counter((f.tool, f.kind, f.entry.lower()) for f in original)
    out = []
    for finding in ours:
        slot = (finding.tool, finding.kind, keys.get(finding.entry, finding.entry).lower())
        if budget[slot] > 0:
            budget[slot] -= 1
        else:
            out.append(finding)
    return out


_WORD = re.compile(r"\w+")
_DOTLESS_ACCENTED = re.compile("([ıȷ]) ?(?=[\u0300-\u036f])")
# What the PDFs print alike in two ways: a DOI with or without its resolver (citekit writes it
# bare), a URL's space as %20 (biber) or not, a year with the letter that tells apart two works
# of one author and year (1987a: it depends on the sorting, as does BibTeX's {\noopsort{1984aa}});
# a URL broken at a line's end just after an underscore (pdftotext reads the line's end as a
# space, and no word of prose ends in "_": the two PDFs break the same URL at different places);
# the season a month field names as "Fall", which BibLaTeX prints from a date by its English name,
# Autumn (biblatex's english.lbx has no other).
_SAME_IN_PRINT = (
    (re.compile(r"https?://(?:dx\.)?doi\.org/"), ""),
    (re.compile(r"%20"), " "),
    (re.compile(r"\b(\d{4})[a-z]{1,2}\b"), r"\1"),
    (re.compile(r"_\n(?=\w)"), "_"),
    (re.compile(r"\bFall(?= \d{4}\b)"), "Autumn"),
)
# BibTeX's short form of a crossref'd parent, "In Nievergelt et al. [?]" (a label made from the
# parent's editors or key, and a citation), which citekit writes in full instead.
_CROSSREF_LABEL = re.compile(r"\bIn\s[^\[\]()]{1,160}?\s?(?:\[[^\]]*\]|\(\?\))")


def _bare(word: str) -> str:
    """A word without its accents (a dotless i as i)."""
    decomposed = unicodedata.normalize("NFD", word).replace("ı", "i").replace("ȷ", "j")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words of a text, in order: runs of letters and digits, NFKC-normalised and case folded
    (an accent on a dotless i, as LaTeX builds í, reads as the letter í)."""
    text = unicodedata.normalize("NFKC", text)
    text = _DOTLESS_ACCENTED.sub(lambda m: "i" if m.group(1) == "ı" else "j", text)
    text = unicodedata.normalize("NFC", text)
    for pattern, replacement in _SAME_IN_PRINT:
        text = pattern.sub(replacement, text)
    return [w.casefold() for w in _WORD.findall(text)]


def words_lost(
    original: dict[str, str],
    ours: dict[str, str],
    keys: dict[str, str],
    broken: frozenset[str] = frozenset(),
    crossrefs: frozenset[str] = frozenset(),
    misread: dict[str, frozenset[str]] | None = None,
) -> dict[str, list[str]]:
    """Original key -> the words its entry shows in the original's PDF and not in citekit's.

    A word the original shows glued to the next (``SoftwarePractice``, where the original's
    ``\\emdash`` was undefined) is kept when citekit's entry has its parts one after the other; in
    an entry the original could not typeset without an error (``broken``), a word is also kept
    when it is part of one of citekit's words (``The {\\METAFONT}book`` printed ``The book``) or is
    one of them but for the accents (``Jiřı``: pdflatex could not set the accent biber wrote);
    an entry with a crossref (``crossrefs``) may lose the words of the label BibTeX cites its parent by;
    ``misread`` gives, by key, words the original's PDF shows that its source does not say
    (``misread_months``)."""
    ours_by_original = {keys.get(k, k).lower(): text for k, text in ours.items()}
    out: dict[str, list[str]] = {}
    for key, text in original.items():
        theirs = words(ours_by_original.get(key.lower(), ""))
        have = set(theirs)
        joined = {
            "".join(theirs[i:j])
            for i in range(len(theirs))
            for j in range(i + 2, min(i + 5, len(theirs) + 1))
        }
        if key.lower() in crossrefs:
            text = _CROSSREF_LABEL.sub(" ", text)
        lost = set(words(text)) - have - joined - (misread or {}).get(key.lower(), frozenset())
        if key.lower() in broken:
            bare = {_bare(t) for t in have}
            lost = {
                w
                for w in lost
                if _bare(w) not in bare and not any(w in t or (len(t) > 2 and t in w) for t in have)
            }
        if lost:
            out[key] = sorted(lost)
    return out


_CROSSREF_FIELD = re.compile(r"^[ \t]*@[ \t]*\w+[ \t]*[{(][ \t]*([^,\s]+)[^@]*?\bcrossref\s*=", re.M | re.I)


def crossref_keys(bib_text: str) -> frozenset[str]:
    """The (lower-case) keys of the entries of a .bib file that have a crossref field."""
    return frozenset(m.group(1).lower() for m in _CROSSREF_FIELD.finditer(bib_text))


_ENTRY_START = re.compile(r"^(?=[ \t]*@)", re.M)
_ENTRY_KEY = re.compile(r"[ \t]*@[ \t]*\w+[ \t]*[{(][ \t]*([^,\s]+)")
# A month field that is an ordinal of something else than a month ("3rd Quarter", "2nd Half").
_ORDINAL_MONTH = re.compile(r"\bmonth\s*=\s*[{\"]\s*0*(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def misread_months(bib_text: str) -> dict[str, frozenset[str]]:
    """Key (lower case) -> the month name biblatex prints for a month field that is an ordinal of
    no month: biber keeps "3rd Quarter" as the month, and biblatex prints the month of its leading
    number, March, a word the source does not say (citekit writes "3rd Quarter" in the note)."""
    out = {}
    for block in _ENTRY_START.split(bib_text):
        key, month = _ENTRY_KEY.match(block), _ORDINAL_MONTH.search(block)
        if key and month and 1 <= int(month.group(1)) <= 12:
            out[key.group(1).lower()] = frozenset({_MONTH_NAMES[int(month.group(1)) - 1]})
    return out
