"""Harvest throughput: `citekit harvest` over a local OAI-PMH server, records per second and peak memory.

    python bench/harvest.py [--records N] [--page-size N] [--format FORMAT]

The server (tests/net/server.py, in this process) answers ListRecords over N generated MODS
records in Pure's shape (tests/net/oai.py: data we wrote), 100 to a page, with resumption tokens.
citekit runs as its own process (the real CLI, `-q`, output to a file) with an empty cache, then
again with the cache filled (a rerun: nothing is fetched). Nothing leaves the machine: the server
listens on 127.0.0.1 only. Printed: wall-clock seconds, records per second, the peak memory of the
citekit process, and the load average (the machine may be shared).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.net.oai import Repository  # noqa: E402
from tests.net.server import Served, serving  # noqa: E402


def run(base: str, output: Path, cache: Path, fmt: str, jobs: int) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak MB, exit status) of one harvest."""
    env = {**os.environ, "CITEKIT_CACHE_DIR": str(cache)}
    command = [
        sys.executable,
        "-m",
        "citekit",
        "harvest",
        base,
        "-f",
        fmt,
        "-o",
        str(output),
        "-q",
        "-j",
        str(jobs),
    ]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code:
        print(stderr, file=sys.stderr)
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, code


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--format", default="bibtex")
    parser.add_argument("--jobs", type=int, default=1, help="citekit harvest -j N (writing on N processes)")
    args = parser.parse_args()
    repository = Repository(args.records, args.page_size)
    with tempfile.TemporaryDirectory() as folder, serving(Served(dynamic=repository)) as served:
        output, cache = Path(folder) / f"out.{args.format}", Path(folder) / "cache"
        base = f"{served.base}/ws/oai"
        print(
            f"harvest of {args.records:,} generated MODS records, {args.page_size} a page, "
            f"-f {args.format} -j {args.jobs}"
        )
        for label in ("empty cache", "cached rerun"):
            before = len(served.log)
            seconds, cpu, peak, code = run(base, output, cache, args.format, args.jobs)
            fetched = len(served.log) - before
            load = os.getloadavg()[0]
            print(
                f"  {label:13} {seconds:7.2f} s  {args.records / seconds:8,.0f} records/s  "
                f"(CPU {cpu:6.2f} s: {args.records / cpu:6,.0f} records per CPU second)  "
                f"peak {peak:6.0f} MB  {fetched} requests  exit {code}  load {load:.2f}"
            )
        entries = output.read_text(encoding="utf-8").count("\n@") + 1 if args.format == "bibtex" else None
        if entries is not None:
            print(f"  {entries:,} entries written")


if __name__ == "__main__":
    main()
