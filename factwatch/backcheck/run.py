"""The back-check driver: shards to Dask workers, records to one writer.

``backcheck(config)``:

1. takes the pass lock (as ``run`` does) and records a ``backchecks`` row;
2. connects to a Dask cluster: a LocalCluster of ``workers`` processes by
   default, or the scheduler at ``scheduler`` (``tcp://host:8786``);
3. for each archive source, takes the shards not done yet
   (``sources.ShardPlanner``) and submits ``shards.run_shard`` for each,
   keeping at most two per worker in flight;
4. as each shard completes, stores its records through ``work.Writer`` and
   marks the shard done, in one transaction: a shard is stored whole or not
   at all, and a finished shard is never run again.  A worker lost mid-shard
   is replaced by Dask and the shard rerun there; nothing it did was stored;
5. shows progress (shards, records, articles, findings, records/s) and keeps
   it in the ``backchecks`` row for ``factwatch status``.

SIGINT/SIGTERM stop handing out shards; those in flight are finished and
stored, and the next run resumes from the cursors.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from factwatch.backcheck.shards import Shard, ShardResult, run_shard
from factwatch.backcheck.sources import ShardPlanner
from factwatch.core.errors import ConfigError, FactwatchError
from factwatch.core.records import SourceConfig
from factwatch.core.settings import ARCHIVE_KINDS, Config
from factwatch.db import archives, open_db, store, transaction
from factwatch.jobs.lock import acquire
from factwatch.jobs.signals import install_stop_signals
from factwatch.scraper.archives.guardian import redact
from factwatch.scraper.fetch import Fetcher
from factwatch.work import CheckSpec, Writer

log = logging.getLogger("factwatch.backcheck")


@dataclass
class SourceTotals:
    name: str
    shards: int = 0
    records: int = 0
    articles: int = 0
    duplicates: int = 0
    off_topic: int = 0
    no_text: int = 0
    failed: int = 0
    findings: int = 0
    errors: list[str] = field(default_factory=list)  # problems with pages or files
    index_error: str | None = None  # the source's index could not be read (resumed next run)


@dataclass
class BackcheckReport:
    backcheck_id: int
    scheduler: str
    workers: int
    sources: list[SourceTotals] = field(default_factory=list)
    shards_done: int = 0
    shards_failed: int = 0
    shards_skipped: int = 0  # done in an earlier run
    seconds: float = 0.0
    interrupted: bool = False
    new_findings: list[dict[str, Any]] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(getattr(s, name) for s in self.sources)

    @property
    def rate(self) -> float:
        return self.total("records") / self.seconds if self.seconds else 0.0


def describe(report: BackcheckReport, *, findings: bool = True) -> list[str]:
    """The report as lines for a terminal: totals, each source, new findings."""
    lines: list[str] = []
    lines.append(
        f"back-check {report.backcheck_id} on {report.scheduler} ({report.workers} workers): "
        f"{report.shards_done} shards done, {report.shards_failed} failed, "
        f"{report.shards_skipped} done before; {report.total('records'):,} records in "
        f"{report.seconds:.1f}s ({report.rate:,.1f}/s); {report.total('articles')} articles "
        f"stored, {report.total('findings')} findings"
        + (" (stopped early: run again to resume)" if report.interrupted else "")
    )
    for s in report.sources:
        lines.append(
            f"  {s.name}: shards {s.shards}, records {s.records}, stored {s.articles}, "
            f"duplicates {s.duplicates}, off-topic {s.off_topic}, no text {s.no_text}, "
            f"failed {s.failed}, findings {s.findings}"
        )
        if s.index_error:
            lines.append(f"    ! {s.index_error} (the next run resumes here)")
        for message in s.errors[:5]:
            lines.append(f"    ! {message}")
    if findings and report.new_findings:
        lines.append(f"{len(report.new_findings)} new findings:")
        for row in report.new_findings:
            quote = row["quote"] if len(row["quote"]) <= 100 else row["quote"][:97] + "..."
            lines.append(f'  [{row["id"][:8]}] {row["kind"]:18} "{quote}"')
    return lines


def archive_sources(config: Config, names: list[str] | None = None) -> list[SourceConfig]:
    """The configured archive sources (all, or those named); ConfigError for a bad name."""
    sources = [s for s in config.sources if s.kind in ARCHIVE_KINDS]
    if names:
        known = {s.name: s for s in config.sources}
        for name in names:
            if name not in known:
                raise ConfigError(f"no source named {name!r} in the config")
            if known[name].kind not in ARCHIVE_KINDS:
                raise ConfigError(
                    f"source {name!r} is a {known[name].kind} source; backcheck reads "
                    f"{', '.join(ARCHIVE_KINDS)} sources (use `factwatch run` for the others)"
                )
        sources = [s for s in sources if s.name in names]
    if not sources:
        raise ConfigError(
            "no archive sources: add [[sources]] of kind wayback, commoncrawl, warc or "
            "guardian to config.toml (docs/configuration.md)"
        )
    return sources


@contextlib.contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A Dask client: on the scheduler given, or on a LocalCluster of ``workers`` processes."""
    from dask.distributed import Client, LocalCluster

    # Dask logs its own start-up and shut-down at info level; keep its warnings.
    logging.getLogger("distributed").setLevel(logging.WARNING)
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise ConfigError(
                f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with "
                "`dask scheduler` and workers with `dask worker " + scheduler + "`"
            ) from None
        with client:
            yield client
        return
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        host="127.0.0.1",
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as client:
        yield client


class Progress:
    """One line of progress on a terminal; a log line per shard otherwise."""

    def __init__(self, enabled: bool, report: BackcheckReport, started: float):
        self.tty = enabled and sys.stderr.isatty()
        self.enabled = enabled
        self.report = report
        self.started = started

    def line(self) -> str:
        r = self.report
        elapsed = time.monotonic() - self.started
        rate = r.total("records") / elapsed if elapsed else 0.0
        return (
            f"shards {r.shards_done} done, {r.shards_failed} failed, {r.shards_skipped} "
            f"skipped | records {r.total('records'):,} ({rate:,.1f}/s) | articles "
            f"{r.total('articles'):,} | findings {r.total('findings'):,}"
        )

    def update(self) -> None:
        if self.tty:
            sys.stderr.write("\r" + self.line()[:160].ljust(100))
            sys.stderr.flush()
        elif self.enabled:
            log.info("%s", self.line())

    def close(self) -> None:
        if self.tty:
            sys.stderr.write("\n")


class Backcheck:
    """One back-check run; use ``backcheck()`` unless you need the parts."""

    def __init__(
        self,
        config: Config,
        db: sqlite_utils.Database,
        *,
        scheduler: str | None,
        workers: int,
        stop_event: threading.Event,
        progress: bool,
    ):
        self.config = config
        self.db = db
        self.spec = CheckSpec.from_config(config)
        self.writer = Writer(db)
        self.stop_event = stop_event
        self.workers = workers
        self.scheduler = scheduler or "local"
        self.fetch_records: queue.Queue = queue.Queue()
        self.started = time.monotonic()
        bid = archives.start_backcheck(db, scheduler=self.scheduler, workers=workers)
        self.report = BackcheckReport(bid, self.scheduler, workers)
        self.progress = Progress(progress, self.report, self.started)
        self.totals: dict[str, SourceTotals] = {}
        self.in_flight: dict[str, Shard] = {}

    # -- the writer side -------------------------------------------------------------
    def store(self, shard: Shard, result: ShardResult) -> None:
        """Store a finished shard's records and mark it, in one transaction."""
        totals = self.totals[shard.source]
        articles = findings = duplicates = 0
        flagged: list[dict[str, Any]] = []
        if result.fatal:
            status = "failed"
        elif shard.retry_later:
            status = "pending"
        else:
            status = "done"
        with transaction(self.db):
            for record in result.records:
                written = self.writer.write_in_transaction(record)
                if written.outcome in ("new", "updated"):
                    articles += 1
                else:
                    duplicates += 1
                findings += len(written.new_findings)
                flagged.extend(written.new_findings)
            errors = result.errors + ([result.fatal] if result.fatal else [])
            archives.finish_shard(
                self.db,
                shard.key,
                status=status,
                records=result.read,
                articles=articles,
                findings=findings,
                errors=result.failed + (1 if result.fatal else 0),
                error=errors[-1] if errors else None,
                worker=result.worker,
                backcheck_id=self.report.backcheck_id,
            )
            self.report.shards_done += status == "done"
            self.report.shards_failed += status == "failed"
            totals.shards += 1
            totals.records += result.read
            totals.articles += articles
            totals.duplicates += duplicates
            totals.off_topic += result.off_topic
            totals.no_text += result.no_text
            totals.failed += result.failed
            totals.findings += findings
            totals.errors.extend(errors)
            self._save_progress()
        self.report.new_findings.extend(flagged)
        for message in errors[:3]:
            log.info("%s", message)
        self.progress.update()

    def _save_progress(self) -> None:
        r = self.report
        archives.update_backcheck(
            self.db,
            r.backcheck_id,
            shards_done=r.shards_done,
            shards_failed=r.shards_failed,
            records=r.total("records"),
            articles=r.total("articles"),
            findings=r.total("findings"),
            seconds=round(time.monotonic() - self.started, 3),
        )

    def drain_fetch_log(self, source: str) -> None:
        """Write the driver's fetch records (API keys removed) to the fetch log."""
        while True:
            try:
                record = self.fetch_records.get_nowait()
            except queue.Empty:
                return
            for name in ("url", "final_url", "error"):
                setattr(record, name, redact(getattr(record, name)))
            store.record_fetch(self.db, record, run_id=None, source=source)

    # -- the cluster side ------------------------------------------------------------
    def run(self, sources: list[SourceConfig], client: Any) -> BackcheckReport:
        from dask.distributed import as_completed

        # On a cluster of its own, count the workers it really has.
        workers = len(client.scheduler_info().get("workers", {})) or self.workers
        if workers != self.workers:
            self.workers = self.report.workers = workers
            archives.update_backcheck(self.db, self.report.backcheck_id, workers=workers)
        limit = max(2, 2 * workers)
        done = as_completed()

        def collect(*, wait: bool) -> None:
            self._collect(done, wait=wait)

        politeness, safety = self.config.politeness, self.config.safety
        with Fetcher(politeness, safety, on_fetch=self.fetch_records.put) as fetcher:
            planner = ShardPlanner(self.config, self.db, fetcher, stop_event=self.stop_event)
            for source in sources:
                self._start_source(source)
                try:
                    for shard in planner.shards(source):
                        self.drain_fetch_log(source.name)
                        while len(self.in_flight) >= limit:
                            collect(wait=True)
                        future = client.submit(
                            run_shard, shard, self.spec, politeness, safety, pure=False
                        )
                        self.in_flight[future.key] = shard
                        done.add(future)
                        collect(wait=False)
                        if self.stop_event.is_set():
                            break
                except FactwatchError as exc:
                    self._index_failed(source, exc)
                self.drain_fetch_log(source.name)
                if self.stop_event.is_set():
                    self.report.interrupted = True
                    break
            self.report.shards_skipped = planner.skipped
            while self.in_flight:
                collect(wait=True)
        self.report.seconds = time.monotonic() - self.started
        self.progress.close()
        return self.report

    def _collect(self, done: Any, *, wait: bool) -> None:
        """Store finished shards: all that are ready, or (wait) at least one."""
        while self.in_flight and (wait or done.has_ready()):
            future = next(done)
            shard = self.in_flight.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:
                result = ShardResult(shard.key, fatal=f"{shard.key}: task failed: {exc!r}")
            self.store(shard, result)
            wait = False

    def _start_source(self, source: SourceConfig) -> None:
        store.upsert_source(self.db, source)
        self.totals[source.name] = SourceTotals(source.name)
        self.report.sources.append(self.totals[source.name])

    def _index_failed(self, source: SourceConfig, exc: FactwatchError) -> None:
        message = f"{source.name}: {exc}"
        self.totals[source.name].index_error = message
        log.warning("%s (the next run resumes here)", message)

    def finish(self, status: str, error: str | None = None) -> None:
        self._save_progress()
        archives.update_backcheck(
            self.db,
            self.report.backcheck_id,
            status=status,
            error=error,
            ended_at=store.now(),
        )


def backcheck(
    config: Config,
    *,
    source_names: list[str] | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    stop_event: threading.Event | None = None,
    progress: bool = False,
    client_factory: Callable[[str | None, int], Any] | None = None,
) -> BackcheckReport:
    """Back-check the archive sources (see the module docstring) and return the totals."""
    sources = archive_sources(config, source_names)
    if workers < 1:
        raise ConfigError("--workers: must be at least 1")
    restore = None
    if stop_event is None:
        stop_event = threading.Event()
        if threading.current_thread() is threading.main_thread():
            restore = install_stop_signals(stop_event)
    try:
        with acquire(config.database):
            db = open_db(config.database)
            try:
                run = Backcheck(
                    config,
                    db,
                    scheduler=scheduler,
                    workers=workers,
                    stop_event=stop_event,
                    progress=progress,
                )
                try:
                    with (client_factory or dask_client)(scheduler, workers) as client:
                        report = run.run(sources, client)
                except BaseException as exc:
                    run.finish("failed", f"{type(exc).__name__}: {exc}")
                    raise
                failed = report.shards_failed or any(s.index_error for s in report.sources)
                status = "interrupted" if report.interrupted else ("failed" if failed else "ok")
                run.finish(status, None)
                return report
            finally:
                db.conn.close()
    finally:
        if restore is not None:
            restore()
