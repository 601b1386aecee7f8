"""CSL 1.0.2 "Date Ranges": of a date range, the parts from the largest one that differs down are
written for the start and the end, joined by the ``range-delimiter`` of that largest differing
part (en dash by default); the larger parts the two share are written once (``2–4 January 1999``,
``January–March 1999``, ``2 January 1999–4 January 2000``). Seasons stand in for months."""

from __future__ import annotations

from typing import Any

from citeproc.source import VariableError

from citekit.csl.style.element import Element

ORDER = ("year", "month", "day")
EN_DASH = "\u2013"


def _value(date: Any, part: str) -> Any:
    if part == "month":
        return date.get("month", ("season", date.get("season")))
    return date.get(part)


def _era_at_the_end(element: Element, texts_begin: list[str], texts_end: list[str], at: int) -> None:
    """The era (``AD``, ``BC``) of a range of years written once, after the end, and as the start's
    era (``15–5 AD``, ``50–20 BC``): citeproc-js writes it so; CSL 1.0.2 says nothing of it."""
    eras = [str(element.get_single_term(name=name) or "") for name in ("ad", "bc")]

    def split(text: str) -> tuple[str, str]:
        for era in eras:
            if era and text.endswith(era) and text[: -len(era)].strip().isdecimal():
                return text[: -len(era)], era
        return text, ""

    start, era = split(texts_begin[at])
    end, _ = split(texts_end[at])
    texts_begin[at], texts_end[at] = start, end + era


class DateRanges(Element):
    def render_date_range(
        self, date_range: Any, show_parts: Any = None, context: Element | None = None
    ) -> Any:
        begin, end = date_range.begin, date_range.get("end")
        if end is None or end.is_nil():
            single = self.render_single_date(begin, show_parts, context)
            return single + EN_DASH if single and end is not None else single
        shown = [p for p in ORDER if show_parts is None or p in show_parts]
        differing = [p for p in shown if _value(begin, p) != _value(end, p)]
        if not differing:
            return self.render_single_date(begin, show_parts, context)
        largest = differing[0]
        varying = set(shown[shown.index(largest) :])
        parts = [c for c in self.iterchildren() if c.get("name") in shown]
        texts_begin = self._part_texts(parts, begin, context)
        texts_end = self._part_texts(parts, end, context)
        names = [p.get("name") for p in parts]
        if "year" in varying and "year" in names:
            terms = context if context is not None else self  # the style's terms, as the year part uses
            _era_at_the_end(terms, texts_begin, texts_end, names.index("year"))
        block = [i for i, name in enumerate(names) if name in varying]
        if not block:
            return self.render_single_date(begin, show_parts, context)
        first, last = block[0], block[-1]
        joiner = str(self.get("delimiter", ""))

        def joined(texts: list[str]) -> str:
            return joiner.join(t for t in texts if t)

        before = joined(texts_begin[:first])
        start = joined(texts_begin[first : last + 1]).rstrip()
        finish = joined(texts_end[first : last + 1]).lstrip()
        after = joined(texts_begin[last + 1 :])
        delimiter = self._range_delimiter(parts[names.index(largest)] if largest in names else None, context)
        middle = start + delimiter + finish
        return joined([before, middle, after])

    def _part_texts(self, parts: list[Any], date: Any, context: Element | None) -> list[str]:
        texts = []
        for part in parts:
            try:
                text = part.render(date, context)
            except (VariableError, KeyError, TypeError):
                text = None
            texts.append(str(text) if text else "")
        return texts

    def _range_delimiter(self, part: Any, context: Element | None) -> str:
        name = part.get("name") if part is not None else None
        if context is not None and context is not self and name:
            for override in context.iterfind("{http://purl.org/net/xbiblio/csl}date-part"):
                if override.get("name") == name and override.get("range-delimiter") is not None:
                    return str(override.get("range-delimiter"))
        if part is not None and part.get("range-delimiter") is not None:
            return str(part.get("range-delimiter"))
        return EN_DASH


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "date_RangeDelimiter",
    "date_SeasonRange2",
    "date_SeasonRange3",
    "number_LimitOrdinalsToDayOne",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_agreement.py::test_a_range_of_years_writes_its_era_once_at_the_end",
    "tests/csl/test_rules_dates.py::test_range_delimiter_of_the_largest_differing_part",
)


ELEMENTS = {"date": DateRanges}
