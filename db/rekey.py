"""Give stored findings new ids and carry over everything that refers to them.

Used by the migration that moved finding ids from the rule that fired to what
a finding is about (``core.records.statement_key``).  Findings that end up
with the same id (a rule renamed or split: the stale finding of the old rule
and the current one of the new rule, on the same statement) become one:

- the evidence (quote, offsets, rule, explanation) of the current one (not
  stale, seen last) is kept;
- first_seen is the earliest, last_seen the latest, stale only if all were;
- every review row (the history) moves to the new id, and the status is the
  one the latest review set (or the kept finding's, when none was reviewed);
- rebuttals list the new id in ``finding_ids``, corrections point at it, and
  notes of inherited decisions name it;
- each old id is kept in ``finding_aliases``, so ``factwatch show OLD``
  still finds the finding.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import sqlite_utils

NewId = Callable[[dict[str, Any]], tuple[str, str]]  # findings row -> (id, statement_key)
_ID = re.compile(r"\b[0-9a-f]{20}\b")


def _groups(db: sqlite_utils.Database, new_id: NewId) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    rows = db.query(
        "SELECT f.*, a.url AS article_key FROM findings f JOIN articles a ON a.id = f.article_id"
    )
    for row in rows:
        fid, key = new_id(row)
        row["new_id"], row["new_key"] = fid, key
        groups.setdefault(fid, []).append(row)
    return groups


def _latest_review(db: sqlite_utils.Database, ids: list[str]) -> str | None:
    marks = ",".join("?" * len(ids))
    row = db.execute(
        f"SELECT new_status FROM reviews WHERE finding_id IN ({marks}) ORDER BY at DESC, id DESC",
        ids,
    ).fetchone()
    return row[0] if row else None


def _merge(db: sqlite_utils.Database, fid: str, group: list[dict[str, Any]], at: str) -> None:
    keep = max(group, key=lambda r: (-r["stale"], r["last_seen"] or ""))  # current, seen last
    old_ids = [r["id"] for r in group]
    status = _latest_review(db, old_ids) or keep["status"]
    changes = {
        "id": fid,
        "statement_key": keep["new_key"],
        "status": status,
        "stale": min(r["stale"] for r in group),
        "first_seen": min(r["first_seen"] or "" for r in group) or keep["first_seen"],
        "last_seen": max(r["last_seen"] or "" for r in group) or keep["last_seen"],
    }
    others = [i for i in old_ids if i != keep["id"]]
    marks = ",".join("?" * len(old_ids))
    for table in ("reviews", "corrections"):
        db.execute(
            f"UPDATE {table} SET finding_id = ? WHERE finding_id IN ({marks})", [fid, *old_ids]
        )
    if others:
        db.execute(f"DELETE FROM findings WHERE id IN ({','.join('?' * len(others))})", others)
    sets = ", ".join(f"[{column}] = ?" for column in changes)
    db.execute(f"UPDATE findings SET {sets} WHERE id = ?", [*changes.values(), keep["id"]])
    for old in old_ids:
        if old != fid:
            db.execute(
                "INSERT OR REPLACE INTO finding_aliases (old_id, new_id, at) VALUES (?, ?, ?)",
                [old, fid, at],
            )


def _rewrite_references(db: sqlite_utils.Database, renamed: dict[str, str]) -> None:
    for rid, ids in db.execute("SELECT id, finding_ids FROM rebuttals").fetchall():
        old = json.loads(ids or "[]")
        new = list(dict.fromkeys(renamed.get(i, i) for i in old))
        if new != old:
            db.execute("UPDATE rebuttals SET finding_ids = ? WHERE id = ?", [json.dumps(new), rid])
    notes = db.execute("SELECT id, note FROM reviews WHERE action = 'inherit'").fetchall()
    for review_id, note in notes:
        changed = _ID.sub(lambda m: renamed.get(m.group(), m.group()), note or "")
        if changed != (note or ""):
            db.execute("UPDATE reviews SET note = ? WHERE id = ?", [changed, review_id])


def rekey_findings(db: sqlite_utils.Database, new_id: NewId, *, at: str) -> dict[str, str]:
    """Give every finding the id ``new_id(row)`` says (rows carry ``article_key``,
    the article's URL); merge findings that meet.  Returns old id -> new id for
    the ids that changed.  Runs inside the caller's transaction."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS finding_aliases "
        "(old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL, at TEXT)"
    )
    # Parents and children change together; SQLite checks the keys at commit.
    db.execute("PRAGMA defer_foreign_keys = ON")
    renamed: dict[str, str] = {}
    for fid, group in _groups(db, new_id).items():
        only = group[0]
        if len(group) == 1 and only["id"] == fid and only["statement_key"] == only["new_key"]:
            continue
        _merge(db, fid, group, at)
        renamed.update({r["id"]: fid for r in group if r["id"] != fid})
    _rewrite_references(db, renamed)
    return renamed
