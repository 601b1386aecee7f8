"""Where a harvest keeps what it has read: records on disk a page at a time, and a small state file.

Records are written to the output only when the harvest ends, because citation keys are made
unique over all records at once (``citekit.normalize.keys``). Until then each page's records are
pickled to the spool file and only each record's id and base key stay in memory, so a harvest of
any size runs in bounded memory. The state file says how far the harvest got (the resumption
token, how many bytes of the spool are whole), so ``--resume`` goes on from there.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from citekit.errors import CitekitError, Problem
from citekit.model import Record
from citekit.normalize.keys import base_key
from citekit.pipeline import Packed


@dataclass
class State:
    """How far a harvest got; the request it belongs to is checked on --resume."""

    request: dict[str, str]
    token: str = ""
    pages: int = 0
    records: int = 0
    deleted: int = 0
    spool_bytes: int = 0
    complete_size: int | None = None
    done: bool = False

    @classmethod
    def load(cls, path: Path) -> State | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(**data)
        except (OSError, ValueError, TypeError):
            return None

    def save(self, path: Path) -> None:
        """Written to a temporary file and renamed: a crash leaves the old state whole."""
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")
        os.replace(temporary, path)


def state_folder(cache: Path, request: dict[str, str]) -> Path:
    """The folder of one harvest's state and spool: named by the request (and output) it serves."""
    digest = hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()[:20]
    return cache / "harvest" / digest


@dataclass
class Spool(Packed):
    """``pipeline.Packed`` whose batches (one per page) live in a file, not in memory: the
    pipeline writes it out exactly as it writes records read from files."""

    path: Path = Path()
    offsets: list[tuple[int, int]] = field(default_factory=list)

    def open(self, keep_bytes: int) -> None:
        """Start, or go on from the first ``keep_bytes`` (a page written after the last saved
        state is cut off: it will be fetched again)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "ab") as handle:
            if handle.tell() < keep_bytes:
                raise CitekitError(
                    "the saved part of the harvest is incomplete; harvest again without --resume"
                )
            handle.truncate(keep_bytes)
        position = 0
        with open(self.path, "rb") as handle:
            while position < keep_bytes:
                header = handle.read(8)
                length = int.from_bytes(header, "big")
                records, problems = pickle.loads(handle.read(length))
                self._index(records, problems, (position + 8, length))
                position += 8 + length

    def _index(self, records: list[Record], problems: list[Problem], where: tuple[int, int]) -> None:
        self.starts.append(len(self.ids))
        self.offsets.append(where)
        self.batches.append(b"")  # only counted by the pipeline; the batch itself is in the file
        self.ids.extend(r.id for r in records)
        self.bases.extend(None if r.id else base_key(r) for r in records)
        self.problems.extend(problems)

    def append(self, records: list[Record], problems: list[Problem]) -> int:
        """Add one page; returns the spool's size in bytes once it is on disk."""
        data = pickle.dumps((records, problems), protocol=pickle.HIGHEST_PROTOCOL)
        with open(self.path, "ab") as handle:
            start = handle.tell()
            handle.write(len(data).to_bytes(8, "big") + data)
            # Flushed, not synced: a killed process loses nothing written; a machine that loses
            # its power may lose the tail, which ``open`` then finds too short and refuses.
            handle.flush()
            end = handle.tell()
        self._index(records, problems, (start + 8, len(data)))
        return end

    def _batch(self, number: int) -> list[Record]:
        start, length = self.offsets[number]
        with open(self.path, "rb") as handle:
            handle.seek(start)
            records: list[Record] = pickle.loads(handle.read(length))[0]
        return records

    def base(self, index: int) -> str:
        found = self.bases[index]
        if found is None:
            batch = bisect_right(self.starts, index) - 1
            found = self.bases[index] = base_key(self._batch(batch)[index - self.starts[batch]])
        return found

    def records(self, ids: Sequence[str]) -> Iterator[list[Record]]:
        for number, start in enumerate(self.starts):
            batch = self._batch(number)
            yield [r.with_id(key) for r, key in zip(batch, ids[start : start + len(batch)], strict=True)]


def remove(folder: Path) -> None:
    """Forget a finished harvest's state and spool."""
    for name in ("state.json", "spool.pickle", "state.tmp"):
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()


def resume_state(folder: Path, request: dict[str, str]) -> State:
    state = State.load(folder / "state.json")
    if state is None:
        raise CitekitError("nothing to resume: no interrupted harvest of this repository into this output")
    if state.request != request:
        raise CitekitError(
            "the interrupted harvest asked for other records; give the same options, or start again"
        )
    return state
