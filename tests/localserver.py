"""A real HTTP server on 127.0.0.1 for tests, in a background thread.

    site = LocalSite()
    site.route("/feed.xml", body=b"<rss>...</rss>", content_type="application/rss+xml")
    site.route("/slow", body=b"...", delay=2.0)
    site.route("/flaky", responses=[Response(status=500), Response(body=b"ok")])
    site.start(); url = site.url("/feed.xml"); ...; site.stop()

Every request is logged in ``site.requests`` (method, path, headers), so a test
can check what the client sent (User-Agent, If-None-Match, timing).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Response:
    status: int = 200
    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the response starts
    trickle: float = 0.0  # seconds between body bytes (a slow server)


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    at: float
    host: str = ""


Handler = Callable[[Request], Response]


def _send(h: BaseHTTPRequestHandler, resp: Response) -> None:
    body = resp.body.encode("utf-8") if isinstance(resp.body, str) else resp.body
    h.send_response(resp.status)
    h.send_header("Content-Type", resp.content_type)
    if "Content-Length" not in resp.headers:
        h.send_header("Content-Length", str(len(body)))
    for k, v in resp.headers.items():
        h.send_header(k, v)
    h.end_headers()
    if h.command == "HEAD":
        return
    if not resp.trickle:
        h.wfile.write(body)
        return
    for i in range(len(body)):
        h.wfile.write(body[i : i + 1])
        h.wfile.flush()
        time.sleep(resp.trickle)


class LocalSite:
    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.host = host
        self.routes: dict[str, list[Response] | Handler] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        site = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                site._serve(self)

            def do_HEAD(self):
                site._serve(self)

            def do_POST(self):
                site._serve(self)

        class _Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                # A client that hangs up mid-body (size caps, timeouts) is expected.
                if not isinstance(sys.exc_info()[1], ConnectionError):
                    super().handle_error(request, client_address)

        self.server = _Server((host, port), _Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def route(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        responses: list[Response] | None = None,
        handler: Handler | None = None,
        **kwargs,
    ) -> None:
        """Serve ``path``.  ``responses`` are served in turn (the last one repeats);
        ``handler`` computes a Response per request."""
        if handler is not None:
            self.routes[path] = handler
        else:
            self.routes[path] = list(responses or [Response(body=body, **kwargs)])

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        payload = h.rfile.read(length) if length else b""
        req = Request(
            h.command,
            h.path,
            {k: v for k, v in h.headers.items()},
            time.monotonic(),
            host=h.headers.get("Host", ""),
        )
        req.headers["_body"] = payload.decode("utf-8", "replace")
        resp = self._respond(req)
        if resp.delay:
            time.sleep(resp.delay)
        try:
            _send(h, resp)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _respond(self, req: Request) -> Response:
        """Record the request and pick its response (the next of a route's list)."""
        with self._lock:
            self.requests.append(req)
            path = req.path.split("?")[0] if req.path not in self.routes else req.path
            route = self.routes.get(path)
            if route is None:
                return Response(status=404, body=b"not found", content_type="text/plain")
            if not callable(route):
                return route.pop(0) if len(route) > 1 else route[0]
        return route(req)

    def start(self) -> LocalSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
