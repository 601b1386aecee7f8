"""What every format module shares: the result of reading."""

from __future__ import annotations

from dataclasses import dataclass, field

from citekit.errors import Problem
from citekit.model import Record


@dataclass
class ReadResult:
    """The records read from one input, and the problems met on the way (the rest was still read)."""

    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def extend(self, other: ReadResult) -> None:
        self.records.extend(other.records)
        self.problems.extend(other.problems)
