"""PubMed's MEDLINE format (PubMed's "Save" as PubMed format, ``.nbib`` citation files): reading only."""

from __future__ import annotations

import re
from collections.abc import Iterator

from citekit.formats.base import Format, Mark, ReadResult

# A record's first line: its PubMed id.
_PMID = re.compile(r"^PMID- ?\d", re.MULTILINE)
_TAG = re.compile(r"^([A-Z][A-Z0-9]{1,3})( *- )", re.MULTILINE)


class Medline(Format):
    name = "medline"
    title = "PubMed MEDLINE (.nbib)"
    suffixes = (".nbib", ".medline")
    aliases = ("nbib", "pubmed")
    readable = True

    def sniff(self, head: str) -> int | None:
        first = _PMID.search(head)
        return first.start() if first else None

    def read(self, text: str, source: str) -> ReadResult:
        from citekit.formats.medline.read import read

        return read(text, source)

    def marks(self, text: str) -> Iterator[Mark]:
        for match in _TAG.finditer(text):
            yield match.start(1), match.end(1), "record" if match.group(1) == "PMID" else "tag"
            yield match.start(2), match.end(2), "punctuation"


MEDLINE = Medline()
FORMATS = (MEDLINE,)
