"""Time and peak memory of reading big inputs, per reader: ``python fuzz/bench_limits.py [MB]``.

Writes a file of about MB megabytes (default 10) of each format from the sample records into a
temporary folder, reads it with ``citekit.stages.read`` in a child process, and prints the
seconds and peak resident memory; then checks that a 100 MB file is refused at once. Speed is
measured here, never in the tests.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = (
    "import resource, sys; from citekit import stages; r = stages.read(sys.argv[1]); "
    "print(len(r.records), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
)


def make(folder: Path, megabytes: int) -> list[Path]:
    import citekit
    from citekit import formats

    records = citekit.load([str(ROOT / "records")]).records
    size = megabytes * 1_000_000
    out = []
    # One big file per format a reader of its own reads (BibLaTeX is read as BibTeX).
    for fmt in (
        f
        for f in formats.FORMATS.values()
        if f.writable and f.sniff(citekit.dump(records, f.name)) is not None
    ):
        one = citekit.dump(records, fmt.name)
        copies = size // len(one.encode("utf-8")) + 1
        text = "".join(fmt.join([one] * copies))
        out.append(folder / f"big{fmt.suffixes[0]}")
        out[-1].write_text(text, encoding="utf-8")
    page = (ROOT / "records" / "01_numpy_nature_glued.txt").read_text(encoding="utf-8")
    out.append(folder / "big.txt")
    out[-1].write_text((page + "\n") * (size // len(page.encode("utf-8")) + 1), encoding="utf-8")
    return out


def measure(path: Path) -> tuple[float, float, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
    )
    count, peak = proc.stdout.split()
    return time.perf_counter() - start, float(peak), count


def main(megabytes: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for path in make(folder, megabytes):
            seconds, peak, count = measure(path)
            size = path.stat().st_size / 1e6
            print(f"{path.name:10} {size:6.1f} MB  {count:>7} records  {seconds:6.1f} s  peak {peak:6.0f} MB")
        huge = folder / "huge.bib"
        with huge.open("wb") as handle:
            handle.truncate(100 * 1024 * 1024)
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "citekit", "export", str(huge), "-f", "ris"],
            capture_output=True,
            text=True,
        )
        print(
            f"100 MB file: exit {proc.returncode} in {time.perf_counter() - start:.1f} s: {proc.stderr.strip()}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
