"""Source health: count failures by kind, back off, disable, and say when to fetch next.

A source *fails* a pass when nothing could be discovered from it, or when every
page fetched from it failed.  A single broken article in an otherwise healthy
feed is recorded in ``fetches`` and ``run_sources`` but does not hurt the source.

Each failed pass adds the weight of its worst error kind to ``failure_score``:

    hard       3.0   will not get better by waiting, the user must act (404/410,
                     robots.txt disallows, unsafe URL)
    soft       1.0   content problems (unparsable feed, no article text, too large)
    temporary  0.5   timeouts, 5xx, 429, connection refused, DNS failure, robots.txt
                     unavailable: the site is probably just down for a while

At ``backoff_at`` (3.0: one hard failure, three soft, six temporary) the source
goes to status ``backoff`` and its next fetch is pushed out exponentially
(``min_source_interval * 2**(k+1)`` where k = score // backoff_at, capped at
``max_source_interval``).  At ``disable_at`` (12.0: four hard failures, twelve
soft, twenty-four temporary) it is ``disabled`` with a reason naming the last
error and advice that fits its kind (:func:`advice`); ``enable_source()``
(``factwatch sources --enable NAME``) puts it back.
Any successful pass resets the score.

When healthy, a source is due again after the interval its feed asks for (RSS
``<ttl>``, or Cache-Control ``max-age``) clamped to the ``[schedule]``
``min_source_interval`` .. ``max_source_interval`` range.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from factwatch.core.errors import NotFoundError
from factwatch.core.records import SourceConfig
from factwatch.core.settings import Schedule
from factwatch.db import store, transaction
from factwatch.jobs.durations import parse_duration

WEIGHTS = {"hard": 3.0, "soft": 1.0, "temporary": 0.5}
_SEVERITY = ("temporary", "soft", "hard")  # worst last


@dataclass
class HealthPolicy:
    backoff_at: float = 3.0
    disable_at: float = 12.0


@dataclass
class Outcome:
    """How one source did in one pass."""

    failed: bool
    kind: str | None = None  # worst error kind when failed
    error: str | None = None  # "kind: url: message" of the most telling error


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def iso(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).isoformat(timespec="seconds")


def parse_time(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    t = dt.datetime.fromisoformat(value)
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def assess(report: Any, *, fetch_kinds: tuple[str, ...] = ()) -> Outcome:
    """Did this source (a pipeline SourceReport) fail the pass, and how badly?

    ``fetch_kinds`` are the error kinds of this source's discovery fetches (from
    ``fetches``); they name the kind of a feed or sitemap that could not be fetched."""
    good = report.stored + report.duplicates + report.off_topic + report.not_modified
    nothing_found = report.discovery_error is not None and report.discovered == 0
    all_failed = report.fetched > 0 and good == 0 and report.failed >= report.fetched
    if not (nothing_found or all_failed):
        return Outcome(failed=False)
    errors = list(report.errors)
    kinds = [e[1] for e in errors if e[1] in WEIGHTS] + [k for k in fetch_kinds if k in WEIGHTS]
    kind = max(kinds, key=_SEVERITY.index) if kinds else "soft"
    if not errors:
        return Outcome(True, kind, f"{kind}: {report.discovery_error or 'no pages fetched'}")
    worst = max(errors, key=lambda e: _SEVERITY.index(e[1]) if e[1] in _SEVERITY else 1)
    return Outcome(True, kind, f"{kind}: {with_url(worst[0], worst[2])}"[:500])


def with_url(url: str, message: str) -> str:
    """``message`` naming ``url`` once: most messages already start with it."""
    return message if not url or url in message else f"{url}: {message}"


def advice(kind: str, error: str, name: str) -> str:
    """What the user can do about a source failing with errors of ``kind``."""
    enable = f"`factwatch sources --enable {name}`"
    if kind == "temporary":
        return (
            "The site has been unreachable or failing (timeouts, server errors, robots.txt "
            "unavailable) for a long time; nothing in config.toml needs changing. When the "
            f"site is back (open the source URL in a browser), run {enable}."
        )
    if kind == "hard" and "robots.txt" in error:
        return (
            "The site's robots.txt disallows fetching this URL: remove the source from "
            f"config.toml, or point it at a URL the site allows, then run {enable}."
        )
    if kind == "hard" and ("refused," in error or "scheme" in error):
        return (
            "The URL is refused by the safety settings: fix the source's URL, or [safety] "
            f"in config.toml, then run {enable}."
        )
    if kind == "hard":
        return (
            "The URL answers with an error that waiting will not fix (gone, not found, "
            f"forbidden): fix or remove the source's URL in config.toml, then run {enable}."
        )
    return (
        "The site answers but what it sends cannot be used (not a feed or sitemap, no "
        "article text, too large): check the source's URL and kind in config.toml, then "
        f"run {enable}."
    )


def _interval(schedule: Schedule, key: str) -> float:
    return parse_duration(getattr(schedule, key), name=f"schedule.{key}")


def next_fetch_time(
    source_row: dict[str, Any],
    ttl_seconds: float | None,
    cache_control_max_age: float | None,
    schedule: Schedule,
    *,
    now: dt.datetime | None = None,
    policy: HealthPolicy | None = None,
) -> dt.datetime:
    """When the source should be fetched next, from its health and what the feed asked."""
    now = now or now_utc()
    policy = policy or HealthPolicy()
    low = _interval(schedule, "min_source_interval")
    high = max(low, _interval(schedule, "max_source_interval"))
    score = float(source_row.get("failure_score") or 0.0)
    if source_row.get("status") == "backoff" or score >= policy.backoff_at:
        k = int(score // policy.backoff_at)
        return now + dt.timedelta(seconds=min(high, low * 2 ** (k + 1)))
    hints = [float(h) for h in (ttl_seconds, cache_control_max_age) if h]
    wanted = max(hints) if hints else low
    return now + dt.timedelta(seconds=min(high, max(low, wanted)))


def _row(db: sqlite_utils.Database, name: str) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM sources WHERE name = ?", [name]))
    return rows[0] if rows else None


def record_outcome(
    db: sqlite_utils.Database,
    name: str,
    report: Any,
    schedule: Schedule,
    *,
    now: dt.datetime | None = None,
    policy: HealthPolicy | None = None,
    cache_control_max_age: float | None = None,
    fetch_kinds: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Update a source's health and next fetch time after a pass; return the new row."""
    now = now or now_utc()
    policy = policy or HealthPolicy()
    row = _row(db, name) or {"name": name, "kind": "feed", "status": "ok"}
    outcome = assess(report, fetch_kinds=fetch_kinds)
    if not outcome.failed:
        row.update(
            status="ok",
            failure_score=0.0,
            consecutive_failures=0,
            last_ok_at=iso(now),
            disabled_reason=None,
        )
    else:
        score = float(row.get("failure_score") or 0.0) + WEIGHTS[outcome.kind or "soft"]
        count = int(row.get("consecutive_failures") or 0) + 1
        row.update(failure_score=score, consecutive_failures=count, last_error=outcome.error)
        if score >= policy.disable_at:
            row.update(
                status="disabled",
                disabled_reason=(
                    f"disabled after {count} failed passes in a row (failure score "
                    f"{score:g} >= {policy.disable_at:g}); last error: {outcome.error}. "
                    + advice(outcome.kind or "soft", outcome.error or "", name)
                ),
            )
        elif score >= policy.backoff_at:
            row["status"] = "backoff"
    ttl = getattr(report, "ttl_seconds", None)
    max_age = cache_control_max_age or getattr(report, "max_age_seconds", None)
    row["next_fetch_at"] = iso(next_fetch_time(row, ttl, max_age, schedule, now=now, policy=policy))
    with transaction(db):
        db.table("sources").upsert(row, pk="name")
    return row


def due_sources(
    db: sqlite_utils.Database,
    sources: list[SourceConfig],
    *,
    only_due: bool = True,
    now: dt.datetime | None = None,
) -> tuple[list[SourceConfig], list[SourceConfig]]:
    """Split configured sources into (due now, not due).  Disabled sources are never due;
    with ``only_due=False`` every other source is."""
    now = now or now_utc()
    due, later = [], []
    for source in sources:
        store.upsert_source(db, source)
        row = _row(db, source.name) or {}
        if row.get("status") == "disabled":
            later.append(source)
            continue
        when = parse_time(row.get("next_fetch_at"))
        if not only_due or when is None or when <= now:
            due.append(source)
        else:
            later.append(source)
    return due, later


def source_health_rows(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every source's health, for ``factwatch sources``."""
    return list(
        db.query(
            "SELECT name, kind, url, status, failure_score, consecutive_failures, "
            "next_fetch_at, last_ok_at, last_error, disabled_reason FROM sources ORDER BY name"
        )
    )


def unseen_row(source: SourceConfig) -> dict[str, Any]:
    """The health row of a configured source no pass has fetched yet."""
    return {
        "name": source.name,
        "kind": source.kind,
        "url": source.url or (source.urls[0] if source.urls else ""),
        "status": "new",
        "failure_score": 0.0,
        "consecutive_failures": 0,
        "next_fetch_at": None,
        "last_ok_at": None,
        "last_error": None,
        "disabled_reason": None,
    }


def enable_source(db: sqlite_utils.Database, name: str) -> dict[str, Any]:
    """Re-enable a source (disabled or backing off) and make it due at the next pass."""
    if _row(db, name) is None:
        known = ", ".join(r["name"] for r in db.query("SELECT name FROM sources ORDER BY name"))
        raise NotFoundError(
            f"no source named {name!r} in the database (known: {known or 'none yet'}). "
            "Check the name with `factwatch sources`."
        )
    with transaction(db):
        db.execute(
            "UPDATE sources SET status = 'ok', failure_score = 0, consecutive_failures = 0, "
            "next_fetch_at = NULL, disabled_reason = NULL WHERE name = ?",
            [name],
        )
    return _row(db, name) or {}


enable = enable_source  # the name `factwatch sources --enable` calls
