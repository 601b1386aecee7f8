"""What one rendering of one cite or bibliography entry shares between the driver and the rules.

citeproc-py hands every element it renders the cite being rendered (its ``CitationItem``) and
nothing else the rules could use, so the cite carries this state (``item.state``): the driver
starts each rendering with a fresh ``RenderState`` holding what it decided for the cite (its
position, its disambiguation), the rules read that and write what they found while walking the
style (the names rendered, the terms rendered, their own bookkeeping), and the driver reads
the latter once the rendering is done. Nothing of it is global: two renderings, in one thread or
two, never see each other's state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Position:
    """Which CSL position tests a cite passes (CSL 1.0.2 "Position")."""

    first: bool = True
    ibid: bool = False
    with_locator: bool = False
    near_note: bool = False

    def passes(self, test: str) -> bool:
        if test == "first":
            return self.first
        if test == "subsequent":
            return not self.first
        if test == "ibid":
            return self.ibid or self.with_locator
        if test == "ibid-with-locator":
            return self.with_locator
        if test == "near-note":
            return self.near_note
        return False


NameKey = tuple[str, int]
"""A person name of an item: its variable and its index in that variable's list."""


@dataclass
class Disambiguation:
    """What disambiguation decided for an item (CSL 1.0.2 "Disambiguation"): names shown beyond
    et-al-use-first, given names expanded per name (level 1 initials, 2 full), whether the
    ``disambiguate`` condition holds, and the year-suffix letter."""

    add_names: int = 0
    givens: dict[NameKey, int] = field(default_factory=dict)
    disambiguate: bool = False
    year_suffix: str | None = None
    # the given-name levels the bibliography shows: a name the citations expanded is shown in
    # the bibliography with its initials, or whole where another person of the same family name
    # has the same initials (citeproc-js)
    bibliography_givens: dict[NameKey, int] = field(default_factory=dict)


@dataclass
class Tally:
    """Variables called and variables that rendered, so far in this rendering (a group compares
    the counts before and after its children: CSL 1.0.2 "Group" suppression)."""

    called: int = 0
    rendered: int = 0

    def count(self, output: Any) -> None:
        self.called += 1
        if output:
            self.rendered += 1


@dataclass(eq=False)
class RenderState:
    """One rendering of one cite or entry (sort keys included: they render the cite too)."""

    # Set by the driver before rendering.
    position: Position | None = None  # None outside citations: every position test is false
    disambiguation: Disambiguation = field(default_factory=Disambiguation)
    etal_subsequent: bool = False  # names abbreviated as in later cites, whatever the position
    suppress_names: bool = False  # the first top-level cs:names renders nothing (a collapsed cite)

    # Written by the rules, read by the driver afterwards.
    first_names: str | None = None  # what the first top-level cs:names rendered
    first_name_texts: list[str] = field(default_factory=list)  # its names one by one, if known
    terms: list[str] = field(default_factory=list)  # the terms rendered, in order

    # The rules' own bookkeeping while the style is walked.
    names_depth: int = 0  # cs:names being rendered inside one another (a substitute's)
    names_content: Any = None  # what the top cs:names rendered, before its affixes and formatting
    name_list: str | None = None  # the first cs:name list rendered inside the top cs:names
    name_texts: list[str] | None = None  # the names of that list, one by one
    tally: Tally = field(default_factory=Tally)
    captures: list[set[str]] = field(default_factory=list)  # variables rendered per open substitute
    sort_key_options: dict[str, str] | None = None  # name options of the macro sort key rendered
