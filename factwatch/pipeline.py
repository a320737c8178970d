"""One pass over the sources: discover -> fetch -> extract -> filter -> check -> store.

``run_pass()`` is the thin public function; ``Pass`` holds what one pass
shares (fetcher, matcher, topic filter, counters).  Each fetched page goes
through the stages in ``STAGES``; a stage takes a ``Page`` and returns it
(possibly changed) or None to drop it, as Scrapy item pipelines do.  Only
the last stage writes, and it writes one article with its findings in one
transaction, so a pass stopped at any moment loses nothing it stored.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import sqlite_utils

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.errors import ExtractionError, FactwatchError
from factwatch.core.records import Article, FetchResult, Link, SourceConfig
from factwatch.core.settings import Config
from factwatch.db import store, transaction
from factwatch.scraper.discover import discover
from factwatch.scraper.fetch import Fetcher, FetchRequest
from factwatch.work import (
    ARTICLE,
    CheckSpec,
    Record,
    Writer,
    checker,
    extract_article,
    on_topic,
    page_from_fetch,
)

log = logging.getLogger("factwatch.pipeline")


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
        """What the pass did, for people: totals, then a line per source and
        its first few errors."""
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
            for url, kind, message in s.errors[:5]:
                where = message if url in message else f"{url}: {message}"
                lines.append(f"    ! {kind}: {where}")
        return lines


@dataclass
class Page:
    """A fetched page on its way through the stages."""

    link: Link
    result: FetchResult
    report: SourceReport
    article: Article | None = None
    findings: list | None = None


class Stage(Protocol):
    def __call__(self, page: Page, run: Pass) -> Page | None: ...


def extract_stage(page: Page, run: Pass) -> Page | None:
    try:
        page.article = extract_article(page_from_fetch(page.link, page.result))
    except ExtractionError as exc:
        page.report.fail(page.link.url, "soft", str(exc))
        run.forget_later(page)
        return None
    return page


def topic_stage(page: Page, run: Pass) -> Page | None:
    assert page.article is not None
    source = run.source_configs.get(page.link.source)
    if source is not None and not source.topic_filter:
        return page
    if not on_topic(page.article, run.checker):
        page.report.off_topic += 1
        run.forget_later(page)
        return None
    return page


def check_stage(page: Page, run: Pass) -> Page | None:
    assert page.article is not None
    page.findings = run.checker.matcher.check(page.article)
    return page


def store_stage(page: Page, run: Pass) -> Page | None:
    assert page.article is not None
    result = page.result
    record = Record(
        url=page.article.url,
        fetched_url=page.link.url,
        source=page.link.source,
        outcome=ARTICLE,
        article=page.article,
        findings=page.findings,
        facts_version=run.facts_version,
        status=result.status,
        etag=result.etag,
        last_modified=result.last_modified,
    )
    written = run.writer.write(record)
    if written.outcome in ("new", "updated"):
        page.report.stored += 1
    elif written.outcome in ("duplicate", "unchanged", "older"):
        page.report.duplicates += 1
    page.report.flagged += len(written.new_findings)
    run.report.new_findings.extend(written.new_findings)
    return page


STAGES: list[Stage] = [extract_stage, topic_stage, check_stage, store_stage]


class Validators:
    """ETag/Last-Modified of feeds, sitemaps and listings, kept in ``url_state``.

    New validators are saved only after every link the document listed has
    been processed without a temporary failure.  A pass killed midway, or one
    where an article timed out, re-reads the feed next time instead of getting
    a 304 and never seeing the unfinished links again.
    """

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.source = ""
        self.pending: dict[str, list[tuple[str, str | None, str | None]]] = {}

    def get(self, url: str) -> tuple[str | None, str | None] | None:
        state = store.url_state(self.db, url)
        return (state["etag"], state["last_modified"]) if state else None

    def save(self, url: str, *, etag: str | None, last_modified: str | None) -> None:
        self.pending.setdefault(self.source, []).append((url, etag, last_modified))

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
    ):
        self.config = config
        self.db = db
        self.run_id = run_id
        self.refresh = refresh
        self.stop_event = stop_event or threading.Event()
        self.report = RunReport(run_id)
        self.source_configs: dict[str, SourceConfig] = {}
        self.records: queue.Queue = queue.Queue()
        self.validators = Validators(db)
        self.checker = checker(CheckSpec.from_config(config))
        self.matcher, self.topic = self.checker.matcher, self.checker.topic
        self.facts_version = self.checker.facts_version
        self.writer = Writer(db)

    # -- fetch log ---------------------------------------------------------------
    def drain_records(self, source: str) -> None:
        """Write queued fetch records (made on worker threads) from this thread."""
        while True:
            try:
                record = self.records.get_nowait()
            except queue.Empty:
                return
            store.record_fetch(
                self.db,
                record,
                run_id=self.run_id,
                source=getattr(record, "source", None) or source,
            )

    def forget_later(self, page: Page) -> None:
        """Remember a page that yields no article, so the next pass skips it."""
        r = page.result
        store.save_url_state(
            self.db, page.link.url, etag=r.etag, last_modified=r.last_modified, status=r.status
        )

    # -- stages ------------------------------------------------------------------
    def discover(self, sources: list[SourceConfig], fetcher: Any) -> list[tuple[Link, Any]]:
        wanted: list[tuple[Link, Any]] = []
        seen: set[str] = set()
        for source in sources:
            self.source_configs[source.name] = source
            report = SourceReport(source.name)
            self.report.sources.append(report)
            store.upsert_source(self.db, source)
            self.validators.source = source.name
            # The operator chose these URLs: their hosts pass the address check
            # (an intranet or loopback source), links found there are checked.
            for url in [source.url, *source.urls]:
                if "://" in url:
                    fetcher.trust(url)
            try:
                # The topic filter runs on the extracted text, not on feed
                # summaries: a summary too short to name anyone must not hide
                # an article from us.
                found = discover(source, fetcher, etag_store=self.validators)
            except FactwatchError as exc:
                report.discovery_error = str(exc)
                report.fail(source.url, "soft", str(exc))
                self.drain_records(source.name)
                continue
            self.drain_records(source.name)
            report.ttl_seconds = found.ttl_seconds
            failed_fetch = next((r for r in found.fetched if r.error), None)
            kind = (failed_fetch.error_kind if failed_fetch else None) or "soft"
            for message in found.errors:
                report.discovery_error = message
                report.fail(source.url, kind, message)
            if found.not_modified:
                report.not_modified += 1
            for link in found.links:
                report.discovered += 1
                if link.url in seen or not self._wanted(link, source):
                    report.skipped += 1
                    continue
                seen.add(link.url)
                wanted.append((link, report))
        return wanted

    def _wanted(self, link: Link, source: SourceConfig) -> bool:
        if self.refresh:
            return True
        if store.known_url(self.db, link.url) is not None:
            return False
        state = store.url_state(self.db, link.url)
        # Seen before and gave no article (off topic, no text, gone): skip.
        return not (state and state["last_status"] in (200, 404, 410))

    def process(self, page: Page) -> None:
        """Run one page through the stages.  A page that breaks a stage (a
        parser bug on hostile HTML, say) is recorded as failed and the pass goes
        on; database errors still stop the pass, since nothing could be stored."""
        try:
            for stage in STAGES:
                after = stage(page, self)
                if after is None:
                    return
                page = after
        except sqlite3.Error:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad page must not end the pass
            log.exception("%s: failed while processing", page.link.url)
            page.report.fail(page.link.url, "soft", f"{page.link.url}: could not process: {exc!r}")

    def fetch_and_process(
        self, wanted: list[tuple[Link, SourceReport]], fetcher: Any, progress: bool
    ) -> None:
        reqs = []
        for link, report in wanted:
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
        bar = _progress(len(reqs), progress)
        for result in fetcher.fetch_many(reqs):
            link, report = result.request_key
            self.drain_records(link.source)
            report.fetched += 1
            if result.error:
                report.fail(link.url, result.error_kind or "temporary", result.error)
                log.info(
                    "%s",
                    result.error if link.url in result.error else f"{link.url}: {result.error}",
                )
                if result.error_kind == "hard":
                    self.forget_later(Page(link, result, report))
            elif result.not_modified:
                report.not_modified += 1
            else:
                self.process(Page(link, result, report))
            bar.update(1)
            if self.stop_event.is_set():
                self.report.interrupted = True
                log.warning("stop requested: finishing after the current article")
                break
        bar.close()
        if not self.report.interrupted:
            for report in self.report.sources:
                if not any(kind == "temporary" for _, kind, _ in report.errors):
                    self.validators.commit(report.name)


def _load_matcher(config: Config) -> tuple[Any, str, Any]:
    """The claim matcher, facts version and facts for the configured facts files."""
    facts = load_facts(config.facts)
    return Matcher(facts), facts.version, facts


class _LogProgress:
    """Plain log lines instead of a progress bar (cron, pipes)."""

    def __init__(self, total: int):
        self.total, self.done = total, 0
        self.step = max(1, total // 10)

    def update(self, n: int) -> None:
        self.done += n
        if self.done % self.step == 0 or self.done == self.total:
            log.info("fetched %d/%d pages", self.done, self.total)

    def close(self) -> None:
        pass


def _progress(total: int, progress: bool) -> Any:
    if progress and sys.stderr.isatty():
        from tqdm import tqdm

        return tqdm(total=total, unit="page", file=sys.stderr)
    return _LogProgress(total)


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
) -> RunReport:
    """Run one pass over ``sources`` (default: all configured) and store the results."""
    run = Pass(config, db, run_id=run_id, refresh=refresh, stop_event=stop_event)
    with Fetcher(config.politeness, config.safety, on_fetch=run.records.put) as fetcher:
        wanted = run.discover(config.sources if sources is None else sources, fetcher)
        if not run.stop_event.is_set():
            run.fetch_and_process(wanted, fetcher, progress)
        else:
            run.report.interrupted = True
        run.drain_records("")
    for report in run.report.sources:
        if on_source_done is not None:
            on_source_done(report)
    return run.report


def recheck(config: Config, *, db: sqlite_utils.Database) -> dict[str, int]:
    """Re-run the matcher over every stored article (after the facts change)."""
    matcher, version, _ = _load_matcher(config)
    counts = {"articles": 0, "new": 0, "stale": 0}
    before = db.execute("SELECT count(*) FROM findings WHERE stale = 1").fetchone()[0]
    for row in db.query("SELECT * FROM articles ORDER BY id"):
        article = store.article_from_row(row)
        findings = matcher.check(article)
        with transaction(db):
            counts["new"] += len(store.store_findings(db, row["id"], row["url"], findings))
            db.execute("UPDATE articles SET facts_version = ? WHERE id = ?", [version, row["id"]])
        counts["articles"] += 1
    counts["stale"] = db.execute("SELECT count(*) FROM findings WHERE stale = 1").fetchone()[0]
    counts["stale"] -= before
    return counts
