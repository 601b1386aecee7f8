"""CSL 1.0.2 "Page Ranges" (``page-range-format``) and number ranges, as citeproc-js applies them.

A ``page`` value is read as parts separated by ``,`` or ``&``; a part that is a range of two page
numbers (``321-28``, ``A1-A9``) is written with the page-range delimiter and shortened or expanded
by the style's format. With no format, a page label followed by a page number (``24.6/1-4``) gets
the delimiter too. Any other part (``28-??``, ``11/1-11/9``, ``129-139 (or 129-138??)``) is left
as written.
citeproc-py replaced every hyphen and cut ``1-163`` to ``1–63`` under ``minimal``. A numeric range
in another number variable (a report number ``99-02``) gets an en dash.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from citeproc.string import String

from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

NUMBER_VARIABLES = frozenset(
    {"number", "volume", "issue", "edition", "chapter-number", "collection-number", "number-of-volumes"}
)
# A page number may carry a prefix of letters, itself after digits (``N110``, ``8n11564``).
_RANGE = re.compile(r"\s*((?:[0-9]*[A-Za-z]+)?)(\d+)\s*(?:-+|–)\s*((?:[0-9]*[A-Za-z]+)?)(\d+)\s*")
# Roman numerals of one case form a range too, written with the delimiter but never shortened.
_ROMAN_RANGE = re.compile(r"\s*([ivxlcdm]+|[IVXLCDM]+)\s*(?:-+|–)\s*([ivxlcdm]+|[IVXLCDM]+)\s*")
_HYPHENS = re.compile(r"\s*-+\s*")
_ESCAPED_HYPHEN = "\\-"
_HYPHENS_SPACED = re.compile(r"\s*(-+)\s*")
_LEADING_INT = re.compile(r"\s*([0-9]+)")
_ROMAN_OR_DIGITS = re.compile(r"[0-9]+|[ivxlcmIVXLCM]+")
# A first and last page citeproc-js reads as a range once joined by " - ".
_JOINED_RANGE = re.compile(r"(?:[0-9]*[a-zA-Z]+0*)?[0-9]+[a-z]*\s*[^0-9]+\s*[-,a-zA-Z]?0*[0-9]+[a-z]*")
_NUMBER_RANGE = re.compile(r"(\d+)\s*(?:-+|–)\s*(\d+)")
# ``&`` may arrive escaped for HTML (``&#38;``), and is kept as it came
_PARTS = re.compile(r"\s*(,|&(?:#38;)?)\s*")


def _expanded(first: str, last: str) -> str:
    """``321``-``28`` means 321–328: the missing leading digits come from the first page."""
    if len(last) < len(first):
        return first[: len(first) - len(last)] + last
    return last


def _changed_digits(first: str, last: str, keep: int) -> str:
    """The last page without the leading digits it shares with the first, keeping ``keep`` digits."""
    if len(first) != len(last) or first == last:
        return last
    common = 0
    while common < len(first) and first[common] == last[common]:
        common += 1
    return last[min(common, max(len(last) - keep, 0)) :]


def shorten(first: str, last: str, range_format: str | None) -> str:
    """The last page of a range as ``range_format`` writes it (``first`` and ``last`` are digits);
    with no format the range is left as written."""
    if range_format is None:
        return last
    last = _expanded(first, last)
    if range_format == "minimal":
        return _changed_digits(first, last, 1)
    if range_format == "minimal-two":
        return _changed_digits(first, last, 2)
    if range_format in ("chicago", "chicago-15", "chicago-16"):
        number = int(first)
        if number < 100 or number % 100 == 0:
            return last
        if number % 100 < 10:
            return _changed_digits(first, last, 1)
        shortened = _changed_digits(first, last, 2)
        if range_format != "chicago-16" and len(first) == 4 and len(last) - len(shortened) < 2:
            return last  # chicago-15: when three digits change in a four-digit number, give all four
        return shortened
    return last


def _leading_int(text: str) -> int | None:
    match = _LEADING_INT.match(text)
    return int(match.group(1)) if match else None


def loose_range(piece: str, delimiter: str) -> str:
    """A page value that is no clean range, with no page-range-format, as citeproc-js writes it:
    the last hyphen gets the delimiter when the page before it is the larger (``24.6/1-4``,
    ``202 + 2-34``) or the two read as a range (``1-x``); every other hyphen stays."""
    parts = _HYPHENS.split(piece)
    if len(parts) < 2:
        return piece
    first, before, after = parts[0], parts[-2], parts[-1]
    if _leading_int(first) is None and not _ROMAN_OR_DIGITS.fullmatch(first):
        return piece  # citeproc-js does not read it as page numbers
    low, high = _leading_int(before), _leading_int(after)
    if low is not None and high is not None:
        ranged = low > high or bool(_JOINED_RANGE.fullmatch(f"{before} - {after}"))
    else:
        ranged = bool(_ROMAN_OR_DIGITS.fullmatch(before) and _ROMAN_OR_DIGITS.fullmatch(after))
    if not ranged:
        return piece
    cut = [m.start() for m in _HYPHENS.finditer(piece)][-1]
    return piece[:cut] + _HYPHENS.sub(delimiter, piece[cut:], count=1)


def _is_range(match: re.Match[str] | None, range_format: str | None) -> bool:
    """CSL 1.0.2 reformats only real ranges: the two pages share their prefix (``N110-N115``,
    ``110-5``). With a page-range-format a prefix on the first page alone (``N110-5``) is no
    range either; with none, citeproc-js keeps ``A1-9`` a range, and so do we (the fixtures)."""
    if match is None:
        return False
    prefix, last_prefix = match.group(1), match.group(3)
    if range_format is None:
        return last_prefix in ("", prefix)
    return last_prefix == prefix


def _format_range(match: re.Match[str], range_format: str | None, delimiter: str) -> str:
    prefix, first, last_prefix, last = match.groups()
    if range_format is not None and _expanded(first, last) == first:
        # A range of one page keeps both (c3-c3 is c3–c3 in citeproc-js, whatever the format).
        return f"{prefix}{first}{delimiter}{prefix}{first}"
    last = shorten(first, last, range_format)
    if range_format == "expanded":
        last_prefix = prefix  # N110-N5 expanded is N110-N115 ...
    elif range_format is not None:
        last_prefix = ""  # ... and shortened n11564-n1568 is n11564-8, as citeproc-js writes it
    return f"{prefix}{first}{delimiter}{last_prefix}{last}"


def format_pages(value: str, variable: str, range_format: str | None, delimiter: str) -> str:
    pieces = _PARTS.split(str(value).strip())
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:  # a separator
            out.append(", " if piece == "," else f" {piece} ")
            continue
        if _ESCAPED_HYPHEN in piece:  # ``327\-30``: a hyphen the data says is no range
            piece = piece.replace(_ESCAPED_HYPHEN, "-")
            if variable == "page-first":
                return piece
            out.append(piece)
            continue
        match = _RANGE.fullmatch(piece)
        if not _is_range(match, range_format):
            piece = piece.replace("\u2013", "-")  # citeproc-js reads an en dash in pages as a hyphen
            roman = _ROMAN_RANGE.fullmatch(piece)
            if range_format is None:
                piece = loose_range(piece, delimiter)
            elif roman is not None:
                piece = f"{roman.group(1)}{delimiter}{roman.group(2)}"
            else:
                piece = _HYPHENS_SPACED.sub(r"\1", piece)  # 110 - N6 is written 110-N6
            if variable == "page-first":
                return piece.split(delimiter)[0] if delimiter in piece else piece
            out.append(piece)
            continue
        assert match is not None
        if variable == "page-first":
            return match.group(1) + match.group(2)
        out.append(_format_range(match, range_format, delimiter))
    if variable == "page-first":
        return pieces[0]
    return "".join(out)


class PageRanges(Element):
    """For cs:text and cs:number: page values and numeric ranges formatted as above."""

    @staticmethod
    def applies_to(element: Element) -> bool:
        return element.get("variable") is not None

    def _process(self, value: Any, variable: str) -> Any:
        if not variable.startswith("page"):
            return super()._process(value, variable)
        delimiter = self.get_single_term(name="page-range-delimiter") or "\u2013"
        range_format = self.get_root().get_option("page-range-format")
        return String(format_pages(str(value), variable, range_format, str(self.preformat(delimiter))))

    def _variable(self, item: CitationItem, context: Element | None) -> Any:
        text = super()._variable(item, context)
        if self.get("variable") == "locator" and text is not None and item.locator.label == "page":
            return self._page_locator(str(text))
        if self.get("variable") in NUMBER_VARIABLES and text is not None:
            match = _NUMBER_RANGE.fullmatch(str(text).strip())
            if match:
                return String(f"{match.group(1)}\u2013{match.group(2)}")
        return text

    def _page_locator(self, text: str) -> Any:
        """CSL 1.0.2 applies page-range-format to a locator whose label is ``page`` as to the
        ``page`` variable. citeproc-py wrote every hyphen as an en dash; it is read back as one."""
        range_format = self.get_root().get_option("page-range-format")
        text = text.replace("\\\u2013", _ESCAPED_HYPHEN)
        if range_format is None:
            return String(text.replace(_ESCAPED_HYPHEN, "-"))
        delimiter = self.get_single_term(name="page-range-delimiter") or "\u2013"
        return String(format_pages(text, "page", range_format, str(self.preformat(delimiter))))


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "bugreports_ContextualPluralWithMainItemFields",
    "fullstyles_ABdNT",
    "label_CollapsedPageNumberPluralDetection",
    "number_MixedPageRange",
    "number_PlainHyphenOrEnDashAlwaysPlural",
    "page_Chicago",
    "page_Chicago16",
    "page_ChicagoWeird",
    "page_Expand",
    "page_ExpandWeirdComposite",
    "page_Minimal",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_agreement.py::test_a_prefix_before_a_field_starting_with_a_mark_stays",
    "tests/csl/test_rules_agreement.py::test_number_ranges_get_an_en_dash",
    "tests/csl/test_rules_agreement.py::test_page_label_in_a_style",
    "tests/csl/test_rules_agreement.py::test_page_range_format_in_a_style",
    "tests/csl/test_rules_agreement.py::test_punctuation_inside_a_field_is_never_merged",
    "tests/csl/test_rules_locators.py::test_page_list_ampersand_is_escaped_once",
    "tests/csl/test_rules_page_ranges.py::test_escaped_hyphen_in_locator_is_no_range",
    "tests/csl/test_rules_page_ranges.py::test_page_locator_follows_page_range_format",
    "tests/csl/test_rules_page_ranges.py::test_pages_with_other_prefixes_keep_their_hyphen[110 - N6-110-N6]",
    "tests/csl/test_rules_page_ranges.py::test_pages_with_other_prefixes_keep_their_hyphen[123N110 - N5-123N110-N5]",
    "tests/csl/test_rules_page_ranges.py::test_pages_with_other_prefixes_keep_their_hyphen[N110 - 5-N110-5]",
    "tests/csl/test_rules_page_ranges.py::test_pages_with_other_prefixes_keep_their_hyphen[N110 - P5-N110-P5]",
    "tests/csl/test_rules_page_ranges.py::test_range_of_one_page_keeps_both_pages[chicago]",
    "tests/csl/test_rules_page_ranges.py::test_range_of_one_page_keeps_both_pages[minimal-two]",
    "tests/csl/test_rules_page_ranges.py::test_range_of_one_page_keeps_both_pages[minimal]",
    "tests/csl/test_rules_page_ranges.py::test_same_prefix_on_both_pages_is_a_range[8n11564-8n1568-chicago-8n11564\u201368]",
    "tests/csl/test_rules_page_ranges.py::test_same_prefix_on_both_pages_is_a_range[N110 - N5-expanded-N110\u2013N115]",
    "tests/csl/test_rules_page_ranges.py::test_same_prefix_on_both_pages_is_a_range[n11564 - n1568-minimal-n11564\u20138]",
)


ELEMENTS = {"text": PageRanges, "number": PageRanges}
