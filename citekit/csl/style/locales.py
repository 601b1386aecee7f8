"""CSL locale files and the order in which a style looks for terms and date formats."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import citeproc

from citekit.errors import StyleError

LOCALES_DIR = Path(citeproc.LOCALES_PATH)


@cache
def _locales_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((LOCALES_DIR / "locales.json").read_text(encoding="utf-8"))
    return data


def available() -> list[str]:
    """Every locale code there is a locale file for."""
    return sorted(p.name[len("locales-") : -len(".xml")] for p in LOCALES_DIR.glob("locales-*.xml"))


def primary_dialect(language: str) -> str | None:
    dialect = _locales_json().get("primary-dialects", {}).get(language)
    return str(dialect) if dialect else None


def load(code: str) -> Any:
    """A fresh root element of the locale file for ``code``.

    Not shared between styles: citeproc-py points each locale back at its style."""
    from citekit.csl.style.xml import parse_csl

    path = LOCALES_DIR / f"locales-{code}.xml"
    if not path.exists():
        raise StyleError(f"unknown locale {code!r}; try one of: {', '.join(available()[:12])} …")
    return parse_csl(path, what="locale")


def check(code: str) -> str:
    """A locale code as given, if citekit can render in it (exactly or through its language)."""
    if (LOCALES_DIR / f"locales-{code}.xml").exists() or primary_dialect(code.split("-")[0]):
        return code
    raise StyleError(f"unknown locale {code!r}; `citekit styles --locales` lists them")


def fallback_chain(style: Any, code: str) -> list[Any]:
    """Locale elements in CSL 1.0.2 fallback order for output in ``code``."""
    chain: list[Any] = []
    language = code.split("-")[0]
    lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"
    in_style = list(style.iterchildren("{http://purl.org/net/xbiblio/csl}locale"))
    for wanted in (code, language, None):
        chain += [loc for loc in in_style if loc.get(lang_attr) == wanted and loc not in chain]
    for file_code in (code, primary_dialect(language), "en-US"):
        if file_code and (LOCALES_DIR / f"locales-{file_code}.xml").exists():
            root = load(file_code)
            if root not in chain:
                chain.append(root)
    return chain
