"""CSL 1.0.2 "quotes" formatting attribute: text is wrapped in the locale's open-quote and
close-quote terms, and quotes inside it (rich-text quote marks of the field) become the inner
quotes (open-inner-quote / close-inner-quote), alternating as they nest."""

from __future__ import annotations

from typing import Any

from citekit.csl.items import richtext
from citekit.csl.marks import QUOTE_END
from citekit.csl.style.element import Element


def quote_terms(element: Element) -> tuple[tuple[str, str], tuple[str, str]]:
    def term(name: str) -> str:
        return str(element.get_single_term(name=name))

    return (term("open-quote"), term("close-quote")), (term("open-inner-quote"), term("close-inner-quote"))


def _flipped(text: str, outer: tuple[str, str], inner: tuple[str, str]) -> str:
    """Matched pairs of quotes already in ``text`` (from quoted elements inside this one) swapped,
    outer for inner and back; a lone ’ (an apostrophe) is left alone."""
    pairs = {outer[0]: outer[1], inner[0]: inner[1]}
    swap = {outer[0]: inner[0], outer[1]: inner[1], inner[0]: outer[0], inner[1]: outer[1]}
    if len(swap) < 4:
        return text
    chars = list(text)
    open_at: list[int] = []
    for index, char in enumerate(chars):
        if char in pairs:
            open_at.append(index)
        elif open_at and char == pairs[chars[open_at[-1]]]:
            start = open_at.pop()
            chars[start], chars[index] = swap[chars[start]], swap[char]
    return "".join(chars)


class NestedQuotes(Element):
    # Kept on every cs:text: citeproc-py's own ``quote`` asks the locale for its
    # punctuation-in-quote option first, even when there is nothing to quote.
    def quote(self, string: Any) -> Any:
        if self.get("quotes", "false").lower() != "true":
            return string
        outer, inner = quote_terms(self)
        content = _flipped(str(string), outer, inner)
        return outer[0] + richtext.finish(content, outer, inner, depth=1, ends=True) + outer[1] + QUOTE_END


ELEMENTS = {"text": NestedQuotes}
