"""CSL 1.0.2 Appendix VI "Rich Text Markup" in a style's ``cs:text value=""``: like item fields,
a value's tags (``&lt;b&gt;friend&lt;/b&gt;``) are markup and its straight quotes are quotes
(flip-flopping with the quotes around them), as citeproc-js reads them. citeproc-py printed the
tags escaped and the quote marks straight."""

from __future__ import annotations

from typing import Any

from citekit.csl import richtext

_RICH = ("<", '"', "'")


class ValueRichText:
    """For cs:text: a ``value`` holding tags or quote marks is read as rich text."""

    def process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        value = self.get("value")
        if value is None or "variable" in self.attrib or "macro" in self.attrib or "term" in self.attrib:
            return super().process(item, context, **kwargs)  # type: ignore[misc]
        if not any(mark in value for mark in _RICH):
            return super().process(item, context, **kwargs)  # type: ignore[misc]
        _, language = super().process(item, context, **kwargs)  # type: ignore[misc]
        return richtext.parse(value, self.preformat), language


ELEMENTS = {"text": ValueRichText}
