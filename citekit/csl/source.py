"""Feeding our records to citeproc-py through its CSL-JSON source."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from citeproc import DATES, NAMES
from citeproc.source import DateRange, Name, Reference, VariableError
from citeproc.source.json import CiteProcJSON

from citekit.model import NAME_VARIABLES

# CSL 1.0.2 date variables that citeproc-py would otherwise read as text.
EXTRA_DATES = ("available-date", "event-date")


_NOCASE = re.compile(r'(<span class="nocase">|</span>)', re.IGNORECASE)


def _escape_text(value: str, escape: Callable[[str], str]) -> str:
    """Escape record text for the output markup, keeping the nocase spans citeproc-py reads."""
    return "".join(p if _NOCASE.fullmatch(p) else escape(p) for p in _NOCASE.split(value))


def escape_item(item: dict[str, Any], escape: Callable[[str], str]) -> dict[str, Any]:
    """A CSL-JSON item with every text value and name part escaped (ids, types and dates kept)."""
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key in ("id", "type", "language") or isinstance(value, dict):
            out[key] = value
        elif isinstance(value, str):
            out[key] = _escape_text(value, escape)
        elif isinstance(value, list):
            out[key] = [{k: escape(v) if isinstance(v, str) else v for k, v in n.items()} for n in value]
        else:
            out[key] = value
    return out


# Name variables whose CSL name has a hyphen: cs:names looks them up under that name.
HYPHENATED_NAMES = frozenset(
    ("container_author", "collection_editor", "editorial_director", "original_author", "reviewed_author")
)
NAME_PARTS = ("family", "given", "non-dropping-particle", "dropping-particle", "suffix", "literal")


def typographic_names(item: dict[str, Any]) -> dict[str, Any]:
    """An apostrophe in a name is typographic (O’Meara), as citeproc-js prints it."""
    out = dict(item)
    for key, value in item.items():
        if isinstance(value, list) and any(isinstance(n, dict) for n in value):
            out[key] = [
                {
                    k: v.replace("'", "\u2019") if k in NAME_PARTS and isinstance(v, str) else v
                    for k, v in n.items()
                }
                if isinstance(n, dict)
                else n
                for n in value
            ]
    return out


class ComparableDateRange(DateRange):  # type: ignore[misc]
    """citeproc-py's date range, which may be compared (its own raises NotImplementedError, so a
    test like ``value in (None, "")`` on a range failed)."""

    def __eq__(self, other: object) -> bool:
        return self is other

    __hash__ = object.__hash__


_ABSENT = object()


class QuickReference(Reference):  # type: ignore[misc]
    """citeproc-py's reference, telling that it lacks a variable by one exception instead of two.

    citeproc-py asks a reference for variables it may not have (an item's ``language`` for every
    cs:text rendered) and expects a VariableError; its own lookup raised and caught a KeyError
    first, for each of the thousands of such questions in a long bibliography."""

    def __getitem__(self, key: str) -> Any:
        value = self.get(key, _ABSENT)
        if value is _ABSENT:
            raise VariableError
        return value

    def __getattr__(self, name: str) -> Any:
        return self[name]

    def read_as(self, language: str) -> None:
        """Without a language of its own, the item reads (``reference.language``) as being in
        ``language``: cs:text asks for it on every text rendered, and took the style's default
        locale after an exception each time. The variable itself stays absent."""
        if "language" not in self:
            object.__setattr__(self, "language", language)  # an attribute, not a CSL variable


def _quiet(cls: type[Any], data: dict[str, Any]) -> Any:
    """An instance of one of citeproc-py's data classes holding ``data``, made without its
    constructor, which warns (through the process-wide warnings filter, which no thread can
    silence for itself alone) about every CSL variable or name part citeproc-py does not know."""
    instance = dict.__new__(cls)
    dict.__init__(instance, **data)
    return instance


class RecordSource(CiteProcJSON):  # type: ignore[misc]
    """citeproc-py's CSL-JSON source, reading every CSL 1.0.2 date variable as a date, with
    record text escaped for the output markup (citeproc-py escapes only the style's own text).

    The references are read here rather than by citeproc-py's reader, which warns about each CSL
    variable it does not know: the same values, without a warning to silence."""

    def __init__(self, items: list[dict[str, Any]], escape: Callable[[str], str] | None = None) -> None:
        if escape is not None:
            items = [escape_item(item, escape) for item in items]
        items = [typographic_names(item) for item in items]
        for item in items:
            self.add(self._reference(item))
        for item in items:
            reference = self[str(item["id"]).lower()]
            for key, value in list(reference.items()):
                if type(value) is DateRange:
                    reference[key] = ComparableDateRange(
                        begin=value.begin, end=value.end, circa=value.get("circa")
                    )
            for key, value in item.items():
                # CSL 1.0.2 name variables citeproc-py does not know (reviewed-author, chair …)
                python_key = key.replace("-", "_")
                if key in NAME_VARIABLES and python_key not in NAMES and isinstance(value, list):
                    reference[python_key] = self.parse_names(value)
            for key in [k for k in reference if k in HYPHENATED_NAMES]:
                # citeproc-py's cs:names asks for the variable as the style spells it
                reference[key.replace("_", "-")] = reference[key]
            for variable in EXTRA_DATES:
                if isinstance(item.get(variable), dict):
                    reference[variable.replace("-", "_")] = self.parse_date(item[variable])

    def _reference(self, item: dict[str, Any]) -> QuickReference:
        """One CSL-JSON item as a reference: names, dates and text parsed as citeproc-py parses them."""
        data: dict[str, Any] = {"key": str(item["id"]).lower(), "type": item["type"]}
        for key, value in item.items():
            python_key = key.replace("-", "_")
            if python_key in ("id", "type", "key"):
                continue  # the reference's own key and type (an item's "key" would clash)
            if python_key == "shortTitle":
                python_key = "title_short"
            if python_key in NAMES:
                value = self.parse_names(value)
            elif python_key in DATES:
                value = self.parse_date(value)
            elif key != "language":
                value = self.parse_string(value)
            data[python_key] = value
        reference: QuickReference = _quiet(QuickReference, data)
        return reference

    def parse_names(self, json_data: list[Any]) -> list[Any]:
        return [_quiet(Name, name) for name in json_data]
