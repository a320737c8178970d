"""Serve the demo news world over HTTP on 127.0.0.1, one server (and port) per outlet.

    with DemoWorld() as world:
        for source in world.sources():   # SourceConfig entries for the pipeline
            ...
        world.url("ledger", "/feeds/politics.atom")

Pages come from ``site/<outlet>/``: ``/a/b`` is served from ``a/b``, ``a/b.html``
or ``a/b/index.html``; query strings are ignored (tracking variants).
``{{base}}`` and ``{{base:OUTLET}}`` in a file become base URLs at serve time.
Each response has a strong ETag (hash of the served bytes) and a fixed
Last-Modified, and conditional requests get 304.
"""

from __future__ import annotations

import hashlib
import posixpath
import threading
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

from factwatch.core.errors import ConfigError
from factwatch.core.records import SourceConfig
from factwatch.core.resources import Traversable
from factwatch.demo.spec import OutletSpec, WorldSpec, fill, load_world

LAST_MODIFIED = "Fri, 05 May 2017 09:00:00 GMT"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
NOT_FOUND = (
    b"<!DOCTYPE html><html><head><title>Page not found</title></head>"
    b"<body><h1>Page not found</h1></body></html>\n"
)


@dataclass
class Served:
    """One request the world answered (for checks and the demo's summary)."""

    outlet: str
    method: str
    path: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class _Page:
    body: bytes
    content_type: str
    etag: str


class _OutletServer:
    """A ThreadingHTTPServer for one outlet, rendering and caching its files."""

    def __init__(self, world: DemoWorld, spec: OutletSpec, host: str, port: int = 0):
        self.world = world
        self.spec = spec
        self._cache: dict[str, _Page] = {}
        self._lock = threading.Lock()
        outlet = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version = "DemoNews/1.0"
            sys_version = ""

            def log_message(self, format: str, *args: object) -> None:
                pass  # quiet: the demo prints its own summary

            def do_GET(self) -> None:
                outlet.serve(self)

            def do_HEAD(self) -> None:
                outlet.serve(self)

        try:
            self.httpd = ThreadingHTTPServer((host, port), Handler)
        except OSError as exc:
            fix = "choose another base_port, or 0 for free ports" if port else "use 127.0.0.1"
            raise ConfigError(
                f"demo world: cannot listen on {host}:{port} for outlet {spec.id!r} "
                f"({exc.strerror or exc}); {fix}"
            ) from exc
        self.httpd.daemon_threads = True
        self.base = f"http://{host}:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever,
            kwargs={"poll_interval": 0.05},  # stop() returns promptly
            name=f"demo-{spec.id}",
            daemon=True,
        )

    def resolve(self, path: str) -> Traversable | None:
        return page_file(self.spec.root, path)

    def page(self, file: Traversable) -> _Page:
        key = str(file)
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None:
            return cached
        raw = file.read_bytes()
        if b"{{base" in raw:
            raw = fill(raw.decode("utf-8"), self.world.bases, self.spec.id).encode("utf-8")
        ctype = CONTENT_TYPES.get(posixpath.splitext(file.name)[1], "application/octet-stream")
        page = _Page(raw, ctype, '"' + hashlib.sha256(raw).hexdigest()[:32] + '"')
        with self._lock:
            self._cache[key] = page
        return page

    def serve(self, h: BaseHTTPRequestHandler) -> None:
        path = urlsplit(h.path).path
        file = self.resolve(h.path)
        if file is None:
            self._send(h, 404, NOT_FOUND, {"Content-Type": "text/html; charset=utf-8"})
            return
        if path in self.spec.slow:
            time.sleep(self.world.slow_delay)
        page = self.page(file)
        headers = {"ETag": page.etag, "Last-Modified": LAST_MODIFIED}
        if _not_modified(h, page.etag):
            self._send(h, 304, b"", headers)
            return
        headers["Content-Type"] = page.content_type
        self._send(h, 200, page.body, headers)

    def _send(
        self, h: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]
    ) -> None:
        self.world.record(Served(self.spec.id, h.command, h.path, status, dict(h.headers)))
        try:
            h.send_response(status)
            for key, value in headers.items():
                h.send_header(key, value)
            if status != 304:
                h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            if h.command != "HEAD" and status != 304:
                h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def page_file(root: Traversable, path: str) -> Traversable | None:
    """The file under ``root`` that serves URL ``path`` (``/a/b`` is ``a/b``,
    ``a/b.html`` or ``a/b/index.html``), or None, also for paths leaving ``root``."""
    parts = [p for p in unquote(urlsplit(path).path).split("/") if p]
    if any(p in (".", "..") or "\\" in p for p in parts):
        return None
    if not parts:
        candidates = [["index.html"]]
    else:
        candidates = [parts, [*parts[:-1], parts[-1] + ".html"], [*parts, "index.html"]]
    for candidate in candidates:
        target = root
        for part in candidate:
            target = target / part
        if target.is_file():
            return target
    return None


def _not_modified(h: BaseHTTPRequestHandler, etag: str) -> bool:
    """RFC 9110: If-None-Match wins over If-Modified-Since."""
    match = h.headers.get("If-None-Match")
    if match is not None:
        tags = [t.strip().removeprefix("W/") for t in match.split(",")]
        return "*" in tags or etag in tags
    since = h.headers.get("If-Modified-Since")
    if since:
        try:
            return parsedate_to_datetime(since) >= parsedate_to_datetime(LAST_MODIFIED)
        except (TypeError, ValueError):
            return False
    return False


class DemoWorld:
    """The demo outlets, each on its own port on ``host``; a context manager.

    By default every outlet gets a free port.  With ``base_port`` the outlets
    listen on ``base_port``, ``base_port + 1``, ... in world.toml order, so
    URLs (and ETags) stay the same from one run to the next and a second pass
    revalidates with 304s; a port in use is a ConfigError.
    """

    def __init__(
        self,
        *,
        slow_delay: float = 1.5,
        host: str = "127.0.0.1",
        base_port: int = 0,
        spec: WorldSpec | None = None,
    ):
        if not 0 <= base_port <= 65535 - 16:
            raise ConfigError(f"demo world: base_port {base_port} out of range; use 1024-65000")
        self.slow_delay = slow_delay
        self.host = host
        self.base_port = base_port
        self.spec = spec or load_world()
        self.outlets: list[str] = [o.id for o in self.spec.outlets]
        self.requests: list[Served] = []
        self.bases: dict[str, str] = {}
        self._servers: dict[str, _OutletServer] = {}
        self._record_lock = threading.Lock()

    def start(self) -> DemoWorld:
        if self._servers:
            return self
        try:
            for i, outlet in enumerate(self.spec.outlets):
                port = self.base_port + i if self.base_port else 0
                server = _OutletServer(self, outlet, self.host, port)
                self._servers[outlet.id] = server
                self.bases[outlet.id] = server.base
        except ConfigError:
            self.stop()
            raise
        for server in self._servers.values():
            server.thread.start()
        return self

    def stop(self) -> None:
        for server in self._servers.values():
            if server.thread.is_alive():
                server.httpd.shutdown()
            server.httpd.server_close()
        self._servers.clear()
        self.bases.clear()

    def __enter__(self) -> DemoWorld:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def record(self, served: Served) -> None:
        with self._record_lock:
            self.requests.append(served)

    def _require_started(self) -> None:
        if not self._servers:
            raise ConfigError("demo world: not started; call start() or use 'with DemoWorld()'")

    def url(self, outlet: str, path: str = "/") -> str:
        """The absolute URL of ``path`` on ``outlet`` (e.g. "ledger", "/robots.txt")."""
        self._require_started()
        if outlet not in self.bases:
            raise ConfigError(
                f"demo world: unknown outlet {outlet!r} (outlets: {', '.join(self.outlets)})"
            )
        return self.bases[outlet] + (path if path.startswith("/") else "/" + path)

    def name(self, outlet: str) -> str:
        """The outlet's display name, e.g. "Metro Ledger"."""
        return self.spec.outlet(outlet).name

    def sources(self) -> list[SourceConfig]:
        """SourceConfig entries pointing at the running world (feed, sitemap, urls, listing)."""
        self._require_started()
        return [
            SourceConfig(
                name=s.name,
                kind=s.kind,
                url=fill(s.url, self.bases) if s.url else "",
                urls=[fill(u, self.bases) for u in s.urls],
                pattern=s.pattern,
                topic_filter=s.topic_filter,
            )
            for s in self.spec.sources
        ]

    def hits(self, outlet: str, path: str) -> list[Served]:
        """Requests served for ``path`` (query string included if given) on ``outlet``."""
        with self._record_lock:
            return [
                r
                for r in self.requests
                if r.outlet == outlet and (r.path == path or urlsplit(r.path).path == path)
            ]
