"""Web addresses as inputs: ``citekit export https://portal.example.ac.uk/en/publications/slug``.

An export fetches every address at once, a few at a time per host, inside ``fetching(settings)``
(``prefetch``); reading an input then takes its bytes from here (``read_url``, called by
``citekit.inputs``). Worker processes forked for ``--jobs`` inherit what was fetched. An address
read outside an export (``citekit.load(url)``) is fetched when read, with the default settings.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from citekit.errors import CitekitError
from citekit.net.client import HttpClient, Response, Settings

# Requests in flight at once over all hosts (each host also has its own limit, Settings.per_host).
WORKERS = 8

# The settings of the export under way (None: the defaults) and the answers it fetched.
_settings: Settings | None = None
_fetched: dict[str, Response | CitekitError] = {}
_lock = threading.Lock()


@contextmanager
def fetching(settings: Settings) -> Iterator[None]:
    """Within this block addresses are fetched with ``settings`` and what ``prefetch`` fetched is
    kept for reading; after it, both are forgotten."""
    global _settings
    before = _settings
    _settings = settings
    try:
        yield
    finally:
        _settings = before
        _fetched.clear()


def prefetch(urls: Iterable[str], on_done: Callable[[str], object] | None = None) -> None:
    """Fetch every address, several at once (a failure is kept, and raised when that address is read)."""
    todo = [u for u in dict.fromkeys(urls) if u not in _fetched]
    if not todo:
        return
    from concurrent.futures import ThreadPoolExecutor

    with HttpClient(_settings) as client, ThreadPoolExecutor(min(WORKERS, len(todo))) as pool:

        def one(url: str) -> None:
            try:
                answer: Response | CitekitError = client.get(url)
            except CitekitError as exc:
                answer = exc
            with _lock:
                _fetched[url] = answer
            if on_done is not None:
                on_done(url)

        list(pool.map(one, todo))


def read_url(url: str) -> Response:
    """The answer for ``url``: fetched before (``prefetch``), or fetched now. Raises the FetchError it met."""
    answer = _fetched.get(url)
    if answer is None:
        with HttpClient(_settings) as client:
            return client.get(url)
    if isinstance(answer, CitekitError):
        raise answer
    return answer
