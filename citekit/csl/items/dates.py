"""CSL-JSON dates as CSL processors read them: ``date-parts`` given as numbers or strings, empty
parts ignored, months 13–24 read as seasons (13, 17, 21 spring … 16, 20, 24 winter), impossible months
dropped, and a date with no parts but ``raw`` or ``literal`` text kept as that text."""

from __future__ import annotations

from typing import Any

from citeproc.source import Date, DateRange, LiteralDate


def _number(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _single(parts: list[Any]) -> dict[str, int] | None:
    numbers = [_number(p) for p in parts[:3]]
    if not numbers or numbers[0] is None:
        return None
    out = {"year": numbers[0]}
    month = numbers[1] if len(numbers) > 1 else None
    day = numbers[2] if len(numbers) > 2 else None
    if month is not None and 13 <= month <= 24:
        out["season"] = (month - 13) % 4 + 1
    elif month is not None and 1 <= month <= 12:
        out["month"] = month
        if day is not None and 1 <= day <= 31:
            out["day"] = day
    return out


def parsed_date(data: Any) -> Any:
    """A citeproc-py date (``Date``, ``DateRange`` or ``LiteralDate``) for a CSL-JSON date object."""
    if not isinstance(data, dict):
        return None
    circa = bool(data.get("circa"))
    raw_parts = [p for p in data.get("date-parts") or [] if isinstance(p, list)]
    dates = [d for d in (_single(p) for p in raw_parts) if d]
    if len(raw_parts) == 2 and len(dates) == 1 and _single(raw_parts[0]):
        return DateRange(begin=Date(**dates[0]), end=Date(year=0), circa=circa)  # open range: 1987–
    season = _number(data.get("season")) if data.get("season") is not None else None
    if dates and season and "month" not in dates[0]:
        dates[0]["season"] = season
    if len(dates) == 1 or (len(dates) > 1 and dates[0] == dates[1]):
        return Date(circa=circa, **dates[0])
    if len(dates) > 1:
        return DateRange(begin=Date(**dates[0]), end=Date(**dates[1]), circa=circa)
    text = data.get("literal") or data.get("raw")
    return LiteralDate(str(text), circa=circa) if text else None
