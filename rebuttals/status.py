"""List rebuttal drafts and move them through their states, with a history row per change.

draft -> sent -> corrected | ignored     (any state may be set again later)
draft -> withdrawn                       (a finding it quotes was dismissed)
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlite_utils

from factwatch.core.errors import NotFoundError
from factwatch.db import transaction

STATUSES = ("draft", "sent", "corrected", "ignored", "withdrawn")


def list_rebuttals(db: sqlite_utils.Database, *, status: str | None = None) -> list[dict[str, Any]]:
    """Rebuttals (newest first) with their article's title, outlet and URL."""
    if status is not None and status not in STATUSES:
        raise NotFoundError(f"--status {status!r}: use one of {', '.join(STATUSES)}")
    sql = (
        "SELECT r.*, a.title AS article_title, a.outlet AS outlet, a.url AS article_url "
        "FROM rebuttals r LEFT JOIN articles a ON a.id = r.article_id"
    )
    params: list[Any] = []
    if status:
        sql += " WHERE r.status = ?"
        params.append(status)
    rows = [dict(r) for r in db.query(sql + " ORDER BY r.id DESC", params)]
    for row in rows:
        row["finding_ids"] = json.loads(row["finding_ids"] or "[]")
    return rows


def get_rebuttal(db: sqlite_utils.Database, rebuttal_id: int) -> dict[str, Any]:
    rows = [dict(r) for r in db.query("SELECT * FROM rebuttals WHERE id = ?", [rebuttal_id])]
    if not rows:
        raise NotFoundError(
            f"rebuttal {rebuttal_id}: no such rebuttal; list them with `factwatch rebuttals`"
        )
    rows[0]["finding_ids"] = json.loads(rows[0]["finding_ids"] or "[]")
    return rows[0]


def mark(
    db: sqlite_utils.Database, rebuttal_id: int, *, status: str, note: str | None = None
) -> dict[str, Any]:
    """Set a rebuttal's status; the change is appended to rebuttal_history."""
    if status not in STATUSES:
        raise NotFoundError(f"--mark {status!r}: use one of {', '.join(STATUSES)}")
    old = get_rebuttal(db, rebuttal_id)["status"]
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with transaction(db):
        db.execute(
            "UPDATE rebuttals SET status = ?, updated_at = ? WHERE id = ?",
            [status, stamp, rebuttal_id],
        )
        db.table("rebuttal_history").insert(
            {
                "rebuttal_id": rebuttal_id,
                "old_status": old,
                "new_status": status,
                "note": note,
                "at": stamp,
            }
        )
    return get_rebuttal(db, rebuttal_id)


def history(db: sqlite_utils.Database, rebuttal_id: int) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in db.query(
            "SELECT * FROM rebuttal_history WHERE rebuttal_id = ? ORDER BY id", [rebuttal_id]
        )
    ]
