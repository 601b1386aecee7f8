"""Cutting a BibTeX file into ``@string`` macros and entries: fast when the file is well formed.

bibtexparser 2's splitter walks a file mark by mark in Python, and on a large bibliography that walk
is half the time of a whole conversion. A file in which every block is ``{``-delimited and well
formed (values balanced, no key given twice, nothing bibtexparser would report) is cut here by a few
regular expressions into exactly the blocks bibtexparser's splitter gives; ``fast_split`` returns None
for any other file, and the reader then asks bibtexparser, so a broken or unusual file is read, and its
problems worded, exactly as bibtexparser reads it. tests/formats/bibtex/test_split.py holds the two to
the same blocks on real bibliographies, the hostile corpus and generated text.

The rules mirrored are bibtexparser's, not BibTeX's: a character right after a backslash is never a
delimiter, braces do not count inside a quoted value and quotes do not count inside braces, and a
block start (``@name{``) at the start of a line inside a block ends that block (which makes the file
one for bibtexparser here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citekit.errors import Problem
from citekit.model import Location


@dataclass
class Blocks:
    """The parts of a BibTeX file the reader uses, in file order; ``line`` counts from 1."""

    # (name, raw value, line)
    strings: list[tuple[str, str, int]] = field(default_factory=list)
    # (type, key, line, fields)
    entries: list[tuple[str, str, int, dict[str, str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


# A character escaped by a backslash is text, whatever it is (bibtexparser's rule).
_ESCAPE = r'\\[{}",=\n]?+'


def _braced(depth: int) -> str:
    """A brace group nesting at most ``depth`` deep; deeper ones make the file bibtexparser's."""
    inner = _braced(depth - 1) if depth > 1 else ""
    return r"\{(?:[^{}\\]++|" + _ESCAPE + (f"|{inner}" if inner else "") + r")*+\}"


_BRACED = _braced(8)
_QUOTED = r'"(?:[^"\\]++|' + _ESCAPE + r')*+"'
# A field: its name, `=`, its value (text, brace groups and quoted strings) and the `,` or `}`
# after it.
_FIELD = re.compile(
    r'([^{}",=\\@]*+)=((?:[^{}",\\]++|' + _ESCAPE + "|" + _BRACED + "|" + _QUOTED + r")*+)([,}])"
)
# A comment, preamble or @string body up to its closing brace (quotes do not count there).
_BODY = re.compile(r"(?:[^{}\\]++|" + _ESCAPE + "|" + _BRACED + r")*+(?=\})")
# The name of an entry key or field, up to the `,`, `=` or `}` after it.
_NAME = re.compile(r'[^{}",=\\@]*+')
_BLOCK_START = re.compile(r"@\w*[ \t]*(?=[{(])")
# bibtexparser ends any block at a block start that begins a line (after white space).
_LINE_START_BLOCK = re.compile(r"\n[^\S\n]*(@\w*[ \t]*(?=[{(]))")


def repeated_fields(source: str, line: int, key: str, names: set[str]) -> Problem:
    """bibtexparser keeps the first of a field given twice; the reader says so."""
    message = f"entry {key}: field(s) {', '.join(sorted(names))} given twice; the first is used"
    return Problem(Location(source, line), message)


def repeated_key(source: str, line: int, key: str) -> Problem:
    return Problem(Location(source, line), f"duplicate key {key}; the entry is read under a new key")


class _Declined(Exception):
    """Something the fast path does not read: bibtexparser reads the file."""


class _Lines:
    """Line numbers as an editor shows them, counted as the text is walked (a newline right after
    a backslash counts too, where bibtexparser's own count skips it: ``bibtexparser_blocks``
    places each block by its text instead)."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1

    def at(self, pos: int) -> int:
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line


def fast_split(text: str, source: str) -> Blocks | None:
    """The strings and entries of a well-formed file as bibtexparser would split it; None otherwise."""
    if '{"}' in text:  # bibtexparser's special case for a quote inside a quoted value
        return None
    try:
        return _split(text, source)
    except _Declined:
        return None


def _split(text: str, source: str) -> Blocks:
    blocks = Blocks()
    lines = _Lines(text)
    line_starts = {m.start(1) for m in _LINE_START_BLOCK.finditer("\n" + text)}
    pos = 0
    while (start := _BLOCK_START.search(text, pos)) is not None:
        line_starts.discard(start.start() + 1)  # counted in "\n" + text
        opening = start.end()
        if text[opening] != "{":
            raise _Declined
        kind = start.group().lower()
        line = lines.at(start.start())
        if kind.startswith(("@comment", "@preamble")):
            pos = _body_end(text, opening + 1) + 1
        elif kind.startswith("@string"):
            name, value, pos = _string(text, opening + 1)
            blocks.strings.append((name, value, line))
        else:
            key, fields, repeated, pos = _entry(text, opening + 1)
            if repeated:
                blocks.problems.append(repeated_fields(source, line, key, repeated))
            blocks.entries.append((kind[1:].strip(), key, line, fields))
    if line_starts:  # a block start at a line start fell inside another block
        raise _Declined
    return blocks


def _body_end(text: str, pos: int) -> int:
    """Index of the brace closing a comment, preamble or string body that starts at ``pos``."""
    body = _BODY.match(text, pos)
    if body is None:
        raise _Declined
    return body.end()


def _string(text: str, pos: int) -> tuple[str, str, int]:
    name = _NAME.match(text, pos)
    assert name is not None  # the pattern matches the empty string
    if not text.startswith("=", name.end()):
        raise _Declined
    end = _body_end(text, name.end() + 1)
    return name.group().strip(), text[name.end() + 1 : end].strip(), end + 1


def _entry(text: str, pos: int) -> tuple[str, dict[str, str], set[str], int]:
    """The key, fields and repeated field names of the entry whose body starts at ``pos``, and
    the index after it."""
    key = _NAME.match(text, pos)
    assert key is not None
    after = key.end()
    if text.startswith("}", after):
        return key.group().strip(), {}, set(), after + 1
    if not text.startswith(",", after):
        raise _Declined
    fields: dict[str, str] = {}
    seen: set[str] = set()
    repeated: set[str] = set()
    pos = after + 1
    # Each field must start where the one before it ended; a gap means something else is there.
    for found in _FIELD.finditer(text, pos):
        if found.start() != pos:
            break
        name, value, mark = found.groups()
        name = name.strip()
        if name in seen:  # case matters here, as it does to bibtexparser
            repeated.add(name)
        seen.add(name)
        fields.setdefault(name.lower(), value.strip())
        pos = found.end()
        if mark == "}":
            return key.group().strip(), fields, repeated, pos
    # No `name =` here: the end of the entry, after a trailing comma, or not a well-formed entry.
    rest = _NAME.match(text, pos)
    assert rest is not None  # the pattern matches the empty string
    if text.startswith("}", rest.end()) and not rest.group().strip():
        return key.group().strip(), fields, repeated, rest.end() + 1
    raise _Declined
