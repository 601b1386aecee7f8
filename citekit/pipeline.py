"""Records from inputs to one output as a stream, on one process or several (``--jobs``).

Each input is opened and cut into pieces (``stages.open_input``, ``stages.pieces``) here, in the
main process; batches of pieces are read, cleaned, sanitised and written on ``jobs`` processes
(``_work``); the main process takes the results in input order, runs the checks that span a whole
input (``Format.checker``), gives the keys (``normalize.keys.Keys``, one record at a time), and
passes the text on. A piece is a few hundred kilobytes, and only a few batches are on their way at
once, so memory stays the same whatever the size of the input, and a stream's first records are
written while it is still being read. One large file is shared out among the processes too.

A batch is written where it was read, with the keys its records came with; when a record's key
is not the one it came with (a duplicate, or no key), the batch is written again with the final
keys (on a process of the pool when there is one). The output is byte for byte what
``citekit.dump(citekit.load(inputs).records, format)`` gives, with or without jobs.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from citekit import inputs, stages
from citekit.errors import Problem
from citekit.formats import Format, ReadResult
from citekit.formats.base import Checker, Unit
from citekit.formats.losses import Loss
from citekit.model import Location, Record

if TYPE_CHECKING:  # the pool is imported when used: most exports need none
    from concurrent.futures import Executor, Future

    from citekit.lint import Identity

STDIN = "-"
# Records given twice are named one by one up to here; past it they are counted (a merged library
# of millions repeats millions, and each warning is kept until the inputs are read).
REPEATS_TOLD = 1000


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


@dataclass(frozen=True)
class Task:
    """A batch of pieces of one input and what to do with them."""

    fmt: Format  # the input's format
    source: str
    units: list[Unit]
    raw: bool
    out: Format | None  # the output's data format; None: records are kept (styles, folders)
    ascii: bool
    losses: bool
    # The variables to keep of each record (a style's: ``exporting``); None keeps them all.
    trim: frozenset[str] | None = None
    # Whether to write the batch with the keys its records came with (``Stream.guess``).
    write: bool = True
    # Whether to tell what each record is (``lint.identity``), to find records given twice.
    identify: bool = False
    # The mark after an input's last batch (no pieces): an input that gave nothing is named.
    end: bool = False


@dataclass
class Done:
    """What became of a batch: its records (pickled when they came from another process), what
    each record's key is made from (``ids``, ``bases``), the problems and losses met (by record
    index), and the text written with the records' own keys (``assumed``), when it could be."""

    records: bytes | list[Record]
    ids: list[str]
    bases: list[str]
    problems: list[Problem]
    lines: list[int]
    losses: list[tuple[int, Loss]] = field(default_factory=list)
    text: str | None = None
    assumed: list[str] | None = None
    identities: list[Identity] = field(default_factory=list)
    end: bool = False  # the mark after an input's last batch (``Task.end``)


def _work(task: Task, pack: bool = True) -> Done:
    from citekit.lint import identity
    from citekit.normalize.keys import base_key

    if task.end:
        return Done([], [], [], [], [], end=True)

    result = stages.read_pieces(task.fmt, task.units, task.source, task.raw)
    records, notes = stages.sanitise(result.records)
    problems = result.problems + notes
    # What tells each record from the others, before a style's trimming drops any of it.
    identities = [identity(r) for r in records] if task.identify else []
    if task.trim is not None:
        records = [_trimmed(r, task.trim) for r in records]
    ids = [r.id for r in records]
    # Made here, on the worker, only when the records travel pickled; else when asked (``_base``).
    bases = [base_key(r) for r in records] if pack else []
    lines = [r.location.line if r.location else 0 for r in records]
    done = Done(records, ids, bases, problems, lines, identities=identities)
    out = task.out
    if out is not None:
        if task.losses:
            from citekit.formats.losses import find_losses

            numbered = [r.with_id(str(n)) for n, r in enumerate(records)]
            done.losses = [(int(loss.record_id), loss) for loss in find_losses(numbered, out)]
        # Written with the keys the records came with, most often the final ones: not when a key is
        # missing or given twice in the batch (it is not final then, and a writer may refuse it).
        assumed = [out.key_form(i) for i in ids] if out.unique_keys else ids
        if task.write and all(assumed) and len(set(assumed)) == len(assumed):
            done.assumed = assumed
            done.text = out.write([r.with_id(k) for r, k in zip(records, assumed, strict=True)], task.ascii)
    if pack:
        import pickle

        done.records = pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL)
    return done


def _trimmed(record: Record, keep: frozenset[str]) -> Record:
    from dataclasses import replace

    return replace(
        record,
        fields={k: v for k, v in record.fields.items() if k in keep},
        names={k: v for k, v in record.names.items() if k in keep},
        dates={k: v for k, v in record.dates.items() if k in keep},
        dois=record.dois[:1],
    )


def _base(done: Done, index: int) -> str:
    """The base key of a batch's record (made on the worker, or here from the record)."""
    if done.bases:
        return done.bases[index]
    from citekit.normalize.keys import base_key

    assert isinstance(done.records, list)
    return base_key(done.records[index])


def _rewrite(out: Format, records: bytes | list[Record], keys: list[str], ascii: bool) -> str:
    items = _unpacked(records) if isinstance(records, bytes) else records
    return out.write([r.with_id(k) for r, k in zip(items, keys, strict=True)], ascii)


@dataclass
class Stream:
    """One run over the inputs: its options, and what it met (``problems`` and ``losses`` are
    kept unless ``on_problem`` / ``on_loss`` take them as they come)."""

    files: Sequence[str]
    from_format: str | None = None
    raw: bool = False
    jobs: int = 1
    out: Format | None = None
    ascii: bool = False
    losses: bool = False
    on_problem: Callable[[Problem], object] | None = None
    on_loss: Callable[[Loss], object] | None = None
    # The variables to keep of each record (``Task.trim``).
    trim: frozenset[str] | None = None
    # Called as the work goes on: (bytes read, bytes in all, or None for stdin, records so far).
    on_progress: Callable[[int, int | None, int], object] | None = None
    # Called with each input once it has been read.
    on_input: Callable[[str], object] | None = None
    # Whether records given twice (the same DOI, or title, year and first author) are warned of:
    # the warnings come after every other problem, once the inputs are read.
    duplicates: bool = False
    # Whether batches are written with their records' own keys, to be kept if those are the final
    # keys: the last batch said so (in a merged library, every key of later copies is taken).
    guess: bool = True
    records: int = 0
    problem_count: int = 0
    loss_count: int = 0
    errors: int = 0
    problems: list[Problem] = field(default_factory=list)
    found_losses: list[Loss] = field(default_factory=list)

    def _problem(self, problem: Problem) -> None:
        self.problem_count += 1
        self.errors += problem.is_error
        if self.on_problem is not None:
            self.on_problem(problem)
        else:
            self.problems.append(problem)

    def _loss(self, loss: Loss) -> None:
        self.loss_count += 1
        if self.on_loss is not None:
            self.on_loss(loss)
        else:
            self.found_losses.append(loss)

    def _tasks(self, read: list[int]) -> Iterator[tuple[Task, inputs.Opened | None, Checker | None]]:
        """Every batch of every input, in order, with the input it came from and its checker."""
        for item in self.files:
            source = inputs.source_name(item)
            try:
                opened = stages.open_input(item, self.from_format)
            except inputs.READ_ERRORS as exc:
                self._problem(inputs.file_problem(exc, source))
                continue
            checking = opened.format.checker(source)
            try:
                for units in stages.pieces(opened):
                    read[0] = opened.done
                    yield (
                        Task(
                            opened.format,
                            source,
                            units,
                            self.raw,
                            self.out,
                            self.ascii,
                            self.losses,
                            self.trim,
                            self.guess,
                            self.duplicates,
                        ),
                        opened,
                        checking,
                    )
            except inputs.READ_ERRORS as exc:
                opened.problems.append(inputs.file_problem(exc, source))
            finally:
                opened.close()
            end = Task(opened.format, source, [], self.raw, self.out, self.ascii, False, end=True)
            yield end, opened, checking
            read[1] += opened.done
            read[0] = 0
            if self.on_input is not None:
                self.on_input(item)

    def run(self) -> Iterator[str | list[Record]]:
        """The output, a batch at a time, in input order: text when ``out`` is a data format,
        else the records (with their keys)."""
        pool = _pool(self.jobs)
        order = _InOrder(self, pool)
        read = [0, 0]  # bytes read of the current input, and of the inputs before it
        total = (
            None if STDIN in self.files else sum(os.path.getsize(f) for f in self.files if os.path.isfile(f))
        )
        depth = 2 * max(self.jobs, 1)
        # Batches on their way, in input order (with where each came from).
        ahead: deque[tuple[Future[Done], inputs.Opened | None, Checker | None]] = deque()
        try:
            for task, opened, check in self._tasks(read):
                if pool is None:
                    order.finish(_work(task, pack=False), opened, check)
                else:
                    ahead.append((pool.submit(_work, task), opened, check))
                    while len(ahead) > depth:
                        future, opened, check = ahead.popleft()
                        order.finish(future.result(), opened, check)
                if self.on_progress is not None:
                    self.on_progress(read[1] + read[0], total, self.records)
                yield from order.ready(depth)
            while ahead:
                future, opened, check = ahead.popleft()
                order.finish(future.result(), opened, check)
                yield from order.ready(depth)
            for problem in order.repeated:
                self._problem(problem)
            if order.untold:
                self._problem(order.more_repeats())
            yield from order.ready(0)
        finally:
            order.repeats.close()
            if pool is not None:
                pool.shutdown(cancel_futures=True)


class _InOrder:
    """The main process's part, batch by batch in input order: the checks across an input, the
    keys, the losses named by key, and the text to write (written again with the final keys
    when they are not the ones the batch was written with)."""

    def __init__(self, stream: Stream, pool: Executor | None) -> None:
        from citekit.normalize.keys import Keys
        from citekit.repeats import Repeats

        self.stream, self.pool = stream, pool
        self.keys, self.formed = Keys(), Keys()
        self.repeats = Repeats()
        self.repeated: list[Problem] = []  # records given twice, told once everything is read
        self.untold = 0  # records given twice past the first REPEATS_TOLD, counted
        self.untold_at: Location | None = None  # the first of them
        self.found = False  # whether the input being finished has given a record or a problem
        self.out: deque[Future[str] | str | list[Record]] = deque()

    def finish(self, done: Done, opened: inputs.Opened | None, check: Checker | None) -> None:
        from dataclasses import replace
        from functools import partial

        stream = self.stream
        self._tell_input(done, opened)
        if done.end:
            return
        ids = list(done.ids)
        if check is not None:
            done.problems += check(ids, done.lines)
        for problem in done.problems:
            stream._problem(problem)
        base = partial(_base, done)
        given = [self.keys.key(i, partial(base, n)) for n, i in enumerate(ids)]
        for n, loss in done.losses:
            stream._loss(replace(loss, record_id=given[n]))
        for found, key in zip(done.identities, given, strict=False):
            if (repeated := self.repeats.add(found, key)) is None:
                continue
            if len(self.repeated) == REPEATS_TOLD:
                self.untold += 1
                self.untold_at = self.untold_at or found.location
                continue
            from citekit.lint import duplicate_message

            earlier_key, where = self.repeats.named(repeated[0])
            message = f"{key}: {duplicate_message(earlier_key, where, repeated[1])}"
            self.repeated.append(Problem(found.location or Location("<input>"), message))
        stream.records += len(ids)
        if ids:
            self._queue(done, ids, given)

    def more_repeats(self) -> Problem:
        message = (
            f"{self.untold:,} more records repeat an earlier one, the first of them here (only the"
            f" first {REPEATS_TOLD:,} are named; `citekit check` names them all)"
        )
        return Problem(self.untold_at or Location("<input>"), message)

    def _tell_input(self, done: Done, opened: inputs.Opened | None) -> None:
        """The input's decoding problems met so far; at its end, that it gave nothing, if so."""
        stream = self.stream
        if opened is not None:
            for problem in opened.take_problems():
                self.found = True
                stream._problem(problem)
        if done.end:
            if not self.found and opened is not None:
                message = f"no {opened.format.title} records found in it"
                stream._problem(Problem(Location(opened.source), message))
            self.found = False
        else:
            self.found = self.found or bool(done.ids or done.problems)

    def _queue(self, done: Done, ids: list[str], given: list[str]) -> None:
        """The batch's output, in line: its records with their keys, or its text (written again
        when the final keys are not the ones it was written with)."""
        from functools import partial

        stream = self.stream
        if stream.out is None:
            records = done.records if isinstance(done.records, list) else _unpacked(done.records)
            self.out.append([r.with_id(k) for r, k in zip(records, given, strict=True)])
            return
        out = stream.out
        final = given
        if out.unique_keys:
            base = partial(_base, done)
            final = [self.formed.key(out.key_form(k), partial(base, n)) for n, k in enumerate(given)]
            stream.guess = final == [out.key_form(i) for i in ids]
        else:
            stream.guess = final == ids
        if done.text is not None and done.assumed == final:
            self.out.append(done.text)
        elif self.pool is not None:
            self.out.append(self.pool.submit(_rewrite, out, done.records, final, stream.ascii))
        else:
            self.out.append(_rewrite(out, done.records, final, stream.ascii))

    def ready(self, depth: int) -> Iterator[str | list[Record]]:
        """The outputs at the head of the queue that are done, and more while over ``depth`` wait."""
        from concurrent.futures import Future

        while self.out:
            first = self.out[0]
            if isinstance(first, Future):
                if len(self.out) <= depth and not first.done():
                    return
                first = first.result()
            self.out.popleft()
            yield first


def _unpacked(batch: bytes | list[Record]) -> list[Record]:
    import pickle

    if isinstance(batch, list):
        return batch
    records: list[Record] = pickle.loads(batch)
    return records


def load(
    files: Sequence[str],
    from_format: str | None = None,
    raw: bool = False,
    jobs: int = 1,
    on_file: Callable[[str], object] | None = None,
) -> ReadResult:
    """Every record of ``files`` (already expanded) read, cleaned and sanitised, with unique keys,
    on ``jobs`` processes; ``on_file`` is called with each input once it has been read."""
    stream = Stream(files, from_format, raw, jobs, on_input=on_file)
    records: list[Record] = []
    for batch in stream.run():
        assert isinstance(batch, list)
        records += batch
    return ReadResult(records, stream.problems)


# Packed records: a harvest's spool (``citekit.oai.spool``) holds its records so, and is written
# out through ``exporting.Output.write_packed`` once its keys are made over all of them.

# Records per written chunk: large enough that a process pool's overhead is small beside it.
CHUNK = 2000


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
