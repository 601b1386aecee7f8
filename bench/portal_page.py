"""One very large research-portal page, read: the time stays under a second at 5 MB.

    python bench/portal_page.py [--size MB] [--runs N]

Builds 5 MB pages of our own making in the cache folder (``/tmp/citekit-bench``) and times reading
each (``citekit.loads``: unwrap, exports, renderings, scan, build, evidence and the clean-up steps), as
CPU time (what the reader costs) and wall time (what a user waits on a shared machine), then the
whole ``citekit export`` command's wall time:

- **collaboration**: a converter's Markdown capture of a page with ten thousand authors (a physics
  collaboration), organisation units, a long abstract, a Fingerprint list, the APA, BibTeX and RIS
  exports that repeat the author list, and share links carrying base64 icons;
- **long lines**: a page whose share links carry base64 icons and whose abstract runs to hundreds
  of thousands of words on one line;
- **many lines**: a stress test, not a page: 150,000 Fingerprint lines (real lists stop at a few dozen).

The pages are generated, not real: their text is ours (made-up names and words); what they copy from
real captures is only the layout.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

GIVEN = ("Ann", "Bo", "Chen", "Dara", "Eli", "Fa Peng", "Ingrid", "Jun", "Kofi", "Lena")
FAMILY = ("Lee", "Kim", "Smith", "Huang", "van Dijk", "Olsen", "Garcia", "Okafor", "Novak", "Sato")
WORDS = [
    "the",
    "of",
    "and",
    "model",
    "data",
    "analysis",
    "energy",
    "phase",
    "transition",
    "result",
    "method",
    "signal",
    "network",
]


def _people(count: int, rng: random.Random) -> list[tuple[str, str]]:
    return [(rng.choice(GIVEN), f"{rng.choice(FAMILY)}{k}") for k in range(count)]


def collaboration_page(target: int, rng: random.Random) -> str:
    """A converter's capture of a page with a collaboration's author list (repeated by its APA,
    BibTeX and RIS exports), a long abstract, a Fingerprint list and share links with base64 icons,
    grown to ``target`` bytes by the icons."""
    people = _people(10_000, rng)
    parts = ["<!-- migrated snapshot -->", "", "# A measurement of everything at once", ""]
    parts += [
        ("" if k == 0 else ", ") + f"{given} {family}" + "\n" for k, (given, family) in enumerate(people)
    ]
    parts += [
        f"- [Department of Physics {k}](https://portal.example/en/organisations/d{k}/)" for k in range(500)
    ]
    parts += ["", "Research output: Contribution to journal › Article › peer-review", "", "## Abstract", ""]
    parts += [
        " ".join(rng.choice(WORDS) for _ in range(200_000)) + ".",
        "",
        "[TABLE]",
        "",
        "## Fingerprint",
        "",
    ]
    parts += [f"-  Topic {k} Physics & Astronomy {k % 100}%" for k in range(5000)]
    apa = ", ".join(f"{family}, {given[0]}." for given, family in people)
    bibtex = " and ".join(f"{family}, {{{given}}}" for given, family in people)
    parts += ["", "## Cite this", "", "- APA", "- BIBTEX", "- RIS", ""]
    parts += [f"{apa} (2020). A measurement of everything at once. Journal of Things, 1(2), 3-4.", ""]
    parts += ["@article{0f2e9c1d4b3a29e8a7c6b5d4e3f2a1b0,", 'title = "A measurement of everything at once",']
    parts += [f'author = "{bibtex}",', 'year = "2020",', 'journal = "Journal of Things",', "}", ""]
    parts += ["TY - JOUR", "T1 - A measurement of everything at once"]
    parts += [f"AU - {family}, {given}" for given, family in people]
    parts += ["PY - 2020", "JO - Journal of Things", "ER -", ""]
    page = "\n".join(parts) + "\n"
    return page + _icons(target - len(page.encode()), rng)


def many_lines_page(target: int, rng: random.Random) -> str:
    """A stress test rather than a page: a capture whose Fingerprint list runs to a hundred thousand
    lines (real lists stop at a few dozen)."""
    head = "# A topic-rich output\n\nAnn Lee\n\nResearch output: Contribution to journal › Article\n\n## Fingerprint\n"
    line = "-  Topic {} Physics & Astronomy {}%\n"
    lines = [line.format(k, k % 100) for k in range(target // len(line) + 1)]
    return head + "".join(lines)[:target] + "\n"


def _icons(size: int, rng: random.Random) -> str:
    """Share links whose icons are base64 images, ``size`` bytes of them."""
    icon = (
        "![](data:image/png;base64,"
        + "".join(rng.choice("ABCDEFabcdef0123456789+/") for _ in range(40_000))
        + ")"
    )
    return "".join(
        f"- [{icon}](https://share.example/sharer.php?u=x{k})\n" for k in range(max(0, size) // len(icon) + 1)
    )


def long_lines_page(target: int, rng: random.Random) -> str:
    """A page whose abstract is one very long line and whose share links carry base64 icons."""
    head = [
        "# Long abstracts and heavy icons",
        "",
        "Ann Lee",
        "",
        ", Bo Kim",
        "",
        "Research output: Contribution to journal › Article › peer-review",
        "",
        "## Abstract",
        "",
    ]
    table = [
        "",
        "| Journal | Journal of Things |",
        "|---|---|",
        "| Volume | 12 |",
        "| Publication status | Published - 2020 |",
        "",
    ]
    icon = (
        "![](data:image/png;base64,"
        + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789+/") for _ in range(40_000))
        + ")"
    )
    shares = [
        f"- [{icon}](https://share.example/sharer.php?u=x{k})" for k in range(target // 2 // len(icon) + 1)
    ]
    words = target // 2 // 7
    abstract = " ".join(rng.choice(WORDS) for _ in range(words)) + "."
    return "\n".join([*head, abstract, *table, *shares]) + "\n"


def timed_read(path: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of reading one page in this process."""
    import citekit

    text = path.read_text(encoding="utf-8")
    cpu, wall = time.process_time(), time.perf_counter()
    result = citekit.loads(text, "portal")
    assert len(result.records) == 1, "the page must read as one record"
    return time.process_time() - cpu, time.perf_counter() - wall


SHAPES = (
    ("collaboration", collaboration_page),
    ("long lines", long_lines_page),
    ("many lines", many_lines_page),
)


def pages(cache: Path, size: float = 5.0) -> list[tuple[str, Path]]:
    """The benchmark's pages, built once into the cache folder: (shape, path)."""
    rng = random.Random(7)
    out = []
    for name, make in SHAPES:
        path = cache / f"portal-page-{name.replace(' ', '-')}-{size:g}MB.md"
        if not path.exists():
            path.write_text(make(int(size * 1024 * 1024), rng), encoding="utf-8")
        out.append((name, path))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=float, default=5.0, help="page size in MB (default 5)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cache = corpus.cache_dir()
    for name, path in pages(cache, args.size):
        size = path.stat().st_size / 1024 / 1024
        best = min((timed_read(path) for _ in range(args.runs)), key=lambda t: t[0])
        command = corpus.citekit("export", str(path), "-f", "bibtex", "-q", "-o", str(cache / "page.bib"))
        start = time.perf_counter()
        subprocess.run(command, check=True)
        export = time.perf_counter() - start
        verdict = "met" if best[0] < 1.0 else "NOT met"
        print(
            f"{name:13}  {size:.1f} MB page: read {best[0]:.2f} s CPU ({best[1]:.2f} s wall); "
            f"`citekit export` {export:.2f} s wall; load {os.getloadavg()[0]:.1f}  (read under 1 s: {verdict})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
