"""One pass over the sources: discover -> fetch -> extract -> filter -> check -> store.

``run_pass()`` is the thin public function; ``Pass`` holds what one pass
shares (fetcher, work spec, counters).  Fetching stays in this process, in
one polite fetcher, run ahead on a thread of its own (``workpool.Prefetch``)
so that it goes on while the writer stores; each fetched page goes to
``factwatch.work.process_page`` (extract, topic filter, claim check) on
``processing.workers`` worker processes (``factwatch.workpool``, started
while the sources are discovered), and the compact records come back, in
fetch order, to the one ``work.Writer`` here.  Each article is stored whole
with its findings, so a pass stopped at any moment loses nothing it stored;
the fetch log is written in the same transactions as the records.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from factwatch.core.records import FetchedPage, FetchResult, Link, SourceConfig
from factwatch.core.settings import Config
from factwatch.db import store, transaction
from factwatch.discovery import current_source, discover_all
from factwatch.progress import PassBar
from factwatch.scraper.discover import discover
from factwatch.scraper.fetch import Fetcher, FetchRequest
from factwatch.work import (
    ARTICLE,
    FAILED,
    OFF_TOPIC,
    CheckRecord,
    CheckSpec,
    Record,
    Writer,
    check_article,
    check_stored,
    checker,
    page_from_fetch,
    process_page,
    write_check,
)
from factwatch.workpool import Prefetch, WorkPool

log = logging.getLogger("factwatch.pipeline")
SHOWN_FAILURES = 5  # per source in a pass's summary; `status --failures` lists them all

RECHECK_CHUNK = 16  # stored articles handed to a worker at a time
PREFETCH = 16  # fetched pages waiting for a worker, at most


@dataclass
class SourceReport:
    name: str
    discovered: int = 0
    fetched: int = 0
    not_modified: int = 0
    stored: int = 0
    duplicates: int = 0
    off_topic: int = 0
    skipped: int = 0  # already stored, or known dead
    flagged: int = 0
    failed: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # url, kind, message
    discovery_error: str | None = None
    ttl_seconds: int | None = None

    def fail(self, url: str, kind: str, message: str) -> None:
        self.failed += 1
        self.errors.append((url, kind, message))


@dataclass
class RunReport:
    run_id: int | None
    sources: list[SourceReport] = field(default_factory=list)
    new_findings: list[dict[str, Any]] = field(default_factory=list)
    interrupted: bool = False

    def total(self, name: str) -> int:
        return sum(getattr(s, name) for s in self.sources)

    @property
    def fetched(self) -> int:
        return self.total("fetched")

    @property
    def stored(self) -> int:
        return self.total("stored")

    @property
    def flagged(self) -> int:
        return self.total("flagged")

    @property
    def failed(self) -> int:
        return self.total("failed")

    def summary(self) -> list[str]:
        """What the pass did, for people: totals, then a line per source, its
        first few errors and how many more `factwatch status --failures` lists."""
        lines = [
            f"fetched {self.fetched}, stored {self.stored}, flagged {self.flagged}, "
            f"failed {self.failed}" + (" (stopped early)" if self.interrupted else "")
        ]
        for s in self.sources:
            lines.append(
                f"  {s.name}: discovered {s.discovered}, fetched {s.fetched}, "
                f"stored {s.stored}, duplicates {s.duplicates}, off-topic {s.off_topic}, "
                f"unchanged {s.not_modified + s.skipped}, failed {s.failed}"
            )
            for url, kind, message in s.errors[:SHOWN_FAILURES]:
                where = message if url in message else f"{url}: {message}"
                lines.append(f"    ! {kind}: {where}")
            if len(s.errors) > SHOWN_FAILURES:
                more = len(s.errors) - SHOWN_FAILURES
                lines.append(f"    ... and {more} more (factwatch status --failures)")
        return lines


class Validators:
    """ETag/Last-Modified of feeds, sitemaps and listings, kept in ``url_state``.

    New validators are saved only after every link the document listed has
    been processed without a temporary failure.  A pass killed midway, or one
    where an article timed out, re-reads the feed next time instead of getting
    a 304 and never seeing the unfinished links again.
    """

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.pending: dict[str, list[tuple[str, str | None, str | None]]] = {}

    def get(self, url: str) -> tuple[str | None, str | None] | None:
        state = store.url_state(self.db, url)
        return (state["etag"], state["last_modified"]) if state else None

    def save(self, url: str, *, etag: str | None, last_modified: str | None, source: str) -> None:
        self.pending.setdefault(source, []).append((url, etag, last_modified))

    def commit(self, source: str) -> None:
        for url, etag, last_modified in self.pending.pop(source, []):
            store.save_url_state(self.db, url, etag=etag, last_modified=last_modified, status=200)


class Pass:
    """What one pass shares.  Use ``run_pass()`` unless you need the parts."""

    def __init__(
        self,
        config: Config,
        db: sqlite_utils.Database,
        *,
        run_id: int | None = None,
        refresh: bool = False,
        stop_event: threading.Event | None = None,
        workers: int | None = None,
    ):
        self.config = config
        self.db = db
        self.run_id = run_id
        self.refresh = refresh
        self.stop_event = stop_event or threading.Event()
        self.report = RunReport(run_id)
        self.source_configs: dict[str, SourceConfig] = {}
        self.records: queue.Queue = queue.Queue()
        self.fetch_log: list[tuple[str, Any]] = []  # taken, not yet written
        self.link_sources: dict[str, str] = {}  # the source of each link to fetch
        self.validators = Validators(db)
        self.spec = CheckSpec.from_config(config)
        self.facts_version = checker(self.spec).facts_version  # facts errors surface here
        self.writer = Writer(db)
        self.workers = workers or config.processing.workers
        self.source_reports: dict[str, SourceReport] = {}
        self.pool: WorkPool | None = None

    def work_pool(self) -> WorkPool:
        """The pass's worker processes, each loading the facts as it starts."""
        if self.pool is None:
            self.pool = WorkPool(workers=self.workers, warm=checker, warm_args=(self.spec,))
        return self.pool

    # -- fetch log ---------------------------------------------------------------
    def on_fetch(self, record: Any) -> None:
        """The fetcher's callback (any thread): queue the record with its source."""
        self.records.put((current_source(), record))

    def take_records(self, source: str) -> None:
        """Take the queued fetch records (made on other threads) into the fetch
        log to write, each under its own source: the one it was tagged with,
        else the source of the link it fetched, else ``source``."""
        while True:
            try:
                tagged, record = self.records.get_nowait()
            except queue.Empty:
                return
            linked = self.link_sources.get(getattr(record, "url", ""), "")
            self.fetch_log.append((tagged or linked or source, record))

    def write_fetch_log(self) -> None:
        """Write the fetch log taken so far (inside the caller's transaction,
        if any: the writer stores it with the records it is storing)."""
        if not self.fetch_log:
            return
        with transaction(self.db):
            for source, record in self.fetch_log:
                store.record_fetch(self.db, record, run_id=self.run_id, source=source)
        self.fetch_log.clear()

    def drain_records(self, source: str) -> None:
        """Write every queued fetch record now, in one transaction."""
        self.take_records(source)
        self.write_fetch_log()

    def forget_later(self, url: str, r: FetchResult) -> None:
        """Remember a page that yields no article, so the next pass skips it."""
        store.save_url_state(
            self.db, url, etag=r.etag, last_modified=r.last_modified, status=r.status
        )

    # -- stages ------------------------------------------------------------------
    def discover(
        self, sources: list[SourceConfig], fetcher: Any, progress: bool = False
    ) -> list[tuple[Link, Any]]:
        """Discover every source at once (``factwatch.discovery``); the links to fetch."""
        for source in sources:
            self._add_source(source, fetcher)
        bar = _progress(len(sources), progress, fetcher=fetcher, unit="source", verb="discovered")
        found = discover_all(
            sources,
            fetcher,
            validators=self.validators,
            progress=bar,
            stop=self.stop_event,
            discover_fn=_discover_reporting(bar),
        )
        bar.close()
        self.drain_records("")
        wanted: list[tuple[Link, Any]] = []
        seen: set[str] = set()
        for item in found:
            source, report = item.source, self.source_reports[item.source.name]
            if item.error is not None:
                report.discovery_error = str(item.error)
                report.fail(source.url, "soft", str(item.error))
                continue
            if item.result is None:  # stopped before it started
                continue
            result = item.result
            report.ttl_seconds = result.ttl_seconds
            failed_fetch = next((r for r in result.fetched if r.error), None)
            kind = (failed_fetch.error_kind if failed_fetch else None) or "soft"
            for message in result.errors:
                report.discovery_error = message
                report.fail(source.url, kind, message)
            if result.not_modified:
                report.not_modified += 1
            for link in result.links:
                report.discovered += 1
                if link.url in seen or not self._wanted(link, source):
                    report.skipped += 1
                    continue
                seen.add(link.url)
                wanted.append((link, report))
        return wanted

    def _add_source(self, source: SourceConfig, fetcher: Any) -> None:
        self.source_configs[source.name] = source
        report = SourceReport(source.name)
        self.report.sources.append(report)
        self.source_reports[source.name] = report
        store.upsert_source(self.db, source)
        # The operator chose these URLs: their hosts pass the address check
        # (an intranet or loopback source), links found there are checked.
        for url in [source.url, *source.urls]:
            if "://" in url:
                fetcher.trust(url)

    def _wanted(self, link: Link, source: SourceConfig) -> bool:
        if self.refresh:
            return True
        if store.known_url(self.db, link.url) is not None:
            return False
        state = store.url_state(self.db, link.url)
        # Seen before and gave no article (off topic, no text, gone): skip.
        return not (state and state["last_status"] in (200, 404, 410))

    def store(self, records: list[Record]) -> None:
        """Store records that are ready together in one transaction (each whole
        inside it), and count them in their sources' reports."""
        with transaction(self.db):
            self.write_fetch_log()
            for record in records:
                self._store(record)

    def _store(self, record: Record) -> None:
        report = self.source_reports[record.source]
        if record.outcome == FAILED:
            report.fail(record.fetched_url, "soft", record.message)
            return
        written = self.writer.write_in_transaction(record)
        if record.outcome == OFF_TOPIC:
            report.off_topic += 1
        elif record.outcome != ARTICLE:
            report.fail(record.fetched_url, "soft", record.message)
        elif written.outcome in ("new", "updated"):
            report.stored += 1
        elif written.outcome in ("duplicate", "unchanged", "older"):
            report.duplicates += 1
        report.flagged += len(written.new_findings)
        self.report.new_findings.extend(written.new_findings)

    def fetched_pages(self, requests: list[Any], fetcher: Any, bar: Any) -> Iterator[FetchedPage]:
        """Fetch ``requests`` politely; yield the pages that have a body to process.

        Failures and 304s are counted here.  A stop request ends the stream
        after the current page (what is in flight is still processed)."""
        results = Prefetch(fetcher.fetch_many(requests), size=PREFETCH, stop=self.stop_event)
        try:
            for result in results:
                link, report = result.request_key
                self.take_records(link.source)  # written with the next stored records
                report.fetched += 1
                bar.update(1)
                if result.error:
                    report.fail(link.url, result.error_kind or "temporary", result.error)
                    log.info(
                        "%s",
                        result.error if link.url in result.error else f"{link.url}: {result.error}",
                    )
                    if result.error_kind == "hard":
                        self.forget_later(link.url, result)
                elif result.not_modified:
                    report.not_modified += 1
                else:
                    source = self.source_configs.get(link.source)
                    topic_filter = source.topic_filter if source is not None else True
                    yield page_from_fetch(link, result, topic_filter=topic_filter)
                if self.stop_event.is_set():
                    self.report.interrupted = True
                    log.warning("stop requested: finishing after the current article")
                    return
        finally:
            results.close()

    def fetch_and_process(
        self, wanted: list[tuple[Link, SourceReport]], fetcher: Any, progress: bool
    ) -> None:
        reqs = []
        for link, report in wanted:
            self.link_sources[link.url] = link.source
            state = store.url_state(self.db, link.url) if self.refresh else None
            reqs.append(
                FetchRequest(
                    url=link.url,
                    purpose="article",
                    key=(link, report),
                    etag=state["etag"] if state else None,
                    last_modified=state["last_modified"] if state else None,
                )
            )
        bar = _progress(len(reqs), progress, fetcher=fetcher)
        with self.work_pool() as pool:
            pages = self.fetched_pages(reqs, fetcher, bar)
            for batch in pool.batches(process_page, pages, self.spec):
                self.store([record for _page, record in batch])
        bar.close()
        if not self.report.interrupted:
            for report in self.report.sources:
                if not any(kind == "temporary" for _, kind, _ in report.errors):
                    self.validators.commit(report.name)


def _progress(
    total: int, progress: bool, *, fetcher: Any, unit: str = "page", verb: str = "fetched"
) -> PassBar:
    return PassBar(total, enabled=progress, fetcher=fetcher, unit=unit, verb=verb)


def _discover_reporting(bar: PassBar) -> Callable[..., Any]:
    """``discover`` that tells ``bar`` how far a sitemap source has got."""

    def run(*args: Any, **kwargs: Any) -> Any:
        name = current_source() or "a source"

        def report(detail: str) -> None:
            bar.detail(f"discovering {name}: {detail}")

        return discover(*args, on_progress=report, **kwargs)

    return run


def run_pass(
    config: Config,
    *,
    db: sqlite_utils.Database,
    run_id: int | None = None,
    sources: list[SourceConfig] | None = None,
    stop_event: threading.Event | None = None,
    on_source_done: Callable[[SourceReport], None] | None = None,
    refresh: bool = False,
    progress: bool = False,
    workers: int | None = None,
) -> RunReport:
    """Run one pass over ``sources`` (default: all configured) and store the results."""
    run = Pass(config, db, run_id=run_id, refresh=refresh, stop_event=stop_event, workers=workers)
    with (
        run.work_pool() as pool,
        Fetcher(config.politeness, config.safety, on_fetch=run.on_fetch) as fetcher,
    ):
        pool.start()  # the workers start while the sources are discovered
        wanted = run.discover(config.sources if sources is None else sources, fetcher, progress)
        if not run.stop_event.is_set():
            run.fetch_and_process(wanted, fetcher, progress)
        else:
            run.report.interrupted = True
        run.drain_records("")
    for report in run.report.sources:
        if on_source_done is not None:
            on_source_done(report)
    return run.report


def _stored_rows(db: sqlite_utils.Database, page: int = 200) -> Iterator[dict[str, Any]]:
    """Every stored article's row, in id order, a page of rows at a time."""
    last = 0
    while True:
        rows = list(
            db.query("SELECT * FROM articles WHERE id > ? ORDER BY id LIMIT ?", [last, page])
        )
        if not rows:
            return
        yield from rows
        last = rows[-1]["id"]


def _stored_ids(db: sqlite_utils.Database, page: int = 1000) -> Iterator[int]:
    """Every stored article's id, in order, a page of ids at a time."""
    last = 0
    while True:
        ids = [
            row[0]
            for row in db.execute(
                "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?", [last, page]
            ).fetchall()
        ]
        if not ids:
            return
        yield from ids
        last = ids[-1]


def database_file(db: sqlite_utils.Database) -> str:
    """The file of ``db``'s main database ("" for one in memory)."""
    for _seq, name, path in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return str(path or "")
    return ""


def recheck(
    config: Config, *, db: sqlite_utils.Database, workers: int | None = None
) -> dict[str, int]:
    """Re-run the matcher over every stored article (after the facts change),
    on ``processing.workers`` worker processes, storing from this one.

    With more than one worker, each worker reads the articles it checks from
    the database file itself (``work.check_stored``): this process hands out
    ids and only writes the findings that come back."""
    spec = CheckSpec.from_config(config)
    checker(spec)  # a bad facts file fails here, before any worker starts
    counts = {"articles": 0, "new": 0, "stale": 0, "failed": 0}
    before = db.execute("SELECT count(*) FROM findings WHERE stale = 1").fetchone()[0]
    workers = workers or config.processing.workers
    path = database_file(db) if workers > 1 else ""
    with WorkPool(workers=workers, warm=checker, warm_args=(spec,)) as pool:
        pool.start()
        batches: Iterator[list[tuple[Any, CheckRecord]]]
        if path:
            batches = pool.batches(check_stored, _stored_ids(db), spec, path, chunk=RECHECK_CHUNK)
        else:
            batches = pool.batches(check_article, _stored_rows(db), spec, chunk=RECHECK_CHUNK)
        for batch in batches:
            with transaction(db):  # the ready records together, each whole
                for _item, record in batch:
                    if record.message:
                        log.error("%s", record.message)
                        counts["failed"] += 1
                        continue
                    counts["new"] += len(write_check(db, record))
                    counts["articles"] += 1
    counts["stale"] = db.execute("SELECT count(*) FROM findings WHERE stale = 1").fetchone()[0]
    counts["stale"] -= before
    return counts
