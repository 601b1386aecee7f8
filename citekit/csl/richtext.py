"""Rich text in item fields, as CSL processors read it (CSL 1.0.2 Appendix VI "Rich Text Markup"
within fields: ``<i>``, ``<b>``, ``<sc>``, ``<sup>``, ``<sub>``, ``<span style="font-variant:small-caps;">``,
``<span class="nocase">``, ``<span class="nodecor">``), with quotes made typographic.

A field becomes a citeproc-py ``MixedString``: text segments (escaped for the output markup, and
subject to text-case), ``NoCase`` segments (nocase spans; small caps, superscript and subscript
are not re-cased either) and ``Markup`` segments (the output tags themselves, never re-cased).
Straight quotes become marks that ``finish`` (or an enclosing quoted ``cs:text``) turns into the
locale's outer or inner quotes; an apostrophe inside or after a word becomes ’.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from citeproc.string import MixedString, NoCase, String

OPEN_MARK = "\ue001"
CLOSE_MARK = "\ue002"
_TOKEN = re.compile(
    r'(<i>|</i>|<b>|</b>|<sup>|</sup>|<sub>|</sub>|<sc>|</sc>|<span\s+style="font-variant:\s*small-caps;?">|'
    r'<span\s+class="nocase">|<span\s+class="nodecor">|</span>|"|\'|“|”|‘|’)'
)
_TAGS = {
    "<i>": ("<i>", "</i>", False),
    "<b>": ("<b>", "</b>", False),
    "<sup>": ("<sup>", "</sup>", True),
    "<sub>": ("<sub>", "</sub>", True),
    "<sc>": ('<span style="font-variant:small-caps;">', "</span>", True),
    "small-caps": ('<span style="font-variant:small-caps;">', "</span>", True),
    "nocase": ("", "", True),
    "nodecor": ('<span style="font-style:normal;">', "</span>", False),
}
_CLOSERS = {"</i>": "<i>", "</b>": "<b>", "</sup>": "<sup>", "</sub>": "<sub>", "</sc>": "<sc>"}
_OPENING_CONTEXT = re.compile(r"(^|[\s(\[{\u2014\u2013/-]|[\ue001])$")


class Markup(NoCase):  # type: ignore[misc]
    """An output tag inside a field: kept as it is by escaping and text-case."""


def _span_kind(token: str) -> str:
    if "small-caps" in token:
        return "small-caps"
    return "nocase" if "nocase" in token else "nodecor"


def _quote(char: str, before: str, following: str, quotes: list[str]) -> str:
    """What a straight quote becomes: an apostrophe, a quote mark, or itself."""
    after_word = before[-1:].isalnum() or before[-1:] in ".,!?"
    opening = bool(_OPENING_CONTEXT.search(before[-1:])) and bool(following[:1].strip())
    if char == "'" and before[-1:].isalnum() and following[:1].isalnum():
        return "’"
    if after_word and quotes and quotes[-1] == char:
        quotes.pop()
        return CLOSE_MARK
    if opening:
        quotes.append(char)
        return OPEN_MARK
    return "’" if char == "'" else char


def _typographic(char: str, before: str, following: str, quotes: list[str]) -> str:
    """A typographic quote in the data: a quote mark when it opens or closes a quote, else kept."""
    kind = '"' if char in "“”" else "'"
    if char in "“‘":
        quotes.append(kind)
        return OPEN_MARK
    if quotes and quotes[-1] == kind and not (before[-1:].isalpha() and following[:1].isalpha()):
        quotes.pop()
        return CLOSE_MARK
    return char


def parse(text: str, escape: Callable[[str], str] | None) -> Any:
    """A field's text as a MixedString of text, NoCase and Markup segments."""
    out = MixedString()
    stack: list[str] = []
    quotes: list[str] = []
    pending = ""

    def emit_text(chunk: str) -> None:
        nonlocal out
        if not chunk:
            return
        value = escape(chunk) if escape else chunk
        nocase = any(_TAGS[k][2] for k in stack)
        out = out + (NoCase(value) if nocase else String(value))

    def emit_markup(tag: str) -> None:
        nonlocal out
        if tag:
            out = out + Markup(tag)

    parts = _TOKEN.split(text)
    for index, part in enumerate(parts):
        if index % 2 == 0:
            pending += part
            continue
        before = pending
        following = parts[index + 1] if index + 1 < len(parts) else ""
        if part in "“”‘’":
            pending += _typographic(part, pending, following, quotes)
            continue
        if part in ('"', "'"):
            context = before or re.sub(r"<[^>]+>", "", str(out) if out else "")
            pending += _quote(part, context, following, quotes)
            continue
        emit_text(pending)
        pending = ""
        if part in _TAGS:
            stack.append(part)
            emit_markup(_TAGS[part][0])
        elif part.startswith("<span"):
            kind = _span_kind(part)
            stack.append(kind)
            emit_markup(_TAGS[kind][0])
        elif part == "</span>":
            for position in range(len(stack) - 1, -1, -1):
                if stack[position] in ("small-caps", "nocase", "nodecor"):
                    emit_markup(_TAGS[stack.pop(position)][1])
                    break
            else:
                pending += part
        elif part in _CLOSERS:
            opener = _CLOSERS[part]
            if opener in stack:
                stack.remove(opener)
                emit_markup(_TAGS[opener][1])
            else:
                pending += part
    emit_text(pending)
    return out


def finish(text: str, outer: tuple[str, str], inner: tuple[str, str], depth: int = 0) -> str:
    """Quote marks turned into quotes: outer ones at even depths, inner ones at odd depths."""
    out = []
    level = depth
    for char in text:
        if char == OPEN_MARK:
            out.append((outer if level % 2 == 0 else inner)[0])
            level += 1
        elif char == CLOSE_MARK:
            level = max(level - 1, 0)
            out.append((outer if level % 2 == 0 else inner)[1])
        else:
            out.append(char)
    return "".join(out)


def plain(text: str) -> str:
    """Text with quote marks as straight quotes (for sort keys and comparisons)."""
    return text.replace(OPEN_MARK, '"').replace(CLOSE_MARK, '"')
