"""Styled references: records in, one formatted reference per record out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from citeproc import CitationStylesStyle

from citekit.csl import locales
from citekit.csl.elements import specialize
from citekit.csl.formatters import MARKUPS, finish_rich_text
from citekit.csl.marks import FIELD_BREAK
from citekit.csl.processor import Session
from citekit.csl.styles import StyleRef, apply_dependent, find
from citekit.csl.validate import check_style
from citekit.csl.xml import element_names, parse_csl
from citekit.errors import StyleError
from citekit.model import Record


class LoadedStyle(CitationStylesStyle):  # type: ignore[misc]
    """A citeproc-py style parsed by citekit's safe parser into citekit's element classes."""

    def __init__(self, ref: StyleRef, locale: str | None) -> None:
        self.root = parse_csl(ref.path)
        if ref.dependent is not None:
            apply_dependent(self.root, ref.dependent)
            specialize(self.root)  # the dependent's locales moved in are held by this root too
        check_style(self.root, str(ref.path), element_names())
        code = locales.check(locale or ref.default_locale or self.root.get("default-locale") or "en-US")
        self.root.set_locale_list(code)
        # A processing session reads the output locale from the style root.
        self.root.set("default-locale", code)
        self.locale = code


def load_style(name: str, locale: str | None = None) -> LoadedStyle:
    """A style by short name, id or path, in a locale (the style's own by default); built once
    for as long as its files are unchanged."""
    ref = find(name)
    stamps = tuple(p.stat().st_mtime_ns for p in (ref.path, ref.dependent) if p is not None)
    return _load(ref, locale, stamps)


@cache
def _load(ref: StyleRef, locale: str | None, stamps: tuple[int, ...]) -> LoadedStyle:
    return LoadedStyle(ref, locale)


@dataclass(frozen=True)
class Rendered:
    """One formatted reference: the margin field (a citation number) if set apart, and the body."""

    margin: str
    body: str

    def text(self) -> str:
        return f"{self.margin} {self.body}" if self.margin else self.body


def bibliography(
    records: Sequence[Record], style: str, locale: str | None = None, markup: str = "text"
) -> list[str]:
    """The bibliography of ``records`` in ``style``, in the order the style sorts it, one string each."""
    return bibliography_of_items([r.to_csl() for r in records], style, locale, markup)


def bibliography_of_items(
    items: Sequence[dict[str, Any]], style: str, locale: str | None = None, markup: str = "text"
) -> list[str]:
    """The bibliography of CSL-JSON ``items`` (as citeproc-js takes them) in ``style``, rendered by
    a processing session (sorting, disambiguation, rich text and quotes: ``citekit.csl.processor``)."""
    if markup not in MARKUPS:
        raise StyleError(f"unknown markup {markup!r}; use one of {', '.join(MARKUPS)}")
    loaded = load_style(style, locale)
    if not loaded.has_bibliography():
        raise StyleError(f"style {style!r} defines no bibliography")
    session = Session(loaded.root, items, markup)
    out = []
    for entry in session.bibliography([str(item["id"]) for item in items]):
        margin, _, body = finish_rich_text(entry, markup).rpartition(FIELD_BREAK)
        out.append(_finish(Rendered(margin, body), markup))
    return out


def _finish(entry: Rendered, markup: str) -> str:
    if markup == "html":
        if entry.margin:
            return (
                f'<div class="csl-entry"><div class="csl-left-margin">{entry.margin}</div>'
                f'<div class="csl-right-inline">{entry.body}</div></div>'
            )
        return f'<div class="csl-entry">{entry.body}</div>'
    return entry.text()
