"""Checks that turn a broken style into a one-line error naming the file and line.

citeproc-py trusts its style: an undefined macro, an unknown element or a date form no locale
defines fail deep inside rendering with an IndexError or AttributeError. These are the mistakes
hand-written styles make; each is caught here, before rendering, with the line it is on.
"""

from __future__ import annotations

from typing import Any

from citekit.errors import StyleError

CSL = "{http://purl.org/net/xbiblio/csl}"
DATE_FORMS = ("numeric", "text")
# Elements only found inside cs:locale, which citeproc-py reads without classes of their own.
LOCALE_ONLY = {"terms", "single", "multiple", "style-options"}


def _where(origin: str, element: Any) -> str:
    return f"{origin}:{element.sourceline}" if element.sourceline else origin


def check_style(root: Any, origin: str, known_elements: set[str]) -> None:
    """Raise StyleError for the first structural mistake in an independent style."""
    macros = {m.get("name") for m in root.iterchildren(f"{CSL}macro")}
    for element in root.iter():
        if not isinstance(element.tag, str) or not element.tag.startswith(CSL):
            continue  # comments, and foreign elements CSL allows in cs:info
        name = element.tag[len(CSL) :]
        if name not in known_elements | LOCALE_ONLY and element.getparent() is not None:
            info = root.find(f"{CSL}info")
            if info is None or element not in info.iter():
                raise StyleError(f"{_where(origin, element)}: unknown CSL element <{name}>")
        macro = element.get("macro")
        if macro is not None and name in ("text", "key") and macro not in macros:
            raise StyleError(f"{_where(origin, element)}: macro {macro!r} is not defined")
        if name == "date" and element.get("form") is not None and element.get("form") not in DATE_FORMS:
            raise StyleError(
                f"{_where(origin, element)}: date form {element.get('form')!r} is not numeric or text"
            )
    for part in ("citation", "bibliography"):
        section = root.find(f"{CSL}{part}")
        if section is not None and section.find(f"{CSL}layout") is None:
            raise StyleError(f"{_where(origin, section)}: <{part}> has no <layout>")
    if root.find(f"{CSL}citation") is None:
        raise StyleError(
            f"{origin}: not an independent CSL style (no <citation>, no independent-parent link)"
        )
