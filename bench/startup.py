"""How fast `citekit --help` and `citekit --version` answer, next to a bare `python -c pass`.

Run: python bench/startup.py [--runs N]

Each command is run N times (after one warm-up run); the median wall-clock time is printed in
milliseconds, with its ratio to the bare interpreter, and the median CPU time (user + system) of
the child, which a busy machine disturbs less than the wall clock. The target is under 150 ms
(wall clock) for --help and --version on this machine's class of hardware.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_MS = 150.0


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def medians_ms(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of ``command``."""
    subprocess.run(command, capture_output=True, check=True)  # warm the file cache
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), cpu_seconds()
        subprocess.run(command, capture_output=True, check=True)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((cpu_seconds() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    script = Path(sys.executable).parent / "citekit"
    citekit = [str(script)] if script.exists() else [sys.executable, "-m", "citekit"]
    base, base_cpu = medians_ms([sys.executable, "-c", "pass"], args.runs)
    print(f"{'command':<20} {'median ms':>10} {'x python':>9} {'cpu ms':>8}")
    print(f"{'python -c pass':<20} {base:>10.1f} {1.0:>9.2f} {base_cpu:>8.1f}")
    slow = False
    for flag in ("--version", "--help"):
        ms, cpu = medians_ms([*citekit, flag], args.runs)
        slow |= ms > TARGET_MS
        print(f"{'citekit ' + flag:<20} {ms:>10.1f} {ms / base:>9.2f} {cpu:>8.1f}")
    print(f"target: under {TARGET_MS:.0f} ms: {'MISSED' if slow else 'met'}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
