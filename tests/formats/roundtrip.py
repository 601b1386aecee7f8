"""Measuring a round trip: records read, written in a format, read again, field by field."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import citekit
from citekit import formats
from citekit.model import Record

ROUND_TRIP_FORMATS = tuple(f.name for f in formats.FORMATS.values() if f.writable)


def items(record: Record) -> dict[str, object]:
    """A record as (field -> value) pairs: each name, date and text variable counts as one field."""
    out: dict[str, object] = {"id": record.id, "type": record.type}
    for var, names in record.names.items():
        for i, name in enumerate(names):
            out[f"{var}[{i}]"] = name
    out |= {var: date for var, date in record.dates.items()}
    out |= {var: value for var, value in record.fields.items() if value}
    if record.et_al:
        out["et-al"] = True
    return out


@dataclass
class Tally:
    """Fields compared and the fields that came back different, by variable name."""

    fields: int = 0
    differing: Counter[str] = field(default_factory=Counter)
    examples: dict[str, tuple[object, object]] = field(default_factory=dict)

    @property
    def share_identical(self) -> float:
        return 1 - sum(self.differing.values()) / max(self.fields, 1)


def compare(expected: Sequence[Record], actual: Sequence[Record], tally: Tally) -> None:
    assert len(expected) == len(actual), (len(expected), len(actual))
    for want, got in zip(expected, actual, strict=True):
        want_items, got_items = items(want), items(got)
        for key, value in want_items.items():
            tally.fields += 1
            if got_items.get(key) != value:
                name = key.split("[")[0]
                tally.differing[name] += 1
                tally.examples.setdefault(name, (value, got_items.get(key)))


def round_trip(records: Sequence[Record], fmt: str) -> Tally:
    """Write ``records`` in ``fmt``, read the text back, and compare with what the format carries."""
    text = citekit.dump(records, fmt)
    back = citekit.loads(text, fmt)
    assert not [p for p in back.problems if p.is_error], back.problems[:3]
    carry = formats.get(fmt).carry
    tally = Tally()
    compare([carry(r) for r in records], back.records, tally)
    return tally
