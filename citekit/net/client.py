"""The one HTTP client citekit fetches with (pages by URL, OAI-PMH harvests), on httpx.

- timeouts (10 s to connect, 60 s to read) and redirects (at most 10);
- retries with backoff on 429 and 5xx and on dropped connections, honouring ``Retry-After`` given in
  seconds or as an HTTP date, with a ceiling beyond which it gives up and says so;
- a User-Agent naming citekit and, when given (``--mailto`` or ``CITEKIT_MAILTO``), a contact;
- at most ``per_host`` requests to one host at once, however many threads ask;
- an on-disk cache (``citekit.net.cache``): a rerun reads what was fetched before; ``refresh``
  fetches again (and stores the new answer).

The clock is injectable: tests give a fake one and count the waits instead of sleeping.
"""

from __future__ import annotations

import email.utils
import hashlib
import os
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

from citekit import __version__
from citekit.errors import CitekitError
from citekit.model import Location

if TYPE_CHECKING:
    import httpx

# Answers worth asking again: rate limiting and the server's passing failures.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# HTTP status texts for the messages (httpx's reason phrase is empty over HTTP/2).
_REASONS = {401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 410: "Gone", 429: "Too Many Requests"}
_WHAT_TO_DO = {
    401: "the server wants a login; citekit reads public pages only",
    403: "the server refuses citekit; check the address, or try later",
    404: "check the address",
    410: "the page was removed",
}


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch (for HTTP dates)."""
        ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class FetchError(CitekitError):
    """A URL that could not be fetched: one line naming it and saying what to do."""


@dataclass(frozen=True)
class Settings:
    """How citekit talks to servers; the command line fills it in."""

    mailto: str = field(default_factory=lambda: os.environ.get("CITEKIT_MAILTO", ""))
    refresh: bool = False
    cache: bool = True
    cache_dir: Path | None = None
    timeout: float = 60.0
    retries: int = 5
    # Waiting longer than this for one request is giving up (a server asking for an hour, say).
    max_wait: float = 600.0
    per_host: int = 2
    backoff: float = 1.0

    @classmethod
    def given(cls, mailto: str | None = None, refresh: bool = False, retries: int = 5) -> Settings:
        """The settings a caller's options give; no ``mailto`` keeps ``$CITEKIT_MAILTO``."""
        if mailto is None:
            return cls(refresh=refresh, retries=retries)
        return cls(mailto=mailto, refresh=refresh, retries=retries)

    def user_agent(self) -> str:
        contact = f" (mailto:{self.mailto})" if self.mailto else ""
        return f"citekit/{__version__}{contact}"


@dataclass(frozen=True)
class Response:
    """What a fetch gives: the final URL (after redirects), status, headers and body."""

    url: str
    status: int
    headers: Mapping[str, str]
    content: bytes
    from_cache: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (``120`` or an HTTP date); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdecimal():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now)


class HttpClient:
    """GET with retries, backoff, per-host limits and a cache. Safe to share between threads."""

    def __init__(
        self,
        settings: Settings | None = None,
        clock: Clock | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        import httpx

        self.settings = settings or Settings()
        self.clock = clock or SystemClock()
        self.waits: list[float] = []
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()
        base = transport or httpx.HTTPTransport()
        self._storage = None
        if self.settings.cache:
            from citekit.net.cache import cache_transport

            base, self._storage = cache_transport(base, self.settings.cache_dir)
        self._client = httpx.Client(
            transport=base,
            headers={"User-Agent": self.settings.user_agent()},
            timeout=httpx.Timeout(self.settings.timeout, connect=10.0),
            follow_redirects=True,
            max_redirects=10,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _slot(self, host: str) -> Iterator[None]:
        with self._lock:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.settings.per_host))
        with slot:
            yield

    def _wait(self, seconds: float, url: str, why: str) -> None:
        if seconds > self.settings.max_wait:
            raise FetchError(
                f"{why} and asks citekit to wait {seconds:.0f} s; try again later", Location(url)
            )
        self.waits.append(seconds)
        self.clock.sleep(seconds)

    def get(self, url: str, params: Mapping[str, str] | None = None) -> Response:
        """The answer to GET ``url`` (2xx, after redirects and retries); a FetchError otherwise."""
        import httpx

        full = str(httpx.URL(url, params=dict(params or {})))
        host = urlsplit(full).hostname or ""
        key = hashlib.sha256(f"GET {full}".encode()).hexdigest()
        if self.settings.refresh and self._storage is not None:
            for entry in self._storage.get_entries(key):
                self._storage.remove_entry(entry.id)
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            backoff = self.settings.backoff * 2**attempt
            try:
                with self._slot(host):
                    answer = self._client.get(full, extensions={"caching": {"key": key}})
                    answer.read()
            except httpx.InvalidURL as exc:
                raise FetchError(f"not a web address citekit can fetch ({exc})", Location(url)) from None
            except httpx.TooManyRedirects:
                raise FetchError("too many redirects; check the address", Location(url)) from None
            except httpx.TransportError as exc:
                if last:
                    raise FetchError(
                        f"{_describe(exc)}; check the address and the network", Location(url)
                    ) from None
                self._wait(backoff, url, _describe(exc))
                continue
            if answer.status_code in RETRY_STATUSES and not last:
                asked = retry_after(answer.headers.get("retry-after"), self.clock.now())
                self._wait(backoff if asked is None else asked, url, f"HTTP {answer.status_code}")
                continue
            if answer.status_code >= 400:
                raise FetchError(_status_message(answer.status_code, answer.reason_phrase), Location(url))
            status = answer.extensions.get("caching")
            return Response(
                url=str(answer.url),
                status=answer.status_code,
                headers=dict(answer.headers),
                content=answer.content,
                from_cache=bool(status.get("from_cache")) if isinstance(status, dict) else False,
            )
        raise AssertionError("unreachable: the last attempt returns or raises")


def _describe(exc: Exception) -> str:
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        return "the server did not answer in time"
    if isinstance(exc, httpx.ConnectError):
        return "cannot connect to the server"
    return f"the connection failed ({type(exc).__name__})"


def _status_message(status: int, reason: str) -> str:
    reason = reason or _REASONS.get(status, "")
    advice = _WHAT_TO_DO.get(status, "try again later" if status >= 500 else "check the address")
    return f"HTTP {status} {reason}".rstrip() + f"; {advice}"
