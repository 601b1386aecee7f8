"""The plural of a ``page`` label (CSL 1.0.2 "Label": plural when the variable holds several
numbers), decided as citeproc-js decides it, which the specification leaves open.

citeproc-js reads the value as numbers joined by ``-``, ``,``, ``;``, ``&`` or ``and``; the label is
plural when there are several and the first is a page number (digits or i/v/x, ``A1`` counts as 1),
so ``12-14``, ``5062-??``, ``iv-x`` and ``x, 103`` take ``pp.`` while ``xxiv + 266 + 8``,
``202 + 2-34``, ``??-??`` and ``11/1-11/9`` take ``p.`` (citeproc-py counted any two numbers).
Escaped hyphens (``\\-``) join nothing, in a locator too (``page 327\\-30``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from citeproc.source import VariableError

from citekit.csl.marks import KEEP_APART
from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

_JOINERS = re.compile(r"\s*&\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*(?<!\\)[-\u2013]+\s*")
_PARTICLE = re.compile(r"^[0-9]*[a-zA-Z]+0*(?=[0-9])")
# A first value that reads as a page number: digits or i/v/x, then letters, or a hyphenated tail.
_PAGE_NUMBER = re.compile(r"(?:[0-9]+|[ixv]+)(?:[-,:a-zA-Z]*|-[-0-9]+)")
_ROMAN = re.compile(r"[ivxlcmIVXLCM]+")


def page_is_plural(value: str) -> bool:
    """Whether a ``page`` value takes the plural label, as citeproc-js decides it."""
    parts = _JOINERS.split(value.replace(KEEP_APART, "").strip())
    if len(parts) < 2:
        return False
    first = _PARTICLE.sub("", parts[0].strip(), count=1)
    if not _PAGE_NUMBER.fullmatch(first):
        return False
    return first[:1].isdecimal() or bool(_ROMAN.fullmatch(first))


class PageLabelPlural(Element):
    def _is_plural(self, item: CitationItem) -> bool:
        if self.get("variable") == "locator" and "locator" in item:
            locator = str(item.locator.identifier)
            if "\\-" in locator:  # ``327\-30``: an escaped hyphen joins nothing, one number remains
                return bool(self.RE_MULTIPLE_NUMBERS.search(locator.replace("\\-", "")))
        if self.get("variable") != "page":
            return bool(super()._is_plural(item))
        try:
            value = item.reference["page"]
        except VariableError:
            return False
        return page_is_plural(str(value))


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "label_CollapsedPageNumberPluralDetection",
    "number_PlainHyphenOrEnDashAlwaysPlural",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_agreement.py::test_page_label_in_a_style",
    "tests/csl/test_rules_page_ranges.py::test_escaped_hyphen_in_locator_is_no_range",
)


ELEMENTS = {"label": PageLabelPlural}
