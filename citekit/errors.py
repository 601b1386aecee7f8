"""One exception root and the exit codes the CLI documents."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from citekit.model import Location


class ExitStatus(IntEnum):
    OK = 0
    # Some records had problems; every good record was still exported.
    PARTIAL = 1
    # Bad usage, or nothing could be exported.
    FAILURE = 2


class CitekitError(Exception):
    """Any failure citekit reports to a user: a one-line message, optionally located."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class ParseError(CitekitError):
    """An input that is not a record of the format it was read as."""


class UnknownFormatError(CitekitError):
    """A format or style name citekit does not know."""


class StyleError(CitekitError):
    """A CSL style or locale that cannot be found or parsed."""


class UnknownStyleError(StyleError, UnknownFormatError):
    """A style name that names no style (a typo, most often: ``citekit.choosing`` suggests names)."""


@dataclass(frozen=True)
class Problem:
    """A problem met while reading; the rest of the input is still used.

    An ``error`` lost something (a record or a file could not be read); a ``warning``
    is a doubt about a record that was read (an unknown label, a missing date).
    """

    location: Location
    message: str
    level: str = "warning"

    def __post_init__(self) -> None:
        # One line, whatever record text (a BibTeX key with line breaks, say) the message quotes.
        if "\n" in self.message or "\r" in self.message:
            object.__setattr__(self, "message", " ".join(self.message.splitlines()))

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"
