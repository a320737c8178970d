"""Running factwatch unattended: one locked pass at a time, source health,
an in-process schedule, alerts on new findings and consistent backups.

    lock.py      acquire(db_path): one pass per database (flock on <db>.lock)
    runner.py    run_job(config): a recorded pass (runs, run_sources, health, alerts)
    health.py    failure scores, backoff, disabling, next fetch times
    schedule.py  run_schedule(config, every=...): passes until SIGTERM/SIGINT
    signals.py   install_stop_signals(event): SIGTERM/SIGINT stop after the current article
    alerts.py    webhook and email alerts, sent in the background with retries
    backup.py    backup(db_path, dest): VACUUM INTO, safe on a live database

Exit codes of ``factwatch run`` (and ``schedule``, ``backup``), for cron and
systemd; docs/scheduling.md explains them:
"""

from __future__ import annotations

EXIT_OK = 0  # the pass completed and every source due was fetched without failing
EXIT_FATAL = 2  # bad config, unreadable database, or another error needing a person
EXIT_SOURCES_FAILED = 3  # the pass completed but at least one source failed
EXIT_INTERRUPTED = 4  # stopped by SIGTERM/SIGINT after the current article; rerun resumes
EXIT_LOCKED = 75  # another pass holds the lock (EX_TEMPFAIL): try again later

__all__ = ["EXIT_FATAL", "EXIT_INTERRUPTED", "EXIT_LOCKED", "EXIT_OK", "EXIT_SOURCES_FAILED"]
