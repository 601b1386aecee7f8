"""``citekit.inspect``: what was read from each record, and what was doubtful, changed or left out.

This is what ``citekit show`` prints. Each record comes with remarks, (kind, text) pairs: a
``warning`` met reading it, a change the clean-up made (``cleaned``), a label the source gave that
no CSL variable holds (``ignored``), name splits that were guesses (``doubtful``), and fields only
weak evidence gave (``weak``: a Cite-this rendering, a converter's front matter, a link's text).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from citekit.errors import Problem
from citekit.formats import ReadResult
from citekit.model import Name, Record


@dataclass
class Inspected:
    """One record (with its citation key) and what to say about it, as (kind, text) pairs."""

    record: Record
    remarks: list[tuple[str, str]] = field(default_factory=list)
    # The fields only weak evidence gave (a Cite-this rendering, a converter's front matter).
    weak: frozenset[str] = frozenset()


@dataclass
class Inspection:
    """Every record of the inputs with its remarks, every problem met reading them (the same as
    ``citekit.export`` meets: a missing file, a page with no portal fields, a broken entry; those
    pinned on a record are among its remarks too), and the files in folders no format reads."""

    records: list[Inspected] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def inspect(inputs: str | Iterable[str], from_format: str | None = None, raw: bool = False) -> Inspection:
    """Read ``inputs`` (files, folders, ``"-"``) as ``citekit.load`` does, keeping for each record
    what ``citekit show`` tells about it; ``raw`` keeps portal text exactly as given."""
    from citekit import inputs as reading
    from citekit import stages

    out = Inspection()
    for item in reading.expand([inputs] if isinstance(inputs, str) else inputs, out.skipped):
        result, fmt = stages.read_input(item, from_format)
        out.problems += result.problems
        if not result.records or fmt is None:
            continue
        cleaned = stages.clean(result.records, fmt, raw)
        out.records += _inspected(result, cleaned)
    keyed = stages.key([entry.record for entry in out.records])
    for entry, record in zip(out.records, keyed, strict=True):
        entry.record = record
    return out


def _inspected(result: ReadResult, cleaned: list[Record]) -> list[Inspected]:
    """The records of one input with their remarks. Problems the reader could not pin on a record
    (and the decoding warnings) go with the first."""
    pinned = {id(p) for remarks in result.remarks.values() for p in remarks.problems}
    loose = [p for p in result.problems if id(p) not in pinned]
    out = []
    for index, (before, after) in enumerate(zip(result.records, cleaned, strict=True)):
        found = result.remarks.get(index)
        problems = (loose if index == 0 else []) + (found.problems if found else [])
        remarks = [(p.level, _located(p)) for p in problems]
        remarks += [("cleaned", change) for change in changes(before, after)]
        weak = frozenset(var for var, _ in found.weak) if found else frozenset()
        if found:
            remarks += [("ignored", f"{what} (line {line}; no CSL field)") for what, line in found.unused]
            remarks += [("weak", f"{var}: {why}") for var, why in found.weak]
        out.append(Inspected(after, remarks + doubts(after), weak))
    return out


def _located(problem: Problem) -> str:
    return f"line {problem.location.line}: {problem.message}" if problem.location.line else problem.message


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def _word_changes(before: str, after: str, most: int = 8) -> str:
    """The words running text changed in, ``Tran-scripts -> Transcripts, …``."""
    import difflib

    a, b = before.split(), after.split()
    pairs = [
        f"{' '.join(a[i1:i2])} -> {' '.join(b[j1:j2])}"
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    more = f" (and {len(pairs) - most} more)" if len(pairs) > most else ""
    return ", ".join(pairs[:most]) + more if pairs else "spaces and invisible characters"


def changes(raw: Record, cleaned: Record) -> list[str]:
    """What the clean-up steps changed, so that a user sees it (``--raw`` shows the page's text)."""
    out = []
    for var, value in raw.fields.items():
        new = cleaned.fields.get(var, "")
        if new != value and var in ("abstract", "note"):
            out.append(f"{var}: {_word_changes(value, new)}")
        elif new != value:
            out.append(f"{var}: {_short(value)} -> {_short(new)}")
    for var, people in raw.names.items():
        for before, after in zip(people, cleaned.names.get(var, ()), strict=False):
            if before != after:
                out.append(f"{var}: {_short(name_text(before))} -> {_short(name_text(after))}")
    return out


def doubts(record: Record) -> list[tuple[str, str]]:
    """Name splits that were guesses, and author lists cut short by "et al."."""
    from citekit.normalize.names import guessed_split

    out = []
    for var, people in record.names.items():
        for person in people:
            if guessed_split(person):
                out.append(
                    (
                        "doubtful",
                        f"{var} {person.given} {person.family}: family name taken to be "
                        f"{person.family!r}; if not, write it 'Family, Given' on the page",
                    )
                )
    if record.et_al:
        out.append(("doubtful", "the author list ends in 'et al.': the other authors are not known"))
    return out


def name_text(name: Name) -> str:
    """A name as ``citekit show`` writes it: ``von Family, Given, Jr`` (an institution as it is)."""
    if name.literal:
        return name.literal
    family = " ".join(p for p in (name.non_dropping_particle, name.family) if p)
    given = " ".join(p for p in (name.given, name.dropping_particle) if p)
    return ", ".join(p for p in (family, given, name.suffix) if p)
