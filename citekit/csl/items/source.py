"""CSL-JSON items as citeproc-py's references: the items of a session, read as CSL processors
read them (``normalized``), and the source citeproc-py looks references up in (``RecordSource``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import DATES, NAMES
from citeproc.source import DateRange, Name, Reference, VariableError
from citeproc.source.json import CiteProcJSON

from citekit.csl.items import richtext
from citekit.csl.items.citation_label import generated_label
from citekit.csl.items.dates import parsed_date
from citekit.csl.items.names import parsed_name
from citekit.csl.items.note_fields import with_note_variables
from citekit.csl.marks import KEEP_APART
from citekit.model import NAME_VARIABLES

Escape = Callable[[str], str]
"""Escapes text for the output markup (HTML, Markdown); ``None`` for plain text."""

# Zotero field names CSL processors accept for CSL variables.
_ALIASES = {"journalAbbreviation": "container-title-short", "shortTitle": "title-short"}


def normalized(number: int, item: dict[str, Any]) -> dict[str, Any]:
    """The ``number``-th item of a session with a string id (``item-N`` if it has none) and a type
    (an unknown one, matching no condition, if it has none), the variables its note carries,
    Zotero's field names for short titles read as the CSL variables, and a citation-label."""
    out = dict(
        with_note_variables(item), id=str(item.get("id", f"item-{number + 1}")), type=item.get("type", "")
    )
    for alias, variable in _ALIASES.items():
        if alias in out:
            value = out.pop(alias)
            out.setdefault(variable, value)
    if "citation-label" not in out:
        label = generated_label(out)
        if label:
            out["citation-label"] = label
    return out


# CSL 1.0.2 date variables that citeproc-py would otherwise read as text.
EXTRA_DATES = ("available-date", "event-date")


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


def _names(value: list[Any], escape: Escape | None) -> list[Any]:
    if not all(isinstance(n, dict) for n in value):
        return value
    names = [parsed_name(n) for n in value]
    if not escape:
        return names
    return [{k: _name_part(v, escape) for k, v in n.items()} for n in names]


def _name_part(value: Any, escape: Escape) -> Any:
    """A name part escaped for the output; rich-text tags in it (``Center <sup>for</sup> …``)
    are kept as output markup, as in any other field."""
    if not isinstance(value, str):
        return value
    if "<" in value:
        return str(richtext.parse(value, escape)).replace(KEEP_APART, "")
    return escape(value)


class RecordSource(CiteProcJSON):  # type: ignore[misc]
    """citeproc-py's CSL-JSON source over items read as CSL processors read them: text fields as
    rich text (``citekit.csl.items.richtext``: markup kept, text escaped for the output markup,
    quotes typographic; citeproc-py escapes only the style's own text), names with their
    particles and escaped, every CSL 1.0.2 date variable a date.

    The references are read here rather than by citeproc-py's reader, which warns about each CSL
    variable it does not know: the same values, without a warning to silence."""

    def __init__(self, items: list[dict[str, Any]], escape: Escape | None = None) -> None:
        self.rich_escape = escape
        items = [{k: _names(v, escape) if isinstance(v, list) else v for k, v in i.items()} for i in items]
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

    def parse_string(self, string: Any) -> Any:
        return richtext.parse(str(string), self.rich_escape)

    def parse_date(self, json_data: Any) -> Any:
        return parsed_date(json_data)
