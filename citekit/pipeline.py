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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from citekit import inputs, stages
from citekit.errors import Problem
from citekit.formats import Format, ReadResult
from citekit.formats.base import Checker, Unit
from citekit.formats.losses import Loss
from citekit.model import Record

if TYPE_CHECKING:  # the pool is imported when used: most exports need none
    from concurrent.futures import Executor, Future

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


def _work(task: Task, pack: bool = True) -> Done:
    from citekit.normalize.keys import base_key

    result = stages.read_pieces(task.fmt, task.units, task.source, task.raw)
    records, notes = stages.sanitise(result.records)
    problems = result.problems + notes
    if task.trim is not None:
        records = [_trimmed(r, task.trim) for r in records]
    ids = [r.id for r in records]
    # Made here, on the worker, only when the records travel pickled; else when asked (``_base``).
    bases = [base_key(r) for r in records] if pack else []
    lines = [r.location.line if r.location else 0 for r in records]
    done = Done(records, ids, bases, problems, lines)
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
    # Whether batches are written with their records' own keys, to be kept if those are the final
    # keys: the last batch said so (in a merged library, every key of later copies is taken).
    guess: bool = True
    records: int = 0
    problem_count: int = 0
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
                        ),
                        opened,
                        checking,
                    )
            except inputs.READ_ERRORS as exc:
                self._problem(inputs.file_problem(exc, source))
            finally:
                opened.close()
            for problem in opened.take_problems():
                self._problem(problem)
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
            yield from order.ready(0)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)


class _InOrder:
    """The main process's part, batch by batch in input order: the checks across an input, the
    keys, the losses named by key, and the text to write (written again with the final keys
    when they are not the ones the batch was written with)."""

    def __init__(self, stream: Stream, pool: Executor | None) -> None:
        from citekit.normalize.keys import Keys

        self.stream, self.pool = stream, pool
        self.keys, self.formed = Keys(), Keys()
        self.out: deque[Future[str] | str | list[Record]] = deque()

    def finish(self, done: Done, opened: inputs.Opened | None, check: Checker | None) -> None:
        from dataclasses import replace
        from functools import partial

        stream = self.stream
        if opened is not None:
            for problem in opened.take_problems():
                stream._problem(problem)
        ids = list(done.ids)
        if check is not None:
            done.problems += check(ids, done.lines)
        for problem in done.problems:
            stream._problem(problem)
        base = partial(_base, done)
        given = [self.keys.key(i, partial(base, n)) for n, i in enumerate(ids)]
        for n, loss in done.losses:
            stream._loss(replace(loss, record_id=given[n]))
        stream.records += len(ids)
        if not ids:
            return
        if stream.out is None:
            records = done.records if isinstance(done.records, list) else _unpacked(done.records)
            self.out.append([r.with_id(k) for r, k in zip(records, given, strict=True)])
            return
        out = stream.out
        final = given
        if out.unique_keys:
            final = [self.formed.key(out.key_form(k), partial(base, n)) for n, k in enumerate(given)]
        if out.unique_keys:
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


def _unpacked(batch: bytes) -> list[Record]:
    import pickle

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
