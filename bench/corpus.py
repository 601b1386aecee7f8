"""The benchmark's inputs, built once into a cache folder (never committed).

* ``tugboat.bib``: Nelson Beebe's bibliography of TUGboat (about 4,846 real entries), from Debian's
  texlive-bibtex-extra package, fetched by ``scripts/agreement/fetch_texlive.sh``.
* ``tugboat.json``: the same entries as CSL-JSON, read by citekit (the "real items" styled).
* ``tugboat.ris``: the same entries as RIS, written by citekit (the RIS -> BibTeX input).
* ``portal-N/``: N research-portal pages (1,000 to a file) made from those records, cycled with a
  copy number in the title once the 4,846 run out, so that every page is a distinct record.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TUGBOAT = "usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib"
PAGES_PER_FILE = 1000


def cache_dir() -> Path:
    """``$CITEKIT_BENCH_CACHE``, else a folder under /tmp."""
    folder = Path(os.environ.get("CITEKIT_BENCH_CACHE", "/tmp/citekit-bench"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def citekit(*args: str) -> list[str]:
    """The command line that runs citekit from this checkout's environment."""
    script = Path(sys.executable).parent / "citekit"
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "citekit", *args]


def tugboat_bib(cache: Path) -> Path:
    """The large real BibTeX file: an unpacked texlive tree if one is at hand, else fetched."""
    for tree in (os.environ.get("CITEKIT_TEXLIVE"), ROOT.parent / "texlive", cache / "texlive"):
        if tree and (Path(tree) / TUGBOAT).is_file():
            return Path(tree) / TUGBOAT
    fetch = ROOT / "scripts" / "agreement" / "fetch_texlive.sh"
    subprocess.run(["sh", str(fetch), str(cache / "texlive")], check=True, stdout=subprocess.DEVNULL)
    return cache / "texlive" / TUGBOAT


def _export(source: Path, target: Path, fmt: str) -> Path:
    if not target.exists():
        subprocess.run(
            citekit("export", str(source), "-f", fmt, "-o", str(target), "--quiet"),
            check=False,  # a few entries of a real file always draw warnings
            stderr=subprocess.DEVNULL,
        )
    return target


def tugboat_json(cache: Path) -> Path:
    return _export(tugboat_bib(cache), cache / "tugboat.json", "csljson")


def tugboat_ris(cache: Path) -> Path:
    return _export(tugboat_bib(cache), cache / "tugboat.ris", "ris")


def first_items(cache: Path, count: int) -> Path:
    """The first ``count`` real records as CSL-JSON (the styling input)."""
    target = cache / f"items-{count}.json"
    if not target.exists():
        items = json.loads(tugboat_json(cache).read_text(encoding="utf-8"))[:count]
        target.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    return target


def _names(item: dict[str, Any]) -> str:
    people = []
    for name in item.get("author") or item.get("editor") or []:
        if name.get("literal"):
            people.append(name["literal"])
        else:
            family = " ".join(name.get(k, "") for k in ("non-dropping-particle", "family") if name.get(k))
            people.append(f"{name.get('given', '')} {family}".strip())
    return ", ".join(p for p in people if p)


def portal_page(item: dict[str, Any], copy: int) -> str:
    """One portal page (tab layout) carrying the record's title, people, journal and date."""
    title = " ".join(str(item.get("title") or "Untitled").split())
    if copy:
        title = f"{title} (part {copy + 1})"
    lines = [title, "", "Research output: Contribution to journal › Article › peer-review", ""]
    people = _names(item)
    if people:
        lines += [people, ""]
    lines.append("Original language\tEnglish")
    rows = (
        ("Pages (from-to)", "page"),
        ("Journal", "container-title"),
        ("Volume", "volume"),
        ("Issue number", "issue"),
    )
    for label, var in rows:
        value = " ".join(str(item.get(var) or "").split())
        if value:
            lines.append(f"{label}\t{value}")
    year = (item.get("issued") or {}).get("date-parts", [[None]])[0][0]
    lines.append(f"Publication status\tPublished - {year or 2000}")
    return "\n".join(lines) + "\n\n"


def portal(cache: Path, count: int) -> Path:
    """A folder of ``count`` portal pages, 1,000 to a file."""
    folder = cache / f"portal-{count}"
    if (folder / ".done").exists():
        return folder
    folder.mkdir(exist_ok=True)
    items = [i for i in json.loads(tugboat_json(cache).read_text(encoding="utf-8")) if i.get("title")]
    for start in range(0, count, PAGES_PER_FILE):
        pages = [
            portal_page(items[n % len(items)], n // len(items))
            for n in range(start, min(start + PAGES_PER_FILE, count))
        ]
        (folder / f"pages-{start // PAGES_PER_FILE:04d}.txt").write_text("".join(pages), encoding="utf-8")
    (folder / ".done").touch()
    return folder
