"""`citekit export`: records in, BibTeX, RIS, CSL-JSON or a styled bibliography out."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from citekit import formats
from citekit.boundary import fail, run
from citekit.commands.options import Debug, FromFormat, Inputs, Quiet, Raw, Strict, Verbose, complete_format
from citekit.errors import ExitStatus
from citekit.formats.losses import Loss
from citekit.model import Record

# The file suffix of one styled reference per markup, for --output-dir.
MARKUP_SUFFIXES = {"text": ".txt", "html": ".html", "markdown": ".md"}


def export(
    inputs: Inputs = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            "--style",
            metavar="FORMAT",
            help="bibtex, biblatex, ris, csljson, or a CSL style: apa, vancouver, harvard, a style id or a .csl file.",
            autocompletion=complete_format,
        ),
    ] = "bibtex",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (atomically) instead of stdout."),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-d",
            metavar="DIR",
            help="Write one file per record into DIR, named by its citation key.",
        ),
    ] = None,
    locale: Annotated[
        str | None,
        typer.Option("--locale", "-l", metavar="CODE", help="CSL locale for styles, e.g. en-GB, de-DE."),
    ] = None,
    markup: Annotated[
        str, typer.Option("--markup", metavar="MARKUP", help="Styled output as text, html or markdown.")
    ] = "text",
    from_format: FromFormat = None,
    ascii_only: Annotated[
        bool, typer.Option("--ascii", help="BibTeX/BibLaTeX: write accents as LaTeX commands, not UTF-8.")
    ] = False,
    report: Annotated[
        bool, typer.Option("--report", help="List every field the output format cannot carry.")
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            min=0,
            help="Read input files and write data formats on N processes (0: one per core); same output.",
        ),
    ] = 1,
    raw: Raw = False,
    strict: Strict = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    debug: Debug = False,
) -> None:
    """Export records as BibTeX, RIS, CSL-JSON or a formatted bibliography.

    On a terminal the output is highlighted; into a pipe or file it is exactly the data.

    \b
    Example:
      citekit export records/ --format apa
      citekit export page.txt -f bibtex -o refs.bib
      citekit export records/ -f ris --output-dir ris/
    """

    def action() -> ExitStatus:
        import citekit
        from citekit import console, outputs, pipeline
        from citekit import inputs as reading
        from citekit.normalize.raw import raw_text

        if not inputs and sys.stdin.isatty():
            fail("no input given; name files or folders, or pipe records into `citekit export -`")
        if output is not None and output_dir is not None:
            fail("give -o FILE or --output-dir DIR, not both")
        if markup not in MARKUP_SUFFIXES:
            fail(f"unknown markup {markup!r}; use text, html or markdown")
        data_format = formats.FORMATS.get(format.lower())
        style = data_format is None or not data_format.writable
        if style:
            from citekit.csl.style.find import find

            find(format)  # an unknown style is a usage error, reported before reading anything
        files = list(reading.expand(inputs or ["-"]))
        _refuse_to_overwrite(files, output)
        workers = jobs or pipeline.default_jobs()
        # Data written to one output streams: records are kept packed and written a chunk at a time.
        streamed = not style and output_dir is None
        with console.progress("reading", len(files)) as advance, raw_text(raw):
            if streamed:
                # Losses are warnings: with --quiet (and no --report) nobody would see them.
                losses_for = None if quiet and not report else format
                packed, ids = pipeline.load_packed(
                    files, from_format, losses_for, workers, on_file=lambda _: advance(), raw=raw
                )
                problems, count = packed.problems, len(packed)
            else:
                result = pipeline.load(files, from_format, workers, on_file=lambda _: advance())
                problems, count = result.problems, len(result.records)
        console.info(f"read {count} record(s) from {len(files)} input(s)")
        for item in problems:
            console.problem(item)
        errors = any(p.is_error for p in problems)
        if strict and problems:
            fail(f"{len(problems)} problem(s) and --strict given; nothing was written")
        if not count:
            if errors:
                raise typer.Exit(int(ExitStatus.FAILURE))
            fail("no records to export")
        if streamed:
            chunks = pipeline.dump_packed(packed, ids, format, ascii_only, workers)
            outputs.write_chunks(chunks, output, format.lower())
            if output is not None:
                console.info(f"wrote {count} record(s) to {output}")
            _report_losses(packed.losses, report)
        elif output_dir is not None:
            _export_folder(result.records, format, style, locale, markup, output_dir, files, ascii_only)
            if not style:
                _report_losses(citekit.losses(result.records, format), report)
        else:
            with console.progress(f"formatting {count} references"):
                lines = citekit.render(result.records, format, locale, markup)
            text = "".join(line + "\n" for line in lines)
            outputs.write_text(text, output, "references" if markup == "text" else markup)
            if output is not None:
                console.info(f"wrote {count} record(s) to {output}")
        return ExitStatus.PARTIAL if errors else ExitStatus.OK

    run(debug, action, quiet=quiet, verbose=verbose)


def _refuse_to_overwrite(files: Sequence[str], output: Path | None) -> None:
    """Inputs are never modified: -o naming one of them is a usage error."""
    if output is None:
        return
    target = output.resolve()
    for item in files:
        if item != "-" and Path(item).resolve() == target:
            fail(f"{output} is one of the inputs and would be overwritten; choose another -o")


def _export_folder(
    records: Sequence[Record],
    format: str,
    style: bool,
    locale: str | None,
    markup: str,
    folder: Path,
    files: Sequence[str],
    ascii_only: bool = False,
) -> None:
    """One file per record in ``folder``, named by its citation key (made safe to use as a file name)."""
    import citekit
    from citekit import console, outputs

    suffix = MARKUP_SUFFIXES[markup] if style else formats.get(format).suffixes[0]
    names = outputs.file_names((r.id for r in records), suffix)
    inputs = {Path(f).resolve() for f in files if f != "-"}
    clash = next((n for n in names if (folder / n).resolve() in inputs), None)
    if clash is not None:
        fail(f"{folder / clash} is one of the inputs and would be overwritten; choose another --output-dir")

    def texts() -> list[tuple[str, str]]:
        out = []
        with console.progress(f"writing {len(records)} files", len(records)) as advance:
            for name, record in zip(names, records, strict=True):
                if style:
                    text = "".join(line + "\n" for line in citekit.render([record], format, locale, markup))
                else:
                    text = citekit.dump([record], format, ascii=ascii_only)
                out.append((name, text))
                advance()
        return out

    written = outputs.write_folder(folder, texts())
    console.info(f"wrote {len(written)} file(s) to {folder}")


# Without --report, this many records' losses are listed before a count of the rest.
LOSSES_SHOWN = 5


def _report_losses(found: Sequence[Loss], report: bool) -> None:
    """Warn, on stderr, about the fields the output format cannot carry: never drop one silently."""
    from citekit import console

    shown = found if report else found[:LOSSES_SHOWN]
    for loss in shown:
        console.warning(str(loss))
    if len(found) > len(shown):
        console.warning(f"{len(found) - len(shown)} more record(s) lost fields; --report lists them all")
