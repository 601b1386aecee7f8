"""RIS: reading (read.py), writing (write.py), and the tag tables both use (tables.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from citekit.formats.base import Format, Mark, ReadResult, Unit
from citekit.model import Record

# The first line of a record: "TY  - JOUR" (some writers put one space before the dash).
_TYPE_LINE = re.compile(r"^TY {1,2}-", re.MULTILINE)
# A tagged line as a terminal shows it: the tag, then the separator.
_TAG = re.compile(r"^([A-Z][A-Z0-9])(  - ?)", re.MULTILINE)
# Where one record ends and the next may begin: after an ``ER`` line (as the reader reads one).
_RECORD_END = re.compile(r"^ER[ \t]{1,2}-(?:[ \t][^\n]*)?\n", re.MULTILINE)


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

    def units(
        self, chunks: Iterable[str], source: str, again: Callable[[], Iterable[str]] | None = None
    ) -> Iterator[Unit]:
        """Records cut after their ``ER`` lines."""
        from citekit.units import cut

        return cut(chunks, _RECORD_END)

    def write(self, records: Sequence[Record], ascii: bool = False) -> str:
        from citekit.formats.formulas import record_as_text
        from citekit.formats.ris.write import write

        return write([record_as_text(r, markup=False) for r in records])  # RIS has no math, nor markup

    def carry(self, record: Record) -> Record:
        from citekit.formats.formulas import record_as_text
        from citekit.formats.ris.write import carry

        return carry(record_as_text(record, markup=False))

    def marks(self, text: str) -> Iterator[Mark]:
        """Tags (``TY`` and ``ER`` as the record's bounds) and their separators; no lexer knows RIS."""
        for match in _TAG.finditer(text):
            yield match.start(1), match.end(1), "record" if match.group(1) in ("TY", "ER") else "tag"
            yield match.start(2), match.end(2), "punctuation"


RIS = Ris()
FORMATS = (RIS,)
