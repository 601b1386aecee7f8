"""How an XML format shows itself in the start of a text (``Format.sniff``): by its own element.

Several formats are XML and share the ``.xml`` suffix (MODS, Dublin Core, EndNote XML), and an
OAI-PMH page wraps MODS or Dublin Core records in an envelope of its own. Each XML format looks
only for its own element (its root, or its records inside an envelope) in a text that is XML, and
the registry takes the earliest sign (``citekit.formats.sniff``): the formats need not know each
other, and a new one is one more element name. No parsing here: this is on every input's path.
"""

from __future__ import annotations

import re

# An XML document's first mark: a declaration, a comment or an element (after white space).
_XML_START = re.compile(r"\s*<[?!A-Za-z_]")


def elements(*names: str) -> re.Pattern[str]:
    """The opening tag of an element called one of ``names``, with any namespace prefix."""
    return re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(?:" + "|".join(names) + r")(?=[\s/>])")


def element_sign(head: str, tag: re.Pattern[str]) -> int | None:
    """Where the first ``tag`` (made by ``elements``) opens in ``head``, when ``head`` is XML; else None."""
    if not _XML_START.match(head):
        return None
    found = tag.search(head)
    return found.start() if found else None
