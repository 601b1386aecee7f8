"""Variables written in an item's ``note`` as ``name: value`` lines, the way Zotero stores CSL
variables it has no field for (``original-date: 1850``, ``reviewed-author: Hall || W.C.``).
citeproc-js and pandoc read them as the variables; an item's own value of the variable wins,
and the lines read are taken out of the note."""

from __future__ import annotations

import re
from typing import Any

from citekit.formats.csljson import TEXT_VARIABLES
from citekit.model import DATE_VARIABLES, NAME_VARIABLES

_LINE = re.compile(r"\s*([A-Za-z][A-Za-z-]*)\s*:\s*(\S.*?)\s*")
_DATE = re.compile(r"(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_READ = (
    (TEXT_VARIABLES - {"note", "citation-label", "year-suffix"}) | set(NAME_VARIABLES) | set(DATE_VARIABLES)
)


def _name(value: str) -> dict[str, str]:
    """``Family || Given`` is a person, anything else a literal name."""
    family, bars, given = value.partition("||")
    if not bars:
        return {"literal": value.strip()}
    return {"family": family.strip(), "given": given.strip()}


def _date(value: str) -> dict[str, Any]:
    """``2004-10-01`` or a range ``2004-10-01/2004-10-14`` as date-parts; other text as raw."""
    parts = []
    for piece in value.split("/"):
        match = _DATE.fullmatch(piece.strip())
        if match is None:
            return {"raw": value}
        parts.append([int(p) for p in match.groups() if p])
    return {"date-parts": parts}


def with_note_variables(item: dict[str, Any]) -> dict[str, Any]:
    """``item`` with the variables of its note's ``name: value`` lines added."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    out = dict(item)
    found: dict[str, Any] = {}
    kept = []
    for line in note.split("\n"):
        match = _LINE.fullmatch(line)
        variable = match.group(1) if match else None
        if match is None or variable not in _READ or variable in item:
            kept.append(line)
            continue
        value = match.group(2)
        if variable in NAME_VARIABLES:
            found.setdefault(variable, []).append(_name(value))
        elif variable in DATE_VARIABLES:
            found[variable] = _date(value)
        else:
            found.setdefault(variable, value)
    if not found:
        return item
    out.update(found)
    rest = "\n".join(kept).strip()
    if rest:
        out["note"] = rest
    else:
        out.pop("note")
    return out
