"""Score citekit on the real-capture corpus: research-portal pages saved by people, not written by us.

    python scripts/portal_wild.py               per-field and total percentages, tuned set
    python scripts/portal_wild.py --held-out    the same for the held-out set too (totals only, no misses)
    python scripts/portal_wild.py --misses      every miss of the tuned set
    python scripts/portal_wild.py --draw-split  redraw the tuned/held-out split from the seed and print it

Every page under ``tests/portal_wild/`` is read through ``citekit.load`` and compared with its
``NAME.expected.json`` the way ``tests/portal/test_corpus.py`` compares: each top-level variable in the
union of the expected and the actual record is one field (``_dois`` when a page gives several DOIs,
``_et_al`` for a cut author list).  An expected record with no actual record counts all its fields as
missed; an extra actual record counts all its fields as wrong.

Misses of the held-out set are never printed: nobody should see citekit's output on it while the reader
is being rebuilt.  The script also counts pages where a title, author, container-title or DOI that the
expectation does not have is made of page furniture (menu text, counters, bullets, pipes, front-matter keys).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "portal_wild"
MANIFEST = CORPUS / "MANIFEST.json"
PAGE_SUFFIXES = (".txt", ".md", ".html")
SPLITS = ("tuned", "held-out")

# The blind split: seeded draws over portals, one round per extension of the corpus (see SOURCES.md):
# (number of the round's first page, seed). The first round is stratified by capture family.
SPLIT_ROUNDS = ((1, 13), (29, 29))
HELD_OUT_SHARE = 1 / 3

# Text that belongs to the page around the record, never to a title, a name, a journal or a DOI.
FURNITURE = re.compile(
    r"Link opens in a new tab|\bOverview\b|Fingerprint|Dive into the research|Scopus|Cite this|"
    r"Research output|Research portal|Skip to|Access to Document|Keyphrases|\bBIBTEX\b|\bVancouver\b|"
    r"Publication status|Original language|\[TABLE\]|\]\(|\|\s|\s\||^\s*[-*•]\s|^\s*,|cite\d+†|†|\bL\d+:|"
    r"<!--|^\s*(?:title|date|url|extractor|author|authors|description|resource|tags|type|source):|"
    r"\d+\s*%|Corresponding author|^#|\bTY\s+-|\bER\s+-",
    re.IGNORECASE | re.MULTILINE,
)
FURNITURE_FIELDS = ("title", "author", "container-title", "DOI")


@dataclass
class Tally:
    """Fields right and compared, per field name, for one split."""

    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    pages: int = 0
    furniture_pages: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool) -> None:
        self.total[name] += 1
        self.right[name] += ok


def load_manifest() -> dict[str, dict[str, Any]]:
    """The manifest entries by file name."""
    entries = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in entries}


def pages() -> list[Path]:
    """Every captured page form of the corpus (``NN_…``; not SOURCES.md), in name order."""
    return sorted(p for p in CORPUS.iterdir() if p.suffix in PAGE_SUFFIXES and p.name[:2].isdigit())


def _actual(record: Any) -> dict[str, Any]:
    out: dict[str, Any] = record.to_csl()
    out.pop("id", None)
    if len(record.dois) > 1:
        out["_dois"] = list(record.dois)
    if record.et_al:
        out["_et_al"] = True
    return out


def _name_text(name: dict[str, Any]) -> str:
    return " ".join(str(v) for v in name.values())


def _furniture_values(want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """The title, author, container-title and DOI values of ``got`` not expected, that hold furniture."""
    found = []
    for key in FURNITURE_FIELDS:
        value = got.get(key)
        if value is None or value == want.get(key):
            continue
        if key == "author":
            expected = want.get("author") or []
            texts = [_name_text(n) for n in value if n not in expected]
        else:
            texts = [str(value)]
        found += [f"{key}: {text!r}" for text in texts if FURNITURE.search(text)]
    return found


def score_page(page: Path, tally: Tally) -> None:
    """Compare one page with its expectation and add the fields to ``tally``."""
    import citekit

    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    records = [_actual(r) for r in citekit.load(str(page)).records]
    tally.pages += 1
    furniture: list[str] = []
    for k in range(max(len(expected), len(records))):
        want = dict(expected[k]) if k < len(expected) else {}
        got = records[k] if k < len(records) else {}
        want.pop("_warnings", None)
        if "_dois" in want and len(want["_dois"]) == 1:
            want.pop("_dois")
        for key in sorted(set(want) | set(got)):
            ok = want.get(key) == got.get(key)
            tally.add(key, ok)
            if not ok:
                tally.misses.append(
                    f"{page.name}[{k}] {key}: expected {want.get(key)!r}, got {got.get(key)!r}"
                )
        furniture += _furniture_values(want, got)
    if furniture:
        tally.furniture_pages.append(f"{page.name}: " + "; ".join(furniture))


def _page_number(entry: dict[str, Any]) -> int:
    return int(entry["file"][:2])


def _draw_by_family(entries: list[dict[str, Any]], seed: int) -> dict[str, str]:
    """The first round: within each capture family, portals in seeded random order are held out until the
    family's held-out pages reach a third of its pages (a portal's family is that of most of its pages)."""
    pages_of: dict[str, int] = defaultdict(int)
    families: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for entry in entries:
        pages_of[entry["portal_key"]] += 1
        families[entry["portal_key"]][entry["family"]] += 1
    family_of = {key: max(sorted(fams), key=lambda f: fams[f]) for key, fams in families.items()}
    rng = random.Random(seed)
    split: dict[str, str] = {}
    for family in sorted(set(family_of.values())):
        portals = sorted(key for key, fam in family_of.items() if fam == family)
        rng.shuffle(portals)
        target = HELD_OUT_SHARE * sum(pages_of[key] for key in portals)
        held = 0
        for key in portals:
            if held + pages_of[key] / 2 <= target:
                split[key] = "held-out"
                held += pages_of[key]
            else:
                split[key] = "tuned"
    return split


def _draw_extension(
    entries: list[dict[str, Any]], new_portals: list[str], split: dict[str, str], seed: int
) -> dict[str, str]:
    """A later round: the portals new in it, in seeded random order, are held out while the held-out pages of
    the whole corpus stay within a third (portals of earlier rounds keep their part)."""
    pages_of: dict[str, int] = defaultdict(int)
    for entry in entries:
        pages_of[entry["portal_key"]] += 1
    held = sum(n for key, n in pages_of.items() if split.get(key) == "held-out")
    target = HELD_OUT_SHARE * len(entries)
    portals = sorted(new_portals)
    random.Random(seed).shuffle(portals)
    drawn: dict[str, str] = {}
    for key in portals:
        if held + pages_of[key] / 2 <= target:
            drawn[key] = "held-out"
            held += pages_of[key]
        else:
            drawn[key] = "tuned"
    return drawn


def draw_split(
    entries: list[dict[str, Any]], rounds: tuple[tuple[int, int], ...] = SPLIT_ROUNDS
) -> dict[str, str]:
    """The split of each portal, drawn in rounds (one per extension of the corpus): a round draws only the
    portals whose first page is numbered within it, counting the pages numbered up to its end, so that
    extending the corpus never redraws an earlier portal. All pages of a portal go to the same part."""
    first_page: dict[str, int] = {}
    for entry in entries:
        key = entry["portal_key"]
        first_page[key] = min(first_page.get(key, 100), _page_number(entry))
    ends = [start for start, _ in rounds[1:]] + [100]
    split: dict[str, str] = {}
    for (start, seed), end in zip(rounds, ends, strict=True):
        counted = [entry for entry in entries if _page_number(entry) < end]
        new = [key for key, first in first_page.items() if start <= first < end]
        if not split:
            split.update(_draw_by_family(counted, seed))
        else:
            split.update(_draw_extension(counted, new, split, seed))
    return split


def _cell(right: int, total: int) -> str:
    percent = f"{100 * right / total:6.2f}%" if total else "     -"
    return f"{percent} {right:>5}/{total:<5}".rjust(22)


def report(tallies: dict[str, Tally], splits: tuple[str, ...]) -> None:
    """Print per-field and total percentages for the named splits."""
    names = sorted({name for split in splits for name in tallies[split].total})
    header = "field".ljust(20) + "".join(f"{split:>22}" for split in splits)
    print(header)
    print("-" * len(header))
    for name in names:
        cells = "".join(_cell(tallies[s].right[name], tallies[s].total[name]) for s in splits)
        print(name.ljust(20) + cells)
    print("-" * len(header))
    cells = "".join(_cell(sum(tallies[s].right.values()), sum(tallies[s].total.values())) for s in splits)
    print("TOTAL".ljust(20) + cells)
    for split in splits:
        t = tallies[split]
        furniture = len(t.furniture_pages)
        print(
            f"{split}: {t.pages} pages; furniture in a title, author, container-title or DOI: {furniture} pages"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--held-out", action="store_true", help="also score the held-out set (totals only)")
    parser.add_argument("--misses", action="store_true", help="print each miss of the tuned set")
    parser.add_argument("--draw-split", action="store_true", help="print the seeded split of the portals")
    args = parser.parse_args(argv)
    manifest = load_manifest()
    if args.draw_split:
        for key, part in sorted(draw_split(list(manifest.values())).items()):
            print(f"{part:9} {key}")
        return 0
    splits = SPLITS if args.held_out else SPLITS[:1]
    tallies = {split: Tally() for split in SPLITS}
    for page in pages():
        part = manifest[page.name]["split"]
        if part in splits:
            score_page(page, tallies[part])
    report(tallies, splits)
    if args.misses:
        print("\nmisses (tuned set):")
        for miss in tallies["tuned"].misses:
            print("  " + miss)
        print("\nfurniture (tuned set):")
        for line in tallies["tuned"].furniture_pages:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
