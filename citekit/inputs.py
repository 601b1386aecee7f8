"""Reading inputs: files, folders (recursively) and stdin, decoded and sent to the right reader."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from citekit import formats
from citekit.errors import CitekitError, Problem
from citekit.formats.base import ReadResult
from citekit.model import Location
from citekit.normalize.keys import assign_keys

STDIN = "-"


def decode(data: bytes, source: str) -> tuple[str, list[Problem]]:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 with a warning."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    if b"\x00" in data[:4096]:
        raise CitekitError(
            "this is a binary file, not text; give a text, BibTeX, RIS or JSON file", Location(source)
        )
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        warning = Problem(Location(source, line), "not valid UTF-8; read as Windows-1252 (Latin-1)")
        return data.decode("cp1252", errors="replace"), [warning]


def expand(inputs: Iterable[str]) -> Iterator[str]:
    """Each input as given, with folders replaced by the readable files under them, in sorted order."""
    for item in inputs:
        path = Path(item)
        if item != STDIN and path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and formats.for_suffix(child.suffix):
                    yield str(child)
        else:
            yield item


def detect_format(item: str, text: str) -> formats.Format:
    """The format a suffix names; for stdin, odd suffixes and portal text, the one the content shows."""
    from citekit.formats.detect import sniff

    by_suffix = None if item == STDIN else formats.for_suffix(Path(item).suffix)
    if by_suffix is not None and by_suffix.name != "portal":
        return by_suffix
    return formats.get(sniff(text))


def read_one(item: str, from_format: str | None = None) -> ReadResult:
    """Read one file (or stdin); any failure becomes an error problem naming the file."""
    source = "<stdin>" if item == STDIN else item
    try:
        data = sys.stdin.buffer.read() if item == STDIN else Path(item).read_bytes()
        text, problems = decode(data, source)
        fmt = formats.get(from_format) if from_format else detect_format(item, text)
        if not fmt.readable:
            raise CitekitError(f"citekit cannot read {fmt.title} yet")
        result = fmt.reader()(text, source)
        result.problems[:0] = problems
        return result
    except FileNotFoundError:
        error = Problem(Location(source), "no such file or folder; check the path", "error")
    except IsADirectoryError:
        error = Problem(Location(source), "is a folder, not a file; name a file", "error")
    except PermissionError:
        error = Problem(Location(source), "permission denied; check who may read it", "error")
    except CitekitError as exc:
        error = Problem(exc.location or Location(source), exc.message, "error")
    return ReadResult(problems=[error])


def load(
    inputs: Iterable[str], from_format: str | None = None, on_file: Callable[[str], object] | None = None
) -> ReadResult:
    """Every record of every input, with unique citation keys, and every problem met.

    ``on_file`` is called with each file once it has been read (the CLI's progress bar)."""
    total = ReadResult()
    for item in expand(inputs):
        total.extend(read_one(item, from_format))
        if on_file is not None:
            on_file(item)
    total.records = assign_keys(total.records)
    return total
