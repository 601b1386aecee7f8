"""Measure the toolchain check on every corpus and target; write scripts/toolchain/summary.md.

    python -m scripts.toolchain.measure [--work DIR] [--only CORPUS ...] [--styles STYLE ...]
                                        [--outputs {utf8,ascii} ...] [--output FILE] [--jobs N]
                                        [--timeout SECONDS]

(One row alone, such as typeset in biblatex from UTF-8: ``--only typeset --styles biblatex
--outputs utf8 --output /tmp/row.md``; the default --output is this summary, which holds more
than the script writes.)

$CITEKIT_TOOLCHAIN_COMMAND, when set, is the command that runs citekit (to measure another build,
such as a checkout of main: "python /path/to/run_citekit.py").

For each real bibliography (scripts/toolchain/corpora.py) and each target (BibTeX styles plain,
unsrt and apalike, from citekit's UTF-8 and --ascii output; biblatex authoryear through biber from
citekit's BibLaTeX output), the original file and citekit's output are compiled side by side
(pdflatex, bibtex or biber, pdflatex twice, each under a timeout). The summary gives the warnings
and errors of each, the ones citekit's output adds (per entry, by kind), and the words its entries
lose in the PDF. ``details.txt`` beside the summary (not committed) lists every one.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scripts.toolchain import runs
from scripts.toolchain.check import Cell, Target, original_run, run_cell
from scripts.toolchain.corpora import BY_NAME, CORPORA

HERE = Path(__file__).resolve().parent
TARGETS = tuple(
    Target(style, ascii) for style in (*runs.BIBTEX_STYLES, runs.BIBLATEX) for ascii in (False, True)
)


def measure(
    names: list[str], work: Path, jobs: int, timeout: float, targets: tuple[Target, ...]
) -> list[Cell]:
    corpora = [BY_NAME[n] for n in names]
    styles = sorted({t.style for t in targets})
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        originals = {
            (c.name, s): pool.submit(original_run, c, s, work, timeout) for c in corpora for s in styles
        }
        futures = []
        for corpus in corpora:
            for target in targets:
                original = originals[corpus.name, target.style].result()
                if original is None:
                    print(f"{corpus.name}: {corpus.file} not found; skipped", file=sys.stderr)
                    break
                futures.append(pool.submit(run_cell, corpus, target, work, original, timeout))
        return [f.result() for f in futures]


def _count(findings: list[runs.Finding], tool: str) -> int:
    return sum(1 for f in findings if f.tool == tool)


def summary(cells: list[Cell]) -> str:
    lines = [
        "# LaTeX toolchain check: citekit's output against the original file",
        "",
        "Real bibliographies we did not write (Debian's TeX Live). Each is compiled as it is and as",
        "citekit writes it (`python -m scripts.toolchain.measure`); *new* counts the warnings and",
        "errors of citekit's output that the original's same entry did not have (compared as a",
        "multiset of kinds per entry); *words lost* counts the entries whose text in the PDF lacks a",
        "word the original's shows (and how many words). bibtex/biber: warnings and errors of",
        "bibtex or biber; pdflatex: errors and missing characters.",
        "",
        "| corpus | target | entries | original bibtex/biber | citekit bibtex/biber | original pdflatex "
        "| citekit pdflatex | new | words lost (entries/words) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for cell in cells:
        backend = "biber" if cell.target.style == runs.BIBLATEX else "bibtex"
        timeout = f" (timed out in {cell.ours.timed_out})" if cell.ours.timed_out else ""
        lost_words = sum(len(w) for w in cell.lost.values())
        lines.append(
            f"| {cell.corpus} | {cell.target.label} | {cell.entries} "
            f"| {_count(cell.original.findings, backend)} | {_count(cell.ours.findings, backend)}{timeout} "
            f"| {_count(cell.original.findings, 'pdflatex')} | {_count(cell.ours.findings, 'pdflatex')} "
            f"| {len(cell.new)} | {len(cell.lost)}/{lost_words} |"
        )
    kinds = Counter((c.target.label, f.tool, f.kind) for c in cells for f in c.new)
    lines += ["", "## The new findings by kind (all corpora)", ""]
    if not kinds:
        lines.append("None.")
    for (label, tool, kind), n in sorted(kinds.items(), key=lambda x: (-x[1], x[0])):
        lines.append(f"- {n} x {label}, {tool}: `{kind}`")
    return "\n".join(lines) + "\n"


def details(cells: list[Cell]) -> str:
    out = []
    for cell in cells:
        out.append(f"== {cell.corpus} {cell.target.label}")
        out += [f"new {f.tool} [{f.entry}] {f.text}" for f in cell.new]
        out += [f"lost [{key}] {' '.join(words)}" for key, words in cell.lost.items()]
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/citekit-toolchain"))
    parser.add_argument("--only", nargs="*", default=[c.name for c in CORPORA], choices=list(BY_NAME))
    parser.add_argument("--output", type=Path, default=HERE / "summary.md")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--timeout", type=float, default=runs.DEFAULT_TIMEOUT, help="seconds per pdflatex run"
    )
    parser.add_argument("--styles", nargs="*", default=[*runs.BIBTEX_STYLES, runs.BIBLATEX])
    parser.add_argument(
        "--outputs",
        nargs="*",
        default=["utf8", "ascii"],
        choices=["utf8", "ascii"],
        help="citekit's outputs to compile: UTF-8, --ascii or both",
    )
    args = parser.parse_args()
    missing = runs.missing_tools()
    if missing:
        print(f"measure: {', '.join(missing)} not installed", file=sys.stderr)
        return 2
    targets = tuple(
        t for t in TARGETS if t.style in args.styles and ("ascii" if t.ascii else "utf8") in args.outputs
    )
    cells = measure(args.only, args.work, args.jobs, args.timeout, targets)
    args.output.write_text(summary(cells), encoding="utf-8")
    (args.work / "details.txt").write_text(details(cells), encoding="utf-8")
    print(summary(cells))
    print(f"details: {args.work / 'details.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
