"""Snapshot citekit's observable behaviour, to prove a refactor changed nothing.

    python scripts/snapshot.py take DIR [--quick]    # run citekit on every input set, write outputs to DIR
    python scripts/snapshot.py compare OLD NEW       # list every output that differs (exit 1 if any)

Each case runs the real command line (stdout, stderr and exit code are all kept) on: records/ in every
data format and in several styles and markups, the portal corpus, the agreement items in the three
agreement styles, the hostile corpus, `show` and `check`, the CSL test-suite results, and TUGboat
(Debian's texlive-bibtex-extra, when fetched) in every data format and in APA. `--quick` leaves out
TUGboat and the suite. Take a snapshot before a change, another after, and compare them.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT.parent / "shared" / "csl-test-suite" / "humans"
TUGBOAT = "usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib"
DATA_FORMATS = ("bibtex", "biblatex", "ris", "csljson")
STYLES = ("apa", "vancouver", "harvard", "ieee", "chicago-author-date", "mla", "pure-author", "pure-standard")


def _citekit() -> list[str]:
    script = Path(sys.executable).parent / "citekit"
    return [str(script)] if script.exists() else [sys.executable, "-m", "citekit"]


def _cases(quick: bool) -> dict[str, list[str]]:
    """Case name -> citekit arguments (paths relative to the checkout)."""
    cases: dict[str, list[str]] = {}
    for fmt in DATA_FORMATS:
        cases[f"records.{fmt}"] = ["export", "records/", "-f", fmt]
    cases["records.bibtex-ascii"] = ["export", "records/", "-f", "bibtex", "--ascii"]
    cases["records.biblatex-ascii"] = ["export", "records/", "-f", "biblatex", "--ascii"]
    cases["records.raw.csljson"] = ["export", "records/", "-f", "csljson", "--raw"]
    cases["records.ris-report"] = ["export", "records/", "-f", "ris", "--report"]
    for style in STYLES:
        cases[f"records.{style}"] = ["export", "records/", "-f", style]
    for style in ("apa", "vancouver"):
        for markup in ("html", "markdown"):
            cases[f"records.{style}.{markup}"] = ["export", "records/", "-f", style, "--markup", markup]
    cases["records.apa.de-DE"] = ["export", "records/", "-f", "apa", "--locale", "de-DE"]
    cases["records.show"] = ["show", "records/"]
    cases["records.show-detail"] = ["show", "records/", "--detail"]
    cases["records.check"] = ["check", "records/", "-f", "json"]
    cases["records.cite"] = [
        "cite",
        "braun2006using",
        "braun2012thematic",
        "-i",
        "records/",
        "--style",
        "apa",
    ]
    cases["formats"] = ["formats", "-f", "json"]
    corpus = ROOT / "tests" / "portal_corpus"
    for page in sorted(corpus.iterdir()):
        if page.suffix in (".txt", ".md", ".html"):
            rel = str(page.relative_to(ROOT))
            cases[f"portal_corpus.{page.name}.csljson"] = ["export", rel, "-f", "csljson"]
            cases[f"portal_corpus.{page.name}.show"] = ["show", rel, "--detail"]
    items = "tests/golden/agreement/items.json"
    for style in ("apa", "vancouver", "harvard"):
        cases[f"agreement.{style}"] = ["export", items, "-f", style]
        cases[f"agreement.{style}.html"] = ["export", items, "-f", style, "--markup", "html"]
    manifest = json.loads((ROOT / "tests" / "hostile" / "manifest.json").read_text(encoding="utf-8"))
    for name in sorted(manifest):
        rel = f"tests/hostile/inputs/{name}"
        cases[f"hostile.{name}.csljson"] = ["export", rel, "-f", "csljson"]
        cases[f"hostile.{name}.bibtex"] = ["export", rel, "-f", "bibtex"]
    if not quick:
        tugboat = _tugboat()
        if tugboat:
            for fmt in DATA_FORMATS:
                cases[f"tugboat.{fmt}"] = ["export", tugboat, "-f", fmt]
            cases["tugboat.bibtex-ascii"] = ["export", tugboat, "-f", "bibtex", "--ascii"]
            cases["tugboat.apa"] = ["export", tugboat, "-f", "apa"]
            cases["tugboat.vancouver"] = ["export", tugboat, "-f", "vancouver"]
    return cases


def _tugboat() -> str | None:
    for tree in (os.environ.get("CITEKIT_TEXLIVE"), ROOT.parent / "texlive"):
        if tree and (Path(tree) / TUGBOAT).is_file():
            return str(Path(tree) / TUGBOAT)
    return None


def _run(args: list[str]) -> str:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "CITEKIT_PROGRESS_DELAY": "1000"}
    done = subprocess.run(
        [*_citekit(), *args], cwd=ROOT, capture_output=True, text=True, env=env, check=False
    )
    return f"$ citekit {' '.join(args)}\nexit {done.returncode}\n--- stdout\n{done.stdout}--- stderr\n{done.stderr}"


def _suite() -> str:
    done = subprocess.run(
        [sys.executable, "-m", "citekit.csl.suite", str(SUITE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout + done.stderr


def take(folder: Path, quick: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    cases = _cases(quick)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        outputs = dict(zip(cases, pool.map(_run, cases.values()), strict=True))
    for name, text in outputs.items():
        (folder / f"{name}.out").write_text(text, encoding="utf-8")
    if not quick and SUITE.is_dir():
        (folder / "csl-suite.out").write_text(_suite(), encoding="utf-8")
    print(f"{len(outputs)} cases written to {folder}")


def compare(old: Path, new: Path) -> int:
    names = sorted({p.name for p in old.iterdir()} | {p.name for p in new.iterdir()})
    differing = 0
    for name in names:
        a = (old / name).read_text(encoding="utf-8") if (old / name).exists() else "(missing)\n"
        b = (new / name).read_text(encoding="utf-8") if (new / name).exists() else "(missing)\n"
        if a != b:
            differing += 1
            diff = difflib.unified_diff(
                a.splitlines(), b.splitlines(), str(old / name), str(new / name), lineterm=""
            )
            print("\n".join(list(diff)[:40]))
    print(f"{differing} of {len(names)} outputs differ")
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    take_parser = sub.add_parser("take")
    take_parser.add_argument("folder", type=Path)
    take_parser.add_argument("--quick", action="store_true")
    compare_parser = sub.add_parser("compare")
    compare_parser.add_argument("old", type=Path)
    compare_parser.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "take":
        take(args.folder, args.quick)
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
