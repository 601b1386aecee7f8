"""`citekit check`: lint records, printing one line per problem (or JSON for scripts)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from citekit.boundary import fail, run
from citekit.commands.options import Debug, Example, FromFormat, Inputs, Quiet, Verbose, inputs_or_stdin
from citekit.errors import ExitStatus

if TYPE_CHECKING:
    from citekit.errors import Problem
    from citekit.lint import Finding

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
    example: Example = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    debug: Debug = False,
) -> None:
    """Check records for missing fields, malformed DOI/ISBN/ISSN, reversed page ranges, impossible
    dates and duplicates. Exit 0 when clean, 1 when problems were found, 2 when nothing could be read.

    \b
    Example:
      citekit check records/
      citekit check examples/refs/ --format json | jq '.problems[] | select(.rule == "pages")'
    """

    def action() -> ExitStatus:
        import json

        from citekit import choosing, console, lint, outputs, pipeline
        from citekit import inputs as reading

        chosen = choosing.value("output format", output_format, OUTPUTS)
        reader = choosing.input_format(from_format)
        skipped: list[str] = []
        files = list(reading.expand(inputs_or_stdin(inputs, example, "check"), skipped))
        for path in skipped:
            console.info(f"{path}: skipped: no format citekit reads has its suffix")
        with console.progress("reading", len(files)) as advance:
            result = pipeline.load(files, reader, on_file=lambda _: advance())
        if not result.records:
            for item in result.problems:
                console.problem(item)
            fail("no records could be read, so nothing was checked")
        findings = lint.check(result.records)
        if chosen == "json":
            text = json.dumps(lint.report(findings, result.problems, len(result.records)), indent=2)
            outputs.write_text(text + "\n", None, "json")
        else:
            for item in result.problems:
                console.problem(item)
            outputs.write_text("".join(f"{item}\n" for item in findings), None, "check")
        console.info(f"checked {len(result.records)} record(s) from {len(files)} input(s)")
        if chosen == "text":
            console.note(summary(findings, result.problems, len(result.records)))
        return ExitStatus.PARTIAL if findings or result.problems else ExitStatus.OK

    run(debug, action, quiet=quiet, verbose=verbose)


def summary(findings: list[Finding], read: list[Problem], records: int) -> str:
    """The closing line: what was found in the records, and what was met reading them."""
    parts = []
    if findings:
        flagged = len({f.record for f in findings})
        parts.append(f"{len(findings)} problem(s) in {flagged} of {records} record(s)")
    if read:
        parts.append(f"{len(read)} problem(s) reading the inputs")
    return "; ".join(parts) if parts else f"{records} record(s), no problems"
