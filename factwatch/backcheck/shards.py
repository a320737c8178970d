"""One shard's work, run on a Dask worker: read or take its pages, return records.

A shard is a WARC file (the worker streams it itself) or an index page of
captures (the driver fetched them politely and ships their bytes).  The
task is a plain function of picklable values and returns a ``ShardResult``:
the records of the pages that became articles (the compact ``work.Record``:
article text, offsets and findings; never HTML) and counts for the rest.
It never raises for a bad page or file: problems come back as counts and
messages, so the driver decides what is done.
"""

from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass, field

from factwatch.core.errors import FetchError
from factwatch.core.records import FetchedPage
from factwatch.core.settings import Politeness, Safety
from factwatch.scraper.archives.stream import open_location
from factwatch.scraper.archives.warcfile import WarcStats, read_pages
from factwatch.work import ARTICLE, FAILED, NO_TEXT, OFF_TOPIC, CheckSpec, Record, process_page


@dataclass
class Shard:
    key: str
    source: str
    kind: str  # "warc" | "pages"
    location: str = ""  # warc: path or URL of the file
    pages: list[FetchedPage] = field(default_factory=list)  # pages: the fetched captures
    failed: list[str] = field(default_factory=list)  # captures the driver could not fetch
    retry_later: bool = False  # a capture failed for a reason that may pass (5xx, 429)
    topic_filter: bool = True


@dataclass
class ShardResult:
    key: str
    records: list[Record] = field(default_factory=list)  # ARTICLE records only
    read: int = 0  # pages processed
    off_topic: int = 0
    no_text: int = 0
    failed: int = 0
    truncated: int = 0  # records cut short or failing their digest (WARC files)
    revisits_skipped: int = 0  # revisit records whose original is not in the file
    errors: list[str] = field(default_factory=list)
    fatal: str | None = None  # the shard could not be read at all (retried next run)
    worker: str = ""
    seconds: float = 0.0

    def take(self, record: Record) -> None:
        self.read += 1
        if record.outcome == ARTICLE:
            self.records.append(record)
        elif record.outcome == OFF_TOPIC:
            self.off_topic += 1
        elif record.outcome == NO_TEXT:
            self.no_text += 1
        elif record.outcome == FAILED:
            self.failed += 1
            self.errors.append(record.message)


def run_shard(shard: Shard, spec: CheckSpec, politeness: Politeness, safety: Safety) -> ShardResult:
    """Process one shard (see the module docstring); runs on a worker."""
    t0 = time.perf_counter()
    result = ShardResult(shard.key, worker=f"{socket.gethostname()}:{os.getpid()}")
    result.errors.extend(shard.failed)
    result.failed += len(shard.failed)
    if shard.kind == "warc":
        _read_warc(shard, spec, politeness, safety, result)
    else:
        for page in shard.pages:
            result.take(process_page(page, spec))
    result.seconds = time.perf_counter() - t0
    return result


def _read_warc(
    shard: Shard, spec: CheckSpec, politeness: Politeness, safety: Safety, result: ShardResult
) -> None:
    stats = WarcStats()
    try:
        with open_location(shard.location, politeness=politeness, safety=safety) as stream:
            for page in read_pages(
                stream,
                location=shard.location,
                source=shard.source,
                stats=stats,
                max_bytes=politeness.max_bytes,
                topic_filter=shard.topic_filter,
            ):
                result.take(process_page(page, spec))
    except FetchError as exc:
        result.fatal = str(exc)
    result.errors.extend(stats.errors)
    result.truncated = stats.truncated
    result.revisits_skipped = stats.revisits_skipped
