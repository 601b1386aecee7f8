"""BibTeX and BibLaTeX: reading (read.py), writing (write.py, biblatex.py) and the LaTeX they hold (latex/).

Both are read by one reader; they differ in how records are written (``tables.BIBLATEX``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citekit.formats.base import Format, ReadResult
from citekit.model import Record

# An entry opening at the start of a line: "@article{", "@book (".
_ENTRY = re.compile(r"^\s*@[A-Za-z]+\s*[{(]", re.MULTILINE)
# Characters that end or break a BibTeX key (``@book{key,``): a key holding one could close the
# entry or start a field of its own, so they never reach a BibTeX file.
_NOT_IN_KEYS = re.compile(r"[\s,{}()\"#%'=@\\~\x00-\x1f\x7f]+")


class BibTeX(Format):
    name = "bibtex"
    title = "BibTeX"
    suffixes: tuple[str, ...] = (".bib", ".bibtex")
    aliases: tuple[str, ...] = ("bib",)
    readable = writable = True
    lexer = "bibtex"

    def sniff(self, head: str) -> int | None:
        entry = _ENTRY.search(head)
        return entry.start() if entry else None

    def read(self, text: str, source: str) -> ReadResult:
        from citekit.formats.bibtex.read import read

        return read(text, source)

    def write(self, records: Sequence[Record], ascii: bool = False) -> str:
        from citekit.formats.bibtex.write import write

        return write(records, ascii=ascii)

    def carry(self, record: Record) -> Record:
        from citekit.formats.bibtex.write import carry

        return carry(record)

    def key_form(self, key: str) -> str:
        """The characters that would end or break a key become ``_`` (none left: a new key is made)."""
        return _NOT_IN_KEYS.sub("_", key).strip("_")


class BibLaTeX(BibTeX):
    name = "biblatex"
    title = "BibLaTeX"
    suffixes = (".biblatex",)
    aliases = ()

    def sniff(self, head: str) -> int | None:
        return None  # read as BibTeX: one reader reads both

    def write(self, records: Sequence[Record], ascii: bool = False) -> str:
        from citekit.formats.bibtex.biblatex import write

        return write(records, ascii=ascii)

    def carry(self, record: Record) -> Record:
        from citekit.formats.bibtex.biblatex import carry

        return carry(record)


BIBTEX = BibTeX()
BIBLATEX = BibLaTeX()
FORMATS = (BIBTEX, BIBLATEX)
