"""How well citekit reads files that other programs exported: the corpus in tests/formats/wild/.

Every file listed in ``tests/formats/wild/MANIFEST.json`` is read with ``citekit.load`` (the
format named in the manifest is passed as ``from_format``, since a Web of Science file may be
called ``.ris`` and a MEDLINE file ``.txt``) and each record is compared with ``FILE.expected.json``,
field by field: every top-level CSL variable in either record is one field, names are compared as
lists in order, dates as date-parts. ``_abstract_starts`` holds the opening of the abstract (we
paste no whole abstracts): the read abstract, spaces collapsed, must start with it. ``_et_al``
says the name list was cut ("and others").

A format citekit has no reader for counts every expected field as missed, with "no reader": the
gap is shown, not hidden. Figures are printed per source folder and split by origin: files we
vendored from other projects (real exports we did not write) against files written by us.

    python scripts/exporter_agreement.py            # the table
    python scripts/exporter_agreement.py --misses   # and every missed field

A last line checks Pure's own BibTeX exports that people pasted into the real pages of
``tests/portal_wild/`` (pages 16, 17, 25 and 26): each is read as BibTeX and compared with the
page's expectation on the fields both have (the page shows no copyright note, the export does).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import citekit
from citekit.errors import CitekitError

WILD = Path(__file__).resolve().parents[1] / "tests" / "formats" / "wild"
PORTAL_WILD = WILD.parents[1] / "portal_wild"
# Real portal pages holding a Pure BibTeX export someone pasted (a README, a script, lab notes).
PURE_PASTED = (
    "16_macquarie_khanna_bioasq_bibtex_readme.md",
    "17_ui_doxolodeo_aciquad_bibtex_script.txt",
    "25_illinois_hwu_pmpp_book_bibtex_js.txt",
    "26_northwestern_bottou_optimization_bibtex.txt",
)


@dataclass
class Tally:
    """Counts for one group of files."""

    files: int = 0
    records: int = 0
    fields: int = 0
    right: int = 0
    crashes: int = 0
    problems: int = 0
    no_reader: set[str] = field(default_factory=set)
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.files += other.files
        self.records += other.records
        self.fields += other.fields
        self.right += other.right
        self.crashes += other.crashes
        self.problems += other.problems
        self.no_reader |= other.no_reader
        self.misses += other.misses

    def percent(self) -> str:
        return f"{100 * self.right / self.fields:.1f}%" if self.fields else "-"


def has_reader(fmt: str) -> bool:
    """Whether citekit can read ``fmt`` (a format name from the manifest)."""
    from citekit import formats

    try:
        return formats.get(fmt).readable
    except CitekitError:
        return False


def actual(record: citekit.Record) -> dict[str, Any]:
    """A read record as CSL-JSON, in the shape of the expectations: a formula as the CSL-JSON writer
    gives it (``$\\le\\omega$`` as "≤ω"), CSL-JSON having no TeX."""
    from citekit.formats.formulas import record_as_text

    out = record_as_text(record).to_csl()
    out.pop("id", None)
    if record.et_al:
        out["_et_al"] = True
    return out


def compare(name: str, want: dict[str, Any], got: dict[str, Any]) -> tuple[int, list[str]]:
    """(fields compared, misses) for one expected record against the record read."""
    want = dict(want)
    got = dict(got)
    misses = []
    total = 0
    opening = want.pop("_abstract_starts", None)
    if opening is not None:
        total += 1
        abstract = " ".join(str(got.pop("abstract", "")).split())
        if not abstract.startswith(" ".join(opening.split())):
            misses.append(f"{name} abstract: expected to start {opening[:60]!r}, got {abstract[:60]!r}")
    for key in sorted(set(want) | set(got)):
        total += 1
        if want.get(key) != got.get(key):
            misses.append(f"{name} {key}: expected {want.get(key)!r}, got {got.get(key)!r}")
    return total, misses


def measure(entry: dict[str, Any]) -> Tally:
    """Read one manifest file and compare it with its expectation."""
    path = WILD / entry["path"]
    expected = json.loads((WILD / (entry["path"] + ".expected.json")).read_text(encoding="utf-8"))
    tally = Tally(files=1, records=len(expected))
    fmt = entry["format"]
    if not has_reader(fmt):
        tally.no_reader.add(fmt)
        tally.fields = sum(len(want) for want in expected)
        tally.misses.append(f"{entry['path']}: no reader for {fmt}; {tally.fields} fields missed")
        return tally
    try:
        result = citekit.load(str(path), from_format=fmt)
    except Exception as error:  # a crash is a finding, not a reason to stop measuring
        tally.crashes += 1
        tally.fields = sum(len(want) for want in expected)
        tally.misses.append(f"{entry['path']}: reader crashed: {type(error).__name__}: {error}")
        return tally
    tally.problems += len(result.problems)
    for problem in result.problems:
        tally.misses.append(f"{entry['path']}: problem: {problem}")
    records = [actual(r) for r in result.records]
    if len(records) != len(expected):
        tally.misses.append(f"{entry['path']}: {len(records)} records read, {len(expected)} expected")
    for k in range(max(len(records), len(expected))):
        want = expected[k] if k < len(expected) else {}
        got = records[k] if k < len(records) else {}
        total, misses = compare(f"{entry['path']}[{k}]", want, got)
        tally.fields += total
        tally.right += total - len(misses)
        tally.misses += misses
    return tally


def pure_pasted() -> Tally:
    """Pure's BibTeX exports pasted into real pages, against the pages' expectations (shared fields)."""
    tally = Tally()
    for name in PURE_PASTED:
        path = PORTAL_WILD / name
        if not path.exists():
            continue
        want = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json").read_text("utf-8"))[
            0
        ]
        read = [r for r in citekit.load(str(path), from_format="bibtex").records if r.fields.get("title")]
        tally.files += 1
        tally.records += len(read[:1])
        got = actual(read[0]) if read else {}
        for key in sorted(set(want) & set(got)):
            tally.fields += 1
            if want[key] == got[key]:
                tally.right += 1
            else:
                tally.misses.append(f"{name} {key}: expected {want[key]!r}, got {got[key]!r}")
    return tally


def origin_of(entry: dict[str, Any]) -> str:
    return "ours" if entry["origin"]["kind"] == "written-by-us" else "real"


def table(rows: dict[tuple[str, str], Tally]) -> list[str]:
    """The per-source lines, real exports first."""
    head = f"{'source':<14}{'origin':<7}{'files':>6}{'records':>8}{'fields':>7}{'right':>8}  problems"
    lines = [head, "-" * len(head)]
    for (source, origin), t in sorted(rows.items(), key=lambda item: (item[0][1] != "real", item[0][0])):
        notes = []
        if t.crashes:
            notes.append(f"{t.crashes} crash(es)")
        if t.problems:
            notes.append(f"{t.problems} reader message(s)")
        if t.no_reader:
            notes.append("no reader: " + ", ".join(sorted(t.no_reader)))
        lines.append(
            f"{source:<14}{origin:<7}{t.files:>6}{t.records:>8}{t.fields:>7}{t.percent():>8}  {'; '.join(notes)}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--misses", action="store_true", help="print every missed field")
    args = parser.parse_args(argv)
    manifest = json.loads((WILD / "MANIFEST.json").read_text(encoding="utf-8"))
    rows: dict[tuple[str, str], Tally] = defaultdict(Tally)
    totals: dict[str, Tally] = defaultdict(Tally)
    for entry in manifest["files"]:
        tally = measure(entry)
        rows[(entry["source"], origin_of(entry))].add(tally)
        totals[origin_of(entry)].add(tally)
    for line in table(rows):
        print(line)
    print()
    for origin, label in (("real", "real exports we did not write"), ("ours", "files written by us")):
        t = totals[origin]
        print(
            f"{label}: {t.right}/{t.fields} fields right ({t.percent()}), {t.files} files, {t.records} records"
        )
    pasted = pure_pasted()
    print(
        f"Pure BibTeX exports pasted in real portal pages: {pasted.right}/{pasted.fields} shared fields"
        f" right ({pasted.percent()}), {pasted.files} pages"
    )
    totals["real"].misses += pasted.misses
    if args.misses:
        print()
        for origin in ("real", "ours"):
            for miss in totals[origin].misses:
                print(f"[{origin}] {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
