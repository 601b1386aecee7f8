"""A CSL style ready to render: its parsed root, the locale it renders in, and its lock.

One class for every style, whether found by name (``load_style``) or parsed from text (the test
suite, a custom style in a test), and one resolution of the output locale (``output_locale``).
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

from citeproc import CitationStylesStyle

from citekit.csl.style import locales
from citekit.csl.style.elements import specialize
from citekit.csl.style.find import StyleRef, apply_dependent, find
from citekit.csl.style.validate import check_style
from citekit.csl.style.xml import element_names, parse_csl
from citekit.errors import StyleError

_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LOCALE = "{http://purl.org/net/xbiblio/csl}locale"


def _defines_locale(root: Any, code: str) -> bool:
    """Whether the style carries a cs:locale of its own for ``code`` or its language."""
    wanted = {code, code.split("-")[0]}
    return any(loc.get(_LANG) in wanted for loc in root.iterchildren(_LOCALE))


def output_locale(root: Any, requested: str | None = None) -> str:
    """The locale a style renders in: the one asked for, which must exist; otherwise the style's
    default-locale if a locale file has it (or its language) or the style defines its terms in a
    cs:locale of its own; otherwise en-US, where CSL 1.0.2's locale fallback ends."""
    if requested:
        return locales.check(requested)
    wanted = str(root.get("default-locale") or "en-US")
    try:
        return locales.check(wanted)
    except StyleError:
        return wanted if _defines_locale(root, wanted) else "en-US"


class Style(CitationStylesStyle):  # type: ignore[misc]
    """A parsed style (``root``, citekit's element classes) and the locale it renders in.

    A locale asked for is also the language that items without one are read in: it is written
    into the style's default-locale, where citeproc-py and the rules look it up. citeproc-py keeps
    what one rendering needs on the style's own elements, so a style renders for one session at
    a time (``lock``); other styles render meanwhile."""

    def __init__(self, root: Any, locale: str | None = None) -> None:
        self.root = root
        self.locale = output_locale(root, locale)
        if locale:
            root.set("default-locale", self.locale)
        root.set_locale_list(self.locale)
        self.lock = threading.RLock()


def load_style(name: str, locale: str | None = None) -> Style:
    """A style by short name, id or path, in a locale (the style's own by default); built once
    for as long as its files are unchanged."""
    ref = find(name)
    stamps = tuple(p.stat().st_mtime_ns for p in (ref.path, ref.dependent) if p is not None)
    return _load(ref, locale, stamps)


@cache
def _load(ref: StyleRef, locale: str | None, stamps: tuple[int, ...]) -> Style:
    root = parse_csl(ref.path)
    if ref.dependent is not None:
        apply_dependent(root, ref.dependent)
        specialize(root)  # the dependent's locales moved in are held by this root too
    check_style(root, str(ref.path), element_names())
    return Style(root, locale)
