"""Archive sources as shards: WARC files, and index pages with their captures fetched.

``ShardPlanner.shards(source)`` yields the shards of one source that are not
done yet, registering each (pending) before it is handed out:

- ``warc``: one shard per file; a ``.paths`` or ``.paths.gz`` listing (as
  Common Crawl publishes for each crawl and for CC-NEWS) stands for the
  files it names, relative ones under ``data_url``;
- ``wayback``, ``commoncrawl``, ``guardian``: first the index pages left
  unfinished by an earlier run, then new pages from the source's cursor.
  A page is registered together with the cursor after it, in one
  transaction, so a run stopped anywhere neither skips nor repeats a page.
  Its captures are fetched here, in one process, through the polite Fetcher
  (per-host delay, robots.txt, Retry-After), and shipped to a worker.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import threading
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from factwatch.backcheck.shards import Shard
from factwatch.core.errors import FactwatchError, FetchError
from factwatch.core.records import SourceConfig
from factwatch.core.settings import Config
from factwatch.db import archives, transaction
from factwatch.scraper.archives.commoncrawl import CommonCrawlIndex
from factwatch.scraper.archives.guardian import GuardianIndex, redact
from factwatch.scraper.archives.stream import open_location
from factwatch.scraper.archives.wayback import WaybackIndex

log = logging.getLogger("factwatch.backcheck")


def index_for(source: SourceConfig, fetcher: Any) -> Any:
    """The index reader of an archive source (WaybackIndex, CommonCrawlIndex, GuardianIndex)."""
    if source.kind == "wayback":
        return WaybackIndex(source, fetcher)
    if source.kind == "commoncrawl":
        return CommonCrawlIndex(source, fetcher)
    if source.kind == "guardian":
        return GuardianIndex(source, fetcher)
    raise FactwatchError(f"source {source.name!r}: {source.kind} has no index")


def signature(source: SourceConfig) -> str:
    """A short hash of what a source asks its index for: a cursor or shard made
    under other settings (another URL, other dates) is not reused."""
    asked = [
        source.kind,
        source.url,
        source.urls,
        source.match_type,
        source.crawls,
        source.query,
        source.section,
        source.since,
        source.until,
        source.page_size,
        source.index_url,
    ]
    return hashlib.sha256(json.dumps(asked).encode("utf-8")).hexdigest()[:8]


def warc_locations(source: SourceConfig, config: Config) -> list[str]:
    """The WARC files of a warc source, listings expanded."""
    out: list[str] = []
    for location in [source.url, *source.urls]:
        if not location:
            continue
        if location.endswith((".paths", ".paths.gz")):
            out.extend(_listing(location, source, config))
        else:
            out.append(location)
    return out


def _listing(location: str, source: SourceConfig, config: Config) -> list[str]:
    with open_location(location, politeness=config.politeness, safety=config.safety) as stream:
        data = stream.read()
    if location.endswith(".gz"):
        data = gzip.GzipFile(fileobj=io.BytesIO(data)).read()
    base = source.data_url or location.rsplit("/", 1)[0]
    names = [line.strip() for line in data.decode("utf-8").splitlines() if line.strip()]
    return [n if "://" in n or n.startswith("/") else f"{base.rstrip('/')}/{n}" for n in names]


class ShardPlanner:
    """Shards still to do, for each archive source (see the module docstring)."""

    def __init__(
        self,
        config: Config,
        db: sqlite_utils.Database,
        fetcher: Any,
        *,
        stop_event: threading.Event,
    ):
        self.config = config
        self.db = db
        self.fetcher = fetcher
        self.stop_event = stop_event
        self.skipped = 0  # shards already done in an earlier run

    def shards(self, source: SourceConfig) -> Iterator[Shard]:
        if source.kind == "warc":
            yield from self._warc(source)
        else:
            yield from self._index(source)

    def _warc(self, source: SourceConfig) -> Iterator[Shard]:
        for location in warc_locations(source, self.config):
            key = f"warc:{source.name}:{location}"
            if archives.shard_status(self.db, key) == "done":
                self.skipped += 1
                continue
            with transaction(self.db):
                archives.register_shard(
                    self.db, key, source=source.name, kind="warc", location=location
                )
            yield Shard(
                key, source.name, "warc", location=location, topic_filter=source.topic_filter
            )

    def _index(self, source: SourceConfig) -> Iterator[Shard]:
        index = index_for(source, self.fetcher)
        sig = signature(source)
        prefix = f"{source.kind}:{source.name}:{sig}:"
        for row in archives.unfinished_shards(self.db, source.name):
            if self.stop_event.is_set():
                return
            if row["key"].startswith(prefix):  # else: made under other settings
                yield self._fetched(index, source, row["key"], row["captures"])
        cursor, finished = archives.cursor(self.db, source.name, signature=sig)
        while not finished and not self.stop_event.is_set():
            page = index.page(cursor)
            key = prefix + page.key
            finished = page.next_cursor is None
            with transaction(self.db):
                if archives.shard_status(self.db, key) is None and page.captures:
                    archives.register_shard(
                        self.db, key, source=source.name, kind="pages", captures=page.captures
                    )
                    fresh = True
                else:
                    fresh = False
                archives.save_cursor(
                    self.db, source.name, page.next_cursor, finished=finished, signature=sig
                )
            if fresh:
                yield self._fetched(index, source, key, page.captures)
            cursor = page.next_cursor

    def _fetched(
        self, index: Any, source: SourceConfig, key: str, captures: list[dict[str, Any]]
    ) -> Shard:
        shard = Shard(key, source.name, "pages", topic_filter=source.topic_filter)
        for capture in captures:
            if self.stop_event.is_set():
                shard.retry_later = True
                break
            try:
                shard.pages.append(index.fetch(capture))
            except FetchError as exc:
                shard.failed.append(redact(str(exc)) or "")
                if exc.kind == "temporary":
                    shard.retry_later = True
        return shard
