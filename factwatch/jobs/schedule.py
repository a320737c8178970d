"""Run passes in-process on a fixed period until SIGTERM or SIGINT.

    run_schedule(config, every=1800)  # what `factwatch schedule --every 30m` does

Passes start ``every`` seconds apart (start to start; a pass that overruns is
followed at once by the next).  SIGTERM/SIGINT set a stop event: the current
pass stops after the article it is storing, the loop ends and the command
exits 0.  A second signal stops at once.  The config file is re-read before
each pass, so edits take effect without a restart (a broken edit is logged and
the previous config kept).  A pass that finds the lock held is skipped.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from factwatch.config import load_config
from factwatch.core.errors import FactwatchError, LockedError
from factwatch.core.settings import Config
from factwatch.jobs.runner import run_job

log = logging.getLogger("factwatch.jobs.schedule")

Job = Callable[..., Any]


def _reload(config: Config) -> Config:
    if config.path is None:
        return config
    try:
        fresh = load_config(config.path)
    except FactwatchError as exc:
        log.error("config not reloaded, keeping the previous one: %s", exc)
        return config
    if fresh.database != config.database:
        log.error("config: database.path changed; restart the scheduler to switch databases")
        fresh.database = config.database
    return fresh


def run_schedule(
    config: Config,
    *,
    every: float,
    stop_event: threading.Event | None = None,
    job: Job | None = None,
    max_passes: int | None = None,
    reload: bool = True,
) -> int:
    """Run ``job(config, stop_event=...)`` every ``every`` seconds until stopped.

    ``job`` defaults to ``runner.run_job``.  Returns the number of passes run."""
    job = job or run_job
    stop_event = stop_event or threading.Event()
    passes = 0
    while not stop_event.is_set():
        started = time.monotonic()
        if reload:
            config = _reload(config)
        try:
            job(config, stop_event=stop_event)
        except LockedError as exc:
            log.warning("pass skipped: %s", exc)
        except FactwatchError as exc:
            log.error("pass failed: %s", exc)
        except Exception:  # keep an unattended loop alive; the run row records it
            log.exception("pass crashed")
        passes += 1
        if max_passes is not None and passes >= max_passes:
            break
        wait = max(0.0, every - (time.monotonic() - started))
        if wait:
            log.info("next pass in %.0fs", wait)
        stop_event.wait(wait)
    return passes
