"""First stage of the portal reader: a page's text, however it was saved, as plain numbered lines.

This stage knows about saving tools, not about Pure. It undoes what they add: YAML front matter
(kept as ``meta``), HTML comments, a comment prefix over a pasted block (``## `` in a script), a
browsing tool's line numbers and markers (``L15:``, ``cite11†``, ``†www.scopus.com``, ``【…】``),
Markdown headings, bullets, quotes, rules, emphasis, escapes and links (``[text](url)``: the text
stays, the target is kept in ``links``), images, HTML tags a converter left, entities, ``<br>``,
``[TABLE]`` placeholders (counted in ``lost_tables``) and ``Link opens in a new tab``. A Markdown
table cell spilled over several lines is joined again. What each line *is* is decided by
``scan.py``; a line keeps its heading level or list-item mark (``Line.mark``) and its text before
Markdown was undone (``Line.raw``, for the exports and renderings, whose syntax needs it).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import NamedTuple


class Line(NamedTuple):
    """One line of a page: its number in the input, its plain text, its mark and its raw text."""

    no: int
    text: str
    # "h1" … "h6" for a heading, "item" for a list item, "" for anything else.
    mark: str = ""
    # The text with only the saving tool's markers and the link targets gone (Markdown, escapes
    # and emphasis kept): what embedded exports and Cite-this renderings are read from.
    raw: str = ""
    # Where the line's links lead (a person's page, an organisation's, a DOI).
    targets: tuple[str, ...] = ()


@dataclass
class Capture:
    """A page as plain lines, with what the saving tool kept beside them."""

    lines: list[Line] = field(default_factory=list)
    # Front matter (``title``, ``date``, ``url`` …) or, for saved HTML, the page's meta tags.
    meta: dict[str, str] = field(default_factory=dict)
    # (line, text, target) of every link on the page.
    links: list[tuple[int, str, str]] = field(default_factory=list)
    # Lines where a converter left ``[TABLE]`` for a table it could not convert.
    lost_tables: list[int] = field(default_factory=list)


# HTML comments (a converter's provenance note), kept as the line breaks they spanned.
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# YAML front matter: ``key: value`` lines (or indented continuations) between two ``---`` lines.
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*):\s?(.*)$")
# A browsing tool's line numbers (``L15:``), several to a physical line when it joined them.
_LINE_NUMBER = re.compile(r"(?:^|\s+)L\d{1,5}:(?:\s+|$)")
# A browsing tool's citation markers: ``cite11†``, ``【12†L3-L5】``, ``citeturn21view0``.
_TOOL_SIGN = re.compile(r"cite\d+†|【[^】]*】")
_TOOL_MARKERS = re.compile(r"cite\d+†|【[^】]*】|citeturn\w+|†[^\s†]*")
# Comment prefixes a pasted page may carry on every line of a run (a script, a quoted block).
_COMMENT_PREFIX = re.compile(r"^\s*(#+|//|%+|;+|>+)(?:\s|$)")
_MIN_COMMENT_RUN = 5
_COMMENT_STARTS = frozenset("#/%;> \t")
# Markdown: images, links (the target may hold one level of parentheses, as DOIs do, and a title),
# autolinks, headings, list bullets, quotes and rules.
_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
# A link whose text runs over a line break (a list of search results wraps its titles).
_WRAPPED_LINK = re.compile(r"\[([^\[\]]*\n[^\[\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^(#{1,6})(?:\s+|$)")
# What may lead a line: a rule, a fence, a bare bullet (nothing after it) or the bullets of an item.
_LEAD = re.compile(
    r"^(?:(?P<rule>(?:[-=_*]\s*){3,}$)|(?P<fence>```|~~~)|(?P<bare>(?:[-*+•‣◦]\s*)+$)"
    r"|(?P<bullet>(?:(?:[-*+•‣◦]|\d{1,3}[.)](?=\s))\s+)+))"
)
# The first characters of a bullet, a rule or a fence.
_MARK_STARTS = frozenset("-*+•‣◦=_`~")
_QUOTE = re.compile(r"^(?:>\s?)+")
_STRONG = re.compile(r"\*\*|__")
_EMPHASIS = re.compile(
    r"(?<![\w*\\])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<![\w\\])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"
)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
# A text browser's link list (``lynx -dump``): ``[3]text`` in the page, ``References`` and
# ``   3. https://…`` at its end.
_REFERENCE_HEADING = re.compile(r"^\s*References\s*$")
_REFERENCE_ENTRY = re.compile(r"^\s*(\d+)\.\s+(\S+://\S+)\s*$")
_REFERENCE_MARK = re.compile(r"\[(\d+)\]")
# HTML a converter kept (pandoc's gfm keeps what it cannot turn into Markdown); inline tags such as
# ``<sup>`` in an abstract are text, so tags are only dropped when the page has structural ones.
_STRUCTURAL_TAG = re.compile(r"<(?:div|span|a|p|li|ul|ol|table|tr|td|th|section|h\d)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[A-Za-z][^<>]*>", re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_LOST_TABLE = re.compile(r"^\[TABLE\]$")
# What portals print after an external link; it says nothing about the record.
_NEW_TAB = re.compile(r"\s*Link opens in a new tab\s*", re.IGNORECASE)
# How many lines a spilled Markdown cell may run over before the row is taken as unclosed.
_MAX_SPILL = 12
# Spaces that are spaces to the parser; values keep every other character as given, for the
# normalize steps (or --raw) to decide.
_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f\u3000", " "))


def front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """The ``key: value`` pairs of a YAML front matter at the top, and how many lines it takes."""
    start = next((k for k, t in enumerate(lines) if t.strip()), len(lines))
    if start >= len(lines) or lines[start].strip() != "---":
        return {}, 0
    meta: dict[str, str] = {}
    key = ""
    for k in range(start + 1, min(len(lines), start + 60)):
        text = lines[k]
        if text.strip() == "---":
            return meta, k + 1
        match = _FRONT_KEY.match(text)
        if match:
            key = match.group(1).lower()
            meta[key] = match.group(2).strip().strip("\"'")
        elif key and (text.startswith((" ", "\t", "- ")) or not text.strip()):
            meta[key] = (meta[key] + " " + text.strip()).strip()
        else:
            return {}, 0
    return {}, 0


def strip_comment_prefixes(lines: list[str]) -> list[str]:
    """Lines with a comment prefix taken off where a run of at least five consecutive non-empty
    lines all carry the same one (a page pasted into a script comment, a quoted block)."""
    out = list(lines)
    k = 0
    while k < len(lines):
        match = _COMMENT_PREFIX.match(lines[k]) if lines[k][:1] in _COMMENT_STARTS else None
        if not match:
            k += 1
            continue
        prefix, end = match.group(1), k
        while end < len(lines) and (m := _COMMENT_PREFIX.match(lines[end])) and m.group(1) == prefix:
            end += 1
        if end - k >= _MIN_COMMENT_RUN and not (
            prefix.startswith("#") and _looks_like_markdown(lines[k:end])
        ):
            for j in range(k, end):
                out[j] = _COMMENT_PREFIX.sub("", lines[j], count=1)
        k = end
    return out


def _looks_like_markdown(run: list[str]) -> bool:
    """A run of ``#`` lines that are Markdown headings of different levels, not one comment prefix."""
    levels = {len(m.group(1)) for t in run if (m := _COMMENT_PREFIX.match(t))}
    return len(levels) > 1


def _numbered(lines: list[str], first: int) -> list[tuple[int, str]]:
    """(line number, text) pieces: a browsing tool's view with line numbers is cut at each one."""
    marked = sum(1 for t in lines if ":" in t and _LINE_NUMBER.search(t))
    if marked < 3:
        return [(first + k, t) for k, t in enumerate(lines)]
    out = []
    for k, text in enumerate(lines):
        out += [(first + k, piece) for piece in _LINE_NUMBER.split(text)]
    return out


def _drop_links(text: str, links: list[tuple[int, str, str]], no: int) -> str:
    """Images gone, links as their text (targets noted in ``links``), autolinks as their URL."""
    if "](" not in text and "<http" not in text:
        return text
    text = _IMAGE.sub("", text)

    def keep(match: re.Match[str]) -> str:
        links.append((no, match.group(1), match.group(2)))
        return match.group(1)

    text = _LINK.sub(keep, text)
    for match in _AUTOLINK.finditer(text):
        links.append((no, match.group(1), match.group(1)))
    return _AUTOLINK.sub(r"\1", text)


def _text_browser_links(lines: list[str], links: list[tuple[int, str, str]]) -> list[str]:
    """Lines without a text browser's link marks and its closing link list (the marks' targets
    kept in ``links``: the text after a mark, up to the next, is the link's text)."""
    start = next((k for k in range(len(lines) - 1, -1, -1) if _REFERENCE_HEADING.match(lines[k])), None)
    if start is None:
        return lines
    targets = {}
    for text in lines[start + 1 :]:
        if match := _REFERENCE_ENTRY.match(text):
            targets[match.group(1)] = match.group(2)
        elif text.strip():
            return lines
    if not targets:
        return lines
    out = []
    for no, text in enumerate(lines[:start], start=1):
        pieces = _REFERENCE_MARK.split(text)
        for k in range(1, len(pieces), 2):
            if pieces[k] in targets:
                links.append((no, " ".join(pieces[k + 1].split()), targets[pieces[k]]))
        out.append(
            "".join(pieces[::2]) if any(pieces[k] in targets for k in range(1, len(pieces), 2)) else text
        )
    return out + [""] * (len(lines) - start)


def _unwrap_wrapped_links(text: str, links: list[tuple[int, str, str]]) -> str:
    """Links whose text runs over a line break, as their text (the break kept, so that every
    line keeps its number)."""

    def keep(match: re.Match[str]) -> str:
        links.append(
            (text.count("\n", 0, match.start()) + 1, " ".join(match.group(1).split()), match.group(2))
        )
        return match.group(1)

    return _WRAPPED_LINK.sub(keep, text) if "]\n" in text or "[" in text else text


def plain(text: str, markdown: bool = True) -> tuple[str, str]:
    """(mark, plain text) of one raw line: heading, bullet and quote marks, emphasis, escapes and
    entities undone (``markdown=False``: only the spaces and ``<br>``)."""
    text = (text if text.isascii() else text.translate(_SPACES)).strip()
    if "tab" in text and "new tab" in text.lower():
        text = _NEW_TAB.sub(" ", text).strip()
    if not markdown:
        return "", text
    mark = ""
    first = text[:1]
    if first == ">":
        text = _QUOTE.sub("", text)
        first = text[:1]
    if first == "#" and (heading := _HEADING.match(text)):
        mark, text = f"h{len(heading.group(1))}", text[heading.end() :]
    elif (first in _MARK_STARTS or first.isdecimal()) and (lead := _LEAD.match(text)):
        if lead.lastgroup != "bullet":
            return "", ""  # a rule, a fence or a bullet with nothing after it
        mark, text = "item", text[lead.end() :]
    # Each clean-up only where its characters are (a long line costs only what it needs).
    if "**" in text or "__" in text:
        text = _STRONG.sub("", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text).translate(_SPACES)
    return mark, text.strip()  # tabs and runs of spaces stay: they part labels from values


def unwrap(text: str) -> Capture:
    """The capture of a page's text: numbered plain lines, its front matter and its links."""
    capture = Capture()
    text = _HTML_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    if len(_STRUCTURAL_TAG.findall(text)) >= 3:
        text = _ANY_TAG.sub(lambda m: "\n" * m.group().count("\n"), _BREAK.sub(" ", text))
    text = _unwrap_wrapped_links(text, capture.links)
    lines = _text_browser_links(text.split("\n"), capture.links)
    capture.meta, skip = front_matter(lines)
    body = strip_comment_prefixes(lines[skip:])
    tool = _TOOL_SIGN.search(text) is not None
    out: list[Line] = []
    links = capture.links
    for no, piece in _numbered(body, skip + 1):
        if tool:
            piece = _TOOL_MARKERS.sub("", piece)
        for part in _BREAK.split(piece) if "<" in piece else (piece,):
            known = len(links)
            raw = _drop_links(part, links, no).strip()
            if not raw:
                continue
            if raw == "[TABLE]":
                capture.lost_tables.append(no)
                continue
            mark, clean = plain(raw)
            if clean:
                targets = tuple(target for _, _, target in links[known:]) if len(links) > known else ()
                out.append(Line(no, clean, mark, raw, targets))
    capture.lines = join_spilled_rows(out)
    return capture


def join_spilled_rows(lines: list[Line]) -> list[Line]:
    """A Markdown row whose cell spills over several lines (``| DOIs | 10.1/a``, ``10.1/b |``)
    becomes one row again, the spilled lines joined by newlines inside the cell. A row that
    never closes (a table written without closing pipes) is left as it was."""
    if not any(line.text.startswith("|") and not line.text.endswith("|") for line in lines):
        return lines
    out: list[Line] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        k += 1
        text = line.text
        if not (text.startswith("|") and not text.endswith("|") and text.count("|") >= 2):
            out.append(line)
            continue
        spill: list[str] = []
        for more in lines[k : k + _MAX_SPILL]:
            if more.text.startswith("|"):
                break
            spill.append(more.text)
            if more.text.endswith("|"):
                joined = "\n".join([text, *spill])
                out.append(line._replace(text=joined, raw=joined))
                k += len(spill)
                break
        else:
            out.append(line)
            continue
        if not spill or not spill[-1].endswith("|"):
            out.append(line)
    return out


def clean_line_for_parsing(line: str) -> str:
    """One line of an HTML page's text made plain as a text line is (spaces only: no Markdown)."""
    return plain(line, markdown=False)[1]
