"""Large exports: inputs read on several cores (``--jobs``), records kept packed, data written a
chunk at a time.

The output is byte for byte what ``citekit.dump(load(inputs).records, format)`` gives, with or
without jobs: the same stages (``citekit.stages``) run, on several processes. Files are read in
parallel but their results are taken in input order. Each file's records are kept pickled (a
quarter of a kilobyte each, against nearly two as objects); beside them only each record's id and,
when it came without one, its base key are kept, which is all citation keys are made from. Keys
are made over all records at once (``stages.key_ids``, as ``load`` does, then as the output format
writes them), so that every chunk is written with its final keys. Chunks are written in order (in
parallel with jobs) and joined as the format joins them (``Format.join``): neither the whole output
nor every record as an object is ever held at once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from citekit import stages
from citekit.errors import Problem
from citekit.formats import Format, ReadResult
from citekit.formats.losses import Loss
from citekit.model import Record

if TYPE_CHECKING:  # the pool and pickling are imported when used: most exports need neither
    from concurrent.futures import Executor, Future

    from citekit.lint import Identity

# Records per written chunk: large enough that a process pool's overhead is small beside it.
CHUNK = 2000
STDIN = "-"


def default_jobs() -> int:
    return os.cpu_count() or 1


def _pool(jobs: int) -> Executor | None:
    if jobs <= 1:
        return None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Forked workers start at once with every module imported; where there is no fork (Windows),
    # workers are spawned (everything they are sent, ``--raw`` included, is passed explicitly).
    forks = "fork" in multiprocessing.get_all_start_methods()
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork" if forks else None))


def load(
    files: Sequence[str],
    from_format: str | None = None,
    raw: bool = False,
    jobs: int = 1,
    on_file: Callable[[str], object] | None = None,
) -> ReadResult:
    """Every record of ``files`` (already expanded) read and cleaned (``stages.read``), on ``jobs``
    processes when there are several files and none is stdin, with unique keys (``stages.key``).
    ``on_file`` is called with each file once it has been read (the CLI's progress bar)."""
    pool = _pool(jobs) if len(files) > 1 and STDIN not in files else None
    count = len(files)
    arguments = (files, [from_format] * count, [raw] * count)
    results = pool.map(stages.read, *arguments) if pool else map(stages.read, *arguments)
    total = ReadResult()
    try:
        for item, result in zip(files, results, strict=True):
            total.extend(result)
            if on_file is not None:
                on_file(item)
    finally:
        if pool:
            pool.shutdown()
    total.records = stages.key(total.records)
    return total


@dataclass
class Packed:
    """Every record of the inputs, pickled a file at a time, with the problems met and, per record,
    only what its citation key is made from: the id it came with, and its ``base_key`` when it came
    without one (found later, from the pickle, in the rare case of a duplicate id)."""

    # Pickled, or the records themselves when there is only one file (nothing to save then).
    batches: list[bytes | list[Record]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    bases: list[str | None] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # What the output format cannot carry, found as each file is read (with the final record ids).
    losses: list[Loss] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    # What tells each record from the others, to find duplicates without the records.
    identities: list[Identity] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)

    def base(self, index: int) -> str:
        from bisect import bisect_right

        from citekit.normalize.keys import base_key

        found = self.bases[index]
        if found is None:
            batch = bisect_right(self.starts, index) - 1
            record = _unpacked(self.batches[batch])[index - self.starts[batch]]
            found = self.bases[index] = base_key(record)
        return found

    def records(self, ids: Sequence[str]) -> Iterator[list[Record]]:
        """The records, a file at a time, with the ids given (one per record, in order)."""
        for start, batch in zip(self.starts, self.batches, strict=True):
            records = _unpacked(batch)
            yield [r.with_id(key) for r, key in zip(records, ids[start : start + len(records)], strict=True)]


def _unpacked(batch: bytes | list[Record]) -> list[Record]:
    import pickle

    return pickle.loads(batch) if isinstance(batch, bytes) else batch


def _read_packed(
    item: str, from_format: str | None, raw: bool, fmt: Format | None, pack: bool = True
) -> tuple[
    bytes | list[Record], list[str], list[str | None], list[Problem], list[tuple[int, Loss]], list[Identity]
]:
    from citekit.formats.losses import find_losses
    from citekit.lint import identity
    from citekit.normalize.keys import base_key

    result = stages.read(item, from_format, raw)
    # find_losses names records by id; they are numbered here, as ids are final only later.
    numbered = [r.with_id(str(n)) for n, r in enumerate(result.records)] if fmt else []
    losses = [(int(loss.record_id), loss) for loss in find_losses(numbered, fmt)] if fmt else []
    if pack:
        import pickle

        packed: bytes | list[Record] = pickle.dumps(result.records, protocol=pickle.HIGHEST_PROTOCOL)
    else:
        packed = result.records
    ids = [r.id for r in result.records]
    bases = [None if r.id else base_key(r) for r in result.records]
    return packed, ids, bases, result.problems, losses, [identity(r) for r in result.records]


def load_packed(
    files: Sequence[str],
    from_format: str | None,
    fmt: Format | None,
    jobs: int = 1,
    on_file: Callable[[str], object] | None = None,
    raw: bool = False,
) -> tuple[Packed, list[str]]:
    """Every record of ``files`` (already expanded), packed, with what ``fmt`` cannot carry of
    each (nothing is looked for when ``fmt`` is None), and the unique id of each record (``load``'s)."""
    pool = _pool(jobs) if len(files) > 1 and STDIN not in files else None
    count = len(files)
    arguments = (files, [from_format] * count, [raw] * count, [fmt] * count, [count > 1] * count)
    results = pool.map(_read_packed, *arguments) if pool else map(_read_packed, *arguments)
    packed = Packed()
    numbered: list[tuple[int, Loss]] = []
    try:
        for item, (batch, ids, bases, problems, losses, identities) in zip(files, results, strict=True):
            numbered.extend((len(packed) + n, loss) for n, loss in losses)
            packed.starts.append(len(packed))
            packed.batches.append(batch)
            packed.ids.extend(ids)
            packed.bases.extend(bases)
            packed.problems.extend(problems)
            packed.identities.extend(identities)
            if on_file is not None:
                on_file(item)
    finally:
        if pool:
            pool.shutdown()
    keys = stages.key_ids(packed.ids, packed.base)
    packed.losses = [replace(loss, record_id=keys[n]) for n, loss in numbered]
    return packed, keys


def dump_packed(
    packed: Packed, ids: Sequence[str], fmt: Format, ascii: bool = False, jobs: int = 1
) -> Iterator[str]:
    """``citekit.dump`` of the packed records (with ``ids``) as consecutive pieces of text."""
    final = stages.key_ids(ids, packed.base, fmt)
    parts = (
        (fmt, batch[i : i + CHUNK], ascii)
        for batch in packed.records(final)
        for i in range(0, len(batch), CHUNK)
    )
    yield from _written(fmt, parts, jobs if len(packed.batches) > 1 else 1)


def dump_chunks(records: Sequence[Record], fmt: Format, ascii: bool = False, jobs: int = 1) -> Iterator[str]:
    """``citekit.dump(records, format, ascii)`` as consecutive pieces of text."""
    keyed = stages.key(records, fmt)
    parts = [(fmt, keyed[i : i + CHUNK], ascii) for i in range(0, len(keyed), CHUNK)] or [(fmt, [], ascii)]
    yield from _written(fmt, parts, jobs if len(parts) > 1 else 1)


# One chunk to write: the format, the records (with their final keys) and ``ascii``.
Part = tuple[Format, Sequence[Record], bool]


def _written(fmt: Format, parts: Iterable[Part], jobs: int) -> Iterator[str]:
    pool = _pool(jobs)
    # A pool takes a few chunks ahead of the one being written, never all of them at once.
    texts = _ahead(pool, parts, 2 * jobs) if pool else map(_write_chunk, parts)
    try:
        yield from fmt.join(texts)
    finally:
        if pool:
            pool.shutdown()


def _ahead(pool: Executor, parts: Iterable[Part], depth: int) -> Iterator[str]:
    from collections import deque

    pending: deque[Future[str]] = deque()
    for part in parts:
        pending.append(pool.submit(_write_chunk, part))
        if len(pending) > depth:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _write_chunk(part: Part) -> str:
    fmt, records, ascii = part
    return fmt.write(records, ascii)
