"""EndNote's XML export (``<xml><records><record>…``): reading only."""

from __future__ import annotations

import re

from citekit.formats.base import Format, ReadResult

# EndNote's root and list elements; MODS and other XML formats have their own.
_SIGN = re.compile(r"<xml>\s*<records>|<records>\s*<record>")


class EndNoteXml(Format):
    name = "endnote-xml"
    title = "EndNote XML"
    suffixes = (".xml",)
    aliases = ("endnotexml", "enw-xml")
    readable = True
    # .xml is also MODS's and any other XML's: the content decides.
    generic_suffixes = True
    lexer = "xml"

    def sniff(self, head: str) -> int | None:
        first = _SIGN.search(head)
        return first.start() if first else None

    def read(self, text: str, source: str) -> ReadResult:
        from citekit.formats.endnote_xml.read import read

        return read(text, source)


ENDNOTE_XML = EndNoteXml()
FORMATS = (ENDNOTE_XML,)
