"""`citekit formats`: what citekit can read and write, from the format registry."""

from __future__ import annotations

from typing import Annotated

import typer

from citekit.boundary import run
from citekit.commands.options import Debug
from citekit.errors import ExitStatus


def formats(
    output_format: Annotated[
        str, typer.Option("--format", "-f", metavar="text|json", help="text (a table) or json (for scripts).")
    ] = "text",
    debug: Debug = False,
) -> None:
    """List the formats citekit reads and writes, with their names and file suffixes.

    Any CSL style can be written too (apa, vancouver, harvard, a style id or a .csl file).

    \b
    Example:
      citekit formats
      citekit formats --format json | jq -r '.[] | select(.write) | .name'
    """

    def action() -> ExitStatus:
        import json

        from citekit import choosing, outputs
        from citekit import formats as registry

        chosen = choosing.value("output format", output_format, ("text", "json"))
        rows = [
            {
                "name": f.name,
                "title": f.title,
                "read": f.readable,
                "write": f.writable,
                "suffixes": list(f.suffixes),
            }
            for f in registry.FORMATS.values()
        ]
        if chosen == "json":
            outputs.write_text(json.dumps(rows, indent=2) + "\n", None, "json")
        else:
            outputs.write_text(table(rows), None, "text")
        return ExitStatus.OK

    run(debug, action)


def table(rows: list[dict[str, object]]) -> str:
    """The formats as aligned plain-text columns: name, read, write, suffixes, title."""
    lines = [("NAME", "READ", "WRITE", "SUFFIXES", "DESCRIPTION")]
    for row in rows:
        suffixes = row["suffixes"]
        assert isinstance(suffixes, list)
        lines.append(
            (
                str(row["name"]),
                "yes" if row["read"] else "no",
                "yes" if row["write"] else "no",
                ",".join(suffixes) or "-",
                str(row["title"]),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(4)]
    out = [
        "  ".join(cell.ljust(w) for cell, w in zip(line[:4], widths, strict=True)) + "  " + line[4]
        for line in lines
    ]
    out.append("")
    out.append("Styles: every CSL style can be written with --format STYLE (see `citekit styles`).")
    return "\n".join(out) + "\n"
