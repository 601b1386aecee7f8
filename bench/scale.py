"""The scale run: citekit on inputs from 4 MB to 1 GB beside bibutils and pandoc, in one run.

    python bench/scale.py [--only NAME ...] [--sizes 1 10 100 gb]

Inputs are made under ``$CITEKIT_BENCH_CACHE`` (default /tmp/citekit-bench), never in the
repository: the real TUGboat bibliography (``corpus.tugboat_bib``) ×1, ×10 and ×100 (about
385 MB: the file concatenated, so every key after the first copy is a duplicate, as in a merged
library), and ``generated-1gb.bib``, its entries repeated with fresh keys up to 1 GB. Cases:

* ``convert``: BibTeX → RIS and BibTeX → CSL-JSON at every size: citekit (one process), bibutils
  (``bib2xml | xml2ris``; ``bib2xml`` alone for CSL-JSON, its MODS being its interchange), pandoc
  (``-t csljson``, only up to ×10: its memory grows with the input, 2.7 GB at ×10). Printed: wall
  seconds, peak MB (the largest process of a pipeline), and the time ratio to the size before.
* ``linear``: citekit alone at every size, with its CPU seconds (which a busy machine disturbs
  least) and how they grow with the size.
* ``jobs``: ``--jobs 0`` against ``--jobs 1`` on the ×100 file, BibTeX → RIS, and whether the
  outputs are the same bytes.
* ``stdin``: 1,000,000 RIS records through ``citekit export - -f ris`` from a pipe to a pipe.
* ``styles``: 100,000 items (the real ones, cycled with a part number in the title) to APA beside
  citeproc-js and pandoc --citeproc.

Every figure is printed with the 1-minute load average when it was taken: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import corpus
from run import HERE, NODE_PATH, pandoc

GB = 1 << 30


def peak_run(command: str, stdout: Path | None = None) -> tuple[float, float]:
    """Wall seconds of a shell pipeline, and the peak memory (MB) of its largest process."""
    wall, peak, _ = timed_run(command, stdout)
    return wall, peak


def timed_run(command: str, stdout: Path | None = None) -> tuple[float, float, float]:
    """``peak_run``, and the CPU seconds (user + system) of all its processes: what a busy
    machine disturbs least, for comparing one size with another."""
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    start = time.perf_counter()
    env = {**os.environ, "NODE_PATH": NODE_PATH}
    # /usr/bin/time on each stage would need rewriting the pipeline; the kernel's ru_maxrss of the
    # children is the largest process's peak, which is what limits a machine.
    process = subprocess.Popen(["bash", "-c", command], stdout=out, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if stdout:
        out.close()  # type: ignore[union-attr]
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def load() -> str:
    return f"{os.getloadavg()[0]:.2f}"


def copies(cache: Path, times: int) -> Path:
    target = cache / f"tugboat-x{times}.bib"
    if not target.exists():
        text = corpus.tugboat_bib(cache).read_bytes()
        with target.open("wb") as handle:
            for _ in range(times):
                handle.write(text)
    return target


_KEY = re.compile(rb"^(@[A-Za-z]+\{)([^,\s]+),", re.MULTILINE)


def generated(cache: Path, size: int = GB) -> Path:
    """The real entries over and over with fresh keys (``key-rN``) up to ``size`` bytes."""
    target = cache / "generated-1gb.bib"
    if not target.exists() or target.stat().st_size < size:
        text = corpus.tugboat_bib(cache).read_bytes()
        written, n = 0, 0
        with target.open("wb") as handle:
            while written < size:
                n += 1
                block = _KEY.sub(lambda m, n=n: m.group(1) + m.group(2) + b"-r%d," % n, text)
                handle.write(block)
                written += len(block)
    return target


def convert(cache: Path, out: Path, sizes: list[str]) -> None:
    inputs = {"1": copies(cache, 1), "10": copies(cache, 10), "100": copies(cache, 100), "gb": None}
    tool = pandoc()
    print(
        f"{'input':<24} {'MB':>6} {'case':<10} {'tool':<18} {'wall s':>8} {'peak MB':>8} {'x prev':>7} {'vs citekit':>10} {'load':>5}"
    )
    previous: dict[tuple[str, str], float] = {}
    for size in sizes:
        bib = inputs[size] or generated(cache)
        mb = bib.stat().st_size / 2**20
        for case, fmt in (("->RIS", "ris"), ("->CSL-JSON", "csljson")):
            mine = " ".join(corpus.citekit("export", str(bib), "-f", fmt, "-q", "-o", str(out / f"s.{fmt}")))
            tools = [("citekit", mine)]
            if shutil.which("bib2xml"):
                bibutils = f"bib2xml {bib}" + (" | xml2ris" if fmt == "ris" else "")
                tools.append(("bibutils", bibutils))
            if tool and size in ("1", "10"):
                tools.append(("pandoc", f"{tool} -f bibtex -t csljson {bib}"))
            base = None
            for name, command in tools:
                wall, peak = peak_run(command)
                growth = wall / previous[(name, case)] if (name, case) in previous else None
                previous[(name, case)] = wall
                versus = f"{base / wall:10.2f}" if base else f"{'':10}"
                shown = f"{growth:7.2f}" if growth else f"{'':7}"
                print(
                    f"{bib.name:<24} {mb:6.0f} {case:<10} {name:<18} {wall:8.1f} {peak:8.0f} {shown} {versus} {load():>5}",
                    flush=True,
                )
                base = base or wall


def linear(cache: Path, out: Path, sizes: list[str]) -> None:
    """citekit alone at each size, BibTeX to RIS and to CSL-JSON: wall and CPU seconds, peak
    memory, and how each grows from the size before (the size grows x10 from x10 to x100)."""
    inputs = {
        "1": lambda: copies(cache, 1),
        "10": lambda: copies(cache, 10),
        "100": lambda: copies(cache, 100),
    }
    print(
        f"{'input':<24} {'MB':>6} {'case':<10} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'size x':>7} {'cpu x':>7} {'load':>5}"
    )
    previous: dict[str, tuple[float, float]] = {}
    for size in sizes:
        bib = inputs[size]() if size in inputs else generated(cache)
        mb = bib.stat().st_size / 2**20
        for case, fmt in (("->RIS", "ris"), ("->CSL-JSON", "csljson")):
            command = " ".join(
                corpus.citekit("export", str(bib), "-f", fmt, "-q", "-o", str(out / f"s.{fmt}"))
            )
            wall, peak, cpu = timed_run(command)
            grown = (
                f"{mb / previous[case][0]:7.2f} {cpu / previous[case][1]:7.2f}"
                if case in previous
                else f"{'':7} {'':7}"
            )
            previous[case] = (mb, cpu)
            print(
                f"{bib.name:<24} {mb:6.0f} {case:<10} {wall:8.1f} {cpu:8.1f} {peak:8.0f} {grown} {load():>5}",
                flush=True,
            )


def jobs(cache: Path, out: Path) -> None:
    bib = copies(cache, 100)
    one, many = out / "jobs1.ris", out / "jobs0.ris"
    t1, m1 = peak_run(
        " ".join(corpus.citekit("export", str(bib), "-f", "ris", "-q", "-o", str(one), "--jobs", "1"))
    )
    l1 = load()
    t0, m0 = peak_run(
        " ".join(corpus.citekit("export", str(bib), "-f", "ris", "-q", "-o", str(many), "--jobs", "0"))
    )
    same = one.read_bytes() == many.read_bytes()
    print(
        f"--jobs 0 ({os.cpu_count()} cores) on {bib.name} -> RIS: {t1:.1f} s with --jobs 1 ({m1:.0f} MB, load {l1}), "
        f"{t0:.1f} s with --jobs 0 ({m0:.0f} MB, load {load()}): {t1 / t0:.2f}x; same bytes: {same}",
        flush=True,
    )


def stdin_stream(cache: Path, out: Path) -> None:
    record = "TY  - JOUR\nID  - r{n}\nAU  - Lee, Ann\nTI  - Record number {n}\nT2  - Journal of Examples\nPY  - 2020\nER  - \n"
    producer = out / "produce.py"
    producer.write_text(
        f"import sys\nw = sys.stdout.write\nfor n in range(1_000_000):\n    w({record!r}.format(n=n))\n",
        encoding="utf-8",
    )
    command = (
        f"{sys.executable} {producer} | {' '.join(corpus.citekit('export', '-', '-f', 'ris', '-q'))} | wc -l"
    )
    wall, peak = peak_run(command, out / "stdin-lines.txt")
    lines = (out / "stdin-lines.txt").read_text().strip()
    print(
        f"1,000,000 RIS records stdin -> stdout: {wall:.1f} s, peak {peak:.0f} MB (largest process), {lines} lines out, load {load()}",
        flush=True,
    )


def styles(cache: Path, out: Path, count: int = 100_000) -> None:
    from citekit.csl.style import locales
    from citekit.csl.style.find import find

    items_file = cache / f"items-{count}.json"
    if not items_file.exists():
        real = [
            i for i in json.loads(corpus.tugboat_json(cache).read_text(encoding="utf-8")) if i.get("title")
        ]
        items = []
        for n in range(count):
            item = dict(real[n % len(real)])
            cycle = n // len(real)
            item["id"] = f"{item['id']}-{cycle}"
            if cycle:
                item["title"] = f"{item['title']}, part {cycle + 1}"
            items.append(item)
        items_file.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    style = find("apa").path
    doc = out / "nocite.md"
    doc.write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    for size in (10_000, count):
        part = cache / f"items-{size}.json" if size != count else items_file
        if not part.exists():
            part.write_text(
                json.dumps(json.loads(items_file.read_text(encoding="utf-8"))[:size], ensure_ascii=False),
                encoding="utf-8",
            )
        tools = [
            (
                "citekit",
                " ".join(corpus.citekit("export", str(part), "-f", "apa", "-q", "-o", str(out / "apa.txt"))),
            )
        ]
        if shutil.which("node") and Path(NODE_PATH, "citeproc").exists():
            tools.append(
                ("citeproc-js", f"node {HERE / 'citeproc_js.js'} {part} {style} {locales.LOCALES_DIR}")
            )
        tool = pandoc()
        if tool:
            tools.append(
                (
                    "pandoc --citeproc",
                    f"{tool} {doc} --citeproc --bibliography {part} --csl {style} -t plain -o {out / 'p.txt'}",
                )
            )
        base = None
        for name, command in tools:
            wall, peak = peak_run(command)
            versus = f"{base / wall:.2f}" if base else ""
            print(
                f"{size:,} items -> APA  {name:<18} {wall:8.1f} s {peak:7.0f} MB  citekit/tool {versus:>5}  load {load()}",
                flush=True,
            )
            base = base or wall


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", nargs="*", default=[], help="convert linear jobs stdin styles")
    parser.add_argument("--sizes", nargs="*", default=["1", "10", "100", "gb"])
    args = parser.parse_args()
    cache = corpus.cache_dir()
    out = cache / "out"
    out.mkdir(exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; cache {cache}; load {load()}", flush=True)
    cases = {
        "convert": lambda: convert(cache, out, args.sizes),
        "linear": lambda: linear(cache, out, args.sizes),
        "jobs": lambda: jobs(cache, out),
        "stdin": lambda: stdin_stream(cache, out),
        "styles": lambda: styles(cache, out),
    }
    for name, case in cases.items():
        if not args.only or name in args.only:
            case()
    return 0


if __name__ == "__main__":
    sys.exit(main())
