"""The HTTP layer under the fetcher: one guarded requests session and a
streaming body reader that enforces the size and wall-clock caps.

The session reports when each request has been written (the per-host delay is
measured from there), never reads proxy settings or .netrc from the environment, retries
nothing by itself (the fetcher retries), and checks the peer address of every
new connection against the safety rules before a request byte is sent, so a
host name that resolves differently between the check and the connection (DNS
rebinding) is still refused.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from datetime import UTC, datetime

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from factwatch.core.errors import BadContentType, FetchError, FetchTimeout, TooLarge
from factwatch.core.settings import Politeness, Safety
from factwatch.scraper.ratelimit import host_key
from factwatch.scraper.safety import check_address

CHUNK = 64 * 1024
OnSent = Callable[[str], None]
Trusted = Callable[[str], bool]


def _guarded(
    base: type, scheme: str, safety: Safety, on_sent: OnSent | None, trusted: Trusted | None
) -> type:
    """A connection class that refuses a peer address the safety rules forbid
    (unless its host is trusted) and reports when each request has been written."""

    def key(self) -> str:  # type: ignore[no-untyped-def]
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host_key(f"{scheme}://{host}:{self.port}")

    def _new_conn(self):  # type: ignore[no-untyped-def]
        sock = base._new_conn(self)
        if trusted is not None and trusted(key(self)):
            return sock
        try:
            check_address(sock.getpeername()[0], safety)
        except Exception:
            sock.close()
            raise
        return sock

    def request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        base.request(self, *args, **kwargs)
        if on_sent is not None:
            on_sent(key(self))

    return type(f"Guarded{base.__name__}", (base,), {"_new_conn": _new_conn, "request": request})


class GuardedAdapter(HTTPAdapter):
    """HTTPAdapter whose pools use peer-checked connections."""

    def __init__(
        self,
        safety: Safety,
        *,
        on_sent: OnSent | None = None,
        trusted: Trusted | None = None,
        **kwargs,
    ):
        self._safety = safety
        self._on_sent = on_sent
        self._trusted = trusted
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().init_poolmanager(*args, **kwargs)
        extra = (self._safety, self._on_sent, self._trusted)
        http_conn = _guarded(HTTPConnection, "http", *extra)
        https_conn = _guarded(HTTPSConnection, "https", *extra)
        self.poolmanager.pool_classes_by_scheme = {
            "http": type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn}),
            "https": type(
                "GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn}
            ),
        }


def build_session(
    politeness: Politeness,
    safety: Safety,
    *,
    on_sent: OnSent | None = None,
    trusted: Trusted | None = None,
) -> requests.Session:
    """One session for all hosts: our User-Agent, no env proxies, guarded pools.

    ``on_sent(host_key)`` is called as soon as a request has been written;
    connections to hosts for which ``trusted(host_key)`` is true skip the
    address check."""
    session = requests.Session()
    session.trust_env = False
    session.headers["User-Agent"] = politeness.user_agent
    size = max(4, politeness.concurrency)
    adapter = GuardedAdapter(
        safety,
        on_sent=on_sent,
        trusted=trusted,
        pool_connections=64,
        pool_maxsize=size,
        max_retries=0,
    )
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def mime_type(content_type: str) -> str:
    return (content_type or "").split(";")[0].strip().lower()


PAGE_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "application/xml",
        "text/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "text/plain",
    }
)


# How servers label a gzipped sitemap (``sitemap.xml.gz``).
SITEMAP_ARCHIVE_TYPES = frozenset(
    {"application/gzip", "application/x-gzip", "application/octet-stream"}
)


# Archive index answers (CDX JSON, JSON lines, API responses) and WARC records.
INDEX_TYPES = frozenset(
    {"application/json", "text/json", "application/x-ndjson", "text/x-ndjson", "text/plain"}
)
RECORD_TYPES = frozenset(
    {"application/warc", "application/octet-stream", "application/gzip", "application/x-gzip"}
)


def check_content_type(url: str, content_type: str, purpose: str) -> None:
    """Raise BadContentType unless the response is a page, a feed or plain text
    (purpose "index": JSON or text; "record": a WARC record).

    A response without a Content-Type is let through; robots.txt accepts any text/*.
    """
    mime = mime_type(content_type)
    if not mime:
        return
    if purpose == "robots":
        if mime.startswith("text/"):
            return
    elif mime in PAGE_TYPES:
        return
    elif purpose == "sitemap" and mime in SITEMAP_ARCHIVE_TYPES:
        return  # sitemap.xml.gz, unpacked with a size cap by scraper.sitemaps
    elif purpose == "index" and mime in INDEX_TYPES:
        return
    elif purpose == "record" and mime in RECORD_TYPES:
        return
    wanted = "text/*" if purpose == "robots" else "HTML, XML or plain text"
    raise BadContentType(f"{url}: content type {mime!r} is not {wanted}; skipped", url=url)


def _set_socket_timeout(resp: requests.Response, seconds: float) -> None:
    conn = getattr(resp.raw, "connection", None)
    sock = getattr(conn, "sock", None)
    if sock is not None:
        try:
            sock.settimeout(max(0.001, seconds))
        except OSError:
            pass


def read_body(
    resp: requests.Response,
    *,
    url: str,
    max_bytes: int,
    deadline: float,
    read_timeout: float,
    total_timeout: float,
) -> bytes:
    """Stream the (decompressed) body, refusing it past ``max_bytes`` or ``deadline``.

    Sizes count decompressed bytes, and urllib3 never inflates more than one
    chunk ahead, so a gzip bomb stops at the cap.  Each socket read waits at
    most until the deadline, so a server trickling a byte at a time is cut off.
    """
    length = resp.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise TooLarge(
            f"{url}: body is {int(length):,} bytes (Content-Length), over the "
            f"{max_bytes:,}-byte cap (politeness.max_bytes)",
            url=url,
            status=resp.status_code,
        )
    chunks: list[bytes] = []
    total = 0
    raw = resp.raw
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _too_slow(url, total, total_timeout, resp.status_code)
        _set_socket_timeout(resp, min(read_timeout, remaining))
        try:
            chunk = raw.read1(CHUNK, decode_content=True)
        except urllib3.exceptions.ReadTimeoutError:
            if deadline - time.monotonic() <= 0:
                raise _too_slow(url, total, total_timeout, resp.status_code) from None
            raise FetchTimeout(
                f"{url}: no data for {read_timeout:g}s while reading the body "
                "(politeness.read_timeout)",
                url=url,
                status=resp.status_code,
            ) from None
        except urllib3.exceptions.DecodeError as exc:
            raise BadContentType(
                f"{url}: body could not be decompressed ({exc})", url=url, status=resp.status_code
            ) from None
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise FetchError(
                f"{url}: connection broken after {total:,} bytes ({exc})",
                url=url,
                status=resp.status_code,
            ) from None
        if not chunk:
            raw.release_conn()  # fully read: the connection can be reused
            break
        total += len(chunk)
        if total > max_bytes:
            raise TooLarge(
                f"{url}: body exceeds the {max_bytes:,}-byte cap (politeness.max_bytes) "
                "after decompression",
                url=url,
                status=resp.status_code,
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _too_slow(url: str, total: int, total_timeout: float, status: int | None) -> FetchTimeout:
    return FetchTimeout(
        f"{url}: response not complete after {total_timeout:g}s ({total:,} bytes received; "
        "politeness.total_timeout)",
        url=url,
        status=status,
    )


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())
