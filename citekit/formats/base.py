"""What every format shares: the ``Format`` object that knows all about one format, and what reading gives.

Nothing outside ``citekit/formats/`` knows a format by its name: it asks the format's object. A format
lives in its own package under ``citekit/formats/``; the package's ``__init__.py`` holds a subclass of
``Format`` (cheap to import: the reader and writer modules are imported inside its methods, on first
use) and the registry in ``citekit/formats/__init__.py`` names the package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain

from citekit.errors import CitekitError, Problem
from citekit.model import Location, Record

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


@dataclass(frozen=True)
class Unit:
    """A piece of one input that its format's reader reads on its own: whole records (one or a few),
    never part of one. Pieces read one after another, or on several processes, give what reading the
    whole input gives. ``line`` is the line of the input the text starts on; ``context`` is what the
    reader needs from earlier in the input (BibTeX: the ``@string`` macros defined so far)."""

    text: str
    line: int = 1
    context: object = None
    # Characters of one record too long to read (``inputs.MAX_UNIT``), skipped: the piece has no text.
    skipped: int = 0


def shifted(result: ReadResult, lines: int) -> ReadResult:
    """``result`` with every line number moved on by ``lines`` (a piece read on its own counts from 1)."""
    if not lines:
        return result

    def moved(location: Location | None) -> Location | None:
        if location is None or not location.line:
            return location
        return Location(location.source, location.line + lines)

    def problem(p: Problem) -> Problem:
        return Problem(moved(p.location) or p.location, p.message, p.level)

    records = [replace(r, location=moved(r.location)) for r in result.records]
    fixed = {id(p): problem(p) for p in result.problems}
    remarks = {
        index: Remarks(
            [fixed.get(id(p)) or problem(p) for p in remark.problems],
            [(text, line + lines if line else line) for text, line in remark.unused],
        )
        for index, remark in result.remarks.items()
    }
    return ReadResult(records, list(fixed.values()), remarks)


# A check across one input, on each piece's record ids and lines in input order: it empties the ids
# of records that must be given a new key, and returns the problems it found.
Checker = Callable[[list[str], Sequence[int]], list[Problem]]


def checked(result: ReadResult, check: Checker | None) -> ReadResult:
    """``result`` after ``check`` (``Format.checker``): records whose ids it emptied, its problems added."""
    if check is None or not result.records:
        return result
    ids = [r.id for r in result.records]
    result.problems += check(ids, [r.location.line if r.location else 0 for r in result.records])
    result.records = [r.with_id(i) for r, i in zip(result.records, ids, strict=True)]
    return result


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

    # Whether ``units`` may read the input once more from its start (``again``): stdin is then
    # copied to a temporary file as it is read.
    reads_again: bool = False

    def units(
        self, chunks: Iterable[str], source: str, again: Callable[[], Iterable[str]] | None = None
    ) -> Iterator[Unit]:
        """The input (its decoded text, a chunk at a time) cut into pieces ``read_units`` reads on
        their own, in input order; ``again`` gives the text once more from the start. By default the
        whole text is one piece (at most ``inputs.MAX_UNIT``): a format whose records cannot be told
        apart before reading overrides nothing and is read whole."""
        from citekit.inputs import MAX_UNIT

        parts: list[str] = []
        size = 0
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_UNIT:
                yield Unit("", 1, skipped=size)
                return
            parts.append(chunk)
        yield Unit("".join(parts))

    def read_units(self, units: Sequence[Unit], source: str) -> ReadResult:
        """The records of consecutive pieces (from ``units``), with the lines of the whole input.
        By default the pieces' text is read as one (``read``)."""
        if not units:
            return ReadResult()
        return shifted(self.read("".join(u.text for u in units), source), units[0].line - 1)

    def checker(self, source: str) -> Checker | None:
        """What a reader checks across a whole input, called on each piece's record ids (and lines)
        in input order (BibTeX: a key given twice); None when nothing is."""
        return None

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
