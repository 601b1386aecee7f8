"""CSL 1.0.2 "Disambiguation", year-suffix: the letter disambiguation gives an item follows the
first year rendered from its ``issued`` date, unless the style renders ``year-suffix`` itself
(``cs:text variable="year-suffix"``). ``citekit.csl.processor`` marks the date with the letter."""

from __future__ import annotations

from typing import Any

SUFFIX_KEY = "csl_year_suffix"


class SuffixWritten:
    """Whether the implicit suffix was written in the cite or entry being rendered: it follows the
    first year only (the driver clears this before each cite and entry)."""

    done = False


class YearWithSuffix:
    def process(self: Any, date: Any, context: Any = None) -> Any:
        text = super().process(date, context)  # type: ignore[misc]
        wanted = self.get("name") == "year" and isinstance(date, dict) and date.get(SUFFIX_KEY)
        if text is not None and wanted and not SuffixWritten.done:
            SuffixWritten.done = True
            return str(text) + date[SUFFIX_KEY]
        return text


def mark(reference: Any, suffix: str | None, explicit: bool, labelled: bool = False) -> None:
    """Record ``suffix`` as the reference's year-suffix variable, and on its issued date when the
    style does not render the variable itself (on its citation-label, when the style renders
    that: ``Asth00a``)."""
    if suffix:
        reference["year_suffix"] = suffix
    else:
        reference.pop("year_suffix", None)
    label = reference.get("citation_label")
    if label is not None:
        base = reference.setdefault("csl_label_base", label)
        reference["citation_label"] = base + suffix if suffix and labelled and not explicit else base
        if labelled:
            return
    issued = reference.get("issued")
    if isinstance(issued, dict) and "begin" in issued:
        issued = issued["end"] if issued.get("end") and not issued["end"].is_nil() else issued["begin"]
    if isinstance(issued, dict):
        if suffix and not explicit:
            issued[SUFFIX_KEY] = suffix
        else:
            issued.pop(SUFFIX_KEY, None)


ELEMENTS = {"date-part": YearWithSuffix}
