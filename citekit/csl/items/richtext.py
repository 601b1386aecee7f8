"""Rich text in item fields, as CSL processors read it (CSL 1.0.2 Appendix VI "Rich Text Markup"
within fields: ``<i>``, ``<b>``, ``<sc>``, ``<sup>``, ``<sub>``, ``<span style="font-variant:small-caps;">``,
``<span class="nocase">``, ``<span class="nodecor">``), with quotes made typographic.

A field becomes a citeproc-py ``MixedString``: text segments (escaped for the output markup, and
subject to text-case), ``NoCase`` segments (nocase spans; small caps, superscript and subscript
are not re-cased either) and ``Markup`` segments (the output tags themselves, never re-cased).
Straight quotes become marks that ``finish`` (or an enclosing quoted ``cs:text``) turns into the
locale's outer or inner quotes; an apostrophe inside or after a word, or a single quote that
never closes, becomes ’.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from citeproc.string import MixedString, NoCase, String

from citekit.csl.items.narrow_spaces import narrow_spaces
from citekit.csl.marks import (
    AFFIX_CLOSE_MARK,
    CLOSE_MARK,
    KEEP_APART,
    OPEN_MARK,
    QUOTE_END,
    TYPED,
    TYPED_DOUBLE,
    TYPED_SINGLE,
)

_TOKEN = re.compile(
    r'(<i>|</i>|<b>|</b>|<sup>|</sup>|<sub>|</sub>|<sc>|</sc>|<span\s+style="font-variant:\s*small-caps;?">|'
    r'<span\s+class="nocase">|<span\s+class="nodecor">|</span>)'
)
_QUOTE_CHAR = re.compile("[\"'“”‘’]")
# Text with none of these has no tags and no quotes: it is one plain segment.
_RICH_CHAR = re.compile("[<\"'“”‘’]")
_TAG_TEXT = re.compile(r"<[^>]+>")
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
_OPENING_CONTEXT = re.compile(rf"(^|[\s(\[{{\u2014\u2013/-]|[{OPEN_MARK}])$")


_PUNCTUATION = ":.;!?,"
_ADJACENT_PUNCTUATION = re.compile(
    f"(?<=[{_PUNCTUATION}])(?=[{_PUNCTUATION}])|^(?=[{_PUNCTUATION}])"
    f"|(?<=[{CLOSE_MARK}{TYPED}])(?=[{_PUNCTUATION}])"
)


def kept_apart(text: str) -> str:
    """Field text with ``KEEP_APART`` between each two punctuation marks written next to each
    other, before one that starts it, and between a quote the field closes and the punctuation
    after it: the field's own punctuation, which the duplicate punctuation and punctuation-in-quote
    steps (``citekit.csl.finish``) leave as it is (``“Jeopardy!”: trivial``, ``“baby”?``), as
    citeproc-js leaves it."""
    return _ADJACENT_PUNCTUATION.sub(KEEP_APART, text)


class Markup(NoCase):  # type: ignore[misc]
    """An output tag inside a field: kept as it is by escaping and text-case."""


def _span_kind(token: str) -> str:
    if "small-caps" in token:
        return "small-caps"
    return "nocase" if "nocase" in token else "nodecor"


def with_quote_marks(text: str) -> str:
    """``text`` with its quotes made quote marks where they open and close a quote, looking through
    markup; an apostrophe becomes ’ and a quote that never closes stays as written."""
    chars = list(text)
    quotes: list[tuple[str, int]] = []
    visible = _TAG_TEXT.sub(lambda m: "\0" * len(m.group(0)), text)  # tags hidden, positions kept
    kept = _nocase_ranges(text)
    for match in _QUOTE_CHAR.finditer(text):
        at = match.start()
        if visible[at] == "\0":
            continue  # inside a tag
        if any(start <= at < end for start, end in kept):
            # A nocase span's quotes are left as typed where they open a word (citeproc-js:
            # Doceng '05), but an apostrophe after a letter or another apostrophe is still ’
            # (the suite's flipflop_ApostropheInsideTag: l''' gives l’’’).
            previous = visible[:at].replace("\0", "")[-1:]
            if text[at] == "'" and previous and not previous.isspace() and previous not in "([{":
                chars[at] = "’"
            continue
        before = visible[:at].replace("\0", "")[-1:]
        following = visible[at + 1 :].replace("\0", "")[:1]
        char = match.group(0)
        kind = '"' if char in '"“”' else "'"
        chars[at] = _quote_mark(char, kind, before, following, quotes, at)
    for _kind, at in quotes:  # never closed: as written, but a straight single one is an apostrophe
        chars[at] = "’" if text[at] == "'" else text[at]  # ('t Hooft, as citeproc-js reads it)
    return "".join(chars)


def _nocase_ranges(text: str) -> list[tuple[int, int]]:
    """Where the outermost nocase spans of ``text`` lie: [start, end) of their content."""
    if "nocase" not in text:
        return []
    ranges: list[tuple[int, int]] = []
    stack: list[bool] = []  # per open span: is it a nocase span
    start = 0
    for token in _TOKEN.finditer(text):
        tag = token.group(0)
        if tag.startswith("<span"):
            if "nocase" in tag and not any(stack):
                start = token.end()
            stack.append("nocase" in tag)
        elif tag == "</span>" and stack:
            closed_nocase = stack.pop()
            if closed_nocase and not any(stack):
                ranges.append((start, token.start()))
    if any(stack):
        ranges.append((start, len(text)))
    return ranges


def _quote_mark(
    char: str, kind: str, before: str, following: str, quotes: list[tuple[str, int]], at: int
) -> str:
    opening_context = bool(_OPENING_CONTEXT.search(before)) and bool(following.strip())
    if char in "“‘":
        quotes.append((kind, at))
        return OPEN_MARK + _typed(char)
    if char == "'" and before.isalnum() and (following.isalnum() or not quotes or quotes[-1][0] != "'"):
        return "’"  # an apostrophe: inside a word, or after one with no single quote open
    if char == "'" and following.isdecimal() and not before.isalnum():
        return "’"  # a year cut short: '09
    if quotes and quotes[-1][0] == kind and (char in "”’" or not opening_context):
        if char == "’" and before.isalpha() and following.isalpha():
            return char
        quotes.pop()
        return CLOSE_MARK + _typed(char)
    if char in "”’":
        return char
    if opening_context:
        quotes.append((kind, at))
        return OPEN_MARK
    return "’" if char == "'" else char


def _typed(char: str) -> str:
    """The mark of a quote typed curly, to follow its quote mark (none for a straight one)."""
    return TYPED_DOUBLE if char in "“”" else TYPED_SINGLE if char in "‘’" else ""


_SPAN_KINDS = ("small-caps", "nocase", "nodecor")


class _Segments:
    """A field's MixedString being built: the tags open (innermost last) and the text read since
    the last tag, emitted as a NoCase segment inside a tag that keeps case."""

    def __init__(self, escape: Callable[[str], str] | None) -> None:
        self.out = MixedString()
        self.escape = escape
        self.open_tags: list[str] = []
        self.pending = ""

    def flush(self) -> None:
        if not self.pending:
            return
        chunk, self.pending = self.pending, ""
        value = kept_apart(narrow_spaces(self.escape(chunk) if self.escape else chunk))
        nocase = any(_TAGS[kind][2] for kind in self.open_tags)
        self.out = self.out + (NoCase(value) if nocase else String(value))

    def _markup(self, tag: str) -> None:
        if tag:
            self.out = self.out + Markup(tag)

    def open(self, kind: str) -> None:
        self.open_tags.append(kind)
        self._markup(_TAGS[kind][0])

    def close(self, token: str) -> None:
        """``</span>`` ends the innermost span open, another closing tag the first of its kind
        open; a closing tag that closes nothing is text."""
        if token == "</span>":
            spans = [at for at, kind in enumerate(self.open_tags) if kind in _SPAN_KINDS]
            closed = self.open_tags.pop(spans[-1]) if spans else None
        else:
            closed = _CLOSERS[token] if _CLOSERS[token] in self.open_tags else None
            if closed is not None:
                self.open_tags.remove(closed)
        if closed is None:
            self.pending += token
        else:
            self._markup(_TAGS[closed][1])


def parse(text: str, escape: Callable[[str], str] | None) -> Any:
    """A field's text as a MixedString of text, NoCase and Markup segments."""
    segments = _Segments(escape)
    if not _RICH_CHAR.search(text):
        segments.pending = text  # most fields: no tag, no quote to look for
    else:
        for index, part in enumerate(_TOKEN.split(with_quote_marks(text))):
            if index % 2 == 0:
                segments.pending += part
                continue
            segments.flush()
            if part in _TAGS:
                segments.open(part)
            elif part.startswith("<span"):
                segments.open(_span_kind(part))
            else:
                segments.close(part)
    segments.flush()
    return segments.out


def finish(
    text: str, outer: tuple[str, str], inner: tuple[str, str], depth: int = 0, ends: bool = False
) -> str:
    """Quote marks turned into quotes: outer ones at even depths, inner ones at odd depths; with
    ``ends``, each closing quote of a field is followed by ``QUOTE_END``."""
    end = QUOTE_END if ends else ""
    out = []
    level = depth
    for index, char in enumerate(text):
        typed = text[index + 1 : index + 2]
        if char == OPEN_MARK:
            quote = (outer if level % 2 == 0 else inner)[0]
            # outside a quoted cs:text, a quote typed curly stays as typed, at any depth
            # (citeproc-js); a straight one takes the locale's quotes for its depth
            out.append(_TYPED_QUOTES[typed][0] if depth == 0 and typed in _TYPED_QUOTES else quote)
            level += 1
        elif char in (CLOSE_MARK, AFFIX_CLOSE_MARK):
            level = max(level - 1, 0)
            quote = (outer if level % 2 == 0 else inner)[1]
            if depth == 0 and typed in _TYPED_QUOTES:
                quote = _TYPED_QUOTES[typed][1]
            out.append(quote + (end if char == CLOSE_MARK else ""))
        elif char not in TYPED:
            out.append(char)
    return "".join(out)


_TYPED_QUOTES = {TYPED_DOUBLE: ("“", "”"), TYPED_SINGLE: ("‘", "’")}


def plain(text: str) -> str:
    """Text with quote marks as straight quotes (for sort keys and comparisons)."""
    marks = text.replace(OPEN_MARK, '"').replace(CLOSE_MARK, '"').replace(AFFIX_CLOSE_MARK, '"')
    return marks.replace(TYPED_DOUBLE, "").replace(TYPED_SINGLE, "")
