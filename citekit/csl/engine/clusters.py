"""Citations in document order: cite positions, the citation's own sort, and the cluster's layout.

citeproc-py renders a citation's cites in bibliography order and judges positions from its own list
of rendered cites. CSL 1.0.2 keeps the cites in the order given unless ``cs:citation`` has a
``cs:sort``, and defines positions over the whole document ("Position" in the spec), so this
module computes them first and the ``position`` rule reads them from each cite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citeproc.source import VariableError

from citekit.csl.engine import collapse
from citekit.csl.engine.collapse import RenderedCite
from citekit.csl.engine.positions import Tracker
from citekit.csl.engine.state import Disambiguation, RenderState
from citekit.csl.marks import AFFIX_CLOSE_MARK, CLOSE_MARK, TYPED
from citekit.csl.rules.citations.year_suffix import first_suffix_only
from citekit.csl.rules.sorting.sorting import sort_items
from citekit.csl.rules.text.note_start_capital import capitalized_if_term

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"


def render(
    citation_element: Any,
    items: list[CitationItem],
    tracker: Tracker,
    note: int,
    in_text: bool = False,
    disambiguated: dict[str, Disambiguation] | None = None,
) -> str:
    """One citation: its cites (sorted if the style says so) with their positions, then the layout;
    ``disambiguated`` holds what disambiguation decided for the items."""
    decisions = disambiguated or {}
    layout = citation_element.layout

    def decided(item: CitationItem) -> Disambiguation:
        return decisions.get(item.key) or Disambiguation()

    for item in items:  # a sort key may test the disambiguate condition
        item.start(RenderState(disambiguation=decided(item)))
    if citation_element.sort is not None:
        items = sort_items(citation_element.sort, items, layout)
    positions, first_notes = tracker.place(items, note, in_text)

    def rendered(item: CitationItem, without_names: bool = False) -> str | None:
        state = RenderState(
            position=positions[id(item)], disambiguation=decided(item), suppress_names=without_names
        )
        return _rendered(layout, item, state, first_notes.get(item.key))

    note_style = citation_element.get_root().get("class") == "note"
    cites = [_cite(item, rendered(item), index == 0, note_style) for index, item in enumerate(items)]
    joined = collapse.join(citation_element, cites, lambda item: rendered(item, without_names=True) or "")
    return str(layout.format(layout.wrap(joined)))


def _rendered(layout: Any, item: CitationItem, state: RenderState, first_note: int | None) -> str | None:
    """What the layout renders for one cite, with ``state`` (None if it renders nothing)."""
    layout.repressed = {}
    reference = item.reference
    if first_note is not None:
        reference["first_reference_note_number"] = str(first_note)
    else:
        reference.pop("first_reference_note_number", None)
    item.start(state)
    try:
        text = layout.render_children(item)
    except VariableError:
        text = None
    return first_suffix_only(str(text)) if text else None


def _ends_sentence(prefix: str) -> bool:
    """Whether a cite's prefix ends a sentence; a prefix of one word ("Nocapsafter.") does not."""
    trimmed = prefix.strip()
    closed = trimmed.rstrip(f"”’\"'{CLOSE_MARK}{AFFIX_CLOSE_MARK}{TYPED}")
    return closed.endswith((".", "!", "?")) and " " in trimmed


def _cite(item: CitationItem, text: str | None, first: bool, note_style: bool) -> RenderedCite:
    """A rendered cite with its affixes; in a note style, a cite that opens the citation or a
    sentence capitalizes the term it starts with."""
    if text is None:
        return RenderedCite(item, NO_PRINTED_FORM, None, True)
    prefix = item.get("prefix", "")
    suffix = item.get("suffix", "")
    if note_style and ((first and not prefix) or _ends_sentence(prefix)):
        text = capitalized_if_term(text, item.state.terms)
    return RenderedCite(item, f"{prefix}{text}{suffix}", item.state.first_names, bool(prefix or suffix))
