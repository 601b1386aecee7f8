"""What every format shares: the ``Format`` object that knows all about one format, and what reading gives.

Nothing outside ``citekit/formats/`` knows a format by its name: it asks the format's object. A format
lives in its own package under ``citekit/formats/``; the package's ``__init__.py`` holds a subclass of
``Format`` (cheap to import: the reader and writer modules are imported inside its methods, on first
use) and the registry in ``citekit/formats/__init__.py`` names the package.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain

from citekit.errors import CitekitError, Problem
from citekit.model import Record

# A highlighted stretch of text on a terminal: (start, end, role). The console gives each role its
# colour: "record" (what opens or closes a record), "tag" (a field's name), "punctuation".
Mark = tuple[int, int, str]
# ``sniff`` of a format that any text may be (research-portal page text): the weakest sign there is.
ANY_TEXT = 1 << 62


@dataclass
class Remarks:
    """What ``citekit show`` says beside one record: the problems met reading it, and what its source
    gave that no CSL variable holds, as ("Label: value", line) pairs."""

    problems: list[Problem] = field(default_factory=list)
    unused: list[tuple[str, int]] = field(default_factory=list)
    # Fields only weak evidence gave, as (field, why) pairs: ``citekit show`` marks them.
    weak: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ReadResult:
    """The records read from one input, and the problems met on the way (the rest was still read).

    ``remarks`` holds, by record index, what a reader can tell about one record in particular; its
    problems are in ``problems`` too. Readers that cannot tell leave it empty."""

    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    remarks: dict[int, Remarks] = field(default_factory=dict)

    def extend(self, other: ReadResult) -> None:
        offset = len(self.records)
        self.remarks.update((offset + index, remarks) for index, remarks in other.remarks.items())
        self.records.extend(other.records)
        self.problems.extend(other.problems)


class Format:
    """One data format: its names and suffixes, how to tell it from its content, how to read and
    write it, how its writers' outputs join, which keys it can carry, what a reader gets back from
    it (the loss report) and how a terminal highlights it.

    A subclass sets the attributes and overrides the methods its format has; ``readable`` and
    ``writable`` say which of ``read`` and ``write``/``carry`` it has.
    """

    name: str = ""
    title: str = ""
    suffixes: tuple[str, ...] = ()
    # Other names people give it (``--from json``).
    aliases: tuple[str, ...] = ()
    readable: bool = False
    writable: bool = False
    # Its suffixes name any text (.txt, .md), so a file's content is looked at even when they match.
    generic_suffixes: bool = False
    # Its records go through the clean-up steps (``citekit.normalize.steps``) unless ``raw`` is given:
    # text copied from web pages needs them, data formats are kept as their source wrote them.
    cleaned: bool = False
    # Written records need keys unique in the output (``key_form`` each first); else ids go as they are.
    unique_keys: bool = True
    # The pygments lexer that highlights written text on a terminal; "" when ``marks`` does it.
    lexer: str = ""
    # For an XML format of bibliographic records: the namespace of its records, by which an OAI-PMH
    # harvest knows the metadata formats a repository offers that this format reads.
    namespace: str = ""

    def __repr__(self) -> str:
        return f"<format {self.name}>"

    def sniff(self, head: str) -> int | None:
        """Where in ``head`` (the start of an input) this format first shows itself, or None if it
        does not; the format showing itself earliest is the input's format (``ANY_TEXT``: any text may be)."""
        return None

    def read(self, text: str, source: str) -> ReadResult:
        """Every record in ``text`` (``source`` names it in problems), as its source wrote it."""
        raise CitekitError(f"citekit cannot read {self.title} yet")

    def write(self, records: Sequence[Record], ascii: bool = False) -> str:
        """The records as text, each with the id it has (``citekit.stages.write`` gives the keys)."""
        raise CitekitError(f"citekit cannot write {self.title}")

    def carry(self, record: Record) -> Record:
        """The record as this format carries it: what reading ``write([record])`` gives back."""
        raise CitekitError(f"citekit cannot write {self.title}")

    def key_form(self, key: str) -> str:
        """A citation key as this format can write it ("" when nothing of it can be: a new one is made)."""
        return key

    def join(self, texts: Iterable[str]) -> Iterator[str]:
        """``write(a + b + …)`` in pieces, from ``write(a)``, ``write(b)``, …: records written in
        chunks (on several processes) and joined. By default records are separated by an empty line."""
        pieces = iter(texts)
        first = next(pieces, "")
        return chain([first], ("\n" + text for text in pieces))

    def marks(self, text: str) -> Iterable[Mark]:
        """Stretches of written ``text`` to highlight on a terminal, for a format with no ``lexer``."""
        return ()
