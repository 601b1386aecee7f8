"""How fast `citekit --version` and `citekit --help` answer, next to a bare `python -c pass`.

Run: python bench/startup.py [--runs N] [--citekit PATH]

Each command runs N times (after one warm-up run each), the commands taking turns so that a change
in the machine's load falls on all of them alike. For each it prints the median and the fastest
wall-clock time and the median CPU time (user + system, of the child alone: `os.wait4`), in
milliseconds, and the CPU time above the bare interpreter's, which is what citekit itself costs.
CPU time is what to compare: on a shared machine the wall clock measures the other processes too.

It also says how citekit is installed: an editable install (`pip install -e`) runs an import hook
that a wheel install does not have, which costs a few milliseconds of its own.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

# The CPU time citekit may add to a bare interpreter's start-up. --help has no target: it builds the
# command line with typer, whose import is most of its time (typer < 0.29: see pyproject.toml).
TARGET_CPU_MS = {"--version": 30.0}


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds of one run of ``command`` (its output thrown away)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {child.returncode}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def medians_ms(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of ``command`` over ``runs`` runs (after a warm-up)."""
    run_once(command)
    found = [run_once(command) for _ in range(runs)]
    return statistics.median(w for w, _ in found), statistics.median(c for _, c in found)


def install_kind(citekit: list[str]) -> str:
    python = Path(citekit[0]).parent / "python" if len(citekit) == 1 else Path(citekit[0])
    probe = "import citekit, sys; print(any('__editable__' in str(f) for f in sys.meta_path))"
    found = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=False)
    return "editable install" if found.stdout.strip() == "True" else "installed package"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--citekit", help="the citekit script to time (default: the one beside this Python)")
    args = parser.parse_args()
    script = Path(args.citekit) if args.citekit else Path(sys.executable).parent / "citekit"
    citekit = [str(script)] if script.exists() else [sys.executable, "-m", "citekit"]
    python = str(Path(citekit[0]).parent / "python") if script.exists() else sys.executable
    commands = {
        "python -c pass": [python, "-c", "pass"],
        "citekit --version": [*citekit, "--version"],
        "citekit --help": [*citekit, "--help"],
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for command in commands.values():
        run_once(command)  # warm the file cache
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(run_once(command))
    base_cpu = statistics.median(cpu for _, cpu in times["python -c pass"])
    print(
        f"{install_kind(citekit)}, {args.runs} runs each, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"
    )
    print(f"{'command':<20} {'wall median':>11} {'wall min':>9} {'cpu median':>11} {'cpu - python':>13}")
    missed = False
    for name, found in times.items():
        walls, cpus = [w for w, _ in found], [c for _, c in found]
        cpu = statistics.median(cpus)
        flag = name.split()[-1]
        if flag in TARGET_CPU_MS and cpu - base_cpu > TARGET_CPU_MS[flag]:
            missed = True
        print(
            f"{name:<20} {statistics.median(walls):>9.1f}ms {min(walls):>7.1f}ms "
            f"{cpu:>9.1f}ms {cpu - base_cpu:>11.1f}ms"
        )
    targets = ", ".join(f"{flag} {ms:.0f} ms" for flag, ms in TARGET_CPU_MS.items())
    print(f"target (CPU above bare python): {targets}: {'MISSED' if missed else 'met'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
