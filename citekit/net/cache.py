"""The on-disk HTTP cache: hishel's SQLite storage under citekit's cache folder.

hishel (2.x) fits as it is: its httpx transport stores successful GET answers by a key citekit
chooses (the URL), serves them on a rerun without asking the server, and its storage can remove an
entry (``--refresh``). Portals and OAI-PMH servers rarely send cache headers, so the cache does not
follow RFC 9111 but keeps each answer for ``TTL`` seconds.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

# How long a fetched page or harvest page is served from the cache before it is fetched again.
TTL = 24 * 3600.0


def cache_dir(given: Path | None = None) -> Path:
    """``given``, else ``$CITEKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/citekit``, else ``~/.cache/citekit``."""
    if given is not None:
        return given
    if os.environ.get("CITEKIT_CACHE_DIR"):
        return Path(os.environ["CITEKIT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "citekit"


def cache_transport(
    next_transport: httpx.BaseTransport, folder: Path | None
) -> tuple[httpx.BaseTransport, Any]:
    """(a caching transport in front of ``next_transport``, its storage)."""
    import hishel
    from hishel.httpx import CacheTransport

    where = cache_dir(folder)
    where.mkdir(parents=True, exist_ok=True)
    storage = hishel.SqliteStorage(database_path=where / "http.sqlite", default_ttl=TTL)
    return CacheTransport(next_transport=next_transport, storage=storage), storage
