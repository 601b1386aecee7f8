"""`citekit check`: lint records, printing one line per problem (or JSON for scripts)."""

from __future__ import annotations

from typing import Annotated

import typer

from citekit.boundary import fail, run
from citekit.commands.options import Debug, FromFormat, Inputs, Quiet, Verbose
from citekit.errors import ExitStatus

OUTPUTS = ("text", "json")


def check(
    inputs: Inputs = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="text|json", help="text (one line per problem) or json (for scripts)."
        ),
    ] = "text",
    from_format: FromFormat = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
    debug: Debug = False,
) -> None:
    """Check records for missing fields, malformed DOI/ISBN/ISSN, reversed page ranges, impossible
    dates and duplicates. Exit 0 when clean, 1 when problems were found, 2 when nothing could be read.

    \b
    Example:
      citekit check records/
      citekit check refs/ --format json | jq '.problems[] | select(.rule == "doi")'
    """

    def action() -> ExitStatus:
        import json
        import sys

        from citekit import console, lint, outputs, pipeline
        from citekit import inputs as reading

        if output_format not in OUTPUTS:
            fail(f"unknown output format {output_format!r}; use text or json")
        if not inputs and sys.stdin.isatty():
            fail("no input given; name files or folders, or pipe records into `citekit check -`")
        files = list(reading.expand(inputs or ["-"]))
        with console.progress("reading", len(files)) as advance:
            result = pipeline.load(files, from_format, on_file=lambda _: advance())
        read_errors = [p for p in result.problems if p.is_error]
        if not result.records and read_errors:
            for item in read_errors:
                console.problem(item)
            fail("no records could be read, so nothing was checked")
        findings = lint.check(result.records)
        if output_format == "json":
            text = json.dumps(lint.report(findings, result.problems, len(result.records)), indent=2)
            outputs.write_text(text + "\n", None, "json")
        else:
            for item in result.problems:
                console.problem(item)
            outputs.write_text("".join(f"{item}\n" for item in findings), None, "check")
        console.info(f"checked {len(result.records)} record(s) from {len(files)} input(s)")
        if not quiet and output_format == "text":
            flagged = len({f.record for f in findings})
            summary = f"{len(findings)} problem(s) in {flagged} of {len(result.records)} record(s)"
            console.note(summary if findings else f"{len(result.records)} record(s), no problems")
        return ExitStatus.PARTIAL if findings or result.problems else ExitStatus.OK

    run(debug, action, quiet=quiet, verbose=verbose)
