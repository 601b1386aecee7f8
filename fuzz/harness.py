"""What every fuzz target checks: reading any bytes either works or fails as citekit says it fails.

One input goes the whole way a file goes: decoded (``citekit.inputs.decode``), read by one reader,
then every record read is written in every writable format and read back. The only acceptable
failure is a ``CitekitError`` that names where it happened; anything else (an IndexError, a
RecursionError, a writer whose output its own reader rejects) is a finding.

Used by the atheris targets in this folder and by the hypothesis long-run harness
(``fuzz/long_run.py``), so both check exactly the same things.
"""

from __future__ import annotations

from citekit import formats, stages
from citekit.errors import CitekitError
from citekit.inputs import decode

SOURCE = "fuzz-input"
WRITERS = tuple(f.name for f in formats.FORMATS.values() if f.writable)
# Every format citekit reads; the fuzz target names are these.
READERS = tuple(f.name for f in formats.FORMATS.values() if f.readable)


class Finding(AssertionError):
    """A broken promise: reported by the fuzzer as a crash, with the input that caused it."""


def _located(exc: CitekitError) -> None:
    if exc.location is None or exc.location.source != SOURCE:
        raise Finding(f"CitekitError without this input's location: {exc!r}") from exc


def check_bytes(reader: str, data: bytes, round_trip: bool = True) -> None:
    """Decode and read ``data`` as ``reader``; check every promise; raise Finding (or let an
    unexpected exception through) when one is broken."""
    try:
        text, problems = decode(data, SOURCE)
    except CitekitError as exc:
        _located(exc)
        return
    for problem in problems:
        if problem.location.source != SOURCE:
            raise Finding(f"decoding problem without this input's location: {problem!r}")
    check_text(reader, text, round_trip)


def check_text(reader: str, text: str, round_trip: bool = True) -> None:
    """Read ``text`` as ``reader`` and check the result (see ``check_bytes``)."""
    try:
        result = stages.read_text(text, formats.get(reader), SOURCE)
    except CitekitError as exc:
        _located(exc)
        return
    for problem in result.problems:
        if problem.location.source != SOURCE or problem.location.line < 0:
            raise Finding(f"problem without this input's location: {problem!r}")
        if "\n" in problem.message:
            raise Finding(f"a problem message of several lines: {problem.message!r}")
    if round_trip and result.records:
        check_writers(result.records)


def check_writers(records: list) -> None:  # type: ignore[type-arg]
    """Every writer's output reads back with no errors and the same number of records."""
    import citekit

    records = stages.key(records)
    for name in WRITERS:
        written = citekit.dump(records, name)
        written.encode("utf-8")  # what outputs.py does: a lone surrogate would fail here
        back = formats.get(name).read(written, SOURCE)
        errors = [p for p in back.problems if p.is_error]
        if errors or len(back.records) != len(records):
            raise Finding(
                f"{name} output does not read back: {len(records)} written, "
                f"{len(back.records)} read, errors {errors[:3]}\n{written[:2000]}"
            )
