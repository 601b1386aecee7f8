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
    bounds: list[int] = []  # where records end in the buffer
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
        bounds += [m.end() for m in ends.finditer(buffer, start) if not bounds or m.end() > bounds[-1]]
        # A short chunk is a stream giving what it has: its records are read as they arrive.
        if bounds and (len(buffer) >= target or len(chunk) < target):
            yield from _split(buffer, bounds, line, limit)
            line += buffer.count("\n", 0, bounds[-1])
            buffer, bounds = buffer[bounds[-1] :], []
        if len(buffer) > limit and not bounds:
            yield Unit("", line, skipped=len(buffer))
            keep = max(buffer.rfind("\n"), 0)
            line += buffer.count("\n", 0, keep)
            buffer, skipping = buffer[keep:], True
    if skipping:
        return
    if len(buffer) - (bounds[-1] if bounds else 0) > limit or (
        buffer and (not bounds or bounds[-1] < len(buffer))
    ):
        bounds.append(len(buffer))
    if bounds:
        yield from _split(buffer, bounds, line, limit)


def _split(buffer: str, bounds: list[int], line: int, limit: int) -> Iterator[Unit]:
    """``buffer`` up to its last boundary as one piece, but for records over ``limit`` between two
    boundaries, which are skipped (a piece with no text)."""
    start = previous = 0
    for bound in bounds:
        if bound - previous > limit:
            if previous > start:
                yield Unit(buffer[start:previous], line)
                line += buffer.count("\n", start, previous)
            yield Unit("", line, skipped=bound - previous)
            line += buffer.count("\n", previous, bound)
            start = bound
        previous = bound
    if previous > start:
        yield Unit(buffer[start:previous], line)
