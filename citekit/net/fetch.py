"""URLs as inputs: ``citekit export https://portal.example.ac.uk/en/publications/slug``.

The command sets the ``Settings`` (``configure``) and fetches every URL at once, a few at a time per
host (``prefetch``); reading an input then takes its bytes from here (``read_url``). Worker processes
forked for ``--jobs`` inherit what was fetched; anything not fetched yet is fetched when read.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from citekit.errors import CitekitError
from citekit.net.client import HttpClient, Response, Settings

# Requests in flight at once over all hosts (each host also has its own limit, Settings.per_host).
WORKERS = 8

_settings = Settings()
_fetched: dict[str, Response | CitekitError] = {}
_lock = threading.Lock()


def is_url(item: str) -> bool:
    return item[:8].lower().startswith(("http://", "https://"))


def configure(settings: Settings) -> None:
    """How URLs are fetched from now on (the command's --mailto and --refresh); forgets earlier fetches."""
    global _settings
    _settings = settings
    _fetched.clear()


def prefetch(urls: Iterable[str], on_done: Callable[[str], object] | None = None) -> None:
    """Fetch every URL, several at once (a failure is kept and raised when that URL is read)."""
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
    """The answer for ``url``: fetched before, or fetched now. Raises the FetchError it met."""
    if url not in _fetched:
        prefetch([url])
    answer = _fetched[url]
    if isinstance(answer, CitekitError):
        raise answer
    return answer


def read_url_list(path: str) -> list[str]:
    """The URLs of a ``--urls`` file: one a line; blank lines and ``#`` comments skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise CitekitError(f"{path}: no such file; give a file with one URL a line") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CitekitError(f"{path}: cannot read the URL list ({exc})") from None
    urls = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if not is_url(text):
            raise CitekitError(f"{path}:{number}: {text[:60]!r} is not an http(s) address")
        urls.append(text)
    return urls
