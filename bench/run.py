"""citekit against the reference tools, on the same inputs, in the same run.

    python bench/run.py [--quick] [--runs N] [--only NAME ...]

Builds its inputs first (``bench/corpus.py``: a real 4,846-entry BibTeX file from Debian's
texlive-bibtex-extra, and RIS, CSL-JSON and portal corpora made from it, in
``$CITEKIT_BENCH_CACHE`` or /tmp/citekit-bench). Every command is a whole process, run N times
(default 3, ``--quick`` 1); the median wall-clock time is printed with its ratio to citekit's
(a reference tool's ratio is citekit / tool: below 1.0 citekit is faster), the median CPU time
(user + system, children included, which a busy machine disturbs less) and the peak memory.
The load average at the time is printed beside each figure: the machine may be shared.

Reference tools: bibutils (``bib2xml``, ``xml2ris``, ``ris2xml``, ``xml2bib``), pandoc (the
pypandoc-binary package: ``pip install -e '.[bench]'``), citeproc-js (npm ``citeproc`` on
NODE_PATH, default /work/reftools/node_modules). A tool that is missing is skipped, with a note.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import corpus
from startup import TARGET_CPU_MS, medians_ms

HERE = Path(__file__).resolve().parent
NODE_PATH = os.environ.get("NODE_PATH", str(HERE.parents[1] / "reftools" / "node_modules"))


@dataclass
class Timing:
    wall: float
    cpu: float
    peak_mb: float
    load: float


def measure(command: list[str] | str, runs: int, stdout: Path | None = None) -> Timing:
    """Median wall and CPU seconds of ``command`` (a shell line when a string), its peak memory."""
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        out = stdout.open("wb") if stdout else subprocess.DEVNULL
        start = time.perf_counter()
        env = {**os.environ, "NODE_PATH": NODE_PATH}
        process = subprocess.Popen(
            command, shell=isinstance(command, str), stdout=out, stderr=subprocess.DEVNULL, env=env
        )
        _, status, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - start)
        process.returncode = os.waitstatus_to_exitcode(status)
        if stdout:
            out.close()  # type: ignore[union-attr]
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)
    return Timing(statistics.median(walls), statistics.median(cpus), max(peaks), os.getloadavg()[0])


def pandoc() -> str | None:
    try:
        import pypandoc  # type: ignore[import-not-found]

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return shutil.which("pandoc")


class Table:
    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []
        print(
            f"{'case':<34} {'tool':<26} {'wall s':>8} {'ratio':>6} {'cpu s':>7} {'ratio':>6} {'MB':>6} {'load':>5}"
        )

    def add(self, case: str, tool: str, t: Timing, base: Timing | None) -> None:
        ratio = f"{base.wall / t.wall:6.2f}" if base else f"{'':6}"
        cratio = f"{base.cpu / t.cpu:6.2f}" if base and t.cpu else f"{'':6}"
        print(
            f"{case:<34} {tool:<26} {t.wall:8.2f} {ratio} {t.cpu:7.2f} {cratio} {t.peak_mb:6.0f} {t.load:5.2f}",
            flush=True,
        )
        self.rows.append({"case": case, "tool": tool, **t.__dict__})


def conversion(
    table: Table, case: str, mine: list[str], others: list[tuple[str, str | list[str]]], runs: int
) -> Timing:
    """citekit, then each reference tool on the same input; ratios are citekit / tool."""
    base = measure(mine, runs)
    table.add(case, "citekit", base, None)
    for tool, command in others:
        table.add(case, tool, measure(command, runs), base)
    return base


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="one run each, portal corpora up to 10k")
    parser.add_argument("--runs", type=int, default=0)
    parser.add_argument(
        "--only", nargs="*", default=[], help="cases to run: startup bibtex ris styles portal page jobs"
    )
    args = parser.parse_args()
    runs = args.runs or (1 if args.quick else 3)
    cache = corpus.cache_dir()
    out = cache / "out"
    out.mkdir(exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, {cpu_model()}; cache {cache}; {runs} run(s) each")
    table = Table()
    cases: dict[str, Callable[[], object]] = {
        "startup": lambda: startup(table),
        "bibtex": lambda: bibtex(table, cache, out, runs),
        "ris": lambda: ris(table, cache, out, runs),
        "styles": lambda: styles(table, cache, out, runs),
        "portal": lambda: portal(table, cache, out, runs, args.quick),
        "page": lambda: page(table, cache, out, runs),
        "jobs": lambda: jobs(cache, out),
    }
    for name, case in cases.items():
        if not args.only or name in args.only:
            case()
    (cache / "results.json").write_text(json.dumps(table.rows, indent=1), encoding="utf-8")
    return 0


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown CPU"


def startup(table: Table) -> None:
    """``citekit --version`` against a bare interpreter (bench/startup.py's measure, 20 runs)."""
    base_ms, base_cpu = medians_ms([sys.executable, "-c", "pass"], 20)
    ms, cpu = medians_ms(corpus.citekit("--version"), 20)
    load = os.getloadavg()[0]
    python = Timing(base_ms / 1000, base_cpu / 1000, 0, load)
    table.add("start-up", "citekit --version", Timing(ms / 1000, cpu / 1000, 0, load), None)
    table.add("start-up", "python -c pass", python, Timing(ms / 1000, cpu / 1000, 0, load))
    met = cpu - base_cpu < TARGET_CPU_MS["--version"]
    said = f"+{cpu - base_cpu:.0f} ms CPU above python, target {TARGET_CPU_MS['--version']:.0f}"
    print(f"  target: {said} (bench/startup.py has --help and the fastest runs): {verdict(met)}")


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def bibtex(table: Table, cache: Path, out: Path, runs: int) -> None:
    bib = corpus.tugboat_bib(cache)
    tool = pandoc()
    pandoc_json = (
        [("pandoc -t csljson", [tool, "-f", "bibtex", "-t", "csljson", str(bib), "-o", str(out / "p.json")])]
        if tool
        else []
    )
    bibutils_ris = f"bib2xml {bib} 2>/dev/null | xml2ris > {out / 'b.ris'} 2>/dev/null"
    case = f"{bib.name} ({entries(bib)} entries) -> RIS"
    mine = conversion(
        table,
        case,
        corpus.citekit("export", str(bib), "-f", "ris", "-q", "-o", str(out / "c.ris")),
        [("bibutils bib2xml|xml2ris", bibutils_ris), *pandoc_json],
        runs,
    )
    ratios = [r for r in table.rows if r["case"] == case]
    bu = next((r for r in ratios if str(r["tool"]).startswith("bibutils")), None)
    pd = next((r for r in ratios if str(r["tool"]).startswith("pandoc")), None)
    if bu and pd:
        met = mine.wall < float(bu["wall"]) and mine.wall < float(pd["wall"]) / 4  # type: ignore[arg-type]
        print(f"  target: faster than bibutils and under a quarter of pandoc: {verdict(met)}")
    conversion(
        table,
        f"{bib.name} -> CSL-JSON",
        corpus.citekit("export", str(bib), "-f", "csljson", "-q", "-o", str(out / "c.json")),
        [("bibutils bib2xml (MODS)", f"bib2xml {bib} > {out / 'b.xml'} 2>/dev/null"), *pandoc_json],
        runs,
    )


def entries(bib: Path) -> int:
    return sum(
        1
        for line in bib.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.startswith("@") and not line.lower().startswith(("@string", "@preamble", "@comment"))
    )


def ris(table: Table, cache: Path, out: Path, runs: int) -> None:
    source = corpus.tugboat_ris(cache)
    tool = pandoc()
    others: list[tuple[str, str | list[str]]] = [
        ("bibutils ris2xml|xml2bib", f"ris2xml {source} 2>/dev/null | xml2bib > {out / 'b.bib'} 2>/dev/null")
    ]
    if tool:
        others.append(
            (
                "pandoc -f ris -t bibtex",
                [tool, "-f", "ris", "-t", "bibtex", str(source), "-o", str(out / "p.bib")],
            )
        )
    conversion(
        table,
        f"{source.name} -> BibTeX",
        corpus.citekit("export", str(source), "-f", "bibtex", "-q", "-o", str(out / "c.bib")),
        others,
        runs,
    )


def styles(table: Table, cache: Path, out: Path, runs: int) -> None:
    from citekit.csl.style import locales
    from citekit.csl.style.find import find

    items = corpus.first_items(cache, 1000)
    tool = pandoc()
    doc = out / "nocite.md"
    doc.write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    for name in ("apa", "vancouver"):
        style = find(name).path
        others: list[tuple[str, str | list[str]]] = []
        if shutil.which("node") and Path(NODE_PATH, "citeproc").exists():
            others.append(
                (
                    "citeproc-js",
                    ["node", str(HERE / "citeproc_js.js"), str(items), str(style), str(locales.LOCALES_DIR)],
                )
            )
        if tool:
            others.append(
                (
                    "pandoc --citeproc",
                    [
                        tool,
                        str(doc),
                        "--citeproc",
                        "--bibliography",
                        str(items),
                        "--csl",
                        str(style),
                        "-t",
                        "plain",
                        "-o",
                        str(out / f"p-{name}.txt"),
                    ],
                )
            )
        case = f"1,000 real items -> {name}"
        mine = conversion(
            table,
            case,
            corpus.citekit("export", str(items), "-f", name, "-q", "-o", str(out / f"c-{name}.txt")),
            others,
            runs,
        )
        if name == "apa":
            pd = next((r for r in table.rows if r["case"] == case and r["tool"] == "pandoc --citeproc"), None)
            if pd:
                print(f"  target: no slower than pandoc: {verdict(mine.wall <= float(pd['wall']))}")  # type: ignore[arg-type]


def portal(table: Table, cache: Path, out: Path, runs: int, quick: bool) -> None:
    """Portal pages to BibTeX at growing sizes: the time each further 1,000 records take stays flat."""
    sizes = (1000, 10_000) if quick else (1000, 10_000, 100_000)
    previous: tuple[int, float] | None = None
    for size in sizes:
        folder = corpus.portal(cache, size)
        command = corpus.citekit("export", str(folder), "-f", "bibtex", "-q", "-o", str(out / "portal.bib"))
        t = measure(command, 1 if size == 100_000 else runs)
        table.add(f"{size:,} portal pages -> BibTeX", "citekit", t, None)
        growth = ""
        if previous:
            extra = (t.wall - previous[1]) / ((size - previous[0]) / 1000)
            growth = f"; {extra:.3f} s per further 1,000 records from {previous[0]:,}"
        print(
            f"  {t.wall / (size / 1000):.3f} s per 1,000 records overall{growth}; "
            f"peak {t.peak_mb:.0f} MB (target under 300 MB: {verdict(t.peak_mb < 300)})"
        )
        previous = (size, t.wall)


def page(table: Table, cache: Path, out: Path, runs: int) -> None:
    """One 5 MB portal page of each shape (``bench/portal_page.py``), exported; read in under a second."""
    import portal_page

    for name, path in portal_page.pages(cache):
        command = corpus.citekit("export", str(path), "-f", "bibtex", "-q", "-o", str(out / "page.bib"))
        table.add(f"5 MB page ({name}) -> BibTeX", "citekit", measure(command, runs), None)
        cpu, wall = min(portal_page.timed_read(path) for _ in range(runs))
        print(
            f"  read in process: {cpu:.2f} s CPU, {wall:.2f} s wall (target under 1 s: {verdict(cpu < 1.0)})"
        )


def jobs(cache: Path, out: Path) -> None:
    """The same export with and without --jobs: the bytes must be identical."""
    inputs = [
        (str(corpus.portal(cache, 10_000)), "bibtex"),
        (str(corpus.tugboat_bib(cache)), "ris"),
        (str(corpus.first_items(cache, 1000)), "apa"),
    ]
    for source, fmt in inputs:
        results = []
        for extra in ([], ["--jobs", "2"]):
            target = out / f"jobs-{len(extra)}.out"
            t = measure(corpus.citekit("export", source, "-f", fmt, "-q", "-o", str(target), *extra), 1)
            results.append((target.read_bytes(), t))
        same = results[0][0] == results[1][0]
        print(
            f"--jobs 2 on {Path(source).name} -> {fmt}: {results[0][1].wall:.2f} s without, "
            f"{results[1][1].wall:.2f} s with (load {results[1][1].load:.2f}); output identical: {same}"
        )


if __name__ == "__main__":
    sys.exit(main())
