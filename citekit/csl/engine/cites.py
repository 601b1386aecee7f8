"""The cites of a citation, as citeproc-py's ``CitationItem`` built from the cites a document
gives (``{"id": …, "locator": …, "label": …, "prefix": …, "suffix": …}``)."""

from __future__ import annotations

import re
from typing import Any

from citeproc import CitationItem as _CitationItem
from citeproc import Locator

from citekit.csl.engine.state import RenderState
from citekit.csl.items import richtext
from citekit.csl.items.source import Escape
from citekit.csl.marks import AFFIX_CLOSE_MARK, CLOSE_MARK, KEEP_APART

Cite = dict[str, Any]
"""One cite of a citation as CSL processors take it: ``id`` plus optional ``locator``, ``label``,
``prefix``, ``suffix`` and ``position`` (an explicit position, 0 to 3, as citeproc-js takes it)."""


class CitationItem(_CitationItem):  # type: ignore[misc]
    """citeproc-py's cite of one item, carrying the state of its current rendering (``state``,
    see ``citekit.csl.engine.state``) and the position a document gave it explicitly, if any.

    It finds its reference once: citeproc-py's own property walks four dictionary lookups (each
    raising and catching a KeyError when a key is absent) on every condition and variable
    rendered, a fifth of the rendering time. citeproc-py's cite turns attribute writes into
    dictionary keys, so ours are written to the instance directly."""

    explicit_position: int | None

    def __init__(self, key: str, explicit_position: int | None = None, **args: Any) -> None:
        super().__init__(key, **args)
        object.__setattr__(self, "explicit_position", explicit_position)
        self.start(RenderState())

    @property
    def state(self) -> RenderState:
        found: RenderState = self.__dict__["_citekit_state"]
        return found

    def start(self, state: RenderState) -> RenderState:
        """Begin a rendering of this cite with ``state``."""
        object.__setattr__(self, "_citekit_state", state)
        return state

    @property
    def reference(self) -> Any:
        found = self.__dict__.get("_citekit_reference")
        if found is None:
            found = _CitationItem.reference.fget(self)
            object.__setattr__(self, "_citekit_reference", found)
        return found


def _locator_text(locator: str) -> str:
    """A locator trimmed, with the spaces around a range's hyphen dropped (``100 - 103``)."""
    return re.sub(r"(?<=\w)\s*[-–]\s*(?=\w)", "-", locator.strip())


def citation_item(cite: Cite, escape: Escape | None) -> CitationItem:
    """The cite as citeproc-py's cite: its locator and affixes read as rich text."""
    extra: dict[str, Any] = {}
    if str(cite.get("locator") or "").strip():
        locator = _locator_text(str(cite["locator"]))
        if '"' in locator:
            # quotes in a locator (``"gargoyle"``) are rich text: typographic, punctuated as quotes
            locator = str(richtext.parse(locator, None)).replace(KEEP_APART, "")
        extra["locator"] = Locator(cite.get("label") or "page", locator)
    for affix in ("prefix", "suffix"):
        if cite.get(affix):
            # a cite's affixes are punctuated as the style's own: no field marks kept apart, and
            # no punctuation moved into their quotes
            parsed = str(richtext.parse(str(cite[affix]), escape)).replace(KEEP_APART, "")
            extra[affix] = parsed.replace(CLOSE_MARK, AFFIX_CLOSE_MARK)
    position = cite.get("position")
    return CitationItem(str(cite["id"]), None if position is None else int(position), **extra)
