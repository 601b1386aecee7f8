"""The HTTP client: retries and Retry-After (counted with a fake clock), errors, User-Agent, the
cache and --refresh, and the per-host limit. Every request goes to a server on 127.0.0.1."""

from __future__ import annotations

import email.utils
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from citekit.net.client import FetchError, HttpClient, Settings, retry_after
from tests.net.server import Answer, Served, serving

NOW = 1_800_000_000.0


class FakeClock:
    """A clock that never sleeps: it records each wait and moves its time on by it."""

    def __init__(self) -> None:
        self.time = NOW
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.time

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.time += seconds


def client(tmp_path: Path, clock: FakeClock | None = None, **settings: object) -> HttpClient:
    return HttpClient(Settings(cache_dir=tmp_path / "cache", **settings), clock or FakeClock())  # type: ignore[arg-type]


OK = Answer(200, b"<ok/>")


def test_429_and_503_with_retry_after_are_honoured(tmp_path: Path) -> None:
    """429 with Retry-After in seconds and 503 with an HTTP date: the client waits exactly that long
    (the date is 30 s after the start, and 7 s have passed by then)."""
    clock = FakeClock()
    when = email.utils.formatdate(NOW + 30, usegmt=True)
    with serving() as served, client(tmp_path, clock) as http:
        served.add(
            "/page",
            Answer(429, b"", (("Retry-After", "7"),)),
            Answer(503, b"", (("Retry-After", when),)),
            OK,
        )
        assert http.get(served.base + "/page").content == b"<ok/>"
    assert clock.sleeps == [7.0, 23.0]
    assert len(served.log) == 3


def test_5xx_without_retry_after_backs_off(tmp_path: Path) -> None:
    """Without Retry-After the waits double: 1 s, 2 s, 4 s."""
    clock = FakeClock()
    with serving() as served, client(tmp_path, clock) as http:
        served.add("/p", Answer(500), Answer(502), Answer(504), OK)
        http.get(served.base + "/p")
    assert clock.sleeps == [1.0, 2.0, 4.0]


def test_gives_up_after_the_retries_with_one_line(tmp_path: Path) -> None:
    """After the last retry the error names the URL and the status, on one line."""
    clock = FakeClock()
    with serving() as served, client(tmp_path, clock, retries=2) as http:
        served.add("/p", Answer(503))
        with pytest.raises(FetchError) as caught:
            http.get(served.base + "/p")
    assert str(caught.value) == f"{served.base}/p: HTTP 503 Service Unavailable; try again later"
    assert clock.sleeps == [1.0, 2.0]


def test_a_wait_beyond_the_ceiling_is_refused(tmp_path: Path) -> None:
    """A server asking for an hour is not waited for: the error says what it asked."""
    with serving() as served, client(tmp_path, max_wait=600) as http:
        served.add("/p", Answer(429, b"", (("Retry-After", "3600"),)))
        with pytest.raises(FetchError, match="asks citekit to wait 3600 s"):
            http.get(served.base + "/p")


def test_not_found_is_not_retried(tmp_path: Path) -> None:
    """A 404 is final: one request, one message saying to check the address."""
    with (
        serving() as served,
        client(tmp_path) as http,
        pytest.raises(FetchError, match="HTTP 404 Not Found; check the address"),
    ):
        http.get(served.base + "/missing")
    assert len(served.log) == 1


def test_unreachable_host_is_one_line(tmp_path: Path) -> None:
    """A port nobody listens on: retried, then one line saying the server cannot be reached."""
    clock = FakeClock()
    with client(tmp_path, clock, retries=1) as http, pytest.raises(FetchError, match="cannot connect"):
        http.get("http://127.0.0.1:9/")
    assert clock.sleeps == [1.0]


def test_user_agent_names_citekit_and_the_contact(tmp_path: Path) -> None:
    """The User-Agent is citekit's, with the --mailto address."""
    with serving() as served, client(tmp_path, mailto="lib@example.ac.uk") as http:
        served.add("/p", OK)
        http.get(served.base + "/p")
    assert served.user_agents == ["citekit/0.1.0 (mailto:lib@example.ac.uk)"]


def test_cache_serves_a_rerun_and_refresh_fetches_again(tmp_path: Path) -> None:
    """A second client on the same cache fetches nothing; with refresh it fetches again."""
    with serving() as served:
        served.add("/p", Answer(200, b"first"), Answer(200, b"second"))
        with client(tmp_path) as http:
            assert http.get(served.base + "/p").content == b"first"
        with client(tmp_path) as http:
            again = http.get(served.base + "/p")
        assert (again.content, again.from_cache, len(served.log)) == (b"first", True, 1)
        with client(tmp_path, refresh=True) as http:
            assert http.get(served.base + "/p").content == b"second"
        with client(tmp_path) as http:
            assert http.get(served.base + "/p").content == b"second"
    assert len(served.log) == 2


def test_errors_are_not_cached(tmp_path: Path) -> None:
    """A failed answer is asked for again on the next run."""
    with serving() as served:
        served.add("/p", Answer(404), OK)
        with client(tmp_path) as http, pytest.raises(FetchError):
            http.get(served.base + "/p")
        with client(tmp_path) as http:
            assert http.get(served.base + "/p").content == b"<ok/>"


def test_at_most_per_host_requests_at_once(tmp_path: Path) -> None:
    """Eight threads asking one host: never more than two requests in flight."""
    with serving(Served()) as served, client(tmp_path, per_host=2, cache=False) as http:
        for n in range(8):
            served.add(f"/p{n}", Answer(200, b"x", delay=0.2))
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda n: http.get(f"{served.base}/p{n}"), range(8)))
    assert served.most_in_flight == 2


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("120", 120.0), (email.utils.formatdate(NOW + 90, usegmt=True), 90.0), ("soon", None), (None, None)],
)
def test_retry_after_forms(value: str | None, seconds: float | None) -> None:
    """Retry-After in seconds or as an HTTP date; anything else is no answer."""
    assert retry_after(value, NOW) == seconds
