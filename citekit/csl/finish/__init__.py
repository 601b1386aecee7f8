"""The steps rendered text goes through before it is output, in order.

citeproc-py renders a cite or a bibliography entry element by element; what can only be decided
on the whole text (quotes whose nesting is known, punctuation where affixes and delimiters meet,
nested emphasis) is done here, on each finished citation and each bibliography entry, by the
steps of ``STEPS`` in turn. Each step is one module of this package (or, for the quotes, the
rich-text reader that made the marks it reads: ``citekit.csl.items.richtext``).

Before these steps, the drivers apply what concerns one cite or entry alone: the first year-suffix
kept (``rules/year_suffix``), a term opening a note capitalized (``rules/note_start_capital``),
the names of the entry before replaced (``finish/author_substitute``, bibliographies only).
After them, ``citekit.csl.formatters.finish_rich_text`` writes the items' rich-text tags in the
output markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from citekit.csl.finish.flip_flop import flip_flopped
from citekit.csl.finish.punctuation import without_doubled_periods
from citekit.csl.finish.punctuation_in_quote import moved_into_quotes
from citekit.csl.finish.superscripts import superscripts_as_tags
from citekit.csl.items import richtext
from citekit.csl.marks import KEEP_APART, QUOTE_END, TYPED_DOUBLE, TYPED_SINGLE
from citekit.csl.rules.formatting.quotes import quote_terms


@dataclass(frozen=True)
class Finishing:
    """What the steps need to know of the style and the output: the same for every entry."""

    markup: str
    outer: tuple[str, str]  # the locale's open-quote and close-quote
    inner: tuple[str, str]  # open-inner-quote and close-inner-quote
    punctuation_in_quote: bool  # the locale's punctuation-in-quote option

    @classmethod
    def of(cls, style_root: Any, markup: str) -> Finishing:
        outer, inner = quote_terms(style_root)
        inside = str(style_root.get_locale_option("punctuation-in-quote")).lower() == "true"
        return cls(markup, outer, inner, inside)


def _quotes(text: str, finishing: Finishing) -> str:
    return richtext.finish(text, finishing.outer, finishing.inner, ends=True)


def _into_quotes(text: str, finishing: Finishing) -> str:
    moved = moved_into_quotes(text, finishing.outer[1], finishing.inner[1])
    return without_doubled_periods(moved)  # a mark moved inside may meet one already there


def _marks_removed(text: str, finishing: Finishing) -> str:
    return (
        text.replace(QUOTE_END, "")
        .replace(KEEP_APART, "")
        .replace(TYPED_DOUBLE, "")
        .replace(TYPED_SINGLE, "")
    )


def _html(finishing: Finishing) -> bool:
    return finishing.markup == "html"


def _always(finishing: Finishing) -> bool:
    return True


def _punctuation_in_quote(finishing: Finishing) -> bool:
    return finishing.punctuation_in_quote


Step = tuple[str, Callable[[str, Finishing], str], Callable[[Finishing], bool]]
"""A step: its name, what it does to the text, and when it applies."""

STEPS: tuple[Step, ...] = (
    # The quote marks the items' rich text left become the locale's quotes, outer or inner as they
    # nest. First: every later step reads real quote characters.
    ("quotes", _quotes, _always),
    # Superscript characters (ʳᵉ, ª) become <sup> tags before flip-flop, which reads the tags.
    ("superscripts", lambda text, _: superscripts_as_tags(text), _html),
    # Nested emphasis flips (italics in italics upright) once all tags are in place.
    ("flip-flop", lambda text, _: flip_flopped(text), _html),
    # Punctuation meeting punctuation at affixes and delimiters: looks through the final tags and
    # quotes, and stops at the marks that keep a field's own punctuation apart.
    ("duplicate punctuation", lambda text, _: without_doubled_periods(text), _always),
    # punctuation-in-quote moves marks into quotes, after doubled marks are resolved (a period
    # moved inside may meet another, resolved again); it reads the marks after closing quotes.
    ("punctuation in quote", _into_quotes, _punctuation_in_quote),
    # Last: the marks the steps above read are taken out.
    ("marks removed", _marks_removed, _always),
)


def finished(text: str, finishing: Finishing) -> str:
    """``text`` after every step of ``STEPS`` that applies."""
    for _name, step, applies in STEPS:
        if applies(finishing):
            text = step(text, finishing)
    return text
