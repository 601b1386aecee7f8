"""Simple Dublin Core as OAI-PMH serves it (``oai_dc``): a reader (``read.py``), the best a flat
record allows, with citation lines read by ``citekit.formats.citation``."""

from __future__ import annotations

from citekit.formats.base import Format, ReadResult
from citekit.formats.xmlsniff import element_sign, elements

_OAI_DC_NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/"
# An oai_dc record (``<oai_dc:dc>``), alone or inside an OAI-PMH page; its elements are dc:title, ….
_DC = elements("dc")


class OaiDc(Format):
    name = "oai_dc"
    title = "Dublin Core (OAI-PMH oai_dc)"
    suffixes = (".xml",)
    aliases = ("dc",)
    readable = True
    generic_suffixes = True
    lexer = "xml"
    namespace = _OAI_DC_NAMESPACE

    def sniff(self, head: str) -> int | None:
        # Only in a document declaring the oai_dc namespace: <dc> alone is too common a name.
        return element_sign(head, _DC) if _OAI_DC_NAMESPACE in head else None

    def read(self, text: str, source: str) -> ReadResult:
        from citekit.formats.dc.read import read

        return read(text, source)


OAI_DC = OaiDc()
FORMATS = (OAI_DC,)
