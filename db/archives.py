"""What a back-check keeps between runs: cursors, shards and progress.

- ``archive_cursors``: where each archive source stopped reading its index;
- ``backcheck_shards``: every unit of work (a WARC file, an index page of
  captures), registered before it is processed and marked done in the same
  transaction that stores its records, so a rerun repeats no finished shard;
- ``backchecks``: one row per ``factwatch backcheck``, with running totals
  (shown by ``factwatch status``).
"""

from __future__ import annotations

import json
import os
from typing import Any

import sqlite_utils

from factwatch.db import transaction
from factwatch.db.store import now


def cursor(
    db: sqlite_utils.Database, source: str, *, signature: str = ""
) -> tuple[dict[str, Any] | None, bool]:
    """(cursor, finished) for ``source``; (None, False) when it never started, or
    when its cursor was saved under other settings (another ``signature``)."""
    row = db.execute(
        "SELECT cursor, finished, signature FROM archive_cursors WHERE source = ?", [source]
    ).fetchone()
    if row is None or (row[2] or "") != signature:
        return None, False
    return (json.loads(row[0]) if row[0] else None), bool(row[1])


def save_cursor(
    db: sqlite_utils.Database,
    source: str,
    value: dict[str, Any] | None,
    *,
    finished: bool,
    signature: str = "",
) -> None:
    db.table("archive_cursors").upsert(
        {
            "source": source,
            "cursor": json.dumps(value) if value is not None else None,
            "finished": int(finished),
            "signature": signature,
            "updated_at": now(),
        },
        pk="source",
    )


def shard_status(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT status FROM backcheck_shards WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def register_shard(
    db: sqlite_utils.Database,
    key: str,
    *,
    source: str,
    kind: str,
    location: str = "",
    captures: list[dict[str, Any]] | None = None,
) -> None:
    """Record a shard as pending (a shard already known keeps its state)."""
    db.execute(
        "INSERT OR IGNORE INTO backcheck_shards (key, source, kind, location, captures, "
        "status, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)",
        [key, source, kind, location, json.dumps(captures or []), now()],
    )


def unfinished_shards(db: sqlite_utils.Database, source: str) -> list[dict[str, Any]]:
    """Shards of ``source`` registered but not done (pending or failed), oldest first."""
    rows = db.query(
        "SELECT * FROM backcheck_shards WHERE source = ? AND status != 'done' ORDER BY rowid",
        [source],
    )
    return [dict(r, captures=json.loads(r["captures"] or "[]")) for r in rows]


def finish_shard(
    db: sqlite_utils.Database,
    key: str,
    *,
    status: str,
    records: int,
    articles: int,
    findings: int,
    errors: int,
    error: str | None,
    worker: str,
    backcheck_id: int,
) -> None:
    db.table("backcheck_shards").update(
        key,
        {
            "status": status,
            "records": records,
            "articles": articles,
            "findings": findings,
            "errors": errors,
            "error": error,
            "worker": worker,
            "backcheck_id": backcheck_id,
            "done_at": now(),
        },
    )


def start_backcheck(db: sqlite_utils.Database, *, scheduler: str, workers: int) -> int:
    with transaction(db):
        _mark_abandoned(db)
        row = {
            "started_at": now(),
            "pid": os.getpid(),
            "scheduler": scheduler,
            "workers": workers,
            "status": "running",
        }
        return int(db.table("backchecks").insert(row).last_pk or 0)


def _mark_abandoned(db: sqlite_utils.Database) -> None:
    db.execute(
        "UPDATE backchecks SET status = 'interrupted', error = 'process ' || pid || "
        "' ended without finishing (killed or crashed)' WHERE status = 'running'"
    )


def update_backcheck(db: sqlite_utils.Database, backcheck_id: int, **totals: Any) -> None:
    db.table("backchecks").update(backcheck_id, totals)


def last_backchecks(db: sqlite_utils.Database, last: int = 3) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM backchecks ORDER BY id DESC LIMIT ?", [last]))
