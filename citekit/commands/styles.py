"""`citekit styles [SEARCH]`: list and search the CSL styles (and locales) citekit can render."""

from __future__ import annotations

from typing import Annotated

import typer

from citekit.boundary import fail, run
from citekit.commands.options import Debug
from citekit.errors import ExitStatus


def styles(
    search: Annotated[
        list[str] | None,
        typer.Argument(
            help="Words that the style id or title must contain.", metavar="[SEARCH]...", show_default=False
        ),
    ] = None,
    locales: Annotated[bool, typer.Option("--locales", help="List the CSL locales instead.")] = False,
    debug: Debug = False,
) -> None:
    """List the available CSL styles (id and title), or those matching SEARCH.

    Exit 2 when nothing matches (the nearest names are suggested).

    \b
    Example:
      citekit styles vancouver
      citekit styles cite them right
      citekit styles --locales de
    """

    def action() -> ExitStatus:
        from citekit import outputs

        term = " ".join(search or [])
        if locales:
            from citekit.csl.style import locales as csl_locales

            lines = [code for code in csl_locales.available() if term.lower() in code.lower()]
        else:
            lines = _style_lines(term)
        if not lines:
            fail(_no_match(term, locales))
        outputs.write_text("".join(line + "\n" for line in lines), None)
        return ExitStatus.OK

    run(debug, action)


def _style_lines(term: str) -> list[str]:
    from citekit.csl.style.find import aliases
    from citekit.csl.style.index import search

    short_names: dict[str, list[str]] = {}
    for alias, target in aliases().items():
        if alias != target:
            short_names.setdefault(target, []).append(alias)
    found = list(search(term))
    width = min(max((len(info.id) for info in found), default=0), 48)
    lines = []
    for info in found:
        notes = []
        if info.id in short_names:
            notes.append("short name: " + ", ".join(short_names[info.id]))
        if info.parent:
            notes.append(f"dependent on {info.parent}")
        extra = f" ({'; '.join(notes)})" if notes else ""
        lines.append(f"{info.id:<{width}}  {info.title}{extra}")
    return lines


def _no_match(term: str, locales: bool) -> str:
    from citekit import choosing

    if locales:
        from citekit.csl.style import locales as csl_locales

        hint = choosing.did_you_mean(term, csl_locales.available())
        return f"no locale matches {term!r}{hint}"
    hint = choosing.did_you_mean(term, choosing.style_names())
    return f"no style matches {term!r}{hint}; `citekit styles` lists them all"
