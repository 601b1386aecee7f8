"""The bibliography driver: each entry rendered on its own (citeproc-py renders the whole list at
once), so that what one entry rendered can be read before the next (the names, for
``subsequent-author-substitute``) and an entry that renders nothing keeps its number."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citekit.csl.engine.clusters import NO_PRINTED_FORM
from citekit.csl.engine.state import Disambiguation, RenderState
from citekit.csl.finish.author_substitute import substituted
from citekit.csl.rules.citations.year_suffix import first_suffix_only
from citekit.csl.rules.text.note_start_capital import capitalized_if_term


def entries(
    registry: Any, disambiguated: dict[str, Disambiguation], finish: Callable[[str], str]
) -> list[str]:
    """The entries of the registered items, in the registry's order, each through ``finish``."""
    element = registry.style.root.bibliography
    substitute = element.get("subsequent-author-substitute")
    rule = str(element.get("subsequent-author-substitute-rule", "complete-all"))
    previous_each: list[str] = []
    numbered = bool(element.xpath_search(".//cs:text[@variable='citation-number']"))
    previous: str | None = None
    out = []
    for item in registry.items:
        decided = disambiguated.get(item.key)
        # the disambiguate condition is carried over, and the given names the citations expanded
        # (citeproc-js); names added past et-al and year-suffix letters are the citations' own
        carried = Disambiguation(
            givens=dict(decided.bibliography_givens) if decided else {},
            disambiguate=bool(decided and decided.disambiguate),
        )
        state = item.start(RenderState(disambiguation=carried))
        rendered = element.layout.render_bibliography([item])
        if not rendered:
            if numbered:
                # a numbered entry keeps its number (citeproc-js): the numbers stay in step
                out.append(f"{item.number}. {NO_PRINTED_FORM}")
            continue
        names = state.first_names
        entry = capitalized_if_term(first_suffix_only(str(rendered[0])), state.terms, opening=True)
        each = state.first_name_texts
        out.append(finish(substituted(entry, names, previous, substitute, rule, each, previous_each)))
        previous, previous_each = names, each
    return out
