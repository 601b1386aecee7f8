"""Render the style-guard goldens with citeproc-js and record citekit's agreement as the floor.

    NODE_PATH=/work/reftools/node_modules python scripts/style_agreement/make_guard_goldens.py [STYLE ...]

Writes tests/golden/style_guard/items.json (once: a fixed pick from the measured item sets, items
citeproc-js can render) and, for each style of guard.STYLES (or those named), STYLE.json: the
bibliography in text and HTML and the citations in text, with the SHA-256 of the style and locale
files. A regenerated style starts a new floor at citekit's agreement today (a new style file is a
new baseline); otherwise the floor only rises (UPDATE_STYLE_GUARD_FLOOR=1 pytest tests/style_guard).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import guard  # noqa: E402
import renderers  # noqa: E402

# Every Nth item of these sets (real texlive entries as citation-js and pandoc write them, and the
# Zotero set); items citeproc-js cannot render are skipped.
PICK = {"citation-js": 30, "pandoc": 30, "zotero": 9}


def pick() -> list[dict[str, Any]]:
    chosen = []
    for name, step in PICK.items():
        items = json.loads((HERE / "items" / f"{name}.json").read_text(encoding="utf-8"))
        for item in items[::step]:
            chosen.append({**item, "id": f"{name}/{item['id']}"})
    path = renderers.style_path("apa")
    js = renderers.citeproc_js(path, "en-US", {"all": (chosen, [])})["all"]
    return [i for i in chosen if str(i["id"]) not in js.get("excluded", {})]


def main(argv: list[str]) -> int:
    guard.GOLDEN.mkdir(parents=True, exist_ok=True)
    items_path = guard.GOLDEN / "items.json"
    if not items_path.is_file():
        text = "[\n" + ",\n".join(json.dumps(i, ensure_ascii=False) for i in pick()) + "\n]\n"
        items_path.write_text(text, encoding="utf-8")
    items = guard.items()
    ids = [str(i["id"]) for i in items]
    floor = guard.read_floor()
    for style in argv or guard.STYLES:
        files = guard.style_files(style)
        lang = renderers.locale_of(files["style"])
        job_sets = {"guard": (items, guard.citations(ids))}
        js = renderers.citeproc_js(files["style"], lang, job_sets, separately=True)["guard"]
        if js.get("excluded") or "fatal" in js:
            sys.exit(
                f"{style}: citeproc-js cannot render some guard items: {js.get('excluded') or js['fatal']}"
            )
        golden = {
            "style": style,
            "style_file": files["style"].name,
            "locale": lang,
            "sha256": guard.hashes(style),
            "output": {
                "bibliography/text": js["bibliography"]["text"],
                "bibliography/html": js["bibliography"]["html"],
                "citations/text": js["citations"]["text"],
            },
        }
        path = guard.GOLDEN / f"{style}.json"
        path.write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        floor[style] = guard.agreement(golden, guard.citekit_output(style))
        print(f"wrote {path.relative_to(guard.ROOT)}; citekit agrees on {floor[style]}")
    guard.write_floor(floor)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
