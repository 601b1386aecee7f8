"""Build the item sets the agreement run measures: the same real BibTeX entries as three
converters write them in CSL-JSON, plus Zotero-shaped CSL-JSON.

    scripts/agreement/fetch_texlive.sh        # once: Debian's texlive-bibtex-extra under /work
    NODE_PATH=/work/reftools/node_modules python scripts/style_agreement/items.py

Sources: xampl.bib (texlive-base, found with kpsewhich or under /usr/share/texlive),
biblatex-examples.bib and Beebe's bibliographies (texlive-bibtex-extra). Chosen by a fixed rule,
never by how anything renders them: every entry of xampl.bib and of biblatex-examples.bib (the most
varied types), and from Beebe's files, for each BibTeX entry type, at most PER_TYPE entries spread
evenly over the type's entries in all the files.

Each converter reads each whole file, as its users would:
- citation-js: @citation-js/plugin-bibtex (citationjs_items.js), biblatex dialect for biblatex files;
- pandoc: ``pandoc -f bibtex|biblatex -t csljson`` (pypandoc-binary's pandoc);
- citekit: ``citekit export FILE -f csljson`` (through the library: load, then dump).
Every item keeps exactly the fields its converter wrote, less free text (abstract, note, annote,
keyword: nobody's sentences are committed), and gets the id ``FILE:KEY``. items/selection.txt lists
the chosen entries; an entry a converter did not write is listed in items/dropped.txt.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ITEMS = HERE / "items"
sys.path.insert(0, str(ROOT))

TEXLIVE = Path(os.environ.get("CITEKIT_TEXLIVE", ROOT.parent / "texlive"))
EXTRA = TEXLIVE / "usr/share/texlive/texmf-dist/bibtex/bib"
NODE_PATH = os.environ.get("NODE_PATH", str(ROOT.parent / "reftools" / "node_modules"))
PER_TYPE = 16
BEEBE = [
    "epodd",
    "font",
    "printing-history",
    "serif",
    "texbook1",
    "texbook2",
    "texbook3",
    "texgraph",
    "texjourn",
    "texnique",
    "tugboat",
    "type",
    "typeset",
]
DROPPED_FIELDS = {"abstract", "note", "annote", "keyword"}
ENTRY = re.compile(r"^@(\w+)\s*[{(]\s*([^,\s]+)\s*,", re.MULTILINE)


def xampl() -> Path:
    found = (
        shutil.which("kpsewhich")
        and subprocess.run(["kpsewhich", "xampl.bib"], capture_output=True, text=True).stdout.strip()
    )
    return Path(found or "/usr/share/texlive/texmf-dist/bibtex/bib/base/xampl.bib")


def sources() -> list[tuple[Path, str]]:
    """(file, dialect) in a fixed order."""
    files = [(xampl(), "bibtex"), (EXTRA / "biblatex/biblatex/biblatex-examples.bib", "biblatex")]
    files += [(EXTRA / f"beebe/{name}.bib", "bibtex") for name in BEEBE]
    missing = [str(path) for path, _ in files if not path.is_file()]
    if missing:
        sys.exit(f"items.py: missing {', '.join(missing)}; run scripts/agreement/fetch_texlive.sh")
    return files


def entries(path: Path) -> list[tuple[str, str]]:
    """(entry type, key) of every entry of a BibTeX file, macros and comments aside."""
    text = path.read_text(encoding="utf-8", errors="replace")
    found = [(kind.lower(), key) for kind, key in ENTRY.findall(text)]
    return [(kind, key) for kind, key in found if kind not in ("string", "preamble", "comment")]


def selection(files: list[tuple[Path, str]]) -> dict[Path, list[str]]:
    chosen: dict[Path, list[str]] = {path: [] for path, _ in files}
    by_type: dict[str, list[tuple[Path, str]]] = defaultdict(list)
    for path, _ in files:
        if path.parent.name == "beebe":
            for kind, key in entries(path):
                by_type[kind].append((path, key))
        else:
            chosen[path] = [key for _, key in entries(path)]
    for kind in sorted(by_type):
        pool = by_type[kind]
        step = max(1, len(pool) // PER_TYPE)
        for path, key in pool[::step][:PER_TYPE]:
            chosen[path].append(key)
    return chosen


def citation_js(path: Path, dialect: str) -> list[dict[str, Any]]:
    command = ["node", str(HERE / "citationjs_items.js"), str(path), dialect]
    env = {**os.environ, "NODE_PATH": NODE_PATH}
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    if out.stderr:
        print(out.stderr.strip(), file=sys.stderr)
    items: list[dict[str, Any]] = json.loads(out.stdout)
    return items


def pandoc(path: Path, dialect: str) -> list[dict[str, Any]]:
    import pypandoc

    command = [pypandoc.get_pandoc_path(), "-f", dialect, "-t", "csljson", str(path)]
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    items: list[dict[str, Any]] = json.loads(out.stdout)
    return items


def citekit(path: Path, dialect: str) -> list[dict[str, Any]]:
    import citekit as library

    result = library.load([str(path)])
    items: list[dict[str, Any]] = json.loads(library.dump(result.records, "csljson"))
    return items


CONVERTERS = {"citation-js": citation_js, "pandoc": pandoc, "citekit": citekit}


def build(name: str, files: list[tuple[Path, str]], chosen: dict[Path, list[str]]) -> list[str]:
    """Write items/NAME.json; return the chosen entries the converter did not write."""
    out: list[dict[str, Any]] = []
    dropped: list[str] = []
    for path, dialect in files:
        written = {str(item.get("id")): item for item in CONVERTERS[name](path, dialect)}
        for key in chosen[path]:
            item = written.get(key)
            if item is None:
                dropped.append(f"{name}\t{path.stem}:{key}")
                continue
            kept = {k: v for k, v in item.items() if k not in DROPPED_FIELDS}
            kept["id"] = f"{path.stem}:{key}"
            out.append(kept)
    text = "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in out) + "\n]\n"
    (ITEMS / f"{name}.json").write_text(text, encoding="utf-8")
    print(f"{name}: {len(out)} items, {len(dropped)} dropped")
    return dropped


def zotero() -> None:
    items = []
    for part in ("zotero-bbt", "zotero-ours"):
        items += json.loads((ITEMS / f"{part}.json").read_text(encoding="utf-8"))
    text = "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in items) + "\n]\n"
    (ITEMS / "zotero.json").write_text(text, encoding="utf-8")
    print(f"zotero: {len(items)} items")


def main() -> None:
    files = sources()
    chosen = selection(files)
    lines = [f"{path.stem}:{key}" for path, keys in chosen.items() for key in keys]
    (ITEMS / "selection.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} entries chosen from {len(files)} files")
    dropped = [line for name in CONVERTERS for line in build(name, files, chosen)]
    (ITEMS / "dropped.txt").write_text("".join(f"{line}\n" for line in dropped), encoding="utf-8")
    zotero()


if __name__ == "__main__":
    main()
