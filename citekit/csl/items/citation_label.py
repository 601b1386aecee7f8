"""The ``citation-label`` variable, generated when an item has none (CSL 1.0.2 lists it as a
processor-generated variable): letters of the authors' family names and the last two digits of
the year, as the trigraph convention writes them: one author ``Asth00``, two ``BrCh98``, three
``AsBrCo00`` (two letters, then one each… up to four letters), four or more ``DEFG26``."""

from __future__ import annotations

from typing import Any

from citekit.csl.items.names import parsed_name

# Letters taken from each family name, by number of names (four and more: one letter each).
_LETTERS = {1: [4], 2: [2, 2], 3: [2, 1, 1]}


def _families(item: dict[str, Any]) -> list[str]:
    for variable in ("author", "editor", "translator"):
        names = item.get(variable)
        if isinstance(names, list) and names:
            parsed = [parsed_name(n) for n in names if isinstance(n, dict)]
            return [str(n.get("family") or n.get("literal") or "") for n in parsed]
    return []


def generated_label(item: dict[str, Any]) -> str | None:
    families = [f for f in _families(item) if f]
    if not families:
        return None
    widths = _LETTERS.get(len(families), [1, 1, 1, 1])
    letters = "".join(family[:width] for family, width in zip(families, widths, strict=False))
    issued = item.get("issued")
    year = ""
    if isinstance(issued, dict) and issued.get("date-parts") and issued["date-parts"][0]:
        year = str(issued["date-parts"][0][0])[-2:]
    return letters + year
