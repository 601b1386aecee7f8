"""The index of available styles, for `citekit styles`: every style's id, title and parent, read
from the first bytes of each file and cached under the user's cache folder."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from citekit.csl.style.find import aliases, style_dirs


@dataclass(frozen=True)
class StyleInfo:
    id: str
    title: str
    parent: str | None = None  # a dependent style's parent id

    def matches(self, words: list[str]) -> bool:
        text = f"{self.id} {self.title}".lower()
        return all(word in text for word in words)


# A style's title and parent sit in its first few hundred bytes: no XML parse is needed to list them.
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_PARENT = re.compile(r'<link\s+href="[^"]*/([^"/]+?)(?:\.csl)?"\s+rel="independent-parent"')
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}
HEAD_BYTES = 4096


def _read_info(path: Path) -> StyleInfo:
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES).decode("utf-8", errors="replace")
    title = _TITLE.search(head)
    parent = _PARENT.search(head)
    text = re.sub(r"&\w+;", lambda m: _ENTITIES.get(m.group(0), m.group(0)), title.group(1)) if title else ""
    return StyleInfo(path.stem, " ".join(text.split()), parent.group(1) if parent else None)


def _cache_file() -> Path:
    base = os.environ.get("CITEKIT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    folder = Path(base) if base else Path.home() / ".cache"
    if not os.environ.get("CITEKIT_CACHE_DIR"):
        folder = folder / "citekit"
    return folder / "styles-index.json"


def _stamp() -> str:
    """Changes when any style folder changes (a package upgrade or a style added to ours)."""
    return "|".join(f"{d}:{d.stat().st_mtime_ns}" for d in style_dirs() if d.is_dir())


def _scan() -> list[StyleInfo]:
    found: dict[str, StyleInfo] = {}
    for folder in style_dirs():
        for path in sorted(folder.glob("*.csl")):
            found.setdefault(path.stem, _read_info(path))
    return sorted(found.values(), key=lambda info: info.id)


@cache
def index() -> list[StyleInfo]:
    """Every available style with its title, read once and cached under the user cache dir."""
    cache_file = _cache_file()
    stamp = _stamp()
    try:
        cached = json.loads(cache_file.read_text(encoding="utf-8"))
        if cached.get("stamp") == stamp:
            return [StyleInfo(**entry) for entry in cached["styles"]]
    except (OSError, ValueError, TypeError, KeyError):
        pass  # no cache yet, or an unreadable one: rebuild it
    styles = _scan()
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        payload = {"stamp": stamp, "styles": [info.__dict__ for info in styles]}
        tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        tmp.replace(cache_file)
    except OSError:
        pass  # a read-only home only costs speed
    return styles


def search(term: str = "") -> Iterator[StyleInfo]:
    """Styles whose id or title contains every word of ``term`` (all styles for an empty term);
    a short name (``vancouver``) also finds the style it stands for."""
    words = term.lower().split()
    targets = {target for alias, target in aliases().items() if words and all(w in alias for w in words)}
    for info in index():
        if info.matches(words) or info.id in targets:
            yield info
