"""One recorded, locked pass: what ``factwatch run`` and the scheduler call.

``run_job(config)``:

1. takes the pass lock (LockedError, exit 75, if another pass holds it);
2. marks runs left 'running' by a process that died as 'interrupted';
3. inserts a ``runs`` row (status running, pid, started_at);
4. picks the sources that are due (not disabled, next_fetch_at passed);
5. runs ``pipeline.run_pass`` over them;
6. writes one ``run_sources`` row per source, the run totals and its status
   (ok | failed | interrupted), and each source's health and next fetch time;
7. sends alerts for new findings on a background thread, waiting a bounded time.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import Any

import sqlite_utils

from factwatch.core.settings import LIVE_KINDS, Config
from factwatch.db import open_db, transaction
from factwatch.jobs import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOURCES_FAILED, health
from factwatch.jobs.alerts import Alerter, build_payload, describe_findings
from factwatch.jobs.lock import acquire
from factwatch.jobs.signals import install_stop_signals
from factwatch.pipeline import RunReport, run_pass

log = logging.getLogger("factwatch.jobs.runner")

PassFunction = Callable[..., Any]


def _mark_abandoned(db: sqlite_utils.Database) -> list[int]:
    """Runs still 'running' belong to a process that died: we hold the lock now."""
    rows = list(db.query("SELECT id, pid FROM runs WHERE status = 'running'"))
    with transaction(db):
        for row in rows:
            db.table("runs").update(
                row["id"],
                {
                    "status": "interrupted",
                    "error": f"process {row['pid']} ended without finishing (killed or crashed)",
                },
            )
    for row in rows:
        log.warning("run %s (pid %s) never finished; marked interrupted", row["id"], row["pid"])
    return [r["id"] for r in rows]


def _start_run(db: sqlite_utils.Database) -> int:
    with transaction(db):
        return int(
            db.table("runs")
            .insert(
                {
                    "started_at": health.iso(health.now_utc()),
                    "pid": os.getpid(),
                    "status": "running",
                }
            )
            .last_pk
            or 0
        )


def _finish_run(
    db: sqlite_utils.Database,
    run_id: int,
    report: Any,
    *,
    skipped: int,
    failed_sources: list[str],
    config: Config,
) -> str:
    if report.interrupted:
        status = "interrupted"
    elif report.sources and len(failed_sources) == len(report.sources):
        status = "failed"
    else:
        status = "ok"
    with transaction(db):
        for sr in report.sources:
            db.table("run_sources").upsert(
                {
                    "run_id": run_id,
                    "source": sr.name,
                    "discovered": sr.discovered,
                    "fetched": sr.fetched,
                    "stored": sr.stored,
                    "flagged": sr.flagged,
                    "failed": sr.failed,
                    "error": sr.discovery_error or (sr.errors[-1][2] if sr.errors else None),
                },
                pk=("run_id", "source"),
            )
            db.table("run_failures").insert_all(
                {"run_id": run_id, "source": sr.name, "url": url, "kind": kind, "error": message}
                for url, kind, message in sr.errors
            )
        db.table("runs").update(
            run_id,
            {
                "ended_at": health.iso(health.now_utc()),
                "status": status,
                "fetched": report.fetched,
                "stored": report.stored,
                "flagged": report.flagged,
                "failed": report.failed,
                "skipped": skipped,
                "error": ("sources failed: " + ", ".join(failed_sources))
                if failed_sources
                else None,
            },
        )
    if not report.interrupted:  # an interrupted source is simply due again next pass
        for sr in report.sources:
            kinds = _discovery_error_kinds(db, run_id, sr.name)
            health.record_outcome(db, sr.name, sr, config.schedule, fetch_kinds=kinds)
    return status


def _discovery_error_kinds(db: sqlite_utils.Database, run_id: int, source: str) -> tuple:
    """Error kinds of the feed/sitemap/listing fetches a source made in this run."""
    found = db.execute(
        "SELECT DISTINCT error_kind FROM fetches WHERE run_id = ? AND source = ? "
        "AND purpose NOT IN ('article', 'robots', 'recheck') AND error_kind IS NOT NULL",
        [run_id, source],
    ).fetchall()
    return tuple(k for (k,) in found)


def failed_sources(report: Any) -> list[str]:
    """Names of the sources that failed this pass (see health.assess)."""
    return [sr.name for sr in report.sources if health.assess(sr).failed]


def exit_code(report: Any) -> int:
    """The documented exit status for a finished pass (see factwatch.jobs)."""
    if report.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_SOURCES_FAILED if failed_sources(report) else EXIT_OK


def run_job(
    config: Config,
    *,
    progress: bool = False,
    only_due: bool = True,
    stop_event: threading.Event | None = None,
    refresh: bool = False,
    alert_wait: float = 30.0,
    alert_backoff: float = 1.0,
    pass_fn: PassFunction | None = None,
) -> Any:
    """Run one locked, recorded pass and return the pipeline's RunReport.

    Without a ``stop_event``, SIGTERM/SIGINT (in the main thread) stop the pass after
    the current article, as ``stop_event`` would.
    ``pass_fn`` replaces ``pipeline.run_pass`` (same keyword interface)."""
    pass_fn = pass_fn or run_pass
    restore = None
    if stop_event is None and threading.current_thread() is threading.main_thread():
        # `factwatch run` under cron or systemd: SIGTERM stops after the current article.
        stop_event = threading.Event()
        restore = install_stop_signals(stop_event)
    try:
        return _job(
            config,
            progress=progress,
            only_due=only_due,
            stop_event=stop_event,
            refresh=refresh,
            alert_wait=alert_wait,
            alert_backoff=alert_backoff,
            pass_fn=pass_fn,
        )
    finally:
        if restore is not None:
            restore()


def _job(config: Config, **options: Any) -> Any:
    with acquire(config.database):
        db = open_db(config.database)
        try:
            return _locked_job(db, config, **options)
        finally:
            db.conn.close()


def _locked_job(
    db: sqlite_utils.Database,
    config: Config,
    *,
    progress: bool,
    only_due: bool,
    stop_event: threading.Event | None,
    refresh: bool,
    alert_wait: float,
    alert_backoff: float,
    pass_fn: PassFunction,
) -> Any:
    _mark_abandoned(db)
    run_id = _start_run(db)
    try:
        # Archive sources (wayback, commoncrawl, warc, guardian) run with `backcheck`.
        live = [s for s in config.sources if s.kind in LIVE_KINDS]
        due, later = health.due_sources(db, live, only_due=only_due)
        for source in later:
            log.info("%s: not due yet (or disabled); skipped", source.name)
        if due:
            kwargs: dict[str, Any] = dict(
                db=db, run_id=run_id, sources=due, stop_event=stop_event, progress=progress
            )
            if refresh:
                kwargs["refresh"] = True
            report = pass_fn(config, **kwargs)
        else:
            report = RunReport(run_id)
    except BaseException as exc:
        with transaction(db):
            db.table("runs").update(
                run_id,
                {
                    "ended_at": health.iso(health.now_utc()),
                    "status": "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed",
                    "error": f"{type(exc).__name__}: {exc}"[:1000],
                },
            )
        raise
    failed = failed_sources(report)
    status = _finish_run(
        db, run_id, report, skipped=len(later), failed_sources=failed, config=config
    )
    for sr in report.sources:  # warnings: what cron mails (docs/scheduling.md)
        outcome = health.assess(sr)
        if outcome.failed:
            log.warning("source %s failed this pass: %s", sr.name, outcome.error)
    log.info(
        "run %s %s: fetched %d, stored %d, flagged %d, failed %d",
        run_id,
        status,
        report.fetched,
        report.stored,
        report.flagged,
        report.failed,
    )
    if report.new_findings:
        alerter = Alerter(config.alerts, backoff=alert_backoff)
        if alerter.enabled:
            counts = {"fetched": report.fetched, "stored": report.stored, "failed": report.failed}
            payload = build_payload(run_id, describe_findings(db, report.new_findings), counts)
            alerter.dispatch(payload)
            alerter.wait(alert_wait)
    return report
