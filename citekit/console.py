"""The only module that imports rich: messages and progress on stderr, decorated data on a terminal.

Record text can contain ``[bold]`` or escape sequences; it is always passed as plain Text,
never as markup, and control characters are shown as ``\\xNN``, so nothing in a record can
style or control the terminal. rich is imported inside functions: ``citekit --help`` never loads it.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID
    from rich.text import Text

    from citekit.errors import Problem

# Control characters, and the bidirectional controls that can make a line read in another order
# than it is stored (the "Trojan Source" trick): both are shown as escapes on a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# A run shorter than this shows no progress at all: a bar that flashes is noise.
# CITEKIT_PROGRESS_DELAY (seconds) overrides it, so scripts and tests need not rely on timing.
PROGRESS_DELAY = 1.0


@dataclass
class Verbosity:
    """How talkative the current command is; set once per command by ``citekit.boundary.run``."""

    quiet: bool = False
    verbose: bool = False


verbosity = Verbosity()


def configure(quiet: bool = False, verbose: bool = False) -> None:
    verbosity.quiet = quiet
    verbosity.verbose = verbose and not quiet


def printable(text: str) -> str:
    """Text with control characters (including ESC) shown as ``\\xNN``, and bidirectional
    controls as ``\\uNNNN``, instead of acting."""
    return _CONTROL.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def no_color() -> bool:
    """True when the user asked for no colour (https://no-color.org: NO_COLOR set and not empty)."""
    return bool(os.environ.get("NO_COLOR"))


def _console(stderr: bool) -> Console:
    from rich.console import Console

    # With NO_COLOR, rich would still send bold and underline; we send no escape codes at all.
    if no_color():
        return Console(stderr=stderr, highlight=False, soft_wrap=True, color_system=None)
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


@cache
def stderr() -> Console:
    return _console(stderr=True)


@cache
def stdout() -> Console:
    return _console(stderr=False)


def _say(label: str, style: str, message: str) -> None:
    from rich.text import Text

    line = Text()
    line.append(f"citekit: {label}: ", style=style)
    # One line per message: a line break from record text could fake a message of its own.
    line.append(printable(message).replace("\n", "\\n"))
    stderr().print(line)


def error(message: str) -> None:
    _say("error", "bold red", message)


def warning(message: str) -> None:
    if not verbosity.quiet:
        _say("warning", "yellow", message)


def info(message: str) -> None:
    """A note only ``--verbose`` shows: what was read, what was written, how long it took."""
    if verbosity.verbose:
        _say("info", "cyan", message)


def note(message: str) -> None:
    """A closing line such as a summary: shown unless ``--quiet``."""
    if not verbosity.quiet:
        _say("note", "green", message)


def problem(item: Problem) -> None:
    (error if item.is_error else warning)(str(item))


# --- data on a terminal -------------------------------------------------------------------------


class Highlighter(Protocol):
    """How a data format is highlighted (``citekit.formats.Format`` is one): a pygments lexer, or,
    with no ``lexer``, stretches of the text each with a role (``MARK_STYLES``)."""

    lexer: str

    def marks(self, text: str) -> Iterable[tuple[int, int, str]]: ...


# The colour of each role a format's marks give a stretch of its text.
MARK_STYLES = {"record": "bold magenta", "tag": "cyan", "punctuation": "dim"}
# The kinds of output other than data formats: their pygments lexers.
LEXERS = {"json": "json", "html": "html", "markdown": "markdown"}
# `citekit check` lines: "file:line: level: key: message [rule]".
_FINDING = re.compile(r"^(.*?: )?(error|warning)(: )([^:]*)(: .*)( \[[a-z-]+\])$", re.MULTILINE)
_LEVEL_STYLES = {"error": "bold red", "warning": "yellow"}


def _highlight(text: str, kind: str | Highlighter) -> Text:
    from rich.text import Text

    if not isinstance(kind, str):
        if kind.lexer:
            return _lexed(text, kind.lexer)
        out = Text(text)
        for start, end, role in kind.marks(text):
            out.stylize(MARK_STYLES[role], start, end)
        return out
    if kind == "check":
        out = Text(text)
        for match in _FINDING.finditer(text):
            if match.group(1):
                out.stylize("cyan", *match.span(1))
            out.stylize(_LEVEL_STYLES[match.group(2)], *match.span(2))
            out.stylize("bold", *match.span(4))
            out.stylize("dim", *match.span(6))
        return out
    return _lexed(text, LEXERS[kind])


def _lexed(text: str, lexer: str) -> Text:
    from rich.syntax import Syntax

    syntax = Syntax("", lexer, theme="ansi_dark", background_color="default")
    return syntax.highlight(text)


def show_data(text: str, kind: str | Highlighter) -> None:
    """Print exported data on a terminal: highlighted, every character of the data kept.

    ``kind`` is the data's format, or ``references``, ``check``, ``json``, ``html``, ``markdown``
    or ``text`` (not highlighted). Lines are never cut or re-wrapped (soft wrap), so what is
    copied from the terminal is the data.
    """
    if kind == "references":
        show_references(text.splitlines())
        return
    safe = "\n".join(printable(line) for line in text.split("\n"))
    out = stdout()
    if not isinstance(kind, str) or kind in LEXERS or kind == "check":
        out.print(_highlight(safe, kind), end="")
    else:
        out.print(safe, end="", markup=False)


def show_references(lines: list[str]) -> None:
    """Styled references on a terminal, one paragraph each with no line break of ours inside: the
    terminal wraps them, so a reference copied into a word processor is one line."""
    from rich.text import Text

    out = stdout()
    for number, line in enumerate(lines):
        if number:
            out.print()
        out.print(Text(printable(line)), soft_wrap=True)


# The rich style of each HTML element and CSS declaration citekit's HTML markup writes
# (``citekit.csl.formatters``); anything else is shown as plain text.
_HTML_STYLES = {
    "i": "italic",
    "em": "italic",
    "b": "bold",
    "strong": "bold",
    "u": "underline",
    "font-style:italic": "italic",
    "font-style:normal": "not italic",
    "font-weight:bold": "bold",
    "font-weight:normal": "not bold",
    "text-decoration:underline": "underline",
    "text-decoration:none": "not underline",
    "font-variant:small-caps": "",  # a terminal has no small capitals: the text is shown as it is
}
# The space between a numeric style's label ("1.", "[2]") and its reference.
_MARGIN_GAP = " "


def show_html_references(entries: list[str]) -> None:
    """References rendered as HTML, shown as ``show_references`` shows text but with the italics and
    bold the style asks for. Record text inside the HTML is shown literally, never as markup."""
    from rich.text import Text

    out = stdout()
    for number, entry in enumerate(entries):
        if number:
            out.print()
        line = Text()
        for text, styles in _html_runs(entry):
            line.append(printable(text), style=" ".join(s for s in styles if s) or None)
        out.print(line, soft_wrap=True)


def _html_runs(entry: str) -> list[tuple[str, list[str]]]:
    """An entry of citekit's HTML markup as (text, rich styles) runs, entities decoded."""
    from html.parser import HTMLParser

    runs: list[tuple[str, list[str]]] = []
    stack: list[str] = []

    class Runs(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            css = "".join(value or "" for name, value in attrs if name == "style").replace(" ", "")
            stack.append(
                " ".join(_HTML_STYLES.get(d, "") for d in css.split(";") if d) or _HTML_STYLES.get(tag, "")
            )

        def handle_endtag(self, tag: str) -> None:
            if stack:
                stack.pop()
            if tag == "div" and runs and runs[-1][0] and not runs[-1][0].endswith(" "):
                runs.append((_MARGIN_GAP, []))  # "1." then the reference: a space, not a line

        def handle_data(self, data: str) -> None:
            runs.append((data.replace("\n", " "), list(stack)))

    parser = Runs(convert_charrefs=True)
    parser.feed(entry)
    parser.close()
    while runs and runs[-1][0] == _MARGIN_GAP:
        runs.pop()
    return runs


# --- citekit show: one record field by field ---------------------------------------------------

_REMARK_STYLES = {
    "error": "bold red",
    "warning": "yellow",
    "ignored": "dim",
    "doubtful": "magenta",
    "cleaned": "green",
    "weak": "magenta",
}


def show_record(heading: str, rows: list[tuple[str, str]], remarks: list[tuple[str, str]]) -> None:
    """A record as ``citekit show`` prints it: a heading, one field a line, then its remarks.

    Values are printed literally (never as markup); a value of several lines keeps its breaks,
    indented under the field.
    """
    from rich.text import Text

    out = stdout()
    out.print(Text(printable(heading), style="bold"))
    width = max((len(name) for name, _ in rows), default=0)
    for name, value in rows:
        line = Text("  ")
        line.append(name.ljust(width), style="cyan")
        indent = "\n" + " " * (width + 4)
        line.append("  " + indent.join(printable(part) for part in value.split("\n")))
        out.print(line)
    for kind, message in remarks:
        line = Text("  ")
        line.append(f"{kind}: ", style=_REMARK_STYLES.get(kind, "bold"))
        line.append(printable(message))
        out.print(line)


# How `citekit show` lists many records (columns by name): on a wide terminal as a table whose long
# cells wrap, never cut; the source column only where there is room for it; on a narrow terminal
# one short card per record; in a pipe tab-separated rows, whole.
TABLE_MIN_WIDTH = 100
SOURCE_MIN_WIDTH = 160
_TABLE_WHOLE = frozenset({"key", "type", "year", "problems"})
_TABLE_RATIOS = {"title": 3}


def show_table(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Many records as ``citekit show`` lists them, one row each; the last column (problems) is
    highlighted where it is not empty. Cell text is printed literally, never as markup."""
    out = stdout()
    if not out.is_terminal:
        _show_tab_separated(columns, rows)
    elif out.width < TABLE_MIN_WIDTH:
        _show_cards(columns, rows)
    else:
        keep = [i for i, c in enumerate(columns) if c != "source" or out.width >= SOURCE_MIN_WIDTH]
        _show_wrapped_table(tuple(columns[i] for i in keep), [tuple(row[i] for i in keep) for row in rows])


def _show_tab_separated(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """In a pipe: a header and one line per record, cells separated by tabs, nothing cut (for cut,
    awk and spreadsheets). A tab or line break inside a cell becomes a space."""
    lines = ["\t".join(" ".join(cell.split()) for cell in row) for row in [columns, *rows]]
    sys.stdout.buffer.write("".join(line + "\n" for line in lines).encode("utf-8"))
    sys.stdout.buffer.flush()


def _show_wrapped_table(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for index, column in enumerate(columns):
        # The key, type, year and problems are kept whole (they are what a user acts on next); the
        # other columns share the rest of the width, their cells wrapped over several lines.
        whole = None
        if column in _TABLE_WHOLE:
            whole = max([len(column)] + [len(row[index]) for row in rows])
        table.add_column(
            column,
            no_wrap=whole is not None,
            width=whole,
            ratio=None if whole is not None else _TABLE_RATIOS.get(column, 1),
            style="cyan" if column == "key" else None,
            overflow="fold",
        )
    for row in rows:
        cells = [Text(printable(cell)) for cell in row]
        if row[-1]:
            cells[-1].stylize("bold yellow")
        table.add_row(*cells)
    stdout().print(table, soft_wrap=False)


def _show_cards(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """On a narrow terminal: per record a line with its key, type, year and problems, then its
    title and its first author and source, indented and wrapped by rich at the terminal's width."""
    from rich.padding import Padding
    from rich.text import Text

    out = stdout()
    for number, row in enumerate(rows):
        cell = dict(zip(columns, (printable(value) for value in row), strict=True))
        if number:
            out.print()
        head = Text(cell["key"], style="bold cyan")
        head.append(f"  {cell['type']}  {cell['year']}")
        if cell["problems"]:
            head.append(f"  {cell['problems']}", style="bold yellow")
        out.print(head)
        out.print(Padding(Text(cell["title"]), (0, 0, 0, 2)))
        out.print(Padding(Text(f"{cell['first author']} · {cell['source']}", style="dim"), (0, 0, 0, 2)))


def show_blank() -> None:
    stdout().print()


# --- progress -----------------------------------------------------------------------------------


def _progress_delay() -> float:
    try:
        return max(0.0, float(os.environ.get("CITEKIT_PROGRESS_DELAY", PROGRESS_DELAY)))
    except ValueError:
        return PROGRESS_DELAY


class Advance(Protocol):
    def __call__(self, steps: int = 1) -> None: ...


@contextmanager
def progress(label: str, total: int | None = None) -> Iterator[Advance]:
    """A progress bar on stderr that appears only if the work takes over ``PROGRESS_DELAY`` seconds,
    only when stderr is a terminal, and never with ``--quiet``. It disappears when the work ends.

    ``total=None`` shows a pulsing bar, for one long call whose steps cannot be counted.
    """
    if verbosity.quiet or not sys.stderr.isatty():
        yield lambda steps=1: None
        return
    lock = threading.Lock()
    state: dict[str, int] = {"done": 0}
    shown: list[tuple[Progress, TaskID]] = []

    def start() -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        columns = [TextColumn("{task.description}"), BarColumn()]
        if total is not None:
            columns.append(MofNCompleteColumn())
        bar = Progress(*columns, TimeElapsedColumn(), console=stderr(), transient=True)
        with lock:
            if state.get("finished"):
                return
            task = bar.add_task(printable(label), total=total, completed=state["done"])
            bar.start()
            shown.append((bar, task))

    def advance(steps: int = 1) -> None:
        with lock:
            state["done"] += steps
            if shown:
                shown[0][0].update(shown[0][1], completed=state["done"])

    with _shown_after_delay(start, lock, state, shown):
        yield advance


@contextmanager
def _shown_after_delay(
    start: Callable[[], None],
    lock: threading.Lock,
    state: dict[str, int],
    shown: list[tuple[Progress, TaskID]],
) -> Iterator[None]:
    """Run ``start`` (which shows a bar) once the progress delay has passed, unless the work ended
    first; the bar is taken down when it ends."""
    timer = threading.Timer(_progress_delay(), start)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["finished"] = 1
            if shown:
                shown[0][0].stop()


@contextmanager
def reading(total: int | None = None) -> Iterator[Callable[[int, int], None]]:
    """Progress of an export's reading on stderr: bytes read of ``total`` (a bar; stdin has no
    total) and records read, with how many a second. Shown as ``progress`` is: only on a terminal,
    never with ``--quiet``, after ``PROGRESS_DELAY`` seconds, gone when reading ends."""
    if verbosity.quiet or not sys.stderr.isatty():
        yield lambda done, records: None
        return
    import time

    lock = threading.Lock()
    started = time.monotonic()
    state = {"done": 0, "records": 0, "finished": 0}
    shown: list[tuple[Progress, TaskID]] = []

    def described() -> str:
        rate = state["records"] / max(time.monotonic() - started, 1e-3)
        return f"read {state['records']:,} records ({rate:,.0f}/s)"

    def start() -> None:
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

        columns = [TextColumn("{task.description}"), BarColumn(), DownloadColumn(binary_units=True)]
        bar = Progress(*columns, TimeElapsedColumn(), console=stderr(), transient=True)
        with lock:
            if state["finished"]:
                return
            task = bar.add_task(described(), total=total, completed=state["done"])
            bar.start()
            shown.append((bar, task))

    def told(done: int, records: int) -> None:
        with lock:
            state["done"], state["records"] = done, records
            if shown:
                shown[0][0].update(shown[0][1], completed=done, description=described())

    with _shown_after_delay(start, lock, state, shown):
        yield told


# --- harvest progress (issue 21) ----------------------------------------------------------------


class HarvestUpdate(Protocol):
    def __call__(self, records: int, pages: int, total: int | None) -> None: ...


@contextmanager
def harvest_progress(label: str = "harvesting") -> Iterator[HarvestUpdate]:
    """A progress line on stderr for a harvest: records and pages so far, the rate, and the
    repository's ``completeListSize`` as the total when it gives one. Terminal only, never with -q."""
    if verbosity.quiet or not sys.stderr.isatty():
        yield lambda records, pages, total: None
        return
    import time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=stderr(),
        transient=True,
    )
    task = bar.add_task(printable(label), total=None, rate="")
    started = time.monotonic()

    def update(records: int, pages: int, total: int | None) -> None:
        rate = records / max(time.monotonic() - started, 1e-6)
        description = printable(f"{label}: {pages} page(s)")
        bar.update(
            task, completed=records, total=total, description=description, rate=f"{rate:,.0f} records/s"
        )

    with bar:
        yield update
