"""Common Crawl: captures of URL patterns in chosen crawls, read by byte range.

The crawls are named (``crawls = ["CC-MAIN-2017-17"]``) or found from a date
range in the crawl list (``collinfo.json``, whose entries give each crawl's
``from`` and ``to``).  For each crawl and URL pattern the index server
(a pywb CDX server) is asked how many pages the answer has
(``showNumPages=true``), then for each page in turn (``page=N``,
``output=json``: one JSON object a line, HTML with status 200 only).  Each
capture is then read from its WARC file with one HTTP Range request for
exactly its record (``offset``, ``length``), and the record parsed with
warcio: a record shorter than its index entry says, or failing its digest,
is refused as truncated.

The cursor is ``{"crawl": i, "pattern": j, "page": n}`` (indexes into the
crawl and pattern lists); every request goes through the polite Fetcher.
"""

from __future__ import annotations

import io
import json
from typing import Any
from urllib.parse import urlencode

from factwatch.core.errors import DiscoveryError, FetchError
from factwatch.core.records import FetchedPage, SourceConfig
from factwatch.scraper.archives.captures import cdx_date, from_iso
from factwatch.scraper.archives.stream import Counting
from factwatch.scraper.archives.warcfile import WarcStats, read_pages
from factwatch.scraper.archives.wayback import IndexPage

INDEX_URL = "https://index.commoncrawl.org/"
DATA_URL = "https://data.commoncrawl.org/"
PAGE_SIZE = 5  # blocks of 3000 index lines per page: the server's default


class CommonCrawlIndex:
    """Index pages and byte-range records for one ``commoncrawl`` source."""

    archive = "commoncrawl"

    def __init__(self, source: SourceConfig, fetcher: Any):
        self.source = source
        self.fetcher = fetcher
        self.index_url = (source.index_url or INDEX_URL).rstrip("/") + "/"
        self.data_url = (source.data_url or DATA_URL).rstrip("/") + "/"
        self.patterns = [p for p in [source.url, *source.urls] if p]
        self._crawls: list[str] | None = None
        self._pages: dict[tuple[int, int], int] = {}
        for url in (self.index_url, self.data_url):
            fetcher.trust(url)

    # -- crawls --------------------------------------------------------------------
    def _get_json(self, url: str, *, what: str) -> tuple[int | None, Any]:
        result = self.fetcher.fetch(url, purpose="index", accept="application/json")
        if result.status in (400, 404):
            return result.status, None
        if result.error:
            raise FetchError(f"common crawl {what} failed: {result.error}", url=url)
        try:
            return result.status, json.loads(result.text())
        except json.JSONDecodeError as exc:
            raise DiscoveryError(f"{url}: common crawl {what} is not JSON ({exc})") from None

    def crawls(self) -> list[str]:
        """The crawl ids to read, in order (named ones, or those the dates overlap)."""
        if self._crawls is not None:
            return self._crawls
        if self.source.crawls:
            self._crawls = list(self.source.crawls)
            return self._crawls
        url = self.index_url + "collinfo.json"
        _, listing = self._get_json(url, what="crawl list")
        if not isinstance(listing, list):
            raise DiscoveryError(f"{url}: expected a JSON list of crawls")
        low = cdx_date(self.source.since).ljust(14, "0") if self.source.since else ""
        high = cdx_date(self.source.until, end=True) if self.source.until else ""
        chosen = []
        for entry in listing:
            start, end = from_iso(entry.get("from", "")), from_iso(entry.get("to", ""))
            if not (start and end):
                raise DiscoveryError(
                    f"{url}: crawl {entry.get('id')!r} has no from/to dates; name the crawls "
                    f"of source {self.source.name!r} with crawls = [...]"
                )
            if (not high or start <= high) and (not low or end >= low):
                chosen.append(str(entry["id"]))
        self._crawls = sorted(chosen)
        return self._crawls

    # -- index pages ---------------------------------------------------------------
    def query(self, crawl: str, pattern: str, **extra: str) -> str:
        params: list[tuple[str, str]] = [("url", pattern), ("output", "json")]
        if not pattern.endswith("*") and not pattern.startswith("*."):
            params.append(("matchType", self.source.match_type))
        params += [("filter", "status:200"), ("filter", "mime:text/html")]
        if self.source.since:
            params.append(("from", cdx_date(self.source.since)))
        if self.source.until:
            params.append(("to", cdx_date(self.source.until, end=True)))
        params.append(("pageSize", str(self.source.page_size or PAGE_SIZE)))
        params += list(extra.items())
        return f"{self.index_url}{crawl}-index?{urlencode(params)}"

    def _num_pages(self, i: int, j: int) -> int:
        if (i, j) not in self._pages:
            url = self.query(self.crawls()[i], self.patterns[j], showNumPages="true")
            status, info = self._get_json(url, what="index size query")
            pages = int(info.get("pages", 0)) if isinstance(info, dict) else 0
            self._pages[(i, j)] = 0 if status in (400, 404) else pages
        return self._pages[(i, j)]

    def page(self, cursor: dict[str, Any] | None) -> IndexPage:
        """The captures of the index page at ``cursor`` and the cursor after it."""
        cursor = dict(cursor or {"crawl": 0, "pattern": 0, "page": 0})
        crawls = self.crawls()
        i, j, n = cursor["crawl"], cursor["pattern"], cursor["page"]
        if i >= len(crawls):
            return IndexPage(key="end")
        crawl = crawls[i]
        key = f"{crawl}|{self.patterns[j]}|{n}"
        captures: list[dict[str, Any]] = []
        if n < self._num_pages(i, j):
            url = self.query(crawl, self.patterns[j], page=str(n))
            result = self.fetcher.fetch(url, purpose="index", accept="application/json")
            if result.error and result.status not in (400, 404):
                raise FetchError(f"common crawl index query failed: {result.error}", url=url)
            if not result.error:
                for line in result.text().splitlines():
                    capture = _capture(line, crawl, url)
                    if capture is not None:
                        captures.append(capture)
        n += 1
        if n >= self._num_pages(i, j):
            n, j = 0, j + 1
            if j >= len(self.patterns):
                i, j = i + 1, 0
        nxt = None if i >= len(crawls) else {"crawl": i, "pattern": j, "page": n}
        return IndexPage(key=key, captures=captures, next_cursor=nxt)

    # -- records -------------------------------------------------------------------
    def fetch(self, capture: dict[str, Any]) -> FetchedPage:
        """The capture's WARC record by byte range; FetchError if missing or truncated."""
        url = self.data_url + capture["filename"]
        offset, length = int(capture["offset"]), int(capture["length"])
        where = f"{url} (bytes {offset}-{offset + length - 1})"
        result = self.fetcher.fetch(
            url,
            purpose="record",
            accept="*/*",
            headers={"Range": f"bytes={offset}-{offset + length - 1}"},
        )
        if result.error:
            raise FetchError(result.error, url=url, status=result.status)
        if result.status != 206:
            raise FetchError(f"{where}: the server ignored the Range request", url=url)
        if len(result.body) != length:
            raise FetchError(
                f"{where}: record truncated ({len(result.body)} of {length} bytes)", url=url
            )
        stats = WarcStats()
        pages = list(
            read_pages(
                Counting(io.BytesIO(result.body)),
                location=where,
                source=self.source.name,
                stats=stats,
                max_bytes=self.fetcher.politeness.max_bytes,
                topic_filter=self.source.topic_filter,
                archive="commoncrawl",
            )
        )
        if not pages:
            problem = stats.errors[0] if stats.errors else "no HTML response record"
            raise FetchError(f"{where}: {problem}", url=url)
        page = pages[0]
        page.fetched_url = f"{url}#{offset}"
        page.metadata["capture"].update(
            {
                "crawl": capture.get("crawl", ""),
                "file": capture["filename"],
                "offset": offset,
                "length": length,
            }
        )
        return page


def _capture(line: str, crawl: str, url: str) -> dict[str, Any] | None:
    if not line.strip():
        return None
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DiscoveryError(f"{url}: index line is not JSON ({exc}): {line[:80]!r}") from None
    if str(row.get("status", "200")) != "200" or not row.get("filename"):
        return None
    return {
        "url": row["url"],
        "timestamp": row["timestamp"],
        "filename": row["filename"],
        "offset": int(row["offset"]),
        "length": int(row["length"]),
        "digest": row.get("digest", ""),
        "crawl": crawl,
    }
