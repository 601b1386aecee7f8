"""Recovering what real exporters get wrong in BibTeX syntax, each recovery reported with its line.

- An entry with no key (EndNote writes ``@article{`` and goes on with the fields): read with a
  made-up key (the key stage gives it a real one later).
- A missing comma between two fields (``title = {…}`` then ``file = {…}`` on the next line):
  both fields are read, instead of the first value swallowing the second field.
"""

from __future__ import annotations

import re

# The key given to an entry that has none, with its line: never a key a file would hold.
NO_KEY = "citekit-no-key-"
_KEYLESS = re.compile(r"(@[A-Za-z]+[ \t]*\{)(?=[ \t]*\r?\n\s*[A-Za-z][\w:.-]*\s*=)")
_NAME_BEFORE = re.compile(r"([A-Za-z][\w:.+-]*)\s*$")


def give_keys(text: str) -> str:
    """The text with a made-up key in every entry that has none (on the same line: lines keep their numbers)."""
    if "{\n" not in text and "{\r" not in text and "{ " not in text and "{\t" not in text:
        return text
    out, last = [], 0
    for match in _KEYLESS.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        out += [text[last : match.end()], f"{NO_KEY}{line},"]
        last = match.end()
    return "".join(out) + text[last:] if out else text


def made_up_key(key: str) -> bool:
    return key.startswith(NO_KEY)


def split_run_on(value: str) -> list[tuple[str, str, int]]:
    """A raw value holding further fields because a comma was missing: [(name, raw value, offset)]
    of each further field (``offset``: where its name starts in ``value``), after the value's own
    part (name ""); one item when nothing ran on. An ``=`` outside braces and quotes cannot be in a value."""
    if "=" not in value:
        return [("", value, 0)]
    parts: list[tuple[str, str, int]] = []
    name, start, name_at = "", 0, 0
    depth, quoted, i = 0, False, 0
    while i < len(value):
        c = value[i]
        if c == "\\":
            i += 2
            continue
        if c == '"' and depth == 0:
            quoted = not quoted
        elif c == "{" and not quoted:
            depth += 1
        elif c == "}" and not quoted:
            depth = max(depth - 1, 0)
        elif c == "=" and depth == 0 and not quoted:
            before = _NAME_BEFORE.search(value, start, i)
            if before and value[start : before.start()].strip():
                parts.append((name, value[start : before.start()].rstrip(), name_at))
                name, start, name_at = before.group(1).lower(), i + 1, before.start()
        i += 1
    parts.append((name, value[start:].strip(), name_at))
    return parts
