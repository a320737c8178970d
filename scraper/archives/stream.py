"""Open an archive file for streaming: a local path, ``file://`` or HTTP(S).

HTTP(S) downloads go through the project's guarded session (our User-Agent,
the address checks of ``safety``), start no sooner than the per-host delay
after the previous request from this process, and retry 429 and 5xx answers
after the server's Retry-After (capped by ``politeness.max_retry_after``) or
an exponential backoff.  The body is not read into memory: the caller gets
a file-like stream (WARC files run to a gigabyte).  Sizes are counted so
the reader can tell a file that ends inside a record.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote, urlsplit

import requests

from factwatch.core.errors import FetchError, HTTPStatusError
from factwatch.core.settings import Politeness, Safety
from factwatch.scraper.ratelimit import HostLimiter, host_key
from factwatch.scraper.transport import build_session, parse_retry_after

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_LIMITERS: dict[float, HostLimiter] = {}
_LOCK = threading.Lock()


def process_limiter(delay: float) -> HostLimiter:
    """One per-host limiter per process and delay (Dask workers share it across tasks)."""
    with _LOCK:
        if delay not in _LIMITERS:
            _LIMITERS[delay] = HostLimiter(delay, margin=0.02)
        return _LIMITERS[delay]


class Counting:
    """A read-only stream that counts the bytes read through it."""

    def __init__(self, raw: IO[bytes] | Any):
        self.raw = raw
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.count += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self.raw.readline(size)
        self.count += len(data)
        return data

    def close(self) -> None:
        self.raw.close()


def is_remote(location: str) -> bool:
    return location.split("://", 1)[0].lower() in ("http", "https")


def local_path(location: str) -> Path:
    if location.startswith("file://"):
        return Path(unquote(urlsplit(location).path))
    return Path(location).expanduser()


@contextlib.contextmanager
def open_location(
    location: str,
    *,
    politeness: Politeness,
    safety: Safety,
    trusted: bool = True,
    limiter: HostLimiter | None = None,
) -> Iterator[Counting]:
    """A counting stream over ``location``; FetchError if it cannot be opened.

    ``trusted`` lets the location's own host through the address check (a
    file the operator configured, as for other sources)."""
    if not is_remote(location):
        path = local_path(location)
        try:
            handle = path.open("rb")
        except OSError as exc:
            raise FetchError(
                f"{location}: cannot open WARC file ({exc.strerror or exc}); check the path "
                "in config.toml",
                url=location,
            ) from None
        with handle:
            yield Counting(handle)
        return
    limiter = limiter or process_limiter(politeness.per_host_delay)
    host = host_key(location)
    session = build_session(
        politeness,
        safety,
        on_sent=limiter.started,
        trusted=(lambda h: h == host) if trusted else None,
    )
    try:
        resp = _get(session, location, politeness, limiter, host)
        resp.raw.decode_content = True  # undo a transfer Content-Encoding; .warc.gz stays as is
        try:
            yield Counting(resp.raw)
        finally:
            resp.close()
    finally:
        session.close()


def _get(
    session: requests.Session,
    url: str,
    politeness: Politeness,
    limiter: HostLimiter,
    host: str,
) -> requests.Response:
    attempt = 0
    while True:
        attempt += 1
        limiter.acquire(host)
        try:
            resp = session.get(
                url,
                stream=True,
                timeout=(politeness.connect_timeout, politeness.read_timeout),
            )
        except requests.RequestException as exc:
            if attempt > politeness.retries:
                raise FetchError(f"{url}: connection failed ({exc})", url=url) from None
            time.sleep(politeness.backoff * 2 ** (attempt - 1))
            continue
        if resp.status_code == 200:
            return resp
        resp.close()
        err = HTTPStatusError(f"{url}: HTTP {resp.status_code}", url=url, status=resp.status_code)
        if resp.status_code not in RETRY_STATUSES or attempt > politeness.retries:
            raise err
        wait = parse_retry_after(resp.headers.get("Retry-After"))
        if wait is not None and wait > politeness.max_retry_after:
            raise HTTPStatusError(
                f"{err}: server asks to retry after {wait:g}s, longer than "
                f"politeness.max_retry_after={politeness.max_retry_after:g}s",
                url=url,
                status=resp.status_code,
            )
        if wait is None:
            wait = politeness.backoff * 2 ** (attempt - 1)
        limiter.defer(host, wait)
