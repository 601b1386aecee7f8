"""Rendering is safe in several threads at once: no rendering sees another's state."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from threading import Barrier

import pytest

import citekit
from tests.conftest import RECORDS

ROUNDS = 12
# The citations rendered in each round: several cites together, so that sorting, collapsing and
# disambiguation run too.
CITES = [["braun2006using", "braun2012thematic", "braun2013successful"], ["harris2020array", "he2016deep"]]


@pytest.fixture(scope="module")
def records() -> list[citekit.Record]:
    return citekit.load(str(RECORDS)).records


def _work(records: list[citekit.Record], style: str, markup: str) -> Callable[[], list[str]]:
    def run() -> list[str]:
        out = citekit.render(records, style, markup=markup)
        out += [citekit.cite(records, keys, style, markup=markup) for keys in CITES]
        return out

    return run


@contextmanager
def _switching_often() -> Iterator[None]:
    """Threads take turns every few microseconds, so that two renderings interleave finely."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def _concurrent(jobs: list[Callable[[], list[str]]]) -> list[list[list[str]]]:
    """Each job run ROUNDS times in a thread of its own, all threads started together."""
    start = Barrier(len(jobs))

    def repeat(job: Callable[[], list[str]]) -> list[list[str]]:
        start.wait()
        return [job() for _ in range(ROUNDS)]

    with _switching_often(), ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return list(pool.map(repeat, jobs))


def test_two_styles_in_two_threads_render_as_one_at_a_time(records: list[citekit.Record]) -> None:
    """APA and Vancouver rendered at once in two threads, many times, give what each gives alone."""
    jobs = [_work(records, "apa", "html"), _work(records, "vancouver", "text")]
    serial = [job() for job in jobs]
    for job_results, expected in zip(_concurrent(jobs), serial, strict=True):
        assert all(result == expected for result in job_results)


def test_one_style_in_two_threads_renders_as_one_at_a_time(records: list[citekit.Record]) -> None:
    """One style rendered in two markups at once, many times, gives what each gives alone."""
    jobs = [_work(records, "apa", "html"), _work(records, "apa", "text")]
    serial = [job() for job in jobs]
    for job_results, expected in zip(_concurrent(jobs), serial, strict=True):
        assert all(result == expected for result in job_results)
