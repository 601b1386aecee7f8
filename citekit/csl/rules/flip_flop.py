"""Flip-flop formatting (CSL 1.0.2 Appendix VI, rich text; "Formatting"): italics inside italics
are set upright, bold inside bold normal, small caps inside small caps normal, so that nested
emphasis stays visible. Applied by the driver to finished HTML: an inner opening tag of a style
already open becomes a ``<span style="…:normal;">`` and its closing tag ``</span>``."""

from __future__ import annotations

import re
from typing import Any

_TAG = re.compile(r"<(/?)(i|b|span)((?:\s[^>]*)?)>")
_NORMAL = {
    "i": '<span style="font-style:normal;">',
    "b": '<span style="font-weight:normal;">',
    "sc": '<span style="font-variant:normal;">',
}


def _kind(name: str, attributes: str) -> str:
    if name == "span":
        return "sc" if "small-caps" in attributes else "span"
    return name


def flip_flopped(html: str) -> str:
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (kind, flipped)
    position = 0
    for match in _TAG.finditer(html):
        out.append(html[position : match.start()])
        position = match.end()
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        if closing:
            for index in range(len(stack) - 1, -1, -1):
                kind, flipped = stack[index]
                if kind == name or (name == "span" and kind in ("sc", "span")):
                    stack.pop(index)
                    out.append("</span>" if flipped else match.group(0))
                    break
            else:
                out.append(match.group(0))
            continue
        kind = _kind(name, attributes)
        open_kinds = [k for k, flipped in stack if not flipped]
        depth = sum(1 for k, _ in stack if k == kind)
        if kind in _NORMAL and kind in open_kinds and depth % 2 == 1:
            stack.append((kind, True))
            out.append(_NORMAL[kind])
        else:
            stack.append((kind, False))
            out.append(match.group(0))
    out.append(html[position:])
    return "".join(out)


ELEMENTS: dict[str, Any] = {}
