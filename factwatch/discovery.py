"""Discover every source of a pass at once, each host under its own rules.

    results = discover_all(sources, fetcher, validators=v, progress=True)

Each source is discovered on its own thread (at most ``MAX_THREADS`` at a
time) through the pass's one fetcher, so the per-host rules hold across all
of them exactly as they do for one: a host's robots.txt is fetched once and
obeyed, requests to a host start at least ``per_host_delay`` (or its
Crawl-delay) apart, a Retry-After holds back the whole host, and no more than
``politeness.concurrency`` requests are in flight at once.  While one host
waits out its delay, the others go on, so a pass over many hosts spends about
one host's worth of waiting rather than the sum of them.

Fetch records made on a discovery thread are tagged with its source
(``current_source``), so the fetch log says which source each fetch was for.
Results come back in the order of ``sources`` whatever order they finish in.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any

from factwatch.core.errors import FactwatchError
from factwatch.core.records import SourceConfig
from factwatch.scraper.discover import DiscoveryResult, discover

log = logging.getLogger("factwatch.discovery")

MAX_THREADS = 64  # discovery threads mostly wait out host delays; requests are capped apart

_current = threading.local()


def current_source() -> str | None:
    """The source being discovered on this thread, if any."""
    return getattr(_current, "source", None)


class SourceValidators:
    """One source's view of the pass's ETag/Last-Modified store, safe across threads."""

    def __init__(self, validators: Any, source: str, lock: threading.Lock):
        self.validators = validators
        self.source = source
        self.lock = lock

    def get(self, url: str) -> tuple[str | None, str | None] | None:
        with self.lock:
            found: tuple[str | None, str | None] | None = self.validators.get(url)
            return found

    def save(self, url: str, *, etag: str | None, last_modified: str | None) -> None:
        with self.lock:
            self.validators.save(url, etag=etag, last_modified=last_modified, source=self.source)


@dataclass
class Discovered:
    """What discovering one source gave: a result, or the error that stopped it."""

    source: SourceConfig
    result: DiscoveryResult | None = None
    error: FactwatchError | None = None
    skipped: bool = False  # a stop was requested before this source started


def discover_all(
    sources: list[SourceConfig],
    fetcher: Any,
    *,
    validators: Any,
    lock: threading.Lock | None = None,
    progress: Any = None,
    stop: threading.Event | None = None,
    discover_fn: Callable[..., DiscoveryResult] = discover,
) -> list[Discovered]:
    """Discover ``sources`` in parallel; one ``Discovered`` per source, in order.

    ``validators`` needs ``get(url)`` and ``save(url, *, etag, last_modified,
    source)``; calls to it are serialised with ``lock``.  ``progress`` gets
    ``update(1)`` as each source finishes."""
    lock = lock or threading.Lock()
    out = [Discovered(source) for source in sources]
    if not sources:
        return out

    def one(item: Discovered) -> None:
        if stop is not None and stop.is_set():
            item.skipped = True
            return
        _current.source = item.source.name
        try:
            # The topic filter runs on the extracted text, not on feed
            # summaries: a summary too short to name anyone must not hide
            # an article from us.
            item.result = discover_fn(
                item.source,
                fetcher,
                etag_store=SourceValidators(validators, item.source.name, lock),
            )
        except FactwatchError as exc:
            item.error = exc
        finally:
            _current.source = None

    threads = min(MAX_THREADS, len(sources))
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="discover") as pool:
        futures = [pool.submit(one, item) for item in out]
        for future in as_completed(futures):
            future.result()
            if progress is not None:
                progress.update(1)
    return out
