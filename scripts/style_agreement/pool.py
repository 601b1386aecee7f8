"""Run tasks in worker processes, each task under a time limit: a task that hangs is reported as
hung and its worker is replaced, so one style that loops cannot stop a scan of thousands."""

from __future__ import annotations

import multiprocessing as mp
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

HUNG = "hung"


@dataclass
class Outcome:
    task: Any
    result: Any  # the function's return value, or HUNG
    seconds: float


def _serve(fn: Callable[[Any], Any], conn: Connection) -> None:
    while True:
        task = conn.recv()
        if task is None:
            return
        conn.send(fn(task))


class _Worker:
    def __init__(self, fn: Callable[[Any], Any]) -> None:
        self.conn, child = mp.Pipe()
        self.process = mp.get_context("fork").Process(target=_serve, args=(fn, child), daemon=True)
        self.process.start()
        self.task: Any = None
        self.started = 0.0

    def give(self, task: Any) -> None:
        self.task, self.started = task, time.monotonic()
        self.conn.send(task)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


def run(fn: Callable[[Any], Any], tasks: Iterable[Any], workers: int, timeout: float) -> Iterator[Outcome]:
    """``fn(task)`` for every task, in ``workers`` processes, yielding outcomes as they finish.
    ``fn`` must catch its own exceptions; a task still running after ``timeout`` seconds is HUNG."""
    pending = list(tasks)
    pending.reverse()
    pool = [_Worker(fn) for _ in range(max(1, min(workers, len(pending))))]
    busy: list[_Worker] = []
    try:
        while pending or busy:
            for worker in pool:
                if worker not in busy and pending:
                    worker.give(pending.pop())
                    busy.append(worker)
            ready = mp.connection.wait([w.conn for w in busy], timeout=1.0)
            now = time.monotonic()
            for worker in list(busy):
                if worker.conn in ready:
                    busy.remove(worker)
                    yield Outcome(worker.task, worker.conn.recv(), now - worker.started)
                elif now - worker.started > timeout:
                    busy.remove(worker)
                    yield Outcome(worker.task, HUNG, now - worker.started)
                    worker.stop()
                    pool[pool.index(worker)] = _Worker(fn)
    finally:
        for worker in pool:
            worker.stop()
