"""Characters that carry information through citeproc-py's rendering to the finishing steps.

citeproc-py renders strings, and keeps no side channel: what reading the items or a rule knows
about a place in the text and a later step needs is written into the text as a character of
Unicode's private use area, and taken out again before the output is handed back.
"""

from __future__ import annotations

# Quote marks of rich text (``citekit.csl.items.richtext``): made the locale's outer or inner
# quotes once the nesting is known (an enclosing quoted cs:text, or ``finish``).
OPEN_MARK = "\ue001"
CLOSE_MARK = "\ue002"
# Follows every closing quote (of the data or the style) until the output is finished, so that
# punctuation can move into quotes (``punctuation-in-quote``) and not past an apostrophe (’).
QUOTE_END = "\ue003"
# Sits between two punctuation marks of one field, so that they never read as a seam where
# affixes and delimiters meet text (``citekit.csl.finish.punctuation``).
KEEP_APART = "\ue004"
# A closing quote in a cite's prefix or suffix: punctuation never moves into it (citeproc-js).
AFFIX_CLOSE_MARK = "\ue005"
# Follows the quote mark of a quote typed curly in the data (“…” or ‘…’): outside any quote
# citeproc-js writes such a quote as typed, where a straight one takes the locale's outer quotes.
TYPED_DOUBLE = "\ue008"
TYPED_SINGLE = "\ue009"
TYPED = TYPED_DOUBLE + TYPED_SINGLE
# Around the year-suffix letter written after a year (``citekit.csl.rules.citations.year_suffix``):
# only the first of a cite keeps its letter.
SUFFIX_OPEN = "\ue006"
SUFFIX_CLOSE = "\ue007"
# Ends the first field of a bibliography entry set apart by ``second-field-align``.
FIELD_BREAK = "\x1f"
# Opens an entry whose layout is ``vertical-align="baseline"`` and has ``second-field-align``:
# citeproc-js's baseline span holds both blocks of the entry, set up once they are made.
ENTRY_BASELINE = "\ue00a"
