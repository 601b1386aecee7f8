"""Reading BibTeX a piece at a time: a file of any size in the memory of a few pieces.

A piece ends where a line starts a block (``@name{``): bibtexparser ends any block there, so every
piece holds whole blocks and reads as it would in the whole file (``split``). What a piece needs
from the rest of the file travels with it (``Context``):

* ``@string`` macros, known before use as BibTeX knows them: the definitions met so far, in file
  order (a later one replaces an earlier one). Only the pieces holding an ``@string`` are parsed
  here, to learn them; the rest are read where the reader runs (``read_units``).
* crossref and xdata parents: when a piece first mentions ``crossref`` or ``xdata``, the input is
  read once more (``again``) for every key named there, then once more for those entries' fields
  (with the macros known where each stands). Chains are followed; a parent that is not in the input,
  and a chain that comes back to an entry, are warnings, and the child keeps its own fields.

Keys given twice (BibTeX compares them without case) are found across the whole input, in order
(``Duplicates``), so that pieces read on several processes give what one reading gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from typing import Any

from citekit.errors import Problem
from citekit.formats.base import ReadResult, Unit
from citekit.formats.bibtex import tables as T
from citekit.formats.bibtex.split import Blocks, fast_split, repeated_key
from citekit.formats.bibtex.values import DEFAULT_MACROS, BadValue, resolve
from citekit.model import Location, Record

# Where a piece may end: just before a line that starts a block.
_ENDS = re.compile(r"\n(?=[^\S\n]*@\w*[ \t]*[{(])")
_STRING = re.compile(r"@string[ \t]*[{(]", re.IGNORECASE)
_INHERITS = re.compile(r"\b(?:crossref|xdata)\s*=", re.IGNORECASE)
# A crossref or xdata value as most files write it: braced, quoted or bare.
_PARENT_VALUE = re.compile(
    r"\b(crossref|xdata)\s*=\s*(?:\{([^{}]*)\}|\"([^\"]*)\"|([^\s,}#]+))", re.IGNORECASE
)
_HEADER = re.compile(r"@(\w+)[ \t]*[{(][ \t]*([^,\s{}()\"#%'=@\\~]+)[ \t]*,")

# key (lower case) -> (entry type, fields resolved to text)
Parents = dict[str, tuple[str, dict[str, str]]]


@dataclass(frozen=True)
class Context:
    """What a piece needs from the rest of its input: the macros defined before it, and the
    crossref/xdata parents of the whole input (None until a piece names one)."""

    macros: dict[str, str]
    parents: Parents | None = None
    after: str = ""  # how the next piece starts (``blocks_of``)


def blocks_of(text: str, source: str, after: str = "") -> Blocks:
    """The blocks of one piece: by the fast splitter when it is well formed, else by bibtexparser.
    ``after`` is how the next piece starts (``@article{``): bibtexparser is shown it, so that a
    block the piece leaves open is worded as in the whole file ("Unexpected block start …"), and
    what it reads of it is dropped."""
    from citekit.formats.bibtex.read import bibtexparser_blocks

    fast = fast_split(text, source)
    if fast is not None:
        return fast
    if not after:
        return bibtexparser_blocks(text, source)
    last = text.count("\n") + 1
    found = bibtexparser_blocks(f"{text}\n{after}", source)
    return Blocks(
        strings=[s for s in found.strings if s[2] <= last],
        entries=[e for e in found.entries if e[2] <= last],
        problems=[p for p in found.problems if p.location.line <= last],
    )


_NEWLINE = re.compile(r"\n")
# How a piece starts: what bibtexparser sees of the next block.
_START = re.compile(r"[^\S\n]*@\w*[ \t]*[{(]")


def _pieces(chunks: Iterable[str]) -> Iterator[Unit]:
    """The pieces of an input; a piece holding an ``@string`` is cut around the blocks holding one,
    so that only those small pieces are parsed to learn their macros."""
    from citekit.units import cut

    for piece in cut(chunks, _ENDS):
        if not _STRING.search(piece.text):
            yield piece
            continue
        text = piece.text
        start, line = 0, piece.line
        ends = [m.end() for m in _ENDS.finditer(text)] + [len(text)]
        for block_start, block_end in zip([0, *ends], ends, strict=False):
            if not _STRING.search(text, block_start, block_end):
                continue
            for part in (text[start:block_start], text[block_start:block_end]):
                if part:
                    yield Unit(part, line)
                    line += part.count("\n")
            start = block_end
        if text[start:]:
            yield Unit(text[start:], line)


def define(macros: dict[str, str], blocks: Blocks) -> None:
    """Add a block list's ``@string`` definitions to ``macros``, in order (a bad one defines
    nothing here: it is reported where its piece is read)."""
    for name, value, _ in blocks.strings:
        with suppress(BadValue):
            macros[name.lower()] = resolve(value, macros)


def units(
    chunks: Iterable[str], source: str, again: Callable[[], Iterable[str]] | None = None
) -> Iterator[Unit]:
    """The pieces of a BibTeX input, each with its ``Context``. ``again`` gives the input's text
    once more from its start (for crossref parents; without it none are looked for)."""
    macros = dict(DEFAULT_MACROS)
    parents: Parents | None = None
    held: Unit | None = None  # a piece waits for the next, to be told how it starts
    for piece in _pieces(chunks):
        if parents is None and _inherits(piece.text):
            parents = index_parents(again, source) if again is not None else {}
        if held is not None:
            yield _told_next(held, piece.text)
        held = replace(piece, context=Context(macros, parents))
        if _STRING.search(piece.text):
            macros = dict(macros)  # the pieces before keep the macros they were given
            define(macros, blocks_of(piece.text, source))
    if held is not None:
        yield held


def _inherits(text: str) -> bool:
    """Whether a piece may hold a crossref or xdata field. The lower-cased copy is looked in first:
    a case-insensitive pattern over every character cost as much as reading the entries' keys."""
    lowered = text.lower()
    return ("crossref" in lowered or "xdata" in lowered) and _INHERITS.search(text) is not None


def _told_next(piece: Unit, following: str) -> Unit:
    start = _START.match(following)
    if start is None or not isinstance(piece.context, Context):
        return piece
    return replace(piece, context=replace(piece.context, after=start.group().strip()))


def index_parents(again: Callable[[], Iterable[str]], source: str) -> Parents:
    """Every entry a crossref or xdata field names, with its fields (two more passes over the input)."""
    wanted: set[str] = set()
    for piece in _pieces(again()):
        for match in _PARENT_VALUE.finditer(piece.text):
            value = next(v for v in match.groups()[1:] if v is not None)
            wanted.update(k.strip().lower() for k in value.split(",") if k.strip())
    parents: Parents = {}
    macros = dict(DEFAULT_MACROS)
    for piece in _pieces(again()):
        named = {m.group(2).lower() for m in _HEADER.finditer(piece.text)} & wanted
        has_strings = _STRING.search(piece.text) is not None
        if not named and not has_strings:
            continue
        blocks = blocks_of(piece.text, source)
        for kind, _line, item in _in_order(blocks):
            if kind == "string":
                name, value, _ = item
                with suppress(BadValue):  # reported when the piece is read
                    macros[name.lower()] = resolve(value, macros)
                continue
            entry_type, key, _, raw = item
            if key.lower() in wanted and key.lower() not in parents:
                try:
                    fields = {n: resolve(v, macros) for n, v in raw.items() if n in T.READ_FIELDS}
                except BadValue:
                    continue
                parents[key.lower()] = (entry_type, fields)
    return parents


def _in_order(blocks: Blocks) -> list[tuple[str, int, Any]]:
    """The strings and entries of a block list in file order (a string first on a shared line)."""
    items: list[tuple[str, int, Any]] = [("string", s[2], s) for s in blocks.strings]
    items += [("entry", e[2], e) for e in blocks.entries]
    return sorted(items, key=lambda item: (item[1], item[0] != "string"))


def inherit(
    entry_type: str, key: str, fields: dict[str, str], parents: Parents, warn: Callable[[str], None]
) -> dict[str, str]:
    """``fields`` with what its xdata and crossref parents give (BibLaTeX's rules: the entry's own
    fields first, then xdata, then the crossref chain), each missing parent or cycle warned of."""
    out = dict(fields)
    for parent_key in [
        k.strip().lower() for k in fields.get("xdata", "").strip("{}").split(",") if k.strip()
    ]:
        found = parents.get(parent_key)
        if found is None:
            warn(f"entry {key}: xdata {parent_key} is not in this input; nothing inherited from it")
            continue
        for name, value in found[1].items():
            if name not in T.NOT_INHERITED:
                out.setdefault(name, value)
    seen = [key.lower()]
    target = fields.get("crossref", "").strip('{}" ').lower()
    while target:
        if target in seen:
            chain = " -> ".join([*seen, target])
            warn(f"entry {key}: crossref cycle {chain}; inherited up to where it comes back")
            break
        found = parents.get(target)
        if found is None:
            warn(f"entry {key}: crossref {target} is not in this input; nothing inherited from it")
            break
        for name, value in found[1].items():
            if name in T.NOT_INHERITED:
                continue
            if entry_type in T.PART_TYPES and name in T.INHERIT_AS:
                out.setdefault(T.INHERIT_AS[name], value)
            else:
                out.setdefault(name, value)
        seen.append(target)
        target = found[1].get("crossref", "").strip('{}" ').lower()
    return out


def read_units(units: Sequence[Unit], source: str) -> ReadResult:
    """The records of consecutive pieces (from ``units``), with the lines of the whole input."""
    from citekit.formats.bibtex.read import guessed_commands

    result = ReadResult()
    guessed: Guessed = {}
    for unit in units:
        if unit.text:
            _read_piece(unit, source, result, guessed)
    # each LaTeX command citekit does not know named once (per file, or per batch of a stream)
    result.problems.extend(guessed_commands(source, guessed))
    if formulas := _kept_formulas(result.records, source):
        result.problems.append(formulas)
    return result


def _kept_formulas(records: Sequence[Record], source: str) -> Problem | None:
    """One warning for the formulas that only TeX can show: the outputs that are not TeX (CSL-JSON,
    RIS, MODS, styled references) write them as written, where the others become text (``x²``)."""
    from citekit.formats.bibtex.read import more_entries
    from citekit.formats.formulas import kept_formulas

    places = [
        (record, name, formula)
        for record in records
        for name, value in record.fields.items()
        if "$" in value
        for formula in kept_formulas(value)
    ]
    if not places:
        return None
    record, name, formula = places[0]
    entries = len({id(place[0]) for place in places})
    more = more_entries(entries)
    message = (
        f"entry {record.id}: formula {formula} in {name}{more} is kept as TeX in the outputs that are not"
        " TeX (CSL-JSON, RIS, MODS, styled references); the other formulas are written as text"
    )
    return Problem(record.location or Location(source, 0), message)


Guessed = dict[str, list[tuple[int, str, str, str]]]
"""Unknown LaTeX command -> where it was used: (line, key, field, how it was read)."""


def _read_piece(unit: Unit, source: str, result: ReadResult, guessed: Guessed) -> None:
    from citekit.formats.bibtex import recover
    from citekit.formats.bibtex.latex.decode import beyond_limits, unknown_commands
    from citekit.formats.bibtex.read import NOT_LATEX, entry_to_record, run_ons

    context = unit.context if isinstance(unit.context, Context) else Context(dict(DEFAULT_MACROS))
    shift = unit.line - 1
    text = recover.give_keys(unit.text.lstrip("\ufeff") if unit.line == 1 else unit.text)
    line_starts: list[int] = []  # where each line of the piece starts, found when first needed
    blocks = blocks_of(text, source, context.after)
    result.problems.extend(
        replace(p, location=Location(p.location.source, p.location.line + shift)) for p in blocks.problems
    )
    macros = context.macros
    copied = False
    for kind, line, item in _in_order(blocks):
        location = Location(source, line + shift)
        if kind == "string":
            if not copied:
                macros, copied = dict(macros), True
            name, value, _ = item
            try:
                macros[name.lower()] = resolve(value, macros)
            except BadValue as exc:
                result.problems.append(Problem(location, f"@string {name}: {exc}", "error"))
            continue
        entry_type, key, _, raw = item
        if recover.made_up_key(key):
            message = (
                f"entry with no key (a key is made for it); its fields were read from line {location.line}"
            )
            result.problems.append(Problem(location, message))
            key = ""
        if any("=" in value for value in raw.values()):  # a field may have run on (a missing comma)
            line_starts = line_starts or [0, *(m.end() for m in _NEWLINE.finditer(text))]
            raw = run_ons(raw, text, line_starts[min(line, len(line_starts)) - 1], location, result)
        try:
            fields = {name: resolve(value, macros) for name, value in raw.items() if name in T.READ_FIELDS}
        except BadValue as exc:
            result.problems.append(Problem(location, f"skipped entry {key}: {exc}", "error"))
            continue
        for name, value in fields.items():
            if reason := beyond_limits(value):
                message = f"entry {key}: field {name} {reason}; its LaTeX commands are kept as written"
                result.problems.append(Problem(location, message))
            elif "\\" in value and name not in NOT_LATEX:
                for command, how in unknown_commands(value):
                    guessed.setdefault(command, []).append((location.line, key, name, how))
        warnings: list[str] = []
        if "crossref" in fields or "xdata" in fields:
            fields = inherit(entry_type, key, fields, context.parents or {}, warnings.append)
        if entry_type == "xdata":
            result.problems.extend(Problem(location, w) for w in warnings)
            continue
        record, more = entry_to_record(entry_type, key, fields, location)
        result.records.append(record)
        result.problems.extend(Problem(location, w) for w in warnings + more)


class Duplicates:
    """Keys given twice in one input, found in input order: BibTeX compares keys without case. The
    later entry is read under a new key (its id is emptied; ``citekit.stages.key`` gives one)."""

    def __init__(self, source: str) -> None:
        from citekit.normalize.keys import KeySet

        self.source = source
        self.seen = KeySet()

    def __call__(self, ids: list[str], lines: Sequence[int]) -> list[Problem]:
        problems = []
        for index, (given, line) in enumerate(zip(ids, lines, strict=True)):
            if not given:
                continue
            folded = given.lower()
            if folded in self.seen:
                problems.append(repeated_key(self.source, line, given))
                ids[index] = ""
            else:
                self.seen.add(folded)
        return problems


def read(text: str, source: str) -> ReadResult:
    """Every entry of a whole BibTeX text, read as its pieces would be."""
    from citekit.formats.base import checked

    check = Duplicates(source)
    return checked(read_units(list(units([text], source, again=lambda: [text])), source), check)
