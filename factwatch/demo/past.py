"""The demo's past coverage: the world's article pages as web archives hold them.

Each article page of the demo world (``site/``) becomes a capture of its
original address on the outlet's own (fictional) site, taken a couple of
hours after it was published::

    for capture in past_captures():
        capture.url        # https://www.northern-courier.example/news/2017/apr/21/...
        capture.timestamp  # 20170421184000 (14 digits, UTC, as CDX writes it)
        capture.body       # the page's bytes

``write_warc(path, captures)`` writes them as a WARC file with warcio (one
gzip member per record, as archives write them, with payload digests).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html
import io
import re
from base64 import b32encode
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factwatch.demo.expected import load_expected
from factwatch.demo.spec import SITE_DIR, fill

# The outlets' own sites, as their original URLs were (fictional domains).
OUTLET_SITES = {
    "courier": "https://www.northern-courier.example",
    "ledger": "https://www.metro-ledger.example",
    "uniontimes": "https://uniontimes.example",
    "post": "https://www.riverside-post.example",
}
_PUBLISHED = re.compile(rb'article:published_time"\s+content="([^"]+)"')
# Pages an archive holds: every fetchable page (robots-blocked ones were never
# crawled, and an AMP copy is not kept apart from its article).
ARCHIVED = ("ok", "slow", "empty")


@dataclass(frozen=True)
class Capture:
    outlet: str
    path: str
    url: str  # the original URL
    timestamp: str  # 14 digits, UTC
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200

    @property
    def digest(self) -> str:
        """The payload digest as CDX and WARC write it (base32 SHA-1)."""
        return b32encode(hashlib.sha1(self.body).digest()).decode("ascii")


def _timestamp(body: bytes, default: str = "20170429120000") -> str:
    match = _PUBLISHED.search(body)
    if not match:
        return default
    try:
        when = dt.datetime.fromisoformat(match.group(1).decode().replace("Z", "+00:00"))
    except ValueError:
        return default
    when = when.astimezone(dt.UTC) + dt.timedelta(hours=2)
    return when.strftime("%Y%m%d%H%M%S")


def page_bytes(outlet: str, path: str) -> bytes:
    """A demo page as its original site served it (links to the outlets' own domains)."""
    rel = path.strip("/")
    root = SITE_DIR / outlet
    for candidate in (rel, f"{rel}.html", f"{rel}/index.html"):
        file = root / candidate
        if file.is_file():
            return fill(file.read_text("utf-8"), OUTLET_SITES, outlet).encode("utf-8")
    raise FileNotFoundError(f"demo site: no page for {outlet}{path}")


def past_captures() -> list[Capture]:
    """One capture of every archived demo article page, in URL order."""
    captures = []
    for item in load_expected().articles:
        if item.fetch not in ARCHIVED:
            continue
        body = page_bytes(item.outlet, item.path)
        captures.append(
            Capture(
                outlet=item.outlet,
                path=item.path,
                url=OUTLET_SITES[item.outlet] + item.path,
                timestamp=_timestamp(body),
                body=body,
            )
        )
    return sorted(captures, key=lambda c: (c.url, c.timestamp))


def editions(captures: list[Capture], n: int) -> list[Capture]:
    """``n`` distinct copies of each capture (another URL and headline each): a
    larger archive of the same coverage, for benchmarks and failure tests."""
    out = []
    for i in range(n):
        for c in captures:
            url = f"{c.url}-e{i}"
            body = c.body.replace(c.url.encode(), url.encode())  # canonical links too
            title = re.search(rb'og:title" content="([^"]+)"', body)
            if title:  # the headline everywhere it appears (title, og, JSON-LD, h1)
                mark = f" (edition {i})".encode()
                for text in {title.group(1), html.unescape(title.group(1).decode()).encode()}:
                    body = body.replace(text, text + mark)
            out.append(dataclasses.replace(c, url=url, body=body))
    return out


def warc_date(timestamp: str) -> str:
    t = timestamp
    return f"{t[:4]}-{t[4:6]}-{t[6:8]}T{t[8:10]}:{t[10:12]}:{t[12:14]}Z"


def warc_records(captures: Iterable[Capture], *, gzip: bool = True) -> list[tuple[Capture, bytes]]:
    """Each capture as one WARC response record (its own gzip member when ``gzip``)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = []
    for capture in captures:
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=gzip)
        reason = "OK" if capture.status == 200 else "Not Found"
        http = StatusAndHeaders(
            f"{capture.status} {reason}",
            [("Content-Type", capture.content_type), ("Content-Length", str(len(capture.body)))],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            capture.url,
            "response",
            payload=io.BytesIO(capture.body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": warc_date(capture.timestamp)},
        )
        writer.write_record(record)
        out.append((capture, buf.getvalue()))
    return out


def write_warc(path: Path, captures: Iterable[Capture], *, gzip: bool = True) -> Path:
    """Write ``captures`` as one WARC file at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        for _, data in warc_records(captures, gzip=gzip):
            handle.write(data)
    return path
