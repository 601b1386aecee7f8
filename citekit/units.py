"""Cutting a stream of text into pieces at record boundaries, each read on its own (``Format.units``).

A format names where one record may end and the next begin (``ends``: a pattern whose match ends
at such a place); ``cut`` gives pieces of about ``TARGET`` characters, each ending at one of those
places, so a reader never sees part of a record. No piece grows past the unit limit
(``inputs.MAX_UNIT``): a record that long is skipped (a piece with no text that says how much) and
reading goes on at the next boundary. Memory stays at about a piece and a chunk, whatever the
input's size.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from citekit.formats.base import Unit

# Characters of text in one piece: big enough that reading it dwarfs handing it to a process.
TARGET = 1 << 19


def cut(
    chunks: Iterable[str], ends: re.Pattern[str], target: int = TARGET, limit: int | None = None
) -> Iterator[Unit]:
    """The text of ``chunks`` in pieces ending where ``ends`` matches (their text joined is the
    input, but for skipped records); ``limit`` (default ``inputs.MAX_UNIT``) bounds one record."""
    if limit is None:
        from citekit.inputs import MAX_UNIT

        limit = MAX_UNIT
    buffer = ""
    line = 1  # the line the buffer starts on
    last = 0  # the end of the last boundary found in the buffer (0: none)
    skipping = False
    for chunk in chunks:
        start = max(buffer.rfind("\n"), 0)  # a boundary may begin on the buffer's last line
        buffer += chunk
        if skipping:
            found = ends.search(buffer, start)
            if found is None:
                keep = max(buffer.rfind("\n"), 0)  # only the last line: a boundary may start there
                line += buffer.count("\n", 0, keep)
                buffer = buffer[keep:]
                continue
            line += buffer.count("\n", 0, found.end())
            buffer, skipping, start = buffer[found.end() :], False, 0
        for match in ends.finditer(buffer, start):
            last = match.end()
        # A short chunk is a stream giving what it has: its records are read as they arrive.
        if last and (len(buffer) >= target or len(chunk) < target):
            piece, buffer = buffer[:last], buffer[last:]
            yield Unit(piece, line)
            line += piece.count("\n")
            last = 0  # it was the last boundary in the buffer
        if len(buffer) > limit and not last:
            yield Unit("", line, skipped=len(buffer))
            keep = max(buffer.rfind("\n"), 0)
            line += buffer.count("\n", 0, keep)
            buffer, skipping = buffer[keep:], True
    if buffer and not skipping:
        yield Unit(buffer, line)
