"""What ``factwatch status`` shows: recent runs, who holds the pass lock, and
(``--failures``) every failure of one run, source by source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlite_utils

from factwatch.db.archives import last_backchecks
from factwatch.jobs.durations import format_duration
from factwatch.jobs.health import parse_time, with_url
from factwatch.jobs.lock import describe_holder, lock_state

COLUMNS = ("run", "started", "duration", "fetched", "stored", "flagged", "failed", "status")


def recent_runs(db: sqlite_utils.Database, last: int = 10) -> list[dict[str, Any]]:
    """The last ``last`` runs, newest first, with a ``duration`` in seconds (None if open)
    and the names of sources that reported an error."""
    rows = list(db.query("SELECT * FROM runs ORDER BY id DESC LIMIT ?", [last]))
    for row in rows:
        start, end = parse_time(row["started_at"]), parse_time(row["ended_at"])
        row["duration"] = (end - start).total_seconds() if start and end else None
        row["failed_sources"] = [
            r["source"]
            for r in db.query(
                "SELECT source FROM run_sources WHERE run_id = ? AND error IS NOT NULL "
                "ORDER BY source",
                [row["id"]],
            )
        ]
    return rows


def runs_table(rows: list[dict[str, Any]]) -> str:
    cells = [list(COLUMNS)]
    for r in rows:
        duration = format_duration(r["duration"]) if r["duration"] is not None else "-"
        cells.append(
            [
                str(r["id"]),
                (r["started_at"] or "")[:19].replace("T", " "),
                duration,
                str(r["fetched"] or 0),
                str(r["stored"] or 0),
                str(r["flagged"] or 0),
                str(r["failed"] or 0),
                r["status"] or "",
            ]
        )
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    for r in rows:
        if r.get("error") and r["status"] != "ok" or r.get("failed_sources"):
            detail = r.get("error") or "errors in: " + ", ".join(r["failed_sources"])
            lines.append(f"run {r['id']}: {detail}")
    return "\n".join(lines)


def lock_line(db_path: str | Path) -> str:
    state = lock_state(db_path)
    if state["state"] == "held":
        return f"Lock: held by {describe_holder(state)} (a pass is running)"
    if state["state"] == "stale":
        return (
            f"Lock: left by {describe_holder(state)}, which is no longer running; "
            "the next pass takes it over"
        )
    return "Lock: free (no pass running)"


def backcheck_lines(db: sqlite_utils.Database, last: int = 3) -> list[str]:
    """The last back-checks: status, shards, records, articles, findings and rate."""
    lines = []
    for r in last_backchecks(db, last):
        rate = (r["records"] or 0) / r["seconds"] if r["seconds"] else 0.0
        lines.append(
            f"Back-check {r['id']} ({r['status']}, {r['scheduler']}, {r['workers']} workers, "
            f"started {(r['started_at'] or '')[:19].replace('T', ' ')}): shards "
            f"{r['shards_done']} done, {r['shards_failed']} failed; records {r['records']:,} "
            f"({rate:,.1f}/s); articles {r['articles']:,}; findings {r['findings']:,}"
        )
        if r["error"]:
            lines.append(f"  {r['error']}")
    return lines


def run_failures(
    db: sqlite_utils.Database, run_id: int | None = None
) -> tuple[int | None, dict[str, list[dict[str, Any]]]]:
    """The failures of run ``run_id`` (default: the latest run that had any),
    grouped by source in name order: ``(run id, {source: [failure rows]})``."""
    if run_id is None:
        row = db.execute("SELECT max(run_id) FROM run_failures").fetchone()
        run_id = row[0] if row else None
        if run_id is None:
            return None, {}
    grouped: dict[str, list[dict[str, Any]]] = {}
    for r in db.query(
        "SELECT source, url, kind, error FROM run_failures WHERE run_id = ? ORDER BY source, id",
        [run_id],
    ):
        grouped.setdefault(r["source"], []).append(r)
    return run_id, grouped


def failures_text(run_id: int | None, grouped: dict[str, list[dict[str, Any]]]) -> str:
    if run_id is None:
        return "No failures recorded."
    if not grouped:
        return f"Run {run_id}: no failures."
    total = sum(len(rows) for rows in grouped.values())
    lines = [f"Run {run_id}: {total} failure(s)"]
    for source, rows in grouped.items():
        lines.append(f"  {source}: {len(rows)} failed")
        lines += [f"    ! {r['kind']}: {with_url(r['url'], r['error'])}" for r in rows]
    return "\n".join(lines)
