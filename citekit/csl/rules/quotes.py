"""CSL 1.0.2 "quotes" formatting attribute: text is wrapped in the locale's open-quote and
close-quote terms, and quotes inside it (rich-text quote marks of the field) become the inner
quotes (open-inner-quote / close-inner-quote), alternating as they nest."""

from __future__ import annotations

from typing import Any

from citekit.csl import richtext


def quote_terms(element: Any) -> tuple[tuple[str, str], tuple[str, str]]:
    def term(name: str) -> str:
        return str(element.get_single_term(name=name))

    return (term("open-quote"), term("close-quote")), (term("open-inner-quote"), term("close-inner-quote"))


class NestedQuotes:
    def quote(self: Any, string: Any) -> Any:
        if self.get("quotes", "false").lower() != "true":
            return string
        outer, inner = quote_terms(self)
        return outer[0] + richtext.finish(str(string), outer, inner, depth=1) + outer[1]


ELEMENTS = {"text": NestedQuotes}
