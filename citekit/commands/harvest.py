"""`citekit harvest`: a whole repository (or a set of it) over OAI-PMH, into any output format.

The command parses its options and calls ``citekit.harvest`` (or, for ``--metadata list``,
``citekit.harvesting.metadata_formats``); here the result is only told.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from citekit.boundary import fail, run
from citekit.commands.options import Debug, Mailto, Quiet, Refresh, Verbose, complete_format
from citekit.errors import ExitStatus

if TYPE_CHECKING:
    from citekit.harvesting import HarvestResult


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
            help="The metadata format to ask for, by the repository's prefix: mods, oai_dc, … Default: MODS "
            "when offered, else oai_dc; 'list' lists what the repository offers.",
        ),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            "--style",
            metavar="FORMAT",
            help="bibtex, biblatex, ris, csljson, mods, or a CSL style: apa, vancouver, harvard, a style "
            "id or a .csl file. Default: the format -o's suffix names (.bib, .ris, .json, .xml), else bibtex.",
            show_default=False,
            autocompletion=complete_format,
        ),
    ] = None,
    output: Annotated[
        # a string, not a Path: a trailing slash (`-o new-folder/`) must reach the check
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (atomically) instead of stdout."),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir", "-d", metavar="DIR", help="One file per record in DIR, named by its key."
        ),
    ] = None,
    locale: Annotated[
        str | None,
        typer.Option("--locale", "-l", metavar="CODE", help="CSL locale for styles, e.g. en-GB, de-DE."),
    ] = None,
    markup: Annotated[
        str,
        typer.Option(
            "--markup", metavar="text|html|markdown", help="Styled output as text, html or markdown."
        ),
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
        import citekit
        from citekit import console
        from citekit.commands.export import report_losses

        if metadata is not None and metadata.lower() == "list":
            from citekit.harvesting import metadata_formats

            offered = metadata_formats(base_url, retries, mailto, refresh)
            console.show_table(("PREFIX", "NAMESPACE"), sorted(offered.items()))
            return ExitStatus.OK
        result = citekit.harvest(
            base_url,
            format,
            set=set_spec,
            start=start,
            until=until,
            metadata=metadata,
            output=output,
            output_dir=output_dir,
            locale=locale,
            markup=markup,
            ascii=ascii_only,
            jobs=jobs,
            # Losses are warnings: with --quiet (and no --report) nobody would see them.
            losses=report or not quiet,
            resume=resume,
            retries=retries,
            mailto=mailto,
            refresh=refresh,
            progress=console.progress,
            pages=console.harvest_progress,
            on_read=lambda found: _tell_harvested(found, base_url),
        )
        if not result.records:
            fail("the repository gave no records to write")
        if output_dir is not None:
            console.info(f"wrote {len(result.written)} file(s) to {output_dir}")
        elif output is not None:
            console.info(f"wrote {result.records} record(s) to {output}")
        report_losses(result.losses, report)
        return ExitStatus.PARTIAL if result.errors else ExitStatus.OK

    run(debug, action, quiet=quiet, verbose=verbose)


def _tell_harvested(result: HarvestResult, base_url: str) -> None:
    """Once everything is harvested: the metadata format, how much, what was deleted, every problem."""
    from citekit import console

    console.info(f"metadata format: {result.metadata}")
    console.info(f"harvested {result.records} record(s) in {result.pages} page(s) from {base_url}")
    if result.deleted:
        console.note(f"skipped {result.deleted} deleted record(s)")
    for item in result.problems:
        console.problem(item)
