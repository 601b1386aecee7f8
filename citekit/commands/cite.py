"""`citekit cite KEY…`: one in-text citation of the records with those keys, in a CSL style."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from citekit.boundary import fail, run
from citekit.commands.options import Debug, FromFormat, Quiet
from citekit.errors import ExitStatus

DEFAULT_FOLDER = Path("records")
MARKUPS = ("text", "html", "markdown")


def cite(
    keys: Annotated[
        list[str],
        typer.Argument(
            help="Citation keys of the records to cite together.", metavar="KEY...", show_default=False
        ),
    ],
    inputs: Annotated[
        list[str] | None,
        typer.Option(
            "--input",
            "-i",
            metavar="INPUT",
            help="A file, folder or - (stdin) to read the records from; repeatable. Default: stdin "
            "when piped, else the folder records/ if there is one, else the sample records.",
        ),
    ] = None,
    style: Annotated[
        str,
        typer.Option(
            "--style",
            "--format",
            "-f",
            metavar="STYLE",
            help="A CSL style: apa, vancouver, a style id or a .csl file.",
        ),
    ] = "apa",
    locale: Annotated[
        str | None, typer.Option("--locale", "-l", metavar="CODE", help="CSL locale, e.g. en-GB, de-DE.")
    ] = None,
    markup: Annotated[
        str, typer.Option("--markup", metavar="text|html|markdown", help="Output as text, html or markdown.")
    ] = "text",
    bibliography: Annotated[
        bool, typer.Option("--bibliography", "-b", help="Also print the cited records' references.")
    ] = False,
    from_format: FromFormat = None,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Print the in-text citation of the records with KEYS, e.g. (Braun & Clarke, 2006, 2012).

    \b
    Example:
      citekit cite braun2006using braun2012thematic --style apa
      citekit cite vanderwalt2011numpy -i records/ --style vancouver --bibliography
    """

    def action() -> ExitStatus:
        import citekit
        from citekit import choosing, console, outputs

        # Unknown names are usage errors, reported before anything is read.
        chosen = choosing.style(style)
        code = choosing.locale(locale)
        kind = choosing.value("markup", markup, MARKUPS)
        sources = inputs or _default_inputs()
        result = citekit.load(sources, choosing.input_format(from_format))
        for item in result.problems:
            if item.is_error or not quiet:
                console.problem(item)
        _check_keys(keys, [record.id for record in result.records])
        text = citekit.cite(result.records, keys, chosen, code, kind) + "\n"
        if bibliography:
            by_key = {r.id.lower(): r for r in result.records}
            # in citation order, so that a numeric style numbers them as the citation does
            cited = list({key.lower(): by_key[key.lower()] for key in keys}.values())
            text += "\n" + "".join(line + "\n" for line in citekit.render(cited, chosen, code, kind))
        outputs.write_text(text, None)
        return ExitStatus.PARTIAL if any(p.is_error for p in result.problems) else ExitStatus.OK

    run(debug, action)


def _default_inputs() -> list[str]:
    if not sys.stdin.isatty():
        return ["-"]
    if DEFAULT_FOLDER.is_dir():
        return [str(DEFAULT_FOLDER)]
    from citekit import samples

    return [str(samples.folder())]


def _check_keys(keys: list[str], ids: list[str]) -> None:
    """A key that names no record is a usage error suggesting the nearest keys read."""
    from citekit import choosing

    known = {record_id.lower() for record_id in ids}
    for key in keys:
        if key.lower() not in known:
            hint = choosing.did_you_mean(key, ids)
            fail(f"no record with key {key!r}{hint}; `citekit show` lists the keys of the records read")
