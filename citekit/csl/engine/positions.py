"""CSL 1.0.2 "Position": what has been cited so far in a document decides which position tests
the next cites pass (first, subsequent, ibid, ibid-with-locator, near-note)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from citekit.csl.engine.state import Position

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

# The numbers citeproc-js accepts for an explicit position on a cite.
EXPLICIT_POSITIONS = {0: "first", 1: "subsequent", 2: "ibid", 3: "ibid-with-locator"}


def _locator(item: CitationItem) -> tuple[str, str] | None:
    if "locator" not in item:
        return None
    return (str(item["locator"].label), str(item["locator"].identifier))


@dataclass
class Tracker:
    """What has been cited so far in the document, for the positions of the next cites."""

    near_note_distance: int = 5
    last_note: dict[str, int] = field(default_factory=dict)
    first_note: dict[str, int] = field(default_factory=dict)
    # the citation before, kept apart for citations in notes and in the text (note number 0):
    # an in-text citation is ibid of the in-text citation before it, whatever notes came between
    previous: dict[bool, list[CitationItem]] = field(default_factory=dict)
    in_text = False
    previous_note: dict[bool, int] = field(default_factory=dict)
    previous_note_cites: dict[bool, list[CitationItem]] = field(default_factory=dict)

    @property
    def previous_citation(self) -> list[CitationItem]:
        return self.previous.get(self.in_text, [])

    @previous_citation.setter
    def previous_citation(self, items: list[CitationItem]) -> None:
        self.previous[self.in_text] = items

    def position(self, item: CitationItem, before: CitationItem | None, note: int) -> Position:
        key = item.key
        if key not in self.last_note:
            return Position()
        preceding = before
        # the first cite of a citation looks back at the citation before it in the same note,
        # or, opening a new note, at all the cites of the note before
        same_note = not self.in_text and note == self.previous_note.get(self.in_text)
        looked_at = self.previous_citation if same_note else self.previous_note_cites.get(self.in_text, [])
        if preceding is None and len(looked_at) == 1:
            preceding = looked_at[0]
        pos = Position(first=False)
        pos.near_note = note - self.last_note[key] <= self.near_note_distance
        if preceding is not None and preceding.key == key:
            mine, theirs = _locator(item), _locator(preceding)
            if mine is None:
                pos.ibid = theirs is None
            elif theirs != mine:
                pos.with_locator = True
            else:
                pos.ibid = True
        return pos

    def explicit(self, code: int) -> Position:
        name = EXPLICIT_POSITIONS.get(int(code), "first")
        return Position(first=name == "first", ibid=name == "ibid", with_locator=name == "ibid-with-locator")

    def cited_one(self, item: CitationItem, note: int) -> None:
        self.last_note[item.key] = note
        self.first_note.setdefault(item.key, note)

    def place(
        self, items: list[CitationItem], note: int, in_text: bool
    ) -> tuple[dict[int, Position], dict[str, int]]:
        """The positions of a citation's cites (by ``id`` of the cite), in ``note`` (0: in the
        text), and the note each item was first cited in, if cited before; the cites are then
        counted as cited."""
        self.in_text = in_text
        positions: dict[int, Position] = {}
        first_notes: dict[str, int] = {}
        for index, item in enumerate(items):
            before = items[index - 1] if index else None
            explicit = item.explicit_position
            positions[id(item)] = (
                self.explicit(explicit) if explicit is not None else self.position(item, before, note)
            )
            if item.key in self.first_note:
                first_notes[item.key] = self.first_note[item.key]
            self.cited_one(item, note)
        # citations sharing a note count as one for the ibid of the next note
        same_note = not in_text and note == self.previous_note.get(in_text)
        earlier = self.previous_note_cites.get(in_text, []) if same_note else []
        self.previous_note_cites[in_text] = [*earlier, *items]
        self.previous_citation = list(items)
        self.previous_note[in_text] = note
        return positions, first_notes
