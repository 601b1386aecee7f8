"""Walking a MODS record: its elements' children by local name, gathered once per record, and
what reading one record gathers before it becomes a Record."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from citekit.formats import xmlsafe
from citekit.model import Date, Name

# The children of every element of the record being read, by local name: one pass over the tree
# instead of a scan of an element's children for each question asked of it.
_local = threading.local()


def _group(root: Any) -> dict[Any, dict[str, list[Any]]]:
    groups: dict[Any, dict[str, list[Any]]] = {}
    for element in root.iter():
        found: dict[str, list[Any]] = {}
        for child in element:
            tag = child.tag
            if isinstance(tag, str):
                found.setdefault(tag[tag.rfind("}") + 1 :], []).append(child)
        groups[element] = found
    return groups


@contextmanager
def walking(root: Any) -> Iterator[None]:
    """While reading the record ``root``: its elements' children are looked up, not scanned."""
    _local.groups = _group(root)
    try:
        yield
    finally:
        _local.groups = None


def kids(element: Any, name: str) -> list[Any]:
    """The children of ``element`` called ``name`` (in any namespace, or none)."""
    groups: dict[Any, dict[str, list[Any]]] | None = getattr(_local, "groups", None)
    found = groups.get(element) if groups is not None else None
    if found is None:
        return [c for c in element if isinstance(c.tag, str) and c.tag.rpartition("}")[2] == name]
    return found.get(name, [])


def kid_text(element: Any, name: str) -> str:
    return next((t for child in kids(element, name) if (t := xmlsafe.text(child))), "")


@dataclass
class Reading:
    """What one ``<mods>`` element gives, gathered before it becomes a Record."""

    fields: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[Name]] = field(default_factory=dict)
    dates: dict[str, Date] = field(default_factory=dict)
    dois: list[str] = field(default_factory=list)
    et_al: bool = False
    warnings: list[str] = field(default_factory=list)

    def set(self, var: str, value: str) -> None:
        """Set a field unless it has a value already (the most specific source comes first)."""
        if value and not self.fields.get(var):
            self.fields[var] = value
