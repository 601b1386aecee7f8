"""`citekit harvest`: a whole repository (or a set of it) over OAI-PMH, into any output format."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from citekit.boundary import fail, run
from citekit.commands.options import Debug, Mailto, Quiet, Refresh, Verbose, complete_format
from citekit.errors import ExitStatus

if TYPE_CHECKING:
    from citekit.harvest.spool import Spool

# OAI-PMH dates: a day, or a moment in UTC.
_OAI_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}Z)?$")


def harvest(
    base_url: Annotated[
        str,
        typer.Argument(
            metavar="BASE_URL",
            help="The repository's OAI-PMH address: Pure …/ws/oai, EPrints …/cgi/oai2, DSpace …/oai/request.",
        ),
    ],
    set_spec: Annotated[
        str | None, typer.Option("--set", metavar="SET", help="Only this set (e.g. publications:all).")
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--from", metavar="DATE", help="Only records changed on or after DATE (YYYY-MM-DD)."),
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", metavar="DATE", help="Only records changed on or before DATE.")
    ] = None,
    metadata: Annotated[
        str | None,
        typer.Option(
            "--metadata",
            metavar="PREFIX",
            help="Metadata format: mods, oai_dc, … (default: MODS when offered, else oai_dc; 'list' lists them).",
        ),
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            "--style",
            metavar="FORMAT",
            help="bibtex, biblatex, ris, csljson, mods, or a CSL style (apa, vancouver, …).",
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
            "--output-dir", "-d", metavar="DIR", help="One file per record in DIR, named by its key."
        ),
    ] = None,
    locale: Annotated[
        str | None, typer.Option("--locale", "-l", metavar="CODE", help="CSL locale for styles.")
    ] = None,
    markup: Annotated[
        str, typer.Option("--markup", metavar="MARKUP", help="Styles: text, html or markdown.")
    ] = "text",
    ascii_only: Annotated[
        bool, typer.Option("--ascii", help="BibTeX/BibLaTeX: accents as LaTeX commands.")
    ] = False,
    report: Annotated[
        bool, typer.Option("--report", help="List every field the output format cannot carry.")
    ] = False,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume", help="Go on with an interrupted harvest of the same request from where it stopped."
        ),
    ] = False,
    retries: Annotated[
        int, typer.Option("--retries", metavar="N", min=0, help="Ask again up to N times when a page fails.")
    ] = 5,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", metavar="N", min=0, help="Write data formats on N processes (0: one per core)."
        ),
    ] = 1,
    mailto: Mailto = None,
    refresh: Refresh = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    debug: Debug = False,
) -> None:
    """Harvest a repository over OAI-PMH and write its records in any format.

    Resumption tokens are followed to the end and deleted records are skipped. Pages are
    cached: a rerun fetches nothing again (--refresh does). An interrupted harvest keeps what
    it read; run the same command with --resume to go on.

    \b
    Example:
      citekit harvest https://research.example.ac.uk/ws/oai --set publications:all -f ris -o all.ris
      citekit harvest https://eprints.example.ac.uk/cgi/oai2 --from 2024-01-01 -f apa
    """

    def action() -> ExitStatus:
        from citekit import console, formats
        from citekit.commands.export import MARKUP_SUFFIXES
        from citekit.commands.options import net_settings
        from citekit.harvest import oai
        from citekit.harvest.run import Request, finish, resumed_metadata
        from citekit.harvest.run import harvest as run_harvest
        from citekit.net.cache import cache_dir
        from citekit.net.client import HttpClient

        for name, value in (("--from", start), ("--until", until)):
            if value and not _OAI_DATE.match(value):
                fail(f"{name} {value!r} is not a date; give YYYY-MM-DD (or YYYY-MM-DDThh:mm:ssZ)")
        if output is not None and output_dir is not None:
            fail("give -o FILE or --output-dir DIR, not both")
        if markup not in MARKUP_SUFFIXES:
            fail(f"unknown markup {markup!r}; use text, html or markdown")
        data_format = formats.FORMATS.get(format.lower())
        style = data_format is None or not data_format.writable
        if style:
            from citekit.csl.styles import find

            find(format)
        cache = cache_dir()
        target = str(output.resolve()) if output else str(output_dir.resolve()) if output_dir else "-"
        settings = replace(net_settings(mailto, refresh), retries=retries)
        with HttpClient(settings) as client:
            request = Request(base_url, metadata or "", set_spec or "", start or "", until or "", target)
            prefix = metadata or (resumed_metadata(request, cache) if resume else "")
            if not prefix or prefix == "list":
                offered = oai.metadata_formats(client, base_url)
                if prefix == "list":
                    console.show_table(("PREFIX", "NAMESPACE"), sorted(offered.items()))
                    return ExitStatus.OK
                prefix = oai.choose_format(offered)
                console.info(f"metadata format: {prefix}")
            request = replace(request, metadata=prefix)
            with console.harvest_progress() as update:
                spool, state = run_harvest(
                    request,
                    client,
                    cache,
                    resume=resume,
                    on_page=lambda p: update(p.records, p.pages, p.complete_size),
                )
        console.info(f"harvested {state.records} record(s) in {state.pages} page(s) from {base_url}")
        if state.deleted:
            console.note(f"skipped {state.deleted} deleted record(s)")
        for item in spool.problems:
            console.problem(item)
        if not len(spool):
            fail("the repository gave no records to write")
        from citekit.pipeline import default_jobs

        workers = jobs or default_jobs()
        _write(spool, format, style, output, output_dir, locale, markup, ascii_only, report, quiet, workers)
        finish(request, cache)
        return ExitStatus.PARTIAL if any(p.is_error for p in spool.problems) else ExitStatus.OK

    run(debug, action, quiet=quiet, verbose=verbose)


def _write(
    spool: Spool,
    format: str,
    style: bool,
    output: Path | None,
    output_dir: Path | None,
    locale: str | None,
    markup: str,
    ascii_only: bool,
    report: bool,
    quiet: bool,
    jobs: int = 1,
) -> None:
    """The harvested records, written as ``export`` writes records read from files."""
    import citekit
    from citekit import console, outputs, pipeline
    from citekit.commands.export import _export_folder, _report_losses
    from citekit.normalize.keys import unique_keys

    keys = unique_keys(spool.ids, spool.base)
    if style or output_dir is not None:
        records = [r for batch in spool.records(keys) for r in batch]
        if output_dir is not None:
            _export_folder(records, format, style, locale, markup, output_dir, [], ascii_only)
        else:
            with console.progress(f"formatting {len(records)} references"):
                lines = citekit.render(records, format, locale, markup)
            outputs.write_text(
                "".join(line + "\n" for line in lines), output, "references" if markup == "text" else markup
            )
        if not style and not (quiet and not report):
            _report_losses(citekit.losses(records, format), report)
        return
    chunks = pipeline.dump_packed(spool, keys, format, ascii_only, jobs)
    outputs.write_chunks(chunks, output, format.lower())
    if output is not None:
        console.info(f"wrote {len(spool)} record(s) to {output}")
    if not (quiet and not report):
        losses = [loss for batch in spool.records(keys) for loss in citekit.losses(batch, format)]
        _report_losses(losses, report)
