"""Review workflow writes: confirm, dismiss or reopen a finding, with a history row each time.

Dismissing a finding withdraws the rebuttal drafts that quote it (status
``withdrawn``, with a history row), so a draft built on a wrong finding is
never sent by mistake; drafts already sent are reported, not changed.

A finding's ``status`` is the current decision; ``reviews`` keeps every change
(never overwritten).  ``inherit_decision`` lets a newly stored finding show
the decision already taken on the same statement in a syndicated copy.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from typing import Any

import sqlite_utils

from factwatch.core.errors import NotFoundError
from factwatch.db.connection import transaction
from factwatch.db.queries import resolve_finding

ACTIONS = {"confirm": "confirmed", "dismiss": "dismissed", "reopen": "suggested"}
DECIDED = ("confirmed", "dismissed")


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def default_reviewer() -> str:
    """$USER, else the login name, else "unknown"."""
    name = os.environ.get("USER") or os.environ.get("USERNAME")
    if not name:
        try:
            name = getpass.getuser()
        except (OSError, KeyError):
            name = ""
    return name or "unknown"


def review(
    db: sqlite_utils.Database,
    ident: str,
    *,
    action: str,
    reviewer: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """Apply ``action`` (confirm | dismiss | reopen) to a finding; return the history row."""
    if action not in ACTIONS:
        raise NotFoundError(f"review action {action!r}: use one of {', '.join(ACTIONS)}")
    fid = resolve_finding(db, ident)
    with transaction(db):
        old = db.execute("SELECT status FROM findings WHERE id = ?", [fid]).fetchone()[0]
        new = ACTIONS[action]
        db.execute("UPDATE findings SET status = ? WHERE id = ?", [new, fid])
        row = {
            "finding_id": fid,
            "action": action,
            "old_status": old,
            "new_status": new,
            "reviewer": reviewer or default_reviewer(),
            "note": note,
            "at": now(),
        }
        row["id"] = db.table("reviews").insert(row).last_pk
        row["withdrawn"], row["sent"] = [], []
        if new == "dismissed" and old != "dismissed":
            row["withdrawn"], row["sent"] = _withdraw_drafts(db, fid, row["at"])
    return row


def _withdraw_drafts(db: sqlite_utils.Database, fid: str, at: str) -> tuple[list[int], list[int]]:
    """Mark the drafts that quote a dismissed finding 'withdrawn' (they must not be
    sent as they are); return (withdrawn ids, ids already sent or later)."""
    rows = db.execute(
        "SELECT DISTINCT r.id, r.status FROM rebuttal_findings rf "
        "JOIN rebuttals r ON r.id = rf.rebuttal_id WHERE rf.finding_id = ? ORDER BY r.id",
        [fid],
    ).fetchall()
    withdrawn = [rid for rid, status in rows if status == "draft"]
    sent = [rid for rid, status in rows if status in ("sent", "corrected", "ignored")]
    for rid in withdrawn:
        db.execute(
            "UPDATE rebuttals SET status = 'withdrawn', updated_at = ? WHERE id = ?", [at, rid]
        )
        db.table("rebuttal_history").insert(
            {
                "rebuttal_id": rid,
                "old_status": "draft",
                "new_status": "withdrawn",
                "note": f"finding {fid} was dismissed",
                "at": at,
            }
        )
    return withdrawn, sent


def inherit_decision(db: sqlite_utils.Database, finding_row: dict[str, Any]) -> str | None:
    """Give a newly stored finding the latest decision on the same statement elsewhere.

    Looks for other findings with the same ``statement_key`` (syndicated copies)
    that a reviewer confirmed or dismissed.  If one exists, the new finding takes
    that status and an ``inherit`` review row names the source finding.  Returns
    the inherited status, or None when there is no earlier decision.  Runs inside
    the caller's transaction when there is one.
    """
    key = finding_row.get("statement_key")
    fid = finding_row.get("id")
    if not key or not fid:
        return None
    source = db.execute(
        "SELECT f.id, f.status, a.outlet, a.url FROM findings f "
        "JOIN articles a ON a.id = f.article_id "
        "LEFT JOIN reviews r ON r.finding_id = f.id "
        "WHERE f.statement_key = ? AND f.id != ? AND f.status IN ('confirmed', 'dismissed') "
        "GROUP BY f.id ORDER BY max(r.at) DESC, f.id LIMIT 1",
        [key, fid],
    ).fetchone()
    if source is None:
        return None
    source_id, status, outlet, url = source
    with transaction(db):
        old = db.execute("SELECT status FROM findings WHERE id = ?", [fid]).fetchone()
        if old is None:
            return None
        db.execute("UPDATE findings SET status = ? WHERE id = ?", [status, fid])
        db.table("reviews").insert(
            {
                "finding_id": fid,
                "action": "inherit",
                "old_status": old[0],
                "new_status": status,
                "reviewer": "factwatch",
                "note": f"same statement as finding {source_id} ({outlet or url}), {status} there",
                "at": now(),
            }
        )
    return status
