"""Citations in document order: cite positions, the citation's own sort, and the cluster's layout.

citeproc-py renders a citation's cites in bibliography order and judges positions from its own list
of rendered cites. CSL 1.0.2 keeps the cites in the order given unless ``cs:citation`` has a
``cs:sort``, and defines positions over the whole document ("Position" in the spec), so this
module computes them first and the ``position`` rule reads them from each cite.
"""

from __future__ import annotations

from typing import Any

from citeproc.source import VariableError

from citekit.csl.engine import collapse
from citekit.csl.engine.collapse import RenderedCite
from citekit.csl.engine.positions import Tracker
from citekit.csl.engine.state import Disambiguation, RenderState
from citekit.csl.marks import AFFIX_CLOSE_MARK, CLOSE_MARK
from citekit.csl.rules.citations.year_suffix import first_suffix_only
from citekit.csl.rules.sorting.sorting import sort_items
from citekit.csl.rules.text.note_start_capital import capitalized_if_term

NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"


def render(
    citation_element: Any,
    items: list[Any],
    tracker: Tracker,
    note: int,
    in_text: bool = False,
    disambiguated: dict[str, Disambiguation] | None = None,
) -> str:
    """One citation: its cites (sorted if the style says so) with their positions, then the layout;
    ``disambiguated`` holds what disambiguation decided for the items."""
    disambiguated = disambiguated or {}
    layout = citation_element.layout
    for item in items:  # a sort key may test the disambiguate condition
        item.start(RenderState(disambiguation=disambiguated.get(item.key) or Disambiguation()))
    if citation_element.sort is not None:
        items = sort_items(citation_element.sort, items, layout)
    first_notes = {}
    tracker.in_text = in_text
    positions = {}
    for index, item in enumerate(items):
        before = items[index - 1] if index else None
        explicit = item.explicit_position
        positions[id(item)] = (
            tracker.explicit(explicit) if explicit is not None else tracker.position(item, before, note)
        )
        if item.key in tracker.first_note:
            first_notes[item.key] = tracker.first_note[item.key]
        tracker.cited_one(item, note)
    # citations sharing a note count as one for the ibid of the next note
    same_note = not in_text and note == tracker.previous_note.get(in_text)
    earlier = tracker.previous_note_cites.get(in_text, []) if same_note else []
    tracker.previous_note_cites[in_text] = [*earlier, *items]
    tracker.previous_citation = list(items)
    tracker.previous_note[in_text] = note
    note_style = citation_element.get_root().get("class") == "note"

    def rendered(item: Any, without_names: bool = False) -> str | None:
        layout.repressed = {}
        reference = item.reference
        if item.key in first_notes:
            reference["first_reference_note_number"] = str(first_notes[item.key])
        else:
            reference.pop("first_reference_note_number", None)
        item.start(
            RenderState(
                position=positions[id(item)],
                disambiguation=disambiguated.get(item.key) or Disambiguation(),
                suppress_names=without_names,
            )
        )
        try:
            text = layout.render_children(item)
        except VariableError:
            text = None
        return first_suffix_only(str(text)) if text else None

    cites = []
    for index, item in enumerate(items):
        text = rendered(item)
        if text is None:
            cites.append(RenderedCite(item, NO_PRINTED_FORM, None, True))
            continue
        names = item.state.first_names
        prefix = item.get("prefix", "")
        suffix = item.get("suffix", "")
        # a prefix of one word ("Nocapsafter.") does not end a sentence; a longer one may
        sentence = (
            prefix.strip().rstrip(f"”’\"'{CLOSE_MARK}{AFFIX_CLOSE_MARK}").endswith((".", "!", "?"))
            and " " in prefix.strip()
        )
        opens = (index == 0 and not prefix) or sentence
        if note_style and opens:
            text = capitalized_if_term(text, item.state.terms)
        cites.append(RenderedCite(item, f"{prefix}{text}{suffix}", names, bool(prefix or suffix)))
    joined = collapse.join(citation_element, cites, lambda item: rendered(item, without_names=True) or "")
    return str(layout.format(layout.wrap(joined)))
