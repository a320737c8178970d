"""The Guardian content API: articles by query, section and date range.

``/search`` is asked for one page at a time (``page``, ``page-size``),
oldest first so pages stay put while new articles are published, with the
fields that carry the article (``show-fields=headline,body,byline,...``).
The body comes from the API's fields, not from scraping the site: each
result becomes a small HTML document (headline, byline, date, canonical
link, body) that goes through the same extractor as any page, so findings
point into the same kind of text.

The API key comes from the source's ``api_key`` or ``$FACTWATCH_GUARDIAN_KEY``.
It travels in the query string, as the API documents, and is never logged:
``redact`` removes it from every URL and message this module hands on, and
the back-check applies it to the fetch log.  The cursor is ``{"page": n}``.
"""

from __future__ import annotations

import html
import json
import os
import re
from typing import Any
from urllib.parse import urlencode

from factwatch.core.errors import ConfigError, DiscoveryError, FetchError
from factwatch.core.records import FetchedPage, SourceConfig
from factwatch.scraper.archives.captures import (
    capture_metadata,
    cdx_date,
    from_iso,
    parse_config_date,
)
from factwatch.scraper.archives.wayback import IndexPage

API_URL = "https://content.guardianapis.com/search"
KEY_ENV = "FACTWATCH_GUARDIAN_KEY"
PAGE_SIZE = 50  # the API allows up to 200
FIELDS = "headline,body,byline,firstPublicationDate,trailText"
_KEY = re.compile(r"(api-key=)[^&\s#'\"]+", re.I)


def redact(text: str | None) -> str | None:
    """``text`` with any API key in it replaced."""
    return _KEY.sub(r"\1REDACTED", text) if text else text


def api_key(source: SourceConfig) -> str:
    key = source.api_key or os.environ.get(KEY_ENV, "")
    if not key:
        raise ConfigError(
            f"source {source.name!r}: the Guardian content API needs a key: set api_key in "
            f"config.toml or the environment variable {KEY_ENV}"
        )
    return key


class GuardianIndex:
    """Search pages of the content API for one ``guardian`` source."""

    archive = "guardian"

    def __init__(self, source: SourceConfig, fetcher: Any):
        self.source = source
        self.fetcher = fetcher
        self.api_url = source.index_url or API_URL
        self.key = api_key(source)
        fetcher.trust(self.api_url)

    def query(self, page: int) -> str:
        params = [("q", self.source.query)] if self.source.query else []
        if self.source.section:
            params.append(("section", self.source.section))
        if self.source.since:
            params.append(("from-date", _day(self.source.since, end=False)))
        if self.source.until:
            params.append(("to-date", _day(self.source.until, end=True)))
        params += [
            ("order-by", "oldest"),
            ("page", str(page)),
            ("page-size", str(self.source.page_size or PAGE_SIZE)),
            ("show-fields", FIELDS),
            ("api-key", self.key),
        ]
        return f"{self.api_url}?{urlencode(params)}"

    def page(self, cursor: dict[str, Any] | None) -> IndexPage:
        number = int((cursor or {}).get("page", 1))
        url = self.query(number)
        result = self.fetcher.fetch(url, purpose="index", accept="application/json")
        if result.status == 401 or result.status == 403:
            raise ConfigError(
                f"source {self.source.name!r}: the Guardian content API refused the key "
                f"(HTTP {result.status}); check api_key or {KEY_ENV}"
            )
        if result.error:
            raise FetchError(
                f"guardian API query failed: {redact(result.error)}", url=redact(url) or ""
            )
        try:
            answer = json.loads(result.text())["response"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise DiscoveryError(f"{redact(url)}: not a content API answer ({exc!r})") from None
        if answer.get("status") != "ok":
            raise DiscoveryError(f"{redact(url)}: API error: {answer.get('message', answer)}")
        results = [r for r in answer.get("results", []) if r.get("type", "article") == "article"]
        pages = int(answer.get("pages", 0) or 0)
        nxt = {"page": number + 1} if number < pages else None
        return IndexPage(key=f"page {number}", captures=results, next_cursor=nxt)

    def fetch(self, capture: dict[str, Any]) -> FetchedPage:
        """The article of one API result (no request: the body is in the result)."""
        fields = capture.get("fields") or {}
        if not fields.get("body"):
            raise FetchError(f"{capture.get('webUrl')}: the API result has no body", url="")
        published = fields.get("firstPublicationDate") or capture.get("webPublicationDate", "")
        return FetchedPage(
            url=capture["webUrl"],
            body=document(capture).encode("utf-8"),
            source=self.source.name,
            content_type="text/html; charset=utf-8",
            fetched_url=capture.get("apiUrl") or capture["webUrl"],
            published=published or None,
            title=fields.get("headline") or capture.get("webTitle"),
            topic_filter=self.source.topic_filter,
            metadata=capture_metadata(
                "guardian",
                from_iso(capture.get("webPublicationDate", "")),
                id=capture.get("id"),
                api_url=capture.get("apiUrl"),
            ),
        )


def document(result: dict[str, Any]) -> str:
    """An HTML page carrying an API result's fields, for the extractor."""
    fields = result.get("fields") or {}
    title = html.escape(fields.get("headline") or result.get("webTitle", ""))
    byline = html.escape(fields.get("byline", ""))
    published = html.escape(
        fields.get("firstPublicationDate") or result.get("webPublicationDate", "")
    )
    url = html.escape(result.get("webUrl", ""))
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{title}</title>"
        f'<link rel="canonical" href="{url}">'
        f'<meta property="og:site_name" content="The Guardian">'
        f'<meta property="article:published_time" content="{published}">'
        f'<meta name="author" content="{byline}">'
        f"</head><body><article><h1>{title}</h1>{fields.get('body', '')}</article>"
        "</body></html>"
    )


def _day(value: str, *, end: bool) -> str:
    """A config date as the API's YYYY-MM-DD (a month or year: its first or last day)."""
    if end:
        digits = cdx_date(value, end=True)[:8]
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
    first = parse_config_date(value)
    return first.isoformat() if first else value
