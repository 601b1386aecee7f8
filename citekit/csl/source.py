"""Feeding our records to citeproc-py through its CSL-JSON source."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from typing import Any

from citeproc.source.json import CiteProcJSON

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


class RecordSource(CiteProcJSON):  # type: ignore[misc]
    """citeproc-py's CSL-JSON source, reading every CSL 1.0.2 date variable as a date, with
    record text escaped for the output markup (citeproc-py escapes only the style's own text)."""

    def __init__(self, items: list[dict[str, Any]], escape: Callable[[str], str] | None = None) -> None:
        if escape is not None:
            items = [escape_item(item, escape) for item in items]
        with warnings.catch_warnings():
            # citeproc-py warns about every CSL variable it does not know; they are harmless.
            warnings.simplefilter("ignore")
            super().__init__(items)
        for item in items:
            reference = self[str(item["id"]).lower()]
            for variable in EXTRA_DATES:
                if isinstance(item.get(variable), dict):
                    reference[variable.replace("-", "_")] = self.parse_date(item[variable])
