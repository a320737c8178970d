"""The Wayback Machine: captures of a URL prefix or domain over a date range.

The CDX server is asked for JSON (``output=json``), HTML captures with
status 200 only (``filter``), one row per distinct payload of a URL
(``collapse=digest``), in pages of ``page_size`` rows with a resume key
(``showResumeKey``/``resumeKey``), as documented for the CDX server.  Each
capture is then fetched raw from the ``id_`` replay address (the page as
the site served it, without the archive's toolbar or rewritten links).

    index = WaybackIndex(source, fetcher)
    page = index.page(cursor)           # IndexPage: captures + the cursor after them
    fetched = index.fetch(capture)      # FetchedPage, url = the original URL

Both go through the project's Fetcher, so the per-host delay, robots.txt,
Retry-After and the size and time caps apply to the archive like any host.
The cursor is ``{"resume_key": ...}``; ``None`` starts at the beginning.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from factwatch.core.errors import DiscoveryError, FetchError
from factwatch.core.records import FetchedPage, SourceConfig
from factwatch.scraper.archives.captures import capture_metadata, cdx_date

CDX_URL = "https://web.archive.org/cdx/search/cdx"
REPLAY_URL = "https://web.archive.org/web/"
PAGE_SIZE = 500
FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")


@dataclass
class IndexPage:
    """One page of an archive index: its captures and where the next page starts.

    ``key`` names the page (the cursor it was asked with), so a shard made of
    it is recognised on a rerun; ``next_cursor`` None means this was the last."""

    key: str
    captures: list[dict[str, Any]] = field(default_factory=list)
    next_cursor: dict[str, Any] | None = None


def parse_cdx_json(text: str, *, url: str) -> tuple[list[dict[str, str]], str | None]:
    """Rows (dicts by field name) and the resume key of a CDX ``output=json`` answer."""
    try:
        table = json.loads(text) if text.strip() else []
    except json.JSONDecodeError as exc:
        raise DiscoveryError(f"{url}: CDX answer is not JSON ({exc})") from None
    if not isinstance(table, list) or not all(isinstance(r, list) for r in table):
        raise DiscoveryError(f"{url}: CDX answer is not a JSON array of rows")
    if not table:
        return [], None
    resume = None
    if len(table) >= 2 and table[-2] == [] and len(table[-1]) == 1:
        resume = str(table[-1][0])
        table = table[:-2]
    header, rows = table[0], table[1:]
    missing = {"timestamp", "original"} - set(header)
    if missing:
        raise DiscoveryError(f"{url}: CDX answer lacks the fields {sorted(missing)}")
    return [dict(zip(header, row, strict=False)) for row in rows], resume


class WaybackIndex:
    """CDX queries and raw replays for one ``wayback`` source."""

    archive = "wayback"

    def __init__(self, source: SourceConfig, fetcher: Any):
        self.source = source
        self.fetcher = fetcher
        self.cdx_url = source.index_url or CDX_URL
        self.replay = (source.data_url or REPLAY_URL).rstrip("/") + "/"
        for url in (self.cdx_url, self.replay):
            fetcher.trust(url)

    def query(self, resume_key: str | None) -> str:
        params: list[tuple[str, str]] = [
            ("url", self.source.url),
            ("matchType", self.source.match_type),
            ("output", "json"),
            ("fl", ",".join(FIELDS)),
            ("filter", "statuscode:200"),
            ("filter", "mimetype:text/html"),
            ("collapse", "digest"),
            ("limit", str(self.source.page_size or PAGE_SIZE)),
            ("showResumeKey", "true"),
        ]
        if self.source.since:
            params.append(("from", cdx_date(self.source.since)))
        if self.source.until:
            params.append(("to", cdx_date(self.source.until, end=True)))
        if resume_key:
            params.append(("resumeKey", resume_key))
        return f"{self.cdx_url}?{urlencode(params)}"

    def page(self, cursor: dict[str, Any] | None) -> IndexPage:
        """The captures after ``cursor``; DiscoveryError/FetchError if the index fails."""
        resume_key = (cursor or {}).get("resume_key")
        url = self.query(resume_key)
        result = self.fetcher.fetch(url, purpose="index", accept="application/json")
        if result.error:
            raise FetchError(f"wayback CDX query failed: {result.error}", url=url)
        rows, resume = parse_cdx_json(result.text(), url=url)
        captures = [
            {
                "url": row["original"],
                "timestamp": row["timestamp"],
                "digest": row.get("digest", ""),
                "mime": row.get("mimetype", ""),
            }
            for row in rows
            if row.get("statuscode", "200") == "200"
        ]
        nxt = {"resume_key": resume} if resume else None
        return IndexPage(key=resume_key or "start", captures=captures, next_cursor=nxt)

    def replay_url(self, capture: dict[str, Any]) -> str:
        return f"{self.replay}{capture['timestamp']}id_/{capture['url']}"

    def fetch(self, capture: dict[str, Any]) -> FetchedPage:
        """The raw capture; FetchError (naming the replay address) if it cannot be had."""
        url = self.replay_url(capture)
        result = self.fetcher.fetch(url, purpose="article")
        if result.error:
            raise FetchError(result.error, url=url, status=result.status)
        timestamp = capture["timestamp"]
        final = result.final_url or url
        if final != url and "id_/" in final:  # redirected to the closest capture
            timestamp = final[len(self.replay) :].split("id_/", 1)[0] or timestamp
        return FetchedPage(
            url=capture["url"],
            body=result.body,
            source=self.source.name,
            content_type=result.content_type,
            encoding=result.encoding,
            fetched_url=final,
            topic_filter=self.source.topic_filter,
            metadata=capture_metadata(
                "wayback", timestamp, replay=final, digest=capture.get("digest")
            ),
            status=result.status,
        )
