"""Finding inputs (files, folders read recursively, stdin, web addresses), reading their bytes within
limits, decoding them and telling their format. ``citekit.stages.read_input`` reads them."""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

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
    """Text from bytes, as an input is decoded (``Opened``): UTF-8 (with or without BOM), UTF-16
    (with BOM, or ASCII text without one), else Windows-1252 where it is not UTF-8, with a warning;
    stray NUL bytes dropped with a warning; CRLF and CR line ends as LF. Binary data (PDF, ZIP,
    images, anything mostly control bytes) is refused with a CitekitError."""
    import io

    opened = Opened(source, handle=io.BytesIO(data))
    text = "".join(opened.chunks())
    return text, opened.problems


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


# The most of one input read at once: one entry, record, item or page (a format cuts its inputs
# into these: ``Format.units``), and a whole input of a format that cannot be cut (portal text) or
# that is not UTF-8. Reading one takes some 30 bytes of memory per byte; files and stdin streams of
# any size are read a piece at a time.
MAX_UNIT = 32 * 1024 * 1024
# Bytes read from a file or stdin at a time.
CHUNK_BYTES = 1 << 20
# How much of an input is looked at before its format is told (``formats.sniff``).
_HEAD_BYTES = 64 * 1024


def too_large(what: str, source: str, line: int = 0) -> CitekitError:
    """The error for one unit (or a whole input read at once) over MAX_UNIT."""
    limit = MAX_UNIT // 2**20
    message = f"{what} is more than citekit reads at once ({limit} MB); split it, or check that it is what you meant"
    return CitekitError(message, Location(source, line))


# Invalid UTF-8 met while decoding: the byte offsets in the chunk being decoded (one process
# decodes one chunk at a time; ``Opened._decoded`` reads and clears this after each chunk).
_NOT_UTF8: list[int] = []


def _cp1252_for_invalid(error: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 read as Windows-1252 (its five undefined bytes as Latin-1)."""
    assert isinstance(error, UnicodeDecodeError)
    _NOT_UTF8.append(error.start)
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="citekit-latin1"), error.end


codecs.register_error("citekit-cp1252", _cp1252_for_invalid)


class Opened:
    """One input opened for reading: its format (from ``from_format``, the suffix, or the head of
    its content), and its text a chunk at a time (``chunks``), decoded with line ends as LF. A web
    address is fetched first (``fetched``) and read as the file it names would be.
    ``problems`` gathers the decoding warnings as they are met; ``size`` is the file's size in
    bytes (None for stdin and devices) and ``done`` how many bytes have been read."""

    def __init__(self, item: str, from_format: str | None = None, *, handle: BinaryIO | None = None) -> None:
        self.item = item
        self.source = source_name(item)
        self.problems: list[Problem] = []
        self.done = 0
        self._lines = 0  # LF bytes decoded so far (for the line of a decoding warning)
        self._nuls = 0
        self._first_nul = 0
        name = item  # what tells the format by its suffix
        if handle is None and is_url(item):
            import io

            data, name = fetched(item)
            handle = io.BytesIO(data)
        self._handle: BinaryIO = handle or (sys.stdin.buffer if item == STDIN else open(item, "rb"))  # noqa: SIM115
        self._owned = handle is None and item != STDIN
        self.size: int | None = None
        if self._owned:
            import os
            import stat

            info = os.fstat(self._handle.fileno())
            self.size = info.st_size if stat.S_ISREG(info.st_mode) else None
        # stdin is copied aside as it is read when the reader may need it again (``keep_copy``).
        self._spool: _Spool | None = None
        self._whole: str | None = None
        self._decoder: codecs.IncrementalDecoder | None = None
        try:
            self._head_bytes = self._head()
            self._head_text = self._start(self._head_bytes)
        except BaseException:
            self.close()
            raise
        sniffed = self._head_text if self._whole is None else self._whole
        self.format = formats.get(from_format) if from_format else detect_format(name, sniffed)

    _short = False

    def _read(self, size: int) -> bytes:
        data = self._handle.read1(size) if hasattr(self._handle, "read1") else self._handle.read(size)
        self._short = 0 < len(data) < size and self.size is None
        if self._spooled:
            return data
        self.done += len(data)
        if self._spool is not None:
            self._spool.write(data)
        return data

    def _head(self) -> bytes:
        """The first bytes: enough to tell the encoding and whether it is binary (8 kB), and, unless
        the input ends first or is a slow stream, enough to tell its format."""
        parts: list[bytes] = []
        size = 0
        while size < _HEAD_BYTES:
            data = self._read(_HEAD_BYTES - size)
            if not data:
                break
            parts.append(data)
            size += len(data)
            if self.item == STDIN and size >= 8192:
                break  # a stream is read as it comes: its records are written as they arrive
        return b"".join(parts)

    def _start(self, head: bytes) -> str:
        """Decide the encoding from the head and decode it; a non-UTF-8 input is read whole."""
        if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE starts both
            encoding: str | None = "utf-32"
        elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        else:
            encoding = _utf16_without_bom(head[:8192])
        if encoding:
            self._whole = self._decoded_whole(head, encoding)
            return ""
        error = _binary_error(head, self.source)
        if error:
            raise error
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="citekit-cp1252")
        return self._decoded(head, final=False)

    def _decoded_whole(self, head: bytes, encoding: str) -> str:
        data = head
        while len(data) <= MAX_UNIT * 4 and (more := self._read(CHUNK_BYTES)):
            data += more
        if len(data) > MAX_UNIT * 4:
            raise too_large(f"an input in {encoding.upper()} (not UTF-8)", self.source)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            message = f"not valid {encoding.upper()} (byte {exc.start}: {exc.reason}); save the file as UTF-8"
            raise CitekitError(message, Location(self.source)) from None
        if encoding.endswith(("-le", "-be")):
            self.problems.append(
                Problem(Location(self.source), f"no byte-order mark; read as {encoding.upper()}")
            )
        return _line_ends(text.lstrip("\ufeff"))

    def _decoded(self, data: bytes, final: bool) -> str:
        assert self._decoder is not None
        if b"\x00" in data:
            if not self._nuls:
                self._first_nul = self._lines + data[: data.index(b"\x00")].count(b"\n") + 1
            self._nuls += data.count(b"\x00")
            data = data.replace(b"\x00", b"")
        _NOT_UTF8.clear()
        text = self._decoder.decode(data, final)
        if _NOT_UTF8 and not self._reported_utf8:
            self._reported_utf8 = True
            line = self._lines + data[: _NOT_UTF8[0]].count(b"\n") + 1
            message = "not valid UTF-8; read as Windows-1252 (Latin-1)"
            self.problems.append(Problem(Location(self.source, line), message))
        self._lines += data.count(b"\n")
        return text

    _reported_utf8 = False

    def chunks(self) -> Iterator[str]:
        """The text, a chunk at a time, with CRLF and CR as LF (a CR at a chunk's end waits for
        the next). The NUL bytes removed are reported at the end, with the line of the first."""
        if self._whole is not None:
            yield self._whole
            self._whole = ""
            return
        held = ""
        text = self._head_text
        self._head_text, self._head_bytes = "", b""
        while True:
            data = self._read(CHUNK_BYTES)
            if not data:
                text += self._decoded(b"", final=True)
            text = held + text
            held = "\r" if text.endswith("\r") and data else ""
            if held:
                text = text[:-1]
            if text:
                yield _line_ends(text)
            if not data:
                break
            text = self._decoded(data, final=False)
        if self._nuls:
            message = f"{self._nuls} NUL byte(s) removed (the first on this line)"
            self.problems.append(Problem(Location(self.source, self._first_nul), message))

    @property
    def trickling(self) -> bool:
        """Whether the last read gave less than asked: a stream giving what it has so far, whose
        records are read as they arrive."""
        return self._short

    def take_problems(self) -> list[Problem]:
        """The decoding warnings met since last asked."""
        taken, self.problems = self.problems, []
        return taken

    def keep_copy(self) -> None:
        """Copy stdin aside as it is read, from its start, so that ``again`` can read it once more."""
        if self.item == STDIN and self._spool is None:
            self._spool = _Spool()
            self._spool.write(self._head_bytes)

    def again_text(self) -> Iterator[str]:
        """The text once more from the start (``again``), a chunk at a time."""
        opened = self.again()
        try:
            yield from opened.chunks()
        finally:
            opened.close()

    def again(self) -> Opened:
        """The same input from its start, for a second pass: a file is opened again; stdin is read
        to its end into its copy (``keep_copy``), which this input then goes on reading from."""
        if self._spool is None:
            return Opened(self.item, self.format.name)
        if not self._spooled:
            position = self.done
            while self._read(CHUNK_BYTES):
                pass
            self._spooled = True
            self._handle = open(self._spool.path, "rb")  # noqa: SIM115
            self._handle.seek(position)
            self._owned = True
        return Opened(self._spool.path, self.format.name)

    _spooled = False  # stdin has been read to its end into the copy, which is read instead

    def close(self) -> None:
        if self._owned:
            self._handle.close()
        if self._spool is not None:
            self._spool.close()


class _Spool:
    """A temporary file that a stream is copied into as it is read (deleted when closed)."""

    def __init__(self) -> None:
        import tempfile

        self._file = tempfile.NamedTemporaryFile(prefix="citekit-stdin-", delete=False)  # noqa: SIM115
        self.path = self._file.name

    def write(self, data: bytes) -> None:
        self._file.write(data)
        self._file.flush()

    def close(self) -> None:
        self._file.close()
        Path(self.path).unlink(missing_ok=True)


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
    MAX_UNIT (a page is read whole), and a file name telling their format as a file's name would: a web page's is
    ``page.html``, anything else's the last part of the address it came from."""
    from pathlib import PurePosixPath
    from urllib.parse import urlsplit

    from citekit.net.fetch import read_url

    answer = read_url(url)
    if len(answer.content) > MAX_UNIT:
        limit = MAX_UNIT // 2**20
        raise CitekitError(
            f"the page is over {limit} MB, more than citekit reads from one input", Location(url)
        )
    suffix = _CONTENT_SUFFIXES.get(answer.content_type)
    return answer.content, f"page{suffix}" if suffix else PurePosixPath(urlsplit(answer.url).path).name


def source_name(item: str) -> str:
    """How messages name an input."""
    return "<stdin>" if item == STDIN else item


def read_text(item: str, from_format: str | None = None) -> tuple[str, formats.Format, list[Problem]]:
    """One whole input (at most MAX_UNIT characters), decoded and identified: its text, its format
    and the warnings decoding gave. Raises OSError or CitekitError; ``file_problem`` words them."""
    opened = Opened(item, from_format)
    try:
        parts: list[str] = []
        size = 0
        for chunk in opened.chunks():
            size += len(chunk)
            if size > MAX_UNIT:
                raise too_large("this input", opened.source)
            parts.append(chunk)
        return "".join(parts), opened.format, opened.problems
    finally:
        opened.close()


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
