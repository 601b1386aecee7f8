"""``citekit.export``: records from inputs to a data format or a CSL style, on stdout, in a file or
one file per record in a folder: everything ``citekit export`` does, callable from Python.

How the records go is decided here, once. The options are checked first (``Output.checked``), before
anything is read; web addresses among the inputs are fetched next, several at once (``_fetching``).
Data written to one output streams: records are read, keyed and written a batch at a time, on
``jobs`` processes (``citekit.pipeline.Stream``), in memory that does not grow with the input. One
file per record, and styled references, need every record at once: they are loaded (a styled
bibliography keeps of each record only what its style reads), then written or rendered.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from citekit.errors import CitekitError, Problem
from citekit.formats import Format
from citekit.formats.losses import Loss
from citekit.model import Record

if TYPE_CHECKING:
    from citekit import pipeline
    from citekit.pipeline import Packed

# The file suffix of one styled reference per markup, for ``output_dir``.
MARKUP_SUFFIXES = {"text": ".txt", "html": ".html", "markdown": ".md"}
STDIN = "-"


class Advance(Protocol):
    def __call__(self, steps: int = 1) -> None: ...


# ``progress(label, total)``: a context in which work is counted (``citekit.console.progress``).
Progress = Callable[[str, int | None], AbstractContextManager[Advance]]
# ``reading(total_bytes)``: a context that is told (bytes read, records read) as an export reads
# (``citekit.console.reading``); total_bytes is None for stdin.
Reading = Callable[[int | None], AbstractContextManager[Callable[[int, int], None]]]


@contextmanager
def no_progress(label: str, total: int | None = None) -> Iterator[Advance]:
    """Progress that shows nothing: the default."""
    yield lambda steps=1: None


@contextmanager
def no_reading(total: int | None = None) -> Iterator[Callable[[int, int], None]]:
    """Reading progress that shows nothing: the default."""
    yield lambda done, records: None


@dataclass
class ExportResult:
    """What an export read and wrote."""

    records: int  # read, and exported unless ``strict`` stopped it
    inputs: int  # files read
    problems: list[Problem] = field(default_factory=list)
    # What the output format could not carry of each record (data formats only).
    losses: list[Loss] = field(default_factory=list)
    # The files written: the output file, or one per record in the folder.
    written: list[Path] = field(default_factory=list)
    # Files in the input folders that no format reads (``.pdf``, ``.yaml``): passed over.
    skipped: list[str] = field(default_factory=list)
    # Problems and errors met, counted also when ``on_problem`` took them (and ``problems`` is empty).
    problem_count: int = 0
    error_count: int = 0

    @property
    def errors(self) -> bool:
        """Whether something could not be read (a file or a record): the rest was still exported."""
        return self.error_count > 0 or any(p.is_error for p in self.problems)


def export(
    inputs: str | Iterable[str],
    format: str | None = None,
    *,
    output: str | Path | None = None,
    output_dir: str | Path | None = None,
    from_format: str | None = None,
    locale: str | None = None,
    markup: str = "text",
    ascii: bool = False,
    raw: bool = False,
    strict: bool = False,
    jobs: int = 1,
    losses: bool = True,
    url_list: str | Path | None = None,
    mailto: str | None = None,
    refresh: bool = False,
    progress: Progress = no_progress,
    on_read: Callable[[ExportResult], object] | None = None,
    on_problem: Callable[[Problem], object] | None = None,
    on_loss: Callable[[Loss], object] | None = None,
    reading: Reading = no_reading,
) -> ExportResult:
    """Export the records of ``inputs`` (files, folders read recursively, web addresses, or ``"-"``
    for stdin).

    ``format`` is a data format citekit writes (``bibtex``, ``biblatex``, ``ris``, ``csljson``,
    ``mods``, or an alias: ``bib``, ``json``), in any case, or a CSL style (``apa``, a style id or a
    ``.csl`` file, with ``locale`` and ``markup``: text, html or markdown); None: the format
    ``output``'s suffix names, else BibTeX (``choosing.output``). The result goes to stdout, to
    ``output`` (written atomically) or, one file per record named by its key, into ``output_dir``;
    an input is never overwritten. ``jobs`` processes read the inputs and write data (0: one per
    core), with the same output. ``raw`` keeps portal text as given; ``ascii`` writes BibTeX accents
    as LaTeX commands; ``losses`` looks for what a data format cannot carry. ``progress(label,
    total)`` is a context counting the work (``console.progress``).

    Web addresses (among ``inputs``, and one a line in the file ``url_list``) are fetched first,
    several at once, through the cache (``refresh`` fetches again), with ``mailto`` as the contact
    servers are given (default: ``$CITEKIT_MAILTO``); a page reads as the same page saved would.

    Bad files and records are problems in the result and the rest is still exported; ``on_read`` is
    called with the result once everything is read (for data written to one output, which streams:
    once it is written). ``on_problem`` and ``on_loss`` take each problem and loss as it is met
    (they are then not kept in the result: a large input may have very many); ``reading(total)``
    is told how far reading has gone (``console.reading``). Records given twice (the same DOI, or
    title, year and first author) are warned of once everything is read. Raises CitekitError for
    bad options, and with ``strict`` when anything had a problem or a loss (nothing is written then).
    """
    from citekit import choosing
    from citekit import inputs as reading_inputs

    out = Output.checked(format, output, output_dir, locale, markup, ascii, jobs, progress)
    from_format = choosing.input_format(from_format)
    given = [inputs] if isinstance(inputs, str) else list(inputs)
    if url_list is not None:
        given += reading_inputs.url_list(url_list)
    skipped: list[str] = []
    files = list(reading_inputs.expand(given, skipped))
    if not files:
        raise CitekitError(_nothing_to_read(given, url_list))
    job = _Export(
        files, out, from_format, raw, strict, losses, on_read, on_problem, on_loss, reading, skipped
    )
    out.refuse_to_overwrite(job.files)
    urls = [item for item in job.files if reading_inputs.is_url(item)]
    with _fetching(urls, mailto, refresh, progress):
        # Data written to one output streams: records are read and written a batch at a time.
        return job.streamed() if out.streams else job.loaded()


def _nothing_to_read(given: Sequence[str], url_list: str | Path | None) -> str:
    """Why an export has no input at all: folders holding no file citekit reads, or an empty list."""
    if given:
        return f"{', '.join(given)}: no file citekit reads is there; `citekit formats` lists the suffixes"
    if url_list is not None:
        return f"{url_list}: no web address is listed in it; give one http(s) address a line"
    return "no input given; name files, folders or web addresses, or - for stdin"


@contextmanager
def _fetching(urls: Sequence[str], mailto: str | None, refresh: bool, progress: Progress) -> Iterator[None]:
    """The web addresses among the inputs fetched at once (``citekit.net.fetch``), kept while read."""
    if not urls:
        yield
        return
    from citekit.net import fetch
    from citekit.net.client import Settings

    with fetch.fetching(Settings.given(mailto, refresh)):
        with progress(f"fetching {len(urls)} page(s)", len(urls)) as advance:
            fetch.prefetch(urls, on_done=lambda _: advance())
        yield


@dataclass(frozen=True)
class Output:
    """Where records go and as what: a data format (``fmt``) or a CSL style, to stdout, a file or
    one file per record in a folder. ``citekit.export`` and ``citekit.harvest`` write through it."""

    fmt: Format | None  # None: a CSL style
    style: str
    locale: str | None
    markup: str
    ascii: bool
    output: Path | None
    folder: Path | None
    jobs: int
    progress: Progress

    @classmethod
    def checked(
        cls,
        format: str | None,
        output: str | Path | None,
        output_dir: str | Path | None,
        locale: str | None,
        markup: str,
        ascii: bool,
        jobs: int,
        progress: Progress,
    ) -> Output:
        """The output the options ask for (``format`` None: the one ``output``'s suffix names, else
        BibTeX); a CitekitError, with the nearest names, for options that cannot go together or a
        format, style, locale or markup that does not exist (before anything is read)."""
        from citekit import choosing, pipeline

        if output is not None and output_dir is not None:
            raise CitekitError("give -o FILE or --output-dir DIR, not both")
        if isinstance(output, str) and output.endswith(("/", os.sep)) and not Path(output).is_dir():
            # typer would make `-o new-folder/` the file new-folder
            raise CitekitError(
                f"{output} names a folder; give -o a file name, or use --output-dir for one file per record"
            )
        markup = choosing.value("markup", markup, tuple(MARKUP_SUFFIXES))
        fmt, name = choosing.output(format, None if output is None else Path(output))
        return cls(
            fmt,
            name,
            choosing.locale(locale),
            markup,
            ascii,
            None if output is None else Path(output),
            None if output_dir is None else Path(output_dir),
            jobs or pipeline.default_jobs(),
            progress,
        )

    @property
    def streams(self) -> bool:
        """Whether records go out a chunk at a time (data to one output), not all loaded at once."""
        return self.fmt is not None and self.folder is None

    def refuse_to_overwrite(self, files: Sequence[str]) -> None:
        """Inputs are never modified: an output naming one of them is a usage error."""
        if self.output is None:
            return
        target = self.output.resolve()
        for item in files:
            if item != STDIN and Path(item).resolve() == target:
                raise CitekitError(
                    f"{self.output} is one of the inputs and would be overwritten; choose another -o"
                )

    def write_packed(self, packed: Packed, ids: Sequence[str]) -> list[Path]:
        """Packed records (with their unique ``ids``) in the data format, a chunk at a time."""
        from citekit import outputs, pipeline

        assert self.fmt is not None
        chunks = pipeline.dump_packed(packed, ids, self.fmt, self.ascii, self.jobs)
        outputs.write_chunks(chunks, self.output, self.fmt)
        return [] if self.output is None else [self.output]

    def write_records(self, records: Sequence[Record], inputs: Sequence[str] = ()) -> list[Path]:
        """Records with unique keys, styled, or one file per record in the folder (none of
        ``inputs`` is overwritten)."""
        if self.folder is None:
            return self.render(records)
        return self.to_folder(records, self.folder, inputs)

    def render(self, records: Sequence[Record]) -> list[Path]:
        """Styled references, one a line, to the output (on a terminal: with the style's italics)."""
        from citekit import outputs, stages

        with self.progress(f"formatting {len(records)} references", None):
            if self.output is None and self.markup == "text" and outputs.stdout_is_terminal():
                # Rendered as HTML (the style's italics and bold), shown as rich text; a pipe gets the text.
                outputs.show_html_references(stages.render(records, self.style, self.locale, "html"))
                return []
            lines = stages.render(records, self.style, self.locale, self.markup)
        text = "".join(one_line(line) + "\n" for line in lines)
        outputs.write_text(text, self.output, "references" if self.markup == "text" else self.markup)
        return [] if self.output is None else [self.output]

    def to_folder(self, records: Sequence[Record], folder: Path, inputs: Sequence[str]) -> list[Path]:
        """One file per record in ``folder``, named by its citation key (made safe as a file name)."""
        from citekit import outputs

        suffix = MARKUP_SUFFIXES[self.markup] if self.fmt is None else self.fmt.suffixes[0]
        names = outputs.file_names((r.id for r in records), suffix)
        given = {Path(f).resolve() for f in inputs if f != STDIN}
        clash = next((n for n in names if (folder / n).resolve() in given), None)
        if clash is not None:
            raise CitekitError(
                f"{folder / clash} is one of the inputs and would be overwritten; choose another --output-dir"
            )
        return outputs.write_folder(folder, self.texts(records, names))

    def texts(self, records: Sequence[Record], names: Sequence[str]) -> list[tuple[str, str]]:
        """(file name, text) for each record: its data, or its styled reference."""
        from citekit import stages

        out = []
        with self.progress(f"writing {len(records)} files", len(records)) as advance:
            for name, record in zip(names, records, strict=True):
                if self.fmt is None:
                    lines = stages.render([record], self.style, self.locale, self.markup)
                    text = "".join(one_line(line) + "\n" for line in lines)
                else:
                    text = stages.write([record], self.fmt, self.ascii)
                out.append((name, text))
                advance()
        return out


# A line break inside a value (pandoc keeps the source's), with the spaces around it.
_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


def one_line(reference: str) -> str:
    """A styled reference as one line of the output: the line breaks of its values as spaces
    (the output's promise is one reference a line; ``citekit.render`` keeps them, as citeproc-js)."""
    return _LINE_BREAK.sub(" ", reference) if "\n" in reference or "\r" in reference else reference


@dataclass(frozen=True)
class _Export:
    """One export: its inputs, how they are read, its output, and whom to tell what."""

    files: list[str]
    out: Output
    from_format: str | None
    raw: bool
    strict: bool
    losses: bool
    on_read: Callable[[ExportResult], object] | None
    on_problem: Callable[[Problem], object] | None
    on_loss: Callable[[Loss], object] | None
    reading: Reading
    skipped: list[str]

    def stream(self, fmt: Format | None, trim: frozenset[str] | None = None) -> pipeline.Stream:
        from citekit import pipeline

        return pipeline.Stream(
            self.files,
            self.from_format,
            self.raw,
            self.out.jobs,
            out=fmt,
            ascii=self.out.ascii,
            losses=(self.losses or self.strict) and fmt is not None,
            on_problem=self.on_problem,
            on_loss=self.on_loss,
            trim=trim,
            duplicates=True,
        )

    def result(self, stream: pipeline.Stream) -> ExportResult:
        result = ExportResult(stream.records, len(self.files), stream.problems, stream.found_losses)
        result.problem_count, result.error_count = stream.problem_count, stream.errors
        result.skipped = self.skipped
        return result

    def total_bytes(self) -> int | None:
        """The size of the inputs, for the progress of reading (None with stdin)."""
        if STDIN in self.files:
            return None
        return sum(Path(f).stat().st_size for f in self.files if Path(f).is_file())

    def refuse_if_strict(self, problems: int) -> None:
        """With ``strict``, any problem (a duplicate and a field the output cannot carry are
        problems too) stops the export before anything is written."""
        if self.strict and problems:
            raise CitekitError(f"{problems} problem(s) and --strict given; nothing was written")

    def streamed(self) -> ExportResult:
        """Data to one output, written as it is read: nothing is held but a few batches. With
        ``strict``, what is written waits (in a temporary file) until reading ends well."""
        from citekit import outputs

        fmt = self.out.fmt
        assert fmt is not None
        stream = self.stream(fmt)
        told_read: list[ExportResult] = []
        with self.reading(self.total_bytes()) as told:
            stream.on_progress = lambda done, _total, records: told(done, records)
            chunks = self._checked(stream, (t for t in stream.run() if isinstance(t, str)), told_read)
            if self.strict and self.out.output is None:
                chunks = _held(chunks)
            with suppress(_NothingToWrite):
                outputs.write_chunks(chunks, self.out.output, fmt)
        if not told_read:  # nothing was read: there was no output to wait for
            self._read_all(stream, told_read)
        result = told_read[0]
        result.written = [] if self.out.output is None or not result.records else [self.out.output]
        return result

    def _read_all(self, stream: pipeline.Stream, told_read: list[ExportResult]) -> None:
        """Reading has ended: the result so far, told to ``on_read``."""
        told_read.append(self.result(stream))
        if self.on_read is not None:
            self.on_read(told_read[0])

    def _checked(
        self, stream: pipeline.Stream, texts: Iterator[str], told_read: list[ExportResult]
    ) -> Iterator[str]:
        """The output's text (joined as the format joins it), ending in an error after the last of
        it when nothing was read, or with ``strict`` when anything had a problem: an output file is
        then not written at all. ``on_read`` is told once reading ends, before an output file is
        put in place (on stdout, the data has gone out as it was read)."""
        assert self.out.fmt is not None
        for piece in self.out.fmt.join(texts):
            if not stream.records:
                raise _NothingToWrite
            # with strict, reading goes on to the end so that every problem is told; the output
            # (a temporary file, or held back from stdout) is dropped by the refusal after it
            yield piece
        self._read_all(stream, told_read)
        self.refuse_if_strict(stream.problem_count + stream.loss_count)

    def loaded(self) -> ExportResult:
        """Styled references, or one file per record: every record loaded first (for a style, only
        what it reads of each)."""
        from citekit.formats.losses import find_losses

        fmt = self.out.fmt
        trim = _style_variables(self.out.style) if fmt is None else None
        stream = self.stream(None, trim)
        records: list[Record] = []
        with self.reading(self.total_bytes()) as told:
            stream.on_progress = lambda done, _total, count: told(done, count)
            for batch in stream.run():
                assert isinstance(batch, list)
                records += batch
        result = self.result(stream)
        found = 0
        if fmt is not None and (self.losses or self.strict):
            for loss in find_losses(records, fmt):
                found += 1
                if self.on_loss is not None:
                    self.on_loss(loss)
                else:
                    result.losses.append(loss)
        if self.on_read is not None:
            self.on_read(result)
        self.refuse_if_strict(result.problem_count + found)
        if result.records:
            result.written = self.out.write_records(records, self.files)
        return result


class _NothingToWrite(Exception):
    """Nothing was read: no output is written (an output file is left as it was)."""


def _held(chunks: Iterator[str]) -> Iterator[str]:
    """``chunks``, all of them taken (into a temporary file past a few megabytes) before the first
    is given: an error while taking them leaves nothing written."""
    import tempfile

    with tempfile.SpooledTemporaryFile(max_size=16 * 2**20, mode="w+", encoding="utf-8") as held:
        for chunk in chunks:
            held.write(chunk)
        held.seek(0)
        while piece := held.read(1 << 20):
            yield piece


def _style_variables(style: str) -> frozenset[str] | None:
    """The CSL variables a style's files name (``variable="…"``), with their short forms; None when
    they cannot be told (the records are then kept whole)."""
    import re

    from citekit.csl.style.find import find

    try:
        ref = find(style)
        text = ref.path.read_text(encoding="utf-8")
        if ref.dependent is not None:
            text += ref.dependent.read_text(encoding="utf-8")
    except (OSError, CitekitError, UnicodeError):
        return None
    named = {v for found in re.findall(r'variable="([^"]*)"', text) for v in found.split()}
    return frozenset(named | {f"{v}-short" for v in named} | _ALWAYS_KEPT)


# What a CSL processor may read of an item whatever its style names: its kind, how it is sorted
# and told apart when the style says nothing, and the variables it derives others from.
_ALWAYS_KEPT = frozenset(
    {"title", "title-short", "page", "page-first", "issued", "author", "editor", "language"}
)
