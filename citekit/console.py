"""The only module that imports rich: messages on stderr, printed literally, coloured when allowed.

Record text can contain ``[bold]`` or escape sequences; it is always passed as plain Text,
never as markup, so nothing in a record can style or control the terminal.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from citekit.errors import Problem

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text with control characters (including ESC) shown as ``\\xNN`` instead of acting."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


@cache
def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _say(label: str, style: str, message: str) -> None:
    from rich.text import Text

    line = Text()
    line.append(f"citekit: {label}: ", style=style)
    line.append(printable(message))
    stderr().print(line)


def error(message: str) -> None:
    _say("error", "bold red", message)


def warning(message: str) -> None:
    _say("warning", "yellow", message)


def info(message: str) -> None:
    _say("info", "cyan", message)


def problem(item: Problem) -> None:
    (error if item.is_error else warning)(str(item))
