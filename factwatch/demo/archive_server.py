"""A local web archive on 127.0.0.1 answering in the real services' formats.

    with ArchiveServer(past_captures()) as archive:
        archive.url("/cdx/search/cdx")       # Wayback CDX server
        archive.url("/web/")                 # Wayback replay: /web/<timestamp>id_/<url>
        archive.url("/")                     # Common Crawl index server (collinfo.json)
        archive.url("/cc-data/")             # Common Crawl data: byte ranges of WARC files
        archive.url("/guardian/search")      # Guardian content API search

The formats follow the services' published documentation:

- Wayback CDX server (internetarchive/wayback, wayback-cdx-server README):
  ``output=json`` is a JSON array whose first row names the fields; ``fl``,
  ``filter=[!]field:regex``, ``collapse=field[:N]`` (adjacent rows),
  ``from``/``to`` (1-14 digits), ``matchType`` or a ``*`` wildcard,
  ``limit``, ``showResumeKey`` (an empty row, then ``[key]``) and
  ``resumeKey``.  Replay ``/web/<ts>id_/<url>`` returns the raw capture;
  another timestamp redirects to the closest capture.
- Common Crawl index (pywb CDX server API at index.commoncrawl.org):
  ``collinfo.json``; ``/<crawl>-index?url=..&output=json`` answers JSON
  lines with urlkey, timestamp, url, mime, mime-detected, status, digest,
  length, offset, filename; ``showNumPages=true`` gives
  ``{"pages", "pageSize", "blocks"}``; ``page`` counts from 0 and a page past
  the end is HTTP 400; no match is HTTP 404 ``{"error": ...}``.  Each page
  holds ``pageSize`` blocks of ``block_lines`` lines (3000 in the real index).
- Common Crawl data: WARC files whose records are separate gzip members,
  served with HTTP Range (206).
- Guardian content API ``/search``: ``q``, ``section``, ``from-date``,
  ``to-date``, ``page``, ``page-size``, ``show-fields``, ``api-key``; answers
  ``{"response": {"status", "total", "pages", "currentPage", "results"}}``
  with each result's ``fields`` (headline, body, byline, ...).

``faults[path]`` holds answers (status, headers) served before the normal
one, e.g. a 429 with Retry-After; ``truncate`` holds original URLs whose
Common Crawl record is served cut short.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote_plus, unquote_plus, urlsplit

from factwatch.demo.past import Capture, warc_records

WAYBACK_FIELDS = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]


@dataclass(frozen=True)
class Crawl:
    id: str
    name: str
    start: str  # 14 digits
    end: str


DEMO_CRAWLS = (
    Crawl("CC-MAIN-2017-17", "April 2017 Index", "20170401000000", "20170430235959"),
    Crawl("CC-MAIN-2017-22", "May 2017 Index", "20170501000000", "20170531235959"),
)


@dataclass
class Fault:
    status: int = 429
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b"Too many requests"


def surt(url: str) -> str:
    """The sort-friendly URL key CDX servers use: ``com,example)/path?query``."""
    if "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    host = host.removeprefix("www.")
    key = ",".join(reversed(host.split("."))) + ")" + (parts.path or "/").lower()
    return key + (f"?{parts.query.lower()}" if parts.query else "")


def _param(query: dict[str, list[str]], name: str, default: str = "") -> str:
    return query.get(name, [default])[0]


class _Row(dict):
    """One index line (a dict of string fields)."""


class ArchiveServer:
    def __init__(
        self,
        captures: list[Capture],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        crawls: tuple[Crawl, ...] = DEMO_CRAWLS,
        block_lines: int = 3000,
        guardian_key: str = "demo-key",
        guardian_captures: list[Capture] | None = None,
    ):
        self.captures = sorted(captures, key=lambda c: (surt(c.url), c.timestamp))
        self.crawls = crawls
        self.block_lines = block_lines
        self.guardian_key = guardian_key
        self.guardian_captures = self.captures if guardian_captures is None else guardian_captures
        self.faults: dict[str, list[Fault]] = {}
        self.truncate: set[str] = set()
        self.requests: list[tuple[str, dict[str, list[str]], dict[str, str]]] = []
        self._lock = threading.Lock()
        self._cc_files: dict[str, bytes] = {}
        self._cc_index: dict[str, list[_Row]] = {}
        self._build_crawls()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server._serve(self)

        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://{host}:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # -- lifecycle ---------------------------------------------------------------
    def start(self) -> ArchiveServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> ArchiveServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def url(self, path: str = "/") -> str:
        return self.base + path

    def hits(self, path: str) -> list[tuple[str, dict[str, list[str]], dict[str, str]]]:
        with self._lock:
            return [r for r in self.requests if r[0] == path or r[0].startswith(path)]

    # -- data ----------------------------------------------------------------------
    def _build_crawls(self) -> None:
        for crawl in self.crawls:
            inside = [c for c in self.captures if crawl.start <= c.timestamp <= crawl.end]
            filename = (
                f"crawl-data/{crawl.id}/segments/1492917118831.16/warc/"
                f"{crawl.id}-20170430000000-00000.warc.gz"
            )
            data = bytearray()
            rows = []
            for capture, record in warc_records(inside, gzip=True):
                rows.append(
                    _Row(
                        urlkey=surt(capture.url),
                        timestamp=capture.timestamp,
                        url=capture.url,
                        mime=capture.content_type.split(";")[0],
                        status=str(capture.status),
                        digest=capture.digest,
                        length=str(len(record)),
                        offset=str(len(data)),
                        filename=filename,
                        charset="UTF-8",
                        languages="eng",
                        **{"mime-detected": capture.content_type.split(";")[0]},
                    )
                )
                data += record
            self._cc_files[filename] = bytes(data)
            self._cc_index[crawl.id] = sorted(rows, key=lambda r: (r["urlkey"], r["timestamp"]))

    # -- serving -------------------------------------------------------------------
    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(h.path)
        query = parse_qs(parts.query, keep_blank_values=True)
        path = parts.path
        with self._lock:
            self.requests.append((path, query, dict(h.headers)))
            queued = self.faults.get(path)
            fault = queued.pop(0) if queued else None
        if fault is not None:
            self._send(h, fault.status, fault.body, "text/plain", fault.headers)
            return
        if path == "/cdx/search/cdx":
            self._wayback_cdx(h, query)
        elif path.startswith("/web/"):
            self._wayback_replay(h, h.path[len("/web/") :])
        elif path == "/collinfo.json":
            self._collinfo(h)
        elif path.endswith("-index") and path.strip("/").removesuffix("-index") in self._cc_index:
            self._cc_query(h, path.strip("/").removesuffix("-index"), query)
        elif path.startswith("/cc-data/"):
            self._cc_data(h, path[len("/cc-data/") :])
        elif path == "/guardian/search":
            self._guardian(h, query)
        else:
            self._send(h, 404, b"not found", "text/plain")

    def _send(
        self,
        h: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        try:
            h.send_response(status)
            h.send_header("Content-Type", content_type)
            h.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                h.send_header(key, value)
            h.end_headers()
            h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _json(self, h: BaseHTTPRequestHandler, status: int, data: Any) -> None:
        self._send(h, status, json.dumps(data).encode(), "application/json")

    # -- Wayback ---------------------------------------------------------------------
    def _wayback_rows(self) -> list[_Row]:
        return [
            _Row(
                urlkey=surt(c.url),
                timestamp=c.timestamp,
                original=c.url,
                mimetype=c.content_type.split(";")[0],
                statuscode=str(c.status),
                digest=c.digest,
                length=str(len(c.body)),
            )
            for c in self.captures
        ]

    def _wayback_cdx(self, h: BaseHTTPRequestHandler, query: dict[str, list[str]]) -> None:
        url = _param(query, "url")
        if not url:
            self._send(h, 400, b"Missing url", "text/plain")
            return
        rows = _select(self._wayback_rows(), url, query, date_field="timestamp")
        if "resumeKey" in query:
            key = unquote_plus(_param(query, "resumeKey"))
            after = tuple(key.rsplit(" ", 1))
            rows = [r for r in rows if (r["urlkey"], r["timestamp"]) > after]
        rows = _collapse(rows, query.get("collapse", []))
        limit = int(_param(query, "limit", "0") or 0)
        more = bool(limit) and len(rows) > limit
        rows = rows[:limit] if limit else rows
        fields = _param(query, "fl").split(",") if _param(query, "fl") else WAYBACK_FIELDS
        if _param(query, "output") != "json":
            lines = [" ".join(r[f] for f in fields) for r in rows]
            self._send(h, 200, ("\n".join(lines) + "\n").encode(), "text/plain")
            return
        table: list[list[str]] = [fields] + [[r[f] for f in fields] for r in rows] if rows else []
        if more and _param(query, "showResumeKey") == "true":
            last = rows[-1]
            table += [[], [quote_plus(f"{last['urlkey']} {last['timestamp']}")]]
        self._send(h, 200, json.dumps(table).encode(), "application/json")

    def _wayback_replay(self, h: BaseHTTPRequestHandler, rest: str) -> None:
        match = re.match(r"(\d{1,14})([a-z]{2}_)?/(.+)", rest)
        if not match:
            self._send(h, 400, b"bad replay address", "text/plain")
            return
        stamp, mode, original = match.group(1), match.group(2) or "", match.group(3)
        same = [c for c in self.captures if surt(c.url) == surt(original)]
        if not same:
            self._send(h, 404, b"<html><body>Not in archive</body></html>", "text/html")
            return
        want = int(stamp.ljust(14, "0"))
        best = min(same, key=lambda c: abs(int(c.timestamp) - want))
        if best.timestamp != stamp or best.url != original:
            target = f"/web/{best.timestamp}{mode}/{best.url}"
            self._send(h, 302, b"", "text/plain", {"Location": target})
            return
        headers = {"Memento-Datetime": best.timestamp}
        body = best.body
        if mode != "id_":  # the replay page with the archive's banner, as browsers see it
            banner = b'<div id="wm-ipp">ARCHIVE TOOLBAR: captured ' + stamp.encode() + b"</div>"
            body = body.replace(b"<body>", b"<body>" + banner, 1)
        self._send(h, best.status, body, best.content_type, headers)

    # -- Common Crawl -----------------------------------------------------------------
    def _collinfo(self, h: BaseHTTPRequestHandler) -> None:
        def iso(ts: str) -> str:
            return f"{ts[:4]}-{ts[4:6]}-{ts[6:8]}T{ts[8:10]}:{ts[10:12]}:{ts[12:14]}"

        self._json(
            h,
            200,
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "timegate": f"{self.base}/{c.id}/",
                    "cdx-api": f"{self.base}/{c.id}-index",
                    "from": iso(c.start),
                    "to": iso(c.end),
                }
                for c in reversed(self.crawls)  # newest first, as the real list
            ],
        )

    def _cc_query(self, h: BaseHTTPRequestHandler, crawl: str, query: dict[str, list[str]]) -> None:
        url = _param(query, "url")
        rows = _select(self._cc_index[crawl], url, query, date_field="timestamp")
        page_size = int(_param(query, "pageSize", "5") or 5)
        per_page = page_size * self.block_lines
        pages = max(1, -(-len(rows) // per_page)) if rows else 0
        if _param(query, "showNumPages") == "true":
            blocks = -(-len(rows) // self.block_lines)
            self._json(h, 200, {"pages": pages, "pageSize": page_size, "blocks": blocks})
            return
        if not rows:
            self._json(h, 404, {"error": f"No Captures found for: {url}"})
            return
        page = int(_param(query, "page", "0") or 0)
        if page >= pages:
            message = f"Page {page} invalid: First Page is 0, Last Page is {pages - 1}"
            self._json(h, 400, {"error": message})
            return
        chunk = rows[page * per_page : (page + 1) * per_page]
        body = "".join(json.dumps(dict(r)) + "\n" for r in chunk)
        self._send(h, 200, body.encode(), "text/x-ndjson")

    def _cc_data(self, h: BaseHTTPRequestHandler, filename: str) -> None:
        data = self._cc_files.get(filename)
        if data is None:
            self._send(h, 404, b"NoSuchKey", "application/xml")
            return
        match = re.match(r"bytes=(\d+)-(\d+)", h.headers.get("Range", ""))
        if not match:
            self._send(h, 200, data, "application/octet-stream")
            return
        start, end = int(match.group(1)), int(match.group(2))
        chunk = data[start : end + 1]
        for row in self._cc_index_rows():
            if row["filename"] == filename and int(row["offset"]) == start:
                if row["url"] in self.truncate:
                    chunk = chunk[: len(chunk) - 300]
        headers = {"Content-Range": f"bytes {start}-{start + len(chunk) - 1}/{len(data)}"}
        self._send(h, 206, chunk, "application/octet-stream", headers)

    def _cc_index_rows(self) -> list[_Row]:
        return [row for rows in self._cc_index.values() for row in rows]

    # -- Guardian ------------------------------------------------------------------------
    def _guardian(self, h: BaseHTTPRequestHandler, query: dict[str, list[str]]) -> None:
        if _param(query, "api-key") != self.guardian_key:
            self._json(h, 401, {"message": "Unauthorized"})
            return
        words = _param(query, "q").lower().split()
        start = _param(query, "from-date").replace("-", "")
        end = _param(query, "to-date").replace("-", "")
        section = _param(query, "section")
        found = []
        for capture in self.guardian_captures:
            result = guardian_result(capture)
            day = capture.timestamp[:8]
            if start and day < start or end and day > end:
                continue
            if section and result["sectionId"] != section:
                continue
            text = (result["webTitle"] + " " + result["fields"]["body"]).lower()
            if words and not all(w in text for w in words):
                continue
            found.append(result)
        found.sort(key=lambda r: r["webPublicationDate"], reverse=True)  # newest first
        size = int(_param(query, "page-size", "10") or 10)
        page = int(_param(query, "page", "1") or 1)
        pages = max(1, -(-len(found) // size))
        if page > pages:
            self._json(
                h,
                400,
                {
                    "response": {
                        "status": "error",
                        "message": "requested page is beyond the number of available pages",
                    }
                },
            )
            return
        shown = set(_param(query, "show-fields").split(","))
        results = []
        for result in found[(page - 1) * size : page * size]:
            result = dict(result)
            result["fields"] = {k: v for k, v in result["fields"].items() if k in shown}
            results.append(result)
        self._json(
            h,
            200,
            {
                "response": {
                    "status": "ok",
                    "userTier": "developer",
                    "total": len(found),
                    "startIndex": (page - 1) * size + 1,
                    "pageSize": size,
                    "currentPage": page,
                    "pages": pages,
                    "orderBy": "newest",
                    "results": results,
                }
            },
        )


def guardian_result(capture: Capture) -> dict[str, Any]:
    """A capture as the content API describes an article (fields from the page)."""
    import lxml.html

    tree = lxml.html.fromstring(capture.body)
    title = (tree.findtext(".//h1") or tree.findtext(".//title") or "").strip()
    paragraphs = tree.xpath("//article//p[not(ancestor::aside)]") or tree.xpath("//body//p")
    body = "".join("<p>" + " ".join(" ".join(p.itertext()).split()) + "</p>" for p in paragraphs)
    byline = (tree.xpath("string(//meta[@name='author']/@content)") or "").strip()
    t = capture.timestamp
    published = f"{t[:4]}-{t[4:6]}-{t[6:8]}T{t[8:10]}:{t[10:12]}:{t[12:14]}Z"
    path = urlsplit(capture.url).path.strip("/")
    section = path.split("/")[0] if "/" in path else "news"
    return {
        "id": path,
        "type": "article",
        "sectionId": section,
        "sectionName": section.title(),
        "webPublicationDate": published,
        "webTitle": title,
        "webUrl": capture.url,
        "apiUrl": f"https://content.guardianapis.com/{path}",
        "fields": {
            "headline": title,
            "body": body,
            "byline": byline,
            "firstPublicationDate": published,
            "shortUrl": capture.url,
        },
        "isHosted": False,
        "pillarId": "pillar/news",
        "pillarName": "News",
    }


def _select(
    rows: list[_Row], url: str, query: dict[str, list[str]], *, date_field: str
) -> list[_Row]:
    """Rows matching url/matchType, from/to and every filter, in index order."""
    matches = _url_matcher(url, _param(query, "matchType", "exact"))
    low = _param(query, "from")
    high = _param(query, "to")
    selected = []
    for row in rows:
        if not matches(row):
            continue
        ts = row[date_field]
        if low and ts < low.ljust(14, "0") or high and ts[: len(high)] > high:
            continue
        if all(_filter(row, f) for f in query.get("filter", [])):
            selected.append(row)
    return selected


def _url_matcher(url: str, match_type: str) -> Callable[[_Row], bool]:
    """Whether a row's urlkey matches ``url`` under ``match_type`` (or url's own
    wildcards: ``prefix*``, ``*.domain``)."""
    if url.endswith("*"):
        url, match_type = url[:-1], "prefix"
    if url.startswith("*."):
        url, match_type = url[2:], "domain"
    key = surt(url)
    host = key.split(")", 1)[0]
    if match_type == "prefix" and key.endswith(")/") and "/" not in url.split("://")[-1]:
        key = host + ")"

    def matches(row: _Row) -> bool:
        k = row["urlkey"]
        if match_type == "exact":
            return k == key
        if match_type == "prefix":
            return k.startswith(key)
        row_host = k.split(")", 1)[0]
        if match_type == "host":
            return row_host == host
        return row_host == host or row_host.startswith(host + ",")

    return matches


def _filter(row: _Row, spec: str) -> bool:
    negate = spec.startswith("!")
    spec = spec.lstrip("!").lstrip("=~")
    name, _, pattern = spec.partition(":")
    ok = re.match(pattern, row.get(name, "")) is not None
    return ok != negate


def _collapse(rows: list[_Row], specs: list[str]) -> list[_Row]:
    """Drop a row whose collapse field (or its first N characters) equals the row before."""
    for spec in specs:
        name, _, width = spec.partition(":")
        n = int(width) if width else None
        kept: list[_Row] = []
        for row in rows:
            value = row.get(name, "")[:n]
            if kept and kept[-1].get(name, "")[:n] == value:
                continue
            kept.append(row)
        rows = kept
    return rows
