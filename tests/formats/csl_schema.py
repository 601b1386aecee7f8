"""A check of CSL-JSON items against the CSL-JSON schema (csl-data.json), written from its text.

The lists of item types and variables come from the CSL schema that citeproc-py ships
(``citeproc/data/schema/schemas/styles/csl-types.rnc`` and ``csl-variables.rnc``), so they are
the specification's own. The shapes (names, dates, strings or numbers) follow csl-data.json.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import citeproc

SCHEMA = Path(citeproc.__file__).parent / "data" / "schema" / "schemas" / "styles"
NAME_KEYS = {"family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal"}
NAME_KEYS |= {"comma-suffix", "static-ordering", "parse-names"}
DATE_KEYS = {"date-parts", "season", "circa", "literal", "raw"}


def _words(rnc: str, start: str) -> list[str]:
    """The quoted words of one ``name = "a" | "b"`` definition in an .rnc file."""
    text = (SCHEMA / rnc).read_text(encoding="utf-8")
    body = text.split(f"{start} =", 1)[1]
    body = re.split(r"\n\s*[\w.-]+\s*=|\n\s*}", body, maxsplit=1)[0]
    return re.findall(r'"([^"]+)"', body)


@cache
def vocabulary() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(item types, name variables, date variables, other variables) of the CSL schema."""
    types = frozenset(_words("csl-types.rnc", "item-types"))
    names = frozenset(_words("csl-variables.rnc", "variables.names"))
    dates = frozenset(_words("csl-variables.rnc", "variables.dates"))
    others = frozenset(
        _words("csl-variables.rnc", "variables.numbers")
        + _words("csl-variables.rnc", "variables.titles")
        + _words("csl-variables.rnc", "variables.strings")
    )
    return types, names, dates, others


def errors(item: Any) -> list[str]:
    """Every way ``item`` breaks the CSL-JSON schema (empty when it is valid)."""
    types, names, dates, others = vocabulary()
    if not isinstance(item, dict):
        return ["an item must be an object"]
    out = []
    if not isinstance(item.get("id"), str | int) or isinstance(item.get("id"), bool):
        out.append("id must be a string or a number")
    if item.get("type") not in types:
        out.append(f"type {item.get('type')!r} is not a CSL type")
    for key, value in item.items():
        if key in ("id", "type"):
            continue
        if key in names:
            out += _name_errors(key, value)
        elif key in dates:
            out += _date_errors(key, value)
        elif key in others:
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                out.append(f"{key} must be a string or a number")
        else:
            out.append(f"{key} is not a CSL variable")
    return out


def _name_errors(key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(n, dict) for n in value):
        return [f"{key} must be a list of name objects"]
    return [
        f"{key} has a name with unknown keys or values: {name}"
        for name in value
        if set(name) - NAME_KEYS or not all(isinstance(v, str | int | bool) for v in name.values())
    ]


def _date_errors(key: str, value: Any) -> list[str]:
    if not isinstance(value, dict) or set(value) - DATE_KEYS:
        return [f"{key} must be a date object"]
    out = []
    parts = value.get("date-parts")
    if parts is not None and not (
        isinstance(parts, list)
        and 1 <= len(parts) <= 2
        and all(isinstance(p, list) and 1 <= len(p) <= 3 for p in parts)
        and all(isinstance(n, int | str) for p in parts for n in p)
    ):
        out.append(f"{key} has bad date-parts {parts}")
    if parts is None and not (value.get("literal") or value.get("raw")):
        out.append(f"{key} needs date-parts, literal or raw")
    return out
