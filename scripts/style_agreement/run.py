"""Measure citekit's CSL output against citeproc-js over many styles and four item sets.

    NODE_PATH=/work/reftools/node_modules python scripts/style_agreement/run.py [--styles N] [--quick]

For every style of styles.txt (the first N with --styles) and every item set of items/
(citation-js, pandoc, citekit, zotero: see items/README.md), both processors render, with the same
style file and the same locale files:
- the bibliography of all the set's items, in text and HTML;
- a document of citations over DOC_ITEMS of the set's items (each cited alone, then clusters of
  several, then repeats: the same item again at once and later), in text and HTML.
citekit renders through its public API (``render``, ``cite``); the document is also rendered by its
public citekit.Document (see renderers.py). Each figure is the share of citeproc-js's lines that citekit
wrote identically: bibliography lines wherever they stand (and, apart, in the same order),
citations the same citation of the document.

Writes, outside the repository, OUT (default /tmp/style-agreement/): diffs/STYLE.txt (every miss:
citeproc-js's line, then citekit's), misses.jsonl and results.json (for causes.py); and in the
repository scripts/style_agreement/summary.md (with --quick or --styles, summary-partial.md).
citeproc-js outputs are cached per hash of their inputs (renderers.CACHE).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from statistics import mean, median
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import compare  # noqa: E402
import pool  # noqa: E402
import renderers  # noqa: E402

SETS = ("citation-js", "pandoc", "citekit", "zotero")
DOC_ITEMS = 12
QUICK_ITEMS = 100
TIMEOUT = 900.0


def styles(limit: int | None) -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in (HERE / "styles.txt").read_text(encoding="utf-8").splitlines()]
    chosen = [(row[0], row[1]) for row in rows if row]
    return chosen[:limit] if limit else chosen


def document(items: renderers.Items) -> tuple[renderers.Document, int, int]:
    """A document over DOC_ITEMS items spread through the set: each cited alone, four clusters,
    then repeats (an item cited again at once, and later). Returns it with the number of single
    first citations and of clusters."""
    step = max(1, len(items) // DOC_ITEMS)
    d = [str(item["id"]) for item in items[::step][:DOC_ITEMS]]
    singles = [[i] for i in d]
    clusters = [[d[0], d[1]], [d[2], d[3], d[4]], [d[5], d[10]], [d[6], d[7], d[8], d[9]]]
    repeats = [[d[3]], [d[3]], [d[11]], [d[11], d[1]], [d[11]], [d[0]]]
    return singles + clusters + repeats, len(singles), len(clusters)


def load_sets(quick: bool) -> dict[str, tuple[renderers.Items, renderers.Document, int, int]]:
    out = {}
    for name in SETS:
        items = json.loads((HERE / "items" / f"{name}.json").read_text(encoding="utf-8"))
        if quick:
            items = items[:: max(1, len(items) // QUICK_ITEMS)][:QUICK_ITEMS]
        doc, singles, clusters = document(items)
        out[name] = (items, doc, singles, clusters)
    return out


SETS_DATA: dict[str, tuple[renderers.Items, renderers.Document, int, int]] = {}


def measure(style_id: str) -> dict[str, Any]:
    """Both renderers on every set in one style; the counts and the misses."""
    started = time.monotonic()
    path = renderers.style_path(style_id)
    lang = renderers.locale_of(path)
    sets = {name: (items, doc) for name, (items, doc, _, _) in SETS_DATA.items()}
    js = renderers.citeproc_js(path, lang, sets)
    # Items citeproc-js cannot render at all are left out of citekit's input too (row "excluded").
    usable = {}
    for name, (items, doc) in sets.items():
        excluded, kept = js[name].get("excluded", {}), js[name].get("kept", range(len(doc)))
        usable[name] = ([i for i in items if str(i["id"]) not in excluded], [doc[k] for k in kept])
    ck = renderers.citekit_side(path, usable)
    result: dict[str, Any] = {"style": style_id, "lang": lang, "sets": {}, "misses": []}
    for name, (_, doc, singles, clusters) in SETS_DATA.items():
        theirs, ours = js[name], ck[name]
        row: dict[str, Any] = {"errors": ours["errors"], "unread": ours["unread"]}
        row["excluded"] = theirs.get("excluded", {})
        row["js_errors"] = [theirs["fatal"]] if "fatal" in theirs else []
        kept = theirs.get("kept", list(range(len(doc))))
        for markup in renderers.MARKUPS:
            reference = (theirs.get("bibliography") or {}).get(markup)
            if reference is not None:
                counts, misses = compare.bibliography(reference, ours["bibliography"][markup])
                row[f"bibliography/{markup}"] = counts
                result["misses"] += [{**m, "set": name, "kind": f"bibliography/{markup}"} for m in misses]
            reference = (theirs.get("citations") or {}).get(markup)
            if reference is not None:
                for kind in ("citations", "document"):
                    if markup not in ours[kind]:
                        continue
                    counts, misses = compare.citations(reference, ours[kind][markup], kept, singles, clusters)
                    row[f"{kind}/{markup}"] = counts
                    result["misses"] += [{**m, "set": name, "kind": f"{kind}/{markup}"} for m in misses]
        result["sets"][name] = row
    result["seconds"] = round(time.monotonic() - started, 1)
    return result


def safe_measure(style_id: str) -> dict[str, Any]:
    try:
        return measure(style_id)
    except Exception as error:  # a style that cannot be measured is reported
        return {"style": style_id, "failed": renderers.where(error), "sets": {}, "misses": []}


def share(row: dict[str, Any], key: str, field: str = "same") -> float | None:
    counts = row.get(key)
    if not counts or not counts.get("n"):
        return None
    return 100.0 * counts.get(field, 0) / counts["n"]


def avg(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return mean(known) if known else None


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def write_diffs(out: Path, result: dict[str, Any]) -> None:
    lines = [f"# {result['style']} ({result.get('lang', '?')})"]
    if "failed" in result:
        lines.append(f"could not be measured: {result['failed']}")
    for name, row in result["sets"].items():
        for error in row["errors"]:
            lines.append(f"citekit error [{name}] {error}")
        for error in row["js_errors"]:
            lines.append(f"citeproc-js error [{name}] {error}")
    for miss in result["misses"]:
        where = f"[{miss['set']} {miss['kind']}" + (
            f" #{miss['index']} {miss['category']}" if "index" in miss else ""
        )
        lines.append(f"{where}{' moved' if miss.get('moved') else ''}]")
        lines.append(f"- {miss['js']}")
        lines.append(f"+ {miss['ck']}")
    (out / "diffs" / f"{result['style']}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def summary(results: list[dict[str, Any]], groups: dict[str, str], seconds: float, quick: bool) -> str:
    top = [r for r in results if groups[r["style"]] == "top"]
    sample = [r for r in results if groups[r["style"]] == "sample"]
    kinds = [
        ("bibliography/text", "bib text"),
        ("bibliography/html", "bib HTML"),
        ("citations/text", "cite text"),
        ("document/text", "doc text"),
        ("document/html", "doc HTML"),
    ]

    def style_mean(r: dict[str, Any], key: str, sets: tuple[str, ...] = SETS) -> float | None:
        return avg([share(r["sets"][s], key) for s in sets if s in r["sets"]])

    out = ["# citekit against citeproc-js: agreement over many styles", ""]
    counts = {name: len(SETS_DATA[name][0]) for name in SETS}
    out += [
        f"Made by `python scripts/style_agreement/run.py{' --quick' if quick else ''}` "
        f"({sum(r.get('seconds', 0) for r in results) / 60:.0f} worker-minutes, 2 workers, on a machine shared with other jobs) "
        f"({len(results)} of the {len(styles(None))} styles of styles.txt, the first by rank; items per set: "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
        + f"; a citation document of {len(SETS_DATA['pandoc'][1])} citations per set).",
        "",
        "Data: citation-js, pandoc and citekit sets are real entries of Debian's texlive bibliographies",
        "(data we did not write) as each converter writes them; the zotero set is half Better BibTeX's",
        "vendored Zotero exports (not ours) and half Zotero-shaped items we wrote from real publications",
        "(items/README.md). Each figure: % of citeproc-js's lines citekit wrote identically.",
        "`bib`: bibliography lines, wherever they stand (`bib in order`: in citeproc-js's order too);",
        "`cite`: each citation of the document through the public `cite()` (one call, one document;",
        "text, zotero set only: each call costs a whole session); `doc`: the same document through",
        "citekit.Document (the public API given the whole document), every set,",
        "text and HTML. Diffs of every miss: /tmp/style-agreement/diffs/STYLE.txt; causes: causes.md.",
        "",
        "## Mean over the top styles, per item set",
        "",
        "| set | styles | " + " | ".join(label for _, label in kinds) + " | bib in order |",
        "|---|---|" + "---|" * (len(kinds) + 1),
    ]
    for name in (*SETS, "all"):
        chosen = SETS if name == "all" else (name,)
        cells = [pct(avg([style_mean(r, key, chosen) for r in top])) for key, _ in kinds]
        ordered = pct(
            avg(
                [
                    avg(
                        [
                            share(r["sets"][s], "bibliography/text", "ordered")
                            for s in chosen
                            if s in r["sets"]
                        ]
                    )
                    for r in top
                ]
            )
        )
        out.append(f"| {name} | {len(top)} | " + " | ".join(cells) + f" | {ordered} |")
    if sample:
        cells = [pct(avg([style_mean(r, key) for r in sample])) for key, _ in kinds]
        out.append(f"| all (random sample) | {len(sample)} | " + " | ".join(cells) + " | |")
    bib = [(style_mean(r, "bibliography/text"), r["style"]) for r in top]
    known = sorted(v for v, _ in bib if v is not None)
    if known:
        out += [
            "",
            f"Bibliography text over the top styles: median {median(known):.1f}%, "
            f"{sum(1 for v in known if v == 100.0)} styles at 100%, {sum(1 for v in known if v < 90)} below 90%.",
        ]
    out += [
        "",
        "## Citations by what they test (top styles, all sets, text)",
        "",
        "| | first cite | cluster | repeat (ibid, subsequent) |",
        "|---|---|---|---|",
    ]
    for key in ("citations/text", "document/text"):
        cells = []
        for cat in (compare.FIRST, compare.CLUSTER, compare.REPEAT):
            per_style = []
            for r in top:
                rows = [r["sets"][s].get(key) or {} for s in SETS if s in r["sets"]]
                n = sum(row.get(f"n_{cat}", 0) for row in rows)
                same = sum(row.get(f"same_{cat}", 0) for row in rows)
                per_style.append(100.0 * same / n if n else None)
            cells.append(pct(avg(per_style)))
        out.append(f"| {key.split('/')[0]} | " + " | ".join(cells) + " |")
    worst = sorted((v if v is not None else -1, s) for v, s in bib)[:10]
    out += ["", "## Worst top styles (bibliography text, mean of the sets)", ""]
    out += [f"- {s}: {pct(v if v >= 0 else None)}" for v, s in worst]
    out += [
        "",
        "## Every style",
        "",
        "| style | group | "
        + " | ".join(f"bib text {s}" for s in SETS)
        + " | bib HTML | cite text | doc text | doc HTML | citekit errors |",
        "|---|---|" + "---|" * (len(SETS) + 5),
    ]
    for r in results:
        errors = sorted({e.split(": ", 1)[1] for row in r["sets"].values() for e in row["errors"]})
        if "failed" in r:
            errors = [r["failed"]]
        cells = [pct(share(r["sets"][s], "bibliography/text")) if s in r["sets"] else "–" for s in SETS]
        cells += [
            pct(style_mean(r, key))
            for key in ("bibliography/html", "citations/text", "document/text", "document/html")
        ]
        note = "; ".join(e[:90] for e in errors[:2]).replace("|", "/")
        out.append(f"| {r['style']} | {groups[r['style']]} | " + " | ".join(cells) + f" | {note} |")
    excluded = sorted(
        {
            (name, i, e)
            for r in results
            for name, row in r["sets"].items()
            for i, e in row.get("excluded", {}).items()
        }
    )
    if excluded:
        out += ["", "## Items citeproc-js cannot render (left out of both processors' input)", ""]
        out += [f"- [{name}] {i}: {e}" for name, i, e in excluded]
    unread = sorted(
        {(name, u) for r in results for name, row in r["sets"].items() for u in row.get("unread", [])}
    )
    if unread:
        out += ["", "## Items citekit's CSL-JSON reader did not read", ""]
        out += [f"- [{name}] {u}" for name, u in unread[:40]]
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--styles", type=int, help="only the first N styles of styles.txt")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ITEMS} items per set")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("/tmp/style-agreement"))
    parser.add_argument("--only", nargs="*", help="these style ids only (no summary.md)")
    parser.add_argument("--resume", action="store_true", help="keep the styles OUT/results/ already holds")
    parser.add_argument("--report-only", action="store_true", help="only write the summary of OUT/results/")
    args = parser.parse_args(argv)
    started = time.monotonic()
    SETS_DATA.update(load_sets(args.quick))
    chosen = styles(args.styles)
    groups = dict(chosen)
    if args.only:
        chosen = [(s, groups.get(s, "extra")) for s in args.only]
        groups.update(dict(chosen))
    for folder in ("diffs", "results"):
        (args.out / folder).mkdir(parents=True, exist_ok=True)
    stored = {p.stem: p for p in (args.out / "results").glob("*.json")} if args.resume else {}
    results = [json.loads(stored[s].read_text(encoding="utf-8")) for s, _ in chosen if s in stored]
    todo = [s for s, _ in chosen if s not in stored]
    if args.report_only:
        stored = {p.stem: p for p in (args.out / "results").glob("*.json")}
        results = [json.loads(stored[s].read_text(encoding="utf-8")) for s, _ in chosen if s in stored]
        todo = []
    for done, outcome in enumerate(pool.run(safe_measure, todo, args.jobs, TIMEOUT), 1):
        result = outcome.result
        if result == pool.HUNG:
            result = {
                "style": outcome.task,
                "failed": f"hung (over {TIMEOUT:.0f} s)",
                "sets": {},
                "misses": [],
            }
        write_diffs(args.out, result)
        (args.out / "results" / f"{result['style']}.json").write_text(
            json.dumps(result, ensure_ascii=False), encoding="utf-8"
        )
        misses = len(result["misses"])
        print(
            f"[{done}/{len(todo)}] {result['style']}: {misses} misses, {outcome.seconds:.0f} s",
            file=sys.stderr,
        )
        results.append(result)
    order = {s: i for i, (s, _) in enumerate(chosen)}
    results.sort(key=lambda r: order[r["style"]])
    with (args.out / "misses.jsonl").open("w", encoding="utf-8") as handle:
        for r in results:
            for miss in r["misses"]:
                handle.write(json.dumps({"style": r["style"], **miss}, ensure_ascii=False) + "\n")
    slim = [{k: v for k, v in r.items() if k != "misses"} for r in results]
    (args.out / "results.json").write_text(json.dumps(slim, ensure_ascii=False, indent=1), encoding="utf-8")
    text = summary(results, groups, time.monotonic() - started, args.quick)
    if not args.only:
        target = HERE / "summary.md" if not args.styles else args.out / "summary-partial.md"
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
    print(text.split("## Worst")[0])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
