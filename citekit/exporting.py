"""``citekit.export``: records from inputs to a data format or a CSL style, on stdout, in a file or
one file per record in a folder: everything ``citekit export`` does, callable from Python.

How the records go is decided here, once. Data written to one output streams: records are kept
packed and written a chunk at a time, on ``jobs`` processes (``citekit.pipeline``). One file per
record, and styled references, need every record at once: they are loaded, then written or rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from citekit.errors import CitekitError, Problem
from citekit.formats import Format
from citekit.formats.losses import Loss
from citekit.model import Record

if TYPE_CHECKING:
    from citekit.lint import Identity
    from citekit.pipeline import Packed

# The file suffix of one styled reference per markup, for ``output_dir``.
MARKUP_SUFFIXES = {"text": ".txt", "html": ".html", "markdown": ".md"}
STDIN = "-"


class Advance(Protocol):
    def __call__(self, steps: int = 1) -> None: ...


# ``progress(label, total)``: a context in which work is counted (``citekit.console.progress``).
Progress = Callable[[str, int | None], AbstractContextManager[Advance]]


@contextmanager
def no_progress(label: str, total: int | None = None) -> Iterator[Advance]:
    """Progress that shows nothing: the default."""
    yield lambda steps=1: None


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

    @property
    def errors(self) -> bool:
        """Whether something could not be read (a file or a record): the rest was still exported."""
        return any(p.is_error for p in self.problems)


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
) -> ExportResult:
    """Export the records of ``inputs`` (files, folders read recursively, web addresses, or ``"-"``
    for stdin).

    ``format`` is a data format citekit writes (``bibtex``, ``biblatex``, ``ris``, ``csljson``,
    ``mods``, or an alias: ``bib``, ``json``), in any case, or a CSL style (``apa``, a style id or a
    ``.csl`` file, with ``locale`` and ``markup``: text, html or markdown); None: the format
    ``output``'s suffix names, else BibTeX (``choosing.output``). The result goes to stdout, to
    ``output`` (written atomically) or, one file per record
    named by its key, into ``output_dir``; an input is never overwritten. ``jobs`` processes read the
    inputs and write data (0: one per core), with the same output. ``raw`` keeps portal text as
    given; ``ascii`` writes BibTeX accents as LaTeX commands; ``losses`` looks for what a data format
    cannot carry. ``progress(label, total)`` is a context counting the work (``console.progress``).

    Web addresses (among ``inputs``, and one a line in the file ``url_list``) are fetched first,
    several at once, through the cache (``refresh`` fetches again), with ``mailto`` as the contact
    servers are given (default: ``$CITEKIT_MAILTO``); a page reads as the same page saved would.

    Bad files and records are problems in the result and the rest is still exported; ``on_read`` is
    called with the result once everything is read, before anything is written. Raises CitekitError
    for bad options, and with ``strict`` when anything had a problem (nothing is written then).
    """
    from citekit import choosing
    from citekit import inputs as reading

    out = Output.checked(format, output, output_dir, locale, markup, ascii, jobs, progress)
    from_format = choosing.input_format(from_format)
    given = [inputs] if isinstance(inputs, str) else list(inputs)
    if url_list is not None:
        given += reading.url_list(url_list)
    skipped: list[str] = []
    files = list(reading.expand(given, skipped))
    if not files:
        raise CitekitError(_nothing_to_read(given, url_list))
    job = _Export(files, out, from_format, raw, strict, losses, on_read, skipped)
    out.refuse_to_overwrite(job.files)
    urls = [item for item in job.files if reading.is_url(item)]
    with _fetching(urls, mailto, refresh, progress):
        # Data written to one output streams: records are kept packed and written a chunk at a time.
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
        text = "".join(line + "\n" for line in lines)
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
                    text = "".join(line + "\n" for line in lines)
                else:
                    text = stages.write([record], self.fmt, self.ascii)
                out.append((name, text))
                advance()
        return out


@dataclass(frozen=True)
class _Export:
    """One export: its inputs, how they are read, and its output."""

    files: list[str]
    out: Output
    from_format: str | None
    raw: bool
    strict: bool
    losses: bool
    on_read: Callable[[ExportResult], object] | None
    skipped: list[str]

    def go_on(self, result: ExportResult, identities: Sequence[Identity], ids: Sequence[str]) -> bool:
        """Whether to write, once everything is read: not when nothing was read, and never with
        ``strict`` and a problem (a duplicate and a field the output cannot carry are problems too)."""
        from citekit.lint import duplicate_problems

        result.problems += duplicate_problems(identities, ids)
        result.skipped = self.skipped
        if self.on_read is not None:
            self.on_read(result)
        found = len(result.problems) + len(result.losses)
        if self.strict and found:
            raise CitekitError(f"{found} problem(s) and --strict given; nothing was written")
        return result.records > 0

    def streamed(self) -> ExportResult:
        """Data to one output: records kept packed while read, written a chunk at a time."""
        from citekit import pipeline

        with self.out.progress("reading", len(self.files)) as advance:
            packed, ids = pipeline.load_packed(
                self.files,
                self.from_format,
                self.out.fmt if self.losses or self.strict else None,
                self.out.jobs,
                on_file=lambda _: advance(),
                raw=self.raw,
            )
        result = ExportResult(len(packed), len(self.files), packed.problems, packed.losses)
        if self.go_on(result, packed.identities, ids):
            result.written = self.out.write_packed(packed, ids)
        return result

    def loaded(self) -> ExportResult:
        """Styled references, or one file per record: every record loaded first."""
        from citekit import pipeline
        from citekit.formats.losses import find_losses
        from citekit.lint import identity

        with self.out.progress("reading", len(self.files)) as advance:
            loaded = pipeline.load(self.files, self.from_format, self.raw, self.out.jobs, lambda _: advance())
        result = ExportResult(len(loaded.records), len(self.files), loaded.problems)
        if self.out.fmt is not None and (self.losses or self.strict):
            result.losses = find_losses(loaded.records, self.out.fmt)
        identities = [identity(record) for record in loaded.records]
        if self.go_on(result, identities, [record.id for record in loaded.records]):
            result.written = self.out.write_records(loaded.records, self.files)
        return result
