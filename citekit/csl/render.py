"""Styled references: records in, one formatted reference per record out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from citekit.csl.engine.session import Session
from citekit.csl.formatters import MARKUPS, finish_rich_text
from citekit.csl.marks import ENTRY_BASELINE, FIELD_BREAK
from citekit.csl.style.load import load_style
from citekit.errors import StyleError
from citekit.model import Record


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
    return bibliography_of_items(csl_items(records, markup), style, locale, markup)


def csl_items(records: Sequence[Record], markup: str) -> list[dict[str, Any]]:
    """The records as CSL-JSON items for a session. A formula kept as TeX is given as the text it
    shows: with ``<sup>``/``<sub>`` for HTML, with Unicode sub- and superscripts for text and
    Markdown, which have no markup for them (``x²``)."""
    from citekit.formats.formulas import record_as_text

    return [record_as_text(record, markup == "html").to_csl() for record in records]


def bibliography_of_items(
    items: Sequence[dict[str, Any]], style: str, locale: str | None = None, markup: str = "text"
) -> list[str]:
    """The bibliography of CSL-JSON ``items`` (as citeproc-js takes them) in ``style``, rendered by
    a processing session (sorting, disambiguation, rich text and quotes: ``citekit.csl.engine``)."""
    if markup not in MARKUPS:
        raise StyleError(f"unknown markup {markup!r}; use one of {', '.join(MARKUPS)}")
    loaded = load_style(style, locale)
    if not loaded.has_bibliography():
        raise StyleError(f"style {style!r} defines no bibliography")
    session = Session(loaded, items, markup)
    return [entry_text(entry, markup) for entry in session.bibliography([str(item["id"]) for item in items])]


def entry_text(entry: str, markup: str) -> str:
    """A bibliography entry as the session gives it, finished for ``markup`` (the citation number
    set apart in HTML, as citeproc-js writes it)."""
    baseline = entry.startswith(ENTRY_BASELINE)
    margin, _, body = finish_rich_text(entry.removeprefix(ENTRY_BASELINE), markup).rpartition(FIELD_BREAK)
    finished = _finish(Rendered(margin, body), markup)
    if baseline and markup == "html":  # the layout's baseline span holds both blocks (citeproc-js)
        opening = '<div class="csl-entry">'
        return (
            f'{opening}<span style="baseline">{finished.removeprefix(opening)[: -len("</div>")]}</span></div>'
        )
    return finished


def _finish(entry: Rendered, markup: str) -> str:
    if markup == "html":
        if entry.margin and not entry.body.strip():
            # An entry of nothing but its number: citeproc-js writes no inline block, and the
            # number's trailing space after its block.
            margin = entry.margin.rstrip()
            return f'<div class="csl-entry"><div class="csl-left-margin">{margin}</div>{entry.margin[len(margin) :]}</div>'
        if entry.margin:
            return (
                f'<div class="csl-entry"><div class="csl-left-margin">{entry.margin}</div>'
                # citeproc-js trims the last suffix's space from the inline block (the text
                # output keeps it, as citeproc-js's text output does)
                f'<div class="csl-right-inline">{entry.body.rstrip()}</div></div>'
            )
        return f'<div class="csl-entry">{entry.body}</div>'
    return entry.text()
