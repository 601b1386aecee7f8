"""A local HTTP server for tests and the benchmark: answers from a table, never the internet.

``Served`` maps a request path with its query (``/ws/oai?verb=Identify``) to a list of answers,
given one after another (the last one repeats), so that a test can have a server fail with 503
and then succeed. ``dynamic`` answers any request a function chooses to (generated OAI pages).
Every request is logged, so that tests can count what was fetched.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True)
class Answer:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/xml; charset=utf-8"),)
    delay: float = 0.0  # seconds before answering (to see how many requests run at once)


@dataclass
class Served:
    """The answers of a server, and what it was asked."""

    routes: dict[str, list[Answer]] = field(default_factory=dict)
    dynamic: Callable[[str, dict[str, str]], Answer | None] | None = None
    log: list[str] = field(default_factory=list)
    user_agents: list[str] = field(default_factory=list)
    base: str = ""
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, *answers: Answer) -> None:
        self.routes[path] = list(answers)

    def answer(self, target: str) -> Answer:
        self.log.append(target)
        queue = self.routes.get(target)
        if queue:
            return queue.pop(0) if len(queue) > 1 else queue[0]
        if self.dynamic is not None:
            parts = urlsplit(target)
            found = self.dynamic(parts.path, dict(parse_qsl(parts.query)))
            if found is not None:
                return found
        return Answer(404, b"not found", (("Content-Type", "text/plain"),))


def _handler(served: Served) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            with served.lock:
                served.user_agents.append(self.headers.get("User-Agent", ""))
                answer = served.answer(self.path)
                served.in_flight += 1
                served.most_in_flight = max(served.most_in_flight, served.in_flight)
            time.sleep(answer.delay)
            with served.lock:
                served.in_flight -= 1
            self.send_response(answer.status)
            for name, value in answer.headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: the tests read served.log instead

    return Handler


@contextmanager
def serving(served: Served | None = None) -> Iterator[Served]:
    """Run a server on a free local port for the duration of the block; ``served.base`` is its URL."""
    served = served or Served()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
    server.daemon_threads = True
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
