"""Find article URLs for one configured source.

    result = discover(source, fetcher)          # a SourceConfig and anything with .fetch()
    result.links, result.errors, result.ttl_seconds

Source kinds: "feed" (RSS/Atom), "sitemap" (urlset, news sitemap, sitemap
index followed up to a depth and count limit, gzipped or plain text), "urls"
(an inline list, or ``url`` naming a text file by URL or local path) and
"listing" (links on an HTML page whose absolute URL matches ``pattern``).

Nothing here raises for a bad source: every problem becomes a message in
``result.errors`` naming the URL and what went wrong, so one broken feed never
stops a pass.  ``fetcher`` is any object with
``fetch(url, *, purpose=...) -> FetchResult`` that reports per-URL problems in
``FetchResult.error`` (scraper.fetch.Fetcher does); when an ``etag_store`` is
given, the stored ETag/Last-Modified are sent too and a 304 yields no links.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from factwatch.core.errors import DiscoveryError
from factwatch.core.records import FetchResult, Link, SourceConfig
from factwatch.scraper.feeds import read_feed
from factwatch.scraper.links import absolute_url, unique_links
from factwatch.scraper.listing import parse_listing, parse_url_list
from factwatch.scraper.safexml import SITEMAP_MAX_BYTES
from factwatch.scraper.sitemaps import read_sitemap
from factwatch.scraper.topic import TopicFilter

MAX_SITEMAPS = 50  # sitemap documents fetched per source and pass
MAX_SITEMAP_DEPTH = 3  # index -> index -> index -> urlset
_LABELS = {"urls": "URL list", "listing": "listing page"}


@dataclass
class DiscoveryResult:
    links: list[Link] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # the source yielded nothing it should have
    fetched: list[FetchResult] = field(default_factory=list)  # feed/sitemap/list/listing fetches
    ttl_seconds: int | None = None  # <ttl>, sy:updatePeriod or Cache-Control max-age
    warnings: list[str] = field(default_factory=list)  # usable but imperfect (bozo feeds, caps)
    skipped: int = 0  # links the topic prefilter dropped
    not_modified: bool = False  # the source's document had not changed since the last pass


class EtagStore(Protocol):
    def get(self, url: str) -> tuple[str | None, str | None] | None: ...

    def save(self, url: str, *, etag: str | None, last_modified: str | None) -> None: ...


class MemoryEtagStore:
    """ETag/Last-Modified validators kept in a dict (one process, or tests)."""

    def __init__(self) -> None:
        self.validators: dict[str, tuple[str | None, str | None]] = {}

    def get(self, url: str) -> tuple[str | None, str | None] | None:
        return self.validators.get(url)

    def save(self, url: str, *, etag: str | None, last_modified: str | None) -> None:
        if etag or last_modified:
            self.validators[url] = (etag, last_modified)


def max_age(headers: dict[str, str]) -> int | None:
    """Cache-Control max-age (or s-maxage) in seconds, if the response has one."""
    for name, value in headers.items():
        if name.lower() == "cache-control":
            m = re.search(r"(?:^|[,\s])(?:s-)?max-age\s*=\s*\"?(\d+)", value, re.I)
            if m:
                return int(m.group(1))
    return None


class Discoverer:
    """Discovery for any number of sources with one fetcher and its options."""

    def __init__(
        self,
        fetcher: Any,
        *,
        etag_store: EtagStore | None = None,
        topic: TopicFilter | None = None,
        max_sitemaps: int = MAX_SITEMAPS,
        max_depth: int = MAX_SITEMAP_DEPTH,
        max_sitemap_bytes: int = SITEMAP_MAX_BYTES,
        on_progress: Callable[[str], None] | None = None,
    ) -> None:
        self.fetcher = fetcher
        self.on_progress = on_progress
        self.etag_store = etag_store
        self.topic = topic
        self.max_sitemaps = max_sitemaps
        self.max_depth = max_depth
        self.max_sitemap_bytes = max_sitemap_bytes

    # -- fetching ---------------------------------------------------------------

    def _fetch(self, url: str, purpose: str, result: DiscoveryResult) -> FetchResult | None:
        """Fetch one discovery document; None (and a recorded reason) unless it has a body."""
        stored = self.etag_store.get(url) if self.etag_store is not None else None
        if stored and (stored[0] or stored[1]):
            fetched = self.fetcher.fetch(
                url, purpose=purpose, etag=stored[0], last_modified=stored[1]
            )
        else:
            fetched = self.fetcher.fetch(url, purpose=purpose)
        result.fetched.append(fetched)
        if fetched.not_modified:
            return None
        if fetched.error:
            problem = fetched.error if url in fetched.error else f"{url}: {fetched.error}"
            result.errors.append(f"could not fetch {_LABELS.get(purpose, purpose)} {problem}")
            return None
        if self.etag_store is not None:
            self.etag_store.save(url, etag=fetched.etag, last_modified=fetched.last_modified)
        return fetched

    # -- source kinds -----------------------------------------------------------

    def _feed(self, source: SourceConfig, result: DiscoveryResult) -> None:
        fetched = self._fetch(source.url, "feed", result)
        if fetched is None:
            result.not_modified = bool(result.fetched and result.fetched[-1].not_modified)
            return
        doc = read_feed(fetched.body, base_url=fetched.final_url or source.url, source=source.name)
        result.links.extend(doc.links)
        result.warnings.extend(doc.warnings)
        hints = [h for h in (doc.ttl_seconds, max_age(fetched.headers)) if h]
        result.ttl_seconds = max(hints) if hints else None

    def _sitemap(self, source: SourceConfig, result: DiscoveryResult) -> None:
        limit = source.max_articles if source.max_articles > 0 else None
        queue: list[tuple[str, int]] = [(source.url, 0)]
        seen = {source.url}
        count = 0
        while queue:
            if limit is not None and len(unique_links(result.links)) >= limit:
                break
            if count >= self.max_sitemaps:
                result.warnings.append(
                    f"{source.url}: stopped after {self.max_sitemaps} sitemaps; "
                    f"{len(queue)} more not read this pass"
                )
                break
            url, depth = queue.pop(0)
            count += 1
            fetched = self._fetch(url, "sitemap", result)
            if fetched is None:
                if depth == 0:
                    result.not_modified = result.fetched[-1].not_modified
                continue
            if depth == 0:
                result.ttl_seconds = max_age(fetched.headers)
            try:
                doc = read_sitemap(
                    fetched.body,
                    base_url=fetched.final_url or url,
                    source=source.name,
                    max_bytes=self.max_sitemap_bytes,
                )
            except DiscoveryError as exc:
                result.errors.append(str(exc))
                continue
            result.links.extend(doc.links)
            if self.on_progress is not None:
                self.on_progress(
                    f"{count} sitemap{'s' if count > 1 else ''} read, {len(result.links):,} links"
                )
            self._queue_children(doc.children, url, depth, queue, seen, result)
        # Newest first, so max_articles keeps the most recent pages.
        result.links.sort(key=lambda link: link.published or "", reverse=True)

    def _queue_children(
        self,
        children: list[Link],
        url: str,
        depth: int,
        queue: list[tuple[str, int]],
        seen: set[str],
        result: DiscoveryResult,
    ) -> None:
        """Queue the sitemaps an index lists, newest first, within max_depth."""
        for child in sorted(children, key=lambda c: c.published or "", reverse=True):
            if child.url in seen:
                continue
            if depth + 1 > self.max_depth:
                result.warnings.append(
                    f"{url}: sitemap indexes nested deeper than {self.max_depth} levels; "
                    f"skipped {child.url}"
                )
                continue
            seen.add(child.url)
            queue.append((child.url, depth + 1))

    def _urls(self, source: SourceConfig, result: DiscoveryResult) -> None:
        for entry in source.urls:
            url = absolute_url(entry)
            if url is None:
                result.errors.append(
                    f"source {source.name!r}: {entry!r} is not an http(s) URL; fix `urls`"
                )
            else:
                result.links.append(Link(url=url, source=source.name))
        if not source.url:
            return
        if absolute_url(source.url):
            fetched = self._fetch(source.url, "urls", result)
            if fetched is not None:
                base = fetched.final_url or source.url
                result.links.extend(
                    parse_url_list(fetched.text(), base_url=base, source=source.name)
                )
            return
        path = Path(source.url.removeprefix("file://")).expanduser()
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            result.errors.append(
                f"{path}: URL list file not found; fix `url` of source {source.name!r}"
            )
            return
        except (OSError, UnicodeDecodeError) as exc:
            result.errors.append(f"{path}: cannot read URL list file ({exc})")
            return
        result.links.extend(parse_url_list(text, base_url="", source=source.name))

    def _listing(self, source: SourceConfig, result: DiscoveryResult) -> None:
        fetched = self._fetch(source.url, "listing", result)
        if fetched is None:
            return
        base = fetched.final_url or source.url
        result.links.extend(
            parse_listing(fetched.text(), base_url=base, pattern=source.pattern, source=source.name)
        )
        result.ttl_seconds = max_age(fetched.headers)

    # -- public -----------------------------------------------------------------

    def discover(self, source: SourceConfig) -> DiscoveryResult:
        """Links for one source, filtered and capped; problems in ``errors``."""
        result = DiscoveryResult()
        handler = {
            "feed": self._feed,
            "sitemap": self._sitemap,
            "urls": self._urls,
            "listing": self._listing,
        }.get(source.kind)
        if handler is None:
            result.errors.append(
                f"source {source.name!r}: unknown kind {source.kind!r} "
                "(use feed, sitemap, urls or listing)"
            )
            return result
        try:
            handler(source, result)
        except DiscoveryError as exc:
            result.errors.append(str(exc))
        except Exception as exc:  # a parser bug must not stop the pass
            where = source.url or source.name
            result.errors.append(f"{where}: could not read ({type(exc).__name__}: {exc})")
        links = unique_links(result.links)
        if self.topic is not None and source.topic_filter:
            kept = [link for link in links if self.topic.prefilter(link)]
            result.skipped = len(links) - len(kept)
            links = kept
        if source.max_articles > 0:
            links = links[: source.max_articles]
        result.links = links
        return result


def discover(
    source: SourceConfig,
    fetcher: Any,
    *,
    etag_store: EtagStore | None = None,
    topic: TopicFilter | None = None,
    max_sitemaps: int = MAX_SITEMAPS,
    max_depth: int = MAX_SITEMAP_DEPTH,
    on_progress: Callable[[str], None] | None = None,
) -> DiscoveryResult:
    """Article links for ``source`` (at most ``source.max_articles``; 0 means no cap).

    With ``topic``, feed entries whose summary and title mention no term are
    dropped before fetching (counted in ``skipped``) unless the source sets
    ``topic_filter = false``.  ``on_progress`` is told how far a sitemap
    source has got ("3 sitemaps read, 12,000 links") after each sitemap."""
    discoverer = Discoverer(
        fetcher,
        etag_store=etag_store,
        topic=topic,
        max_sitemaps=max_sitemaps,
        max_depth=max_depth,
        on_progress=on_progress,
    )
    return discoverer.discover(source)
