"""RIS: reading (read.py), writing (write.py), and the tag tables both use (tables.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from citekit.formats.base import Format, Mark, ReadResult
from citekit.model import Record

# The first line of a record: "TY  - JOUR" (some writers put one space before the dash).
_TYPE_LINE = re.compile(r"^TY {1,2}-", re.MULTILINE)
# A tagged line as a terminal shows it: the tag, then the separator.
_TAG = re.compile(r"^([A-Z][A-Z0-9])(  - ?)", re.MULTILINE)


class Ris(Format):
    name = "ris"
    title = "RIS"
    suffixes = (".ris",)
    readable = writable = True

    def sniff(self, head: str) -> int | None:
        first = _TYPE_LINE.search(head)
        return first.start() if first else None

    def read(self, text: str, source: str) -> ReadResult:
        from citekit.formats.ris.read import read

        return read(text, source)

    def write(self, records: Sequence[Record], ascii: bool = False) -> str:
        from citekit.formats.ris.write import write

        return write(records)

    def carry(self, record: Record) -> Record:
        from citekit.formats.ris.write import carry

        return carry(record)

    def marks(self, text: str) -> Iterator[Mark]:
        """Tags (``TY`` and ``ER`` as the record's bounds) and their separators; no lexer knows RIS."""
        for match in _TAG.finditer(text):
            yield match.start(1), match.end(1), "record" if match.group(1) in ("TY", "ER") else "tag"
            yield match.start(2), match.end(2), "punctuation"


RIS = Ris()
FORMATS = (RIS,)
