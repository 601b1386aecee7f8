"""Web of Science's plain-text export (``savedrecs.txt``, ``.isi``, ``.ciw``): reading only."""

from __future__ import annotations

import re
from collections.abc import Iterator

from citekit.formats.base import Format, Mark, ReadResult

# The file's header ("FN Clarivate Analytics Web of Science", "FN ISI Export Format"), or a
# record's first line when the header was cut.
_SIGN = re.compile(r"^(?:FN [^\n]*(?:Web of Science|ISI)|PT [JBSP] *\r?\n[A-Z][A-Z0-9] )", re.MULTILINE)
_TAG = re.compile(r"^([A-Z][A-Z0-9])( )", re.MULTILINE)


class WebOfScience(Format):
    name = "wos"
    title = "Web of Science plain text"
    suffixes = (".isi", ".ciw")
    aliases = ("isi", "webofscience")
    readable = True

    def sniff(self, head: str) -> int | None:
        first = _SIGN.search(head)
        return first.start() if first else None

    def read(self, text: str, source: str) -> ReadResult:
        from citekit.formats.wos.read import read

        return read(text, source)

    def marks(self, text: str) -> Iterator[Mark]:
        for match in _TAG.finditer(text):
            yield match.start(1), match.end(1), "record" if match.group(1) in ("PT", "ER") else "tag"


WOS = WebOfScience()
FORMATS = (WOS,)
