"""How fast `citekit --help` and `citekit --version` answer, next to a bare `python -c pass`.

Run: python bench/startup.py [--runs N]

Each command is run N times (after one warm-up run); the median wall-clock time is printed in
milliseconds, with its ratio to the bare interpreter. The target is under 150 ms for --help
and --version on this machine's class of hardware.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_MS = 150.0


def median_ms(command: list[str], runs: int) -> float:
    subprocess.run(command, capture_output=True, check=True)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    script = Path(sys.executable).parent / "citekit"
    citekit = [str(script)] if script.exists() else [sys.executable, "-m", "citekit"]
    base = median_ms([sys.executable, "-c", "pass"], args.runs)
    print(f"{'command':<28} {'median ms':>10} {'x python':>9}")
    print(f"{'python -c pass':<28} {base:>10.1f} {1.0:>9.2f}")
    slow = False
    for flag in ("--version", "--help"):
        ms = median_ms([*citekit, flag], args.runs)
        slow |= ms > TARGET_MS
        print(f"{'citekit ' + flag:<28} {ms:>10.1f} {ms / base:>9.2f}")
    print(f"target: under {TARGET_MS:.0f} ms: {'MISSED' if slow else 'met'}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
