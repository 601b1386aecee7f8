"""Finding inputs (files, folders read recursively, stdin, web addresses), reading their bytes within
limits, decoding them and telling their format. ``citekit.stages.read_input`` reads them."""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from citekit import formats
from citekit.errors import CitekitError, Problem
from citekit.model import Location

STDIN = "-"


# Files people give by mistake, told by their first bytes: named in the message.
_SIGNATURES = {
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx/.odt file)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip-compressed file",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"SQLite format 3\x00": "an SQLite database",
    b"\x7fELF": "a program",
}
# Control bytes other than tab, line feed, form feed and carriage return: in text, a few at most
# (more than 8 and over 5% of the first 8 kB is binary; fewer NULs are removed with a warning).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_BINARY_SHARE = 0.05


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    """cp1252 leaves five bytes undefined; read them as Latin-1 does rather than losing them."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("citekit-latin1", _latin1_for_undefined)


def _binary_error(data: bytes, source: str) -> CitekitError | None:
    kind = next((name for magic, name in _SIGNATURES.items() if data.startswith(magic)), None)
    sample = data[:8192]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if kind is None and controls > max(8, len(sample) * _BINARY_SHARE):
        kind = "a binary file"
    if kind is None:
        return None
    return CitekitError(f"this is {kind}, not text; give a text, BibTeX, RIS or JSON file", Location(source))


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when every other byte is NUL (ASCII text saved as UTF-16), else None."""
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.9 and not even.count(0):
        return "utf-16-le"
    if even.count(0) > len(even) * 0.9 and not odd.count(0):
        return "utf-16-be"
    return None


def decode(data: bytes, source: str) -> tuple[str, list[Problem]]:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 (with BOM, or ASCII text without one),
    else Windows-1252 with a warning; stray NUL bytes dropped with a warning; CRLF and CR line
    ends as LF. Binary files (PDF, ZIP, images, anything mostly control bytes) are refused."""
    problems: list[Problem] = []
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE starts both
        encoding: str | None = "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = _utf16_without_bom(data[:8192])
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            message = f"not valid {encoding.upper()} (byte {exc.start}: {exc.reason}); save the file as UTF-8"
            raise CitekitError(message, Location(source)) from None
        if encoding.endswith(("-le", "-be")):
            problems.append(Problem(Location(source), f"no byte-order mark; read as {encoding.upper()}"))
        return _line_ends(text.lstrip("\ufeff")), problems
    error = _binary_error(data, source)
    if error:
        raise error
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        count = data.count(b"\x00")
        problems.append(
            Problem(Location(source, line), f"{count} NUL byte(s) removed (the first on this line)")
        )
        data = data.replace(b"\x00", b"")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(Location(source, line), "not valid UTF-8; read as Windows-1252 (Latin-1)"))
        text = data.decode("cp1252", errors="citekit-latin1")
    return _line_ends(text), problems


def _line_ends(text: str) -> str:
    """Every reader counts lines by LF: CRLF (Windows) and lone CR (old Mac) become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def expand(inputs: Iterable[str], skipped: list[str] | None = None) -> Iterator[str]:
    """Each input as given, with folders replaced by the readable files under them, in sorted order.
    Files in a folder that no format reads (``.pdf``, ``.yaml``) are appended to ``skipped``;
    hidden files and folders (``.git``) are passed over without a word."""
    for item in inputs:
        path = Path(item)
        if item != STDIN and not is_url(item) and path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if not child.is_file() or hidden:
                    continue
                if formats.for_suffix(child.suffix):
                    yield str(child)
                elif skipped is not None:
                    skipped.append(str(child))
        else:
            yield item


def detect_format(item: str, text: str) -> formats.Format:
    """The format a suffix names; for stdin, odd suffixes and suffixes that name any text (.txt),
    the one the content shows."""
    by_suffix = None if item == STDIN else formats.for_suffix(Path(item).suffix)
    if by_suffix is not None and not by_suffix.generic_suffixes:
        return by_suffix
    return formats.sniff(text)


# The largest input read: reading takes some 1-3 s and 30 bytes of memory per byte of input, so a
# bigger file would take minutes and gigabytes. Checked before reading (stdin and devices: while).
MAX_INPUT_BYTES = 32 * 1024 * 1024


def read_capped(item: str, source: str) -> bytes:
    """The bytes of a file (or stdin), opened read-only; a CitekitError when over MAX_INPUT_BYTES."""
    size = 0 if item == STDIN else Path(item).stat().st_size
    data = b""
    if size <= MAX_INPUT_BYTES:
        # Read one byte past the limit: stdin, a FIFO or a device has no size to check first.
        if item == STDIN:
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with open(item, "rb") as handle:  # read-only: inputs are never changed
                data = handle.read(MAX_INPUT_BYTES + 1)
    if max(size, len(data)) > MAX_INPUT_BYTES:
        shown = f"{size / 2**20:,.0f} MB" if size > MAX_INPUT_BYTES else f"over {MAX_INPUT_BYTES // 2**20} MB"
        message = f"{shown} is more than citekit reads from one input ({MAX_INPUT_BYTES // 2**20} MB); split it into smaller files"
        raise CitekitError(message, Location(source))
    return data


def is_url(item: str) -> bool:
    """Whether an input is a web address (http or https): fetched (``citekit.net``), then read like a file."""
    return item[:8].lower().startswith(("http://", "https://"))


def url_list(path: str | Path) -> list[str]:
    """The web addresses listed in a file (``--urls``): one a line; blank lines and ``#`` comments skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise CitekitError(f"{path}: no such file; give a file with one URL a line") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CitekitError(f"{path}: cannot read the URL list ({exc})") from None
    urls = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if not is_url(text):
            raise CitekitError(f"{path}:{number}: {text[:60]!r} is not an http(s) address")
        urls.append(text)
    return urls


# Content types whose answers are read as a file with this suffix would be, whatever the address
# ends with: a web page is read as a saved page (and so gives the record the saved page gives).
_CONTENT_SUFFIXES = {"text/html": ".html", "application/xhtml+xml": ".html"}


def fetched(url: str) -> tuple[bytes, str]:
    """The bytes at ``url`` (fetched, or from the cache: ``citekit.net.fetch``), within
    MAX_INPUT_BYTES, and a file name telling their format as a file's name would: a web page's is
    ``page.html``, anything else's the last part of the address it came from."""
    from pathlib import PurePosixPath
    from urllib.parse import urlsplit

    from citekit.net.fetch import read_url

    answer = read_url(url)
    if len(answer.content) > MAX_INPUT_BYTES:
        limit = MAX_INPUT_BYTES // 2**20
        raise CitekitError(
            f"the page is over {limit} MB, more than citekit reads from one input", Location(url)
        )
    suffix = _CONTENT_SUFFIXES.get(answer.content_type)
    return answer.content, f"page{suffix}" if suffix else PurePosixPath(urlsplit(answer.url).path).name


def source_name(item: str) -> str:
    """How messages name an input."""
    return "<stdin>" if item == STDIN else item


def read_text(item: str, from_format: str | None = None) -> tuple[str, formats.Format, list[Problem]]:
    """One input read (within the size limit), decoded and identified: its text, its format and the
    warnings decoding gave. Raises OSError or CitekitError; ``file_problem`` words them."""
    source = source_name(item)
    data, name = fetched(item) if is_url(item) else (read_capped(item, source), item)
    text, problems = decode(data, source)
    fmt = formats.get(from_format) if from_format else detect_format(name, text)
    return text, fmt, problems


# What to tell a user for the file errors they can act on.
_FILE_ERRORS: tuple[tuple[type[OSError], str], ...] = (
    (FileNotFoundError, "no such file or folder; check the path"),
    (IsADirectoryError, "is a folder, not a file; name a file"),
    (PermissionError, "permission denied; check who may read it"),
)
# The errors reading one input may end in without anything else being wrong.
READ_ERRORS = (FileNotFoundError, IsADirectoryError, PermissionError, CitekitError)


def file_problem(exc: OSError | CitekitError, source: str) -> Problem:
    """An error that stopped one input from being read, as an error problem naming it."""
    if isinstance(exc, CitekitError):
        return Problem(exc.location or Location(source), exc.message, "error")
    message = next((text for kind, text in _FILE_ERRORS if isinstance(exc, kind)), exc.strerror or str(exc))
    return Problem(Location(source), message, "error")
