"""Make the golden files of styled output with citeproc-js, the reference CSL processor.

    npm install --prefix /tmp/reftools citeproc
    NODE_PATH=/tmp/reftools/node_modules python scripts/reference/make_goldens.py

For the records of records/ it writes tests/golden/records.json (citekit's own CSL-JSON) and
tests/golden/records.STYLE.txt: what citeproc-js prints for that CSL-JSON with the same style and
locale files citekit uses. The tests compare citekit's rendering with these files line for line.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import citekit
from citekit.csl import locales
from citekit.csl.styles import find

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
RENDERER = Path(__file__).with_name("citeproc_js.js")
STYLES = ("apa", "vancouver")
MARKUPS = {"text": "txt", "html": "html"}


def citeproc_js(items: Path, style: str, markup: str, locale: str = "en-US") -> str:
    ref = find(style)
    command = ["node", str(RENDERER), str(items), str(ref.path), str(locales.LOCALES_DIR), locale, markup]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def main() -> int:
    result = citekit.load([str(ROOT / "records")])
    items = GOLDEN / "records.json"
    items.write_text(citekit.dump(result.records, "csljson"), encoding="utf-8")
    for style in STYLES:
        for markup, suffix in MARKUPS.items():
            out = GOLDEN / f"records.{style}.{suffix}"
            out.write_text(citeproc_js(items, style, markup), encoding="utf-8")
            print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
