"""Writing results: to stdout as exact bytes, to a file atomically, or one file per record in a folder.

Nothing here ever writes to a path the user did not name: a file is written to a temporary file
beside it and renamed into place, so an interrupted run leaves the old file whole, and the file
names made from citation keys cannot leave the folder they are written to.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from citekit.errors import CitekitError

if TYPE_CHECKING:
    from citekit.console import Highlighter

# Names Windows reserves in every folder, whatever the extension (a key may well be "con" or "aux").
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(1, 10)}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_STEM = 100


def write_text(text: str, output: Path | None, kind: str | Highlighter | None = None) -> None:
    """Write ``text`` to ``output`` (atomically) or to stdout.

    On a terminal, stdout is decorated for reading (``kind``: the data's format, or ``references``,
    ``html``, ``markdown``, ``json``, ``check``, ``text``: ``console.show_data``); anywhere else it
    is the exact bytes.
    """
    if output is not None:
        write_file(text, output)
    elif kind is not None and sys.stdout.isatty():
        from citekit import console

        console.show_data(text, kind)
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def show_html_references(entries: list[str]) -> None:
    """References rendered as HTML, shown on the terminal with the style's italics and bold."""
    from citekit import console

    console.show_html_references(entries)


def write_chunks(chunks: Iterable[str], output: Path | None, kind: str | Highlighter | None = None) -> None:
    """``write_text`` for text made a piece at a time, each piece written as it comes (on a
    terminal the pieces are gathered first: highlighting needs the whole text)."""
    if output is None and kind is not None and sys.stdout.isatty():
        write_text("".join(chunks), None, kind)
    elif output is not None:
        write_file(chunks, output)
    else:
        for chunk in chunks:
            sys.stdout.buffer.write(chunk.encode("utf-8"))
        sys.stdout.buffer.flush()


def write_file(text: str | Iterable[str], output: Path) -> None:
    """Write ``text`` (or its pieces) to a temporary file beside ``output``, then rename it into place.

    The file gets the mode a plain ``open`` would give it: a new file the umask's mode (0644 under
    the usual umask, not the 0600 of a temporary file), a replaced file its old mode and owner.
    """
    if output.is_dir():
        raise CitekitError(
            f"{output} is a folder; give -o a file name, or use --output-dir for one file per record"
        )
    folder = output.parent if str(output.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise CitekitError(f"{folder}: no such folder; create it or choose another output") from None
    except PermissionError:
        raise CitekitError(f"{folder}: permission denied; choose another output") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in [text] if isinstance(text, str) else text:
                handle.write(chunk.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
            _give_mode(handle.fileno(), output)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _give_mode(fd: int, output: Path) -> None:
    """Give the temporary file ``fd`` the mode (and, where allowed, the owner) ``output`` should have."""
    try:
        old = output.stat()
    except OSError:
        os.fchmod(fd, 0o666 & ~_umask())
        return
    os.fchmod(fd, stat.S_IMODE(old.st_mode))
    with contextlib.suppress(OSError, AttributeError):  # only root may give a file away; Windows has no chown
        os.fchown(fd, old.st_uid, old.st_gid)


def _umask() -> int:
    """The process's umask. Linux shows it in /proc; elsewhere it can only be read by setting it."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def safe_name(key: str) -> str:
    """A file name stem made from a citation key that cannot name another folder or a device.

    Only ASCII letters, digits, ``.``, ``_`` and ``-`` are kept (others become ``_``); a leading dot
    or dash is dropped (no hidden files, nothing read as an option); Windows device names are prefixed.
    """
    ascii_key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode("ascii")
    stem = _UNSAFE.sub("_", ascii_key).lstrip(".-_")[:_MAX_STEM].rstrip(".")
    if not stem:
        return "record"
    if stem.split(".")[0].lower() in _RESERVED:
        return f"_{stem}"
    return stem


def file_names(keys: Iterable[str], suffix: str) -> list[str]:
    """One distinct file name per key: ``safe_name`` plus ``suffix``, numbered when two would clash
    (compared without case, as macOS and Windows compare them)."""
    taken: set[str] = set()
    names = []
    for key in keys:
        stem = safe_name(key)
        name, n = f"{stem}{suffix}", 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}{suffix}"
        taken.add(name.lower())
        names.append(name)
    return names


def write_folder(folder: Path, files: Iterable[tuple[str, str]]) -> list[Path]:
    """Write each ``(name, text)`` into ``folder`` (created if missing), atomically; return the paths.

    Every name is checked to land directly in ``folder``: a name that would leave it is an error.
    """
    if folder.exists() and not folder.is_dir():
        raise CitekitError(
            f"{folder} is a file, not a folder; give --output-dir a folder (or use -o for one file)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    written = []
    for name, text in files:
        target = folder / name
        if Path(name).name != name or target.resolve().parent != root:
            raise CitekitError(f"{name!r} would be written outside {folder}; nothing more was written")
        write_file(text, target)
        written.append(target)
    return written
