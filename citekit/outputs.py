"""Writing results: to stdout as exact bytes, or to a file atomically."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def write_text(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` (a temporary file renamed into place) or to stdout."""
    if output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    folder = output.parent if str(output.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
