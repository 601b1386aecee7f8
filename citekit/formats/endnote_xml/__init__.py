"""EndNote's XML export (``<xml><records><record>…``): reading only."""

from __future__ import annotations

from citekit.formats.base import Format, ReadResult
from citekit.formats.xmlsniff import element_sign, elements

# EndNote's root element is <xml> (its list <records> inside); MODS and the others have their own.
_ROOT = elements("xml")


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
        return element_sign(head, _ROOT)

    def read(self, text: str, source: str) -> ReadResult:
        from citekit.formats.endnote_xml.read import read

        return read(text, source)


ENDNOTE_XML = EndNoteXml()
FORMATS = (ENDNOTE_XML,)
