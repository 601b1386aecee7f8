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
    progress: Progress = no_progress,
    on_read: Callable[[ExportResult], object] | None = None,
) -> ExportResult:
    """Export the records of ``inputs`` (files, folders read recursively, or ``"-"`` for stdin).

    ``format`` is a data format citekit writes (``bibtex``, ``biblatex``, ``ris``, ``csljson``, or an
    alias: ``bib``, ``json``), any case, or a CSL style (``apa``, a style id or a ``.csl`` file, with ``locale`` and ``markup``: text, html or
    markdown); None: the format ``output``'s suffix names, else BibTeX. The result goes to stdout, to ``output`` (written atomically) or, one file per record
    named by its key, into ``output_dir``; an input is never overwritten. ``jobs`` processes read the
    inputs and write data (0: one per core), with the same output. ``raw`` keeps portal text as
    given; ``ascii`` writes BibTeX accents as LaTeX commands; ``losses`` looks for what a data format
    cannot carry. ``progress(label, total)`` is a context counting the work (``console.progress``).

    Bad files and records are problems in the result and the rest is still exported; ``on_read`` is
    called with the result once everything is read, before anything is written. Raises CitekitError
    for bad options, and with ``strict`` when anything had a problem (nothing is written then).
    """
    from citekit import choosing, pipeline
    from citekit import inputs as reading

    if output is not None and output_dir is not None:
        raise CitekitError("give -o FILE or --output-dir DIR, not both")
    markup = choosing.value("markup", markup, tuple(MARKUP_SUFFIXES))
    # Unknown names are usage errors, reported before anything is read.
    fmt, format = choosing.output(format, None if output is None else Path(output))
    from_format = choosing.input_format(from_format)
    locale = choosing.locale(locale)
    given = [inputs] if isinstance(inputs, str) else list(inputs)
    skipped: list[str] = []
    files = list(reading.expand(given, skipped))
    if not files:
        raise CitekitError(
            f"{', '.join(given)}: no file citekit reads is there; `citekit formats` lists the suffixes"
        )
    job = _Export(
        files,
        fmt,
        format,
        locale,
        markup,
        ascii,
        None if output is None else Path(output),
        None if output_dir is None else Path(output_dir),
        from_format,
        raw,
        strict,
        jobs or pipeline.default_jobs(),
        losses,
        progress,
        on_read,
        skipped,
    )
    job.refuse_to_overwrite()
    # Data written to one output streams: records are kept packed and written a chunk at a time.
    return job.streamed() if fmt is not None and job.folder is None else job.loaded()


@dataclass(frozen=True)
class _Export:
    """One export: its inputs and every option, checked."""

    files: list[str]
    fmt: Format | None  # None: a CSL style
    style: str
    locale: str | None
    markup: str
    ascii: bool
    output: Path | None
    folder: Path | None
    from_format: str | None
    raw: bool
    strict: bool
    jobs: int
    losses: bool
    progress: Progress
    on_read: Callable[[ExportResult], object] | None
    skipped: list[str]

    def refuse_to_overwrite(self) -> None:
        """Inputs are never modified: an output naming one of them is a usage error."""
        if self.output is None:
            return
        target = self.output.resolve()
        for item in self.files:
            if item != STDIN and Path(item).resolve() == target:
                raise CitekitError(
                    f"{self.output} is one of the inputs and would be overwritten; choose another -o"
                )

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
        from citekit import outputs, pipeline

        assert self.fmt is not None
        with self.progress("reading", len(self.files)) as advance:
            packed, ids = pipeline.load_packed(
                self.files,
                self.from_format,
                self.fmt if self.losses or self.strict else None,
                self.jobs,
                on_file=lambda _: advance(),
                raw=self.raw,
            )
        result = ExportResult(len(packed), len(self.files), packed.problems, packed.losses)
        if self.go_on(result, packed.identities, ids):
            chunks = pipeline.dump_packed(packed, ids, self.fmt, self.ascii, self.jobs)
            outputs.write_chunks(chunks, self.output, self.fmt)
            result.written = [] if self.output is None else [self.output]
        return result

    def loaded(self) -> ExportResult:
        """Styled references, or one file per record: every record loaded first."""
        from citekit import pipeline
        from citekit.formats.losses import find_losses
        from citekit.lint import identity

        with self.progress("reading", len(self.files)) as advance:
            loaded = pipeline.load(self.files, self.from_format, self.raw, self.jobs, lambda _: advance())
        result = ExportResult(len(loaded.records), len(self.files), loaded.problems)
        if self.fmt is not None and (self.losses or self.strict):
            result.losses = find_losses(loaded.records, self.fmt)
        identities = [identity(record) for record in loaded.records]
        if not self.go_on(result, identities, [record.id for record in loaded.records]):
            return result
        if self.folder is None:
            result.written = self.render(loaded.records)
        else:
            result.written = self.to_folder(loaded.records, self.folder)
        return result

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

    def to_folder(self, records: Sequence[Record], folder: Path) -> list[Path]:
        """One file per record in ``folder``, named by its citation key (made safe as a file name)."""
        from citekit import outputs

        suffix = MARKUP_SUFFIXES[self.markup] if self.fmt is None else self.fmt.suffixes[0]
        names = outputs.file_names((r.id for r in records), suffix)
        inputs = {Path(f).resolve() for f in self.files if f != STDIN}
        clash = next((n for n in names if (folder / n).resolve() in inputs), None)
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
