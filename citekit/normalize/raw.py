"""Whether records are kept exactly as read (``--raw``): a switch of its own, so that commands
can set it without importing the clean-up steps and the word lists behind them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_RAW: ContextVar[bool] = ContextVar("citekit_raw_text", default=False)


@contextmanager
def raw_text(raw: bool = True) -> Iterator[None]:
    """Within this block, ``steps.clean`` keeps every record's text as given (when ``raw`` is true)."""
    token = _RAW.set(raw)
    try:
        yield
    finally:
        _RAW.reset(token)


def is_raw() -> bool:
    return _RAW.get()
