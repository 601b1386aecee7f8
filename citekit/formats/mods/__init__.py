"""MODS 3.x, the XML of library systems and repositories (Pure, EPrints, DSpace over OAI-PMH;
bibutils): the reader (``read.py``, with ``tree.py``, ``names.py``, ``values.py``), the writer
(``write.py``) and the tables both use (``tables.py``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from citekit.formats.base import Format, ReadResult
from citekit.formats.xmlsniff import element_sign, elements
from citekit.model import Record

# A MODS record or collection: a document of its own, or records inside an OAI-PMH page.
_MODS = elements("mods", "modsCollection")


class Mods(Format):
    name = "mods"
    title = "MODS (library and repository XML)"
    suffixes = (".xml", ".mods")
    readable = writable = True
    # .xml holds other formats too (Dublin Core, EndNote XML): the content decides.
    generic_suffixes = True
    lexer = "xml"
    namespace = "http://www.loc.gov/mods/v3"

    def sniff(self, head: str) -> int | None:
        return element_sign(head, _MODS)

    def read(self, text: str, source: str) -> ReadResult:
        from citekit.formats.mods.read import read

        return read(text, source)

    def write(self, records: Sequence[Record], ascii: bool = False) -> str:
        from citekit.formats.formulas import record_as_text
        from citekit.formats.mods.write import write

        return write([record_as_text(r, markup=False) for r in records], ascii)  # MODS text has no math

    def carry(self, record: Record) -> Record:
        from citekit.formats.formulas import record_as_text
        from citekit.formats.mods.write import carry

        return carry(record_as_text(record, markup=False))

    def join(self, texts: Iterable[str]) -> Iterator[str]:
        """One ``<modsCollection>`` holding the records of every chunk."""
        from citekit.formats.mods.write import join

        return join(texts)


MODS = Mods()
FORMATS = (MODS,)
