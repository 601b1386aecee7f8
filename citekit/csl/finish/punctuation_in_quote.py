"""CSL 1.0.2 locale option ``punctuation-in-quote``: a comma, period, question or exclamation mark
that follows a closing quote moves inside it (American usage: ``“Title,”``), whether the style or
the item's text closed it, as citeproc-js moves it; it never moves past an apostrophe (``View’,”``)
nor into the quotes of a cite's prefix or suffix. Applied to whole citations and entries, where
delimiters and affixes are already in place."""

from __future__ import annotations

import re

from citekit.csl.marks import QUOTE_END


def moved_into_quotes(text: str, close_quote: str, close_inner: str) -> str:
    closers = "".join(re.escape(c) for c in {close_quote, close_inner} if c)
    if not closers:
        return text
    moved = re.sub(
        f"((?:[{closers}]{QUOTE_END})+)((?:</[a-z]+>)*)([.,!?]+)",
        lambda m: m.group(3) + m.group(1) + m.group(2),
        text,
    )
    # a period already inside the quote absorbs the one that came after it
    return re.sub(f"([.!?])([{closers}]+)\\.", lambda m: m.group(1) + m.group(2), moved)
