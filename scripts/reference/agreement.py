"""Build the agreement item set from real bibliographies and render it with citeproc-js.

    apt-get download texlive-bibtex-extra && dpkg -x texlive-bibtex-extra_*.deb /work/texlive
    NODE_PATH=/work/reftools/node_modules python scripts/reference/agreement.py /work/texlive

The items are entries of BibTeX files from Debian's texlive-bibtex-extra (Beebe's bibliographies
of typesetting, fonts, printing history and graphics, and biblatex's example file), converted to
CSL-JSON by citation-js (bib_to_csl.js). They are picked by a fixed rule, never by how citekit
renders them: every entry of the biblatex examples (the most varied types) and every Nth entry
of the others. Only bibliographic facts are kept (no abstracts, notes or annotations).

It writes tests/golden/agreement/items.json and, per style, tests/golden/agreement/STYLE.txt:
citeproc-js's bibliography of the items, with the same style and locale files citekit uses.
tests/csl/test_agreement.py compares citekit's rendering with these files line for line.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from citekit.csl.style import locales
from citekit.csl.style.find import find
from citekit.csl.style.load import load_style

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "golden" / "agreement"
HERE = Path(__file__).resolve().parent
BIB = Path("usr/share/texlive/texmf-dist/bibtex/bib")
STYLES = ("apa", "vancouver", "harvard")

# BibTeX file under texlive's bib folder -> take every Nth entry (1 = all of them).
SOURCES = {
    "biblatex/biblatex/biblatex-examples.bib": 1,
    "beebe/typeset.bib": 9,
    "beebe/font.bib": 10,
    "beebe/printing-history.bib": 7,
    "beebe/texgraph.bib": 5,
}

# The CSL variables kept: facts of a publication, not anybody's sentences.
KEPT = {
    "id", "type", "title", "title-short", "container-title", "container-title-short",
    "collection-title", "collection-number", "volume", "number-of-volumes", "issue", "page",
    "number-of-pages", "edition", "publisher", "publisher-place", "event", "event-title",
    "event-place", "genre", "number", "medium", "DOI", "URL", "ISBN", "ISSN", "language",
    "author", "editor", "translator", "director", "container-author", "collection-editor",
    "issued", "accessed", "event-date", "original-date", "status", "version", "chapter-number",
    "part", "section", "original-title", "original-publisher", "original-publisher-place",
}  # fmt: skip


NAMES = {"author", "editor", "translator", "director", "container-author", "collection-editor"}
DATES = {"issued", "accessed", "event-date", "original-date"}


def _valid(key: str, value: Any) -> bool:
    """CSL-JSON shape: names are lists, dates are objects, everything else a string or number
    (citation-js turns biblatex's ``langid = {latin and german}`` into a list, which is not CSL-JSON)."""
    if key in NAMES:
        return isinstance(value, list)
    if key in DATES:
        return isinstance(value, dict)
    return isinstance(value, str | int)


def convert(bib: Path) -> list[dict[str, Any]]:
    command = ["node", str(HERE / "bib_to_csl.js"), str(bib)]
    items: list[dict[str, Any]] = json.loads(
        subprocess.run(command, check=True, capture_output=True, text=True).stdout
    )
    return items


def select(texlive: Path) -> list[dict[str, Any]]:
    chosen: list[dict[str, Any]] = []
    for name, step in SOURCES.items():
        prefix = Path(name).stem
        for item in convert(texlive / BIB / name)[::step]:
            kept = {key: value for key, value in item.items() if key in KEPT and _valid(key, value)}
            kept["id"] = f"{prefix}:{item['id']}"
            if len(kept) > 2:  # an entry with nothing but a crossref or a set has no data of its own
                chosen.append(kept)
    return chosen


def citeproc_js(items: Path, style: str) -> str:
    ref = find(style)
    locale = load_style(style).locale
    command = [
        "node", str(HERE / "citeproc_js.js"), str(items), str(ref.path),
        str(locales.LOCALES_DIR), locale, "text",
    ]  # fmt: skip
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    items = select(Path(argv[0]))
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "items.json"
    path.write_text(json.dumps(items, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(items)} items to {path.relative_to(ROOT)}")
    with tempfile.TemporaryDirectory():
        for style in STYLES:
            out = OUT / f"{style}.txt"
            out.write_text(citeproc_js(path, style), encoding="utf-8")
            print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
