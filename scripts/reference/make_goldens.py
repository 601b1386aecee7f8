"""Make the golden files of styled output with citeproc-js, the reference CSL processor.

    npm install --prefix /tmp/reftools citeproc
    NODE_PATH=/tmp/reftools/node_modules python scripts/reference/make_goldens.py [STYLE ...]

For the records of records/ it writes tests/golden/records.json (citekit's own CSL-JSON) and
tests/golden/records.STYLE.txt: what citeproc-js prints for that CSL-JSON with the same style and
locale files citekit uses (the style's default locale). The tests compare citekit's rendering with
these files line for line. It also writes cite.STYLE.txt, in-text citations of chosen records. Given style names, it
renders only those, from the records.json there is.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import citekit
from citekit.csl.style import locales
from citekit.csl.style.find import find
from citekit.csl.style.load import load_style

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
RENDERER = Path(__file__).with_name("citeproc_js.js")
STYLES = ("apa", "vancouver", "pure-author", "pure-standard")
MARKUPS = {"text": "txt", "html": "html"}
# In-text citations written to cite.STYLE.txt: ";" separates citations, "," keys cited together.
CITES = "braun2006using;braun2006using,braun2012thematic;harris2020array,sandve2013ten,he2016deep;shannon1940algebra"
CITE_STYLES = ("apa", "vancouver", "harvard", "pure-author")


def citeproc_js(items: Path, style: str, markup: str, cites: str = "") -> str:
    ref = find(style)
    locale = load_style(style).locale
    command = ["node", str(RENDERER), str(items), str(ref.path), str(locales.LOCALES_DIR), locale, markup]
    command += [cites] if cites else []
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def main(styles: list[str]) -> int:
    items = GOLDEN / "records.json"
    if not styles:
        result = citekit.load([str(ROOT / "records")])
        items.write_text(citekit.dump(result.records, "csljson"), encoding="utf-8")
    for style in [s for s in STYLES if not styles or s in styles]:
        for markup, suffix in MARKUPS.items():
            out = GOLDEN / f"records.{style}.{suffix}"
            out.write_text(citeproc_js(items, style, markup), encoding="utf-8")
            print(f"wrote {out.relative_to(ROOT)}")
    for style in [s for s in CITE_STYLES if not styles or s in styles]:
        out = GOLDEN / f"cite.{style}.txt"
        out.write_text(citeproc_js(items, style, "text", CITES), encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
