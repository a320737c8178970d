"""The schema, as ordered migrations.

Each ``mNNN_name(db)`` function runs once, in name order, inside a
transaction; applied names are recorded in ``_migrations``.  Never edit a
migration that has shipped: add a new one at the end.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import sqlite_utils

from factwatch.core.records import finding_id, statement_key
from factwatch.db import nearindex
from factwatch.db.connection import transaction
from factwatch.db.rekey import rekey_findings

Migration = Callable[[sqlite_utils.Database], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


@migration
def m001_sources_and_fetches(db: sqlite_utils.Database) -> None:
    db.table("sources").create(
        {
            "name": str,
            "kind": str,
            "url": str,
            "config": str,  # JSON of the SourceConfig
            "added_at": str,
            "next_fetch_at": str,  # ISO time; a pass fetches the source only when due
            "last_ok_at": str,
            "last_error": str,
            "failure_score": float,  # weighted recent failures (hard 3, soft 1, temporary 0.5)
            "consecutive_failures": int,
            "status": str,  # ok | backoff | disabled
            "disabled_reason": str,
        },
        pk="name",
        not_null={"kind"},
        defaults={"status": "ok", "failure_score": 0.0, "consecutive_failures": 0},
    )
    db.table("fetches").create(
        {
            "id": int,
            "run_id": int,
            "source": str,
            "url": str,
            "final_url": str,
            "purpose": str,  # robots | feed | sitemap | listing | article | recheck
            "started_at": str,
            "status": int,
            "bytes": int,
            "elapsed_ms": int,
            "not_modified": int,
            "attempts": int,
            "error": str,
            "error_kind": str,  # hard | soft | temporary
        },
        pk="id",
    )
    db.table("fetches").create_index(["url"])
    db.table("fetches").create_index(["run_id"])
    db.table("url_state").create(
        {
            "url": str,
            "etag": str,
            "last_modified": str,
            "last_status": int,
            "last_fetched_at": str,
            "content_hash": str,
            "article_id": int,
        },
        pk="url",
    )


@migration
def m002_articles_and_stories(db: sqlite_utils.Database) -> None:
    db.table("stories").create(
        {"id": int, "title": str, "first_seen": str, "simhash": str}, pk="id"
    )
    db.table("articles").create(
        {
            "id": int,
            "url": str,  # canonical URL: the article's identity
            "first_url": str,  # the URL it was first fetched from
            "title": str,
            "authors": str,  # JSON list
            "published": str,
            "outlet": str,
            "language": str,
            "text": str,
            "paragraphs": str,  # JSON [[start, end], ...]
            "sentences": str,  # JSON [[paragraph, start, end], ...]
            "content_hash": str,
            "simhash": str,  # 64-bit, hex
            "story_id": int,
            "source": str,
            "fetched_at": str,
            "updated_at": str,
            "checked_at": str,
            "facts_version": str,
            "metadata": str,  # JSON: JSON-LD and other extractor output
        },
        pk="id",
        not_null={"url", "content_hash"},
        foreign_keys=[("story_id", "stories", "id")],
    )
    db.table("articles").create_index(["url"], unique=True)
    db.table("articles").create_index(["content_hash"])
    db.table("articles").create_index(["story_id"])
    # Every URL under which an article was seen (AMP, mobile, tracking variants,
    # identical syndicated copies).
    db.table("article_urls").create(
        {"url": str, "article_id": int, "first_seen": str},
        pk="url",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("articles").enable_fts(["title", "text"], create_triggers=True, tokenize="porter")


@migration
def m003_findings_and_reviews(db: sqlite_utils.Database) -> None:
    db.table("findings").create(
        {
            "id": str,  # stable identity: hash of article, rule and statement
            "article_id": int,
            "kind": str,  # framing | omission | figure | unchallenged_claim | ...
            "rule_id": str,
            "fact_ids": str,  # JSON list
            "quote": str,
            "start": int,
            "end": int,
            "sentence_index": int,
            "paragraph_index": int,
            "speaker": str,
            "voice": str,  # outlet | quote
            "severity": str,  # low | medium | high
            "confidence": float,
            "explanation": str,
            "correction": str,
            "fact_sources": str,  # JSON list
            "challenged": int,
            "statement_key": str,  # normalised quote hash, shared by syndicated copies
            "status": str,  # suggested | confirmed | dismissed
            "stale": int,
            "first_seen": str,
            "last_seen": str,
            "details": str,  # JSON: anything else the rule recorded
        },
        pk="id",
        not_null={"article_id", "kind", "rule_id"},
        defaults={"status": "suggested", "stale": 0, "challenged": 0},
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("findings").create_index(["article_id"])
    db.table("findings").create_index(["kind"])
    db.table("findings").create_index(["status"])
    db.table("findings").create_index(["statement_key"])
    db.table("findings").enable_fts(["quote", "explanation"], create_triggers=True)
    db.table("reviews").create(
        {
            "id": int,
            "finding_id": str,
            "action": str,  # confirm | dismiss | reopen | inherit
            "old_status": str,
            "new_status": str,
            "reviewer": str,
            "note": str,
            "at": str,
        },
        pk="id",
        foreign_keys=[("finding_id", "findings", "id")],
    )
    db.table("reviews").create_index(["finding_id"])


@migration
def m004_rebuttals_and_corrections(db: sqlite_utils.Database) -> None:
    db.table("rebuttals").create(
        {
            "id": int,
            "article_id": int,
            "format": str,  # correction_request | letter | social | briefing
            "finding_ids": str,  # JSON list
            "subject": str,
            "body": str,
            "status": str,  # draft | sent | corrected | ignored
            "template": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        defaults={"status": "draft"},
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("rebuttal_history").create(
        {
            "id": int,
            "rebuttal_id": int,
            "old_status": str,
            "new_status": str,
            "note": str,
            "at": str,
        },
        pk="id",
        foreign_keys=[("rebuttal_id", "rebuttals", "id")],
    )
    db.table("corrections").create(
        {
            "id": int,
            "rebuttal_id": int,
            "article_id": int,
            "finding_id": str,
            "checked_at": str,
            "outcome": str,  # changed | removed | unchanged | unreachable
            "notice": int,  # a correction notice appeared on the page
            "new_text": str,
            "detail": str,
        },
        pk="id",
    )


@migration
def m005_runs(db: sqlite_utils.Database) -> None:
    db.table("runs").create(
        {
            "id": int,
            "started_at": str,
            "ended_at": str,
            "pid": int,
            "status": str,  # running | ok | failed | interrupted
            "fetched": int,
            "stored": int,
            "flagged": int,
            "failed": int,
            "skipped": int,
            "error": str,
        },
        pk="id",
        defaults={"fetched": 0, "stored": 0, "flagged": 0, "failed": 0, "skipped": 0},
    )
    db.table("run_sources").create(
        {
            "run_id": int,
            "source": str,
            "discovered": int,
            "fetched": int,
            "stored": int,
            "flagged": int,
            "failed": int,
            "error": str,
        },
        pk=("run_id", "source"),
    )


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply pending migrations in order; return the names applied."""
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    done = {row[0] for row in db.execute("SELECT name FROM _migrations").fetchall()}
    applied = []
    for fn in sorted(MIGRATIONS, key=lambda f: f.__name__):
        if fn.__name__ in done:
            continue
        with transaction(db):
            # Another process may have migrated while we waited for the lock.
            if db.execute("SELECT 1 FROM _migrations WHERE name = ?", [fn.__name__]).fetchone():
                continue
            fn(db)
            db.table("_migrations").insert(
                {"name": fn.__name__, "applied_at": dt.datetime.now(dt.UTC).isoformat()}
            )
        applied.append(fn.__name__)
    return applied


@migration
def m006_finding_list_view(db: sqlite_utils.Database) -> None:
    """Findings with their article's outlet, title, date and URL (browsing and facets)."""
    db.create_view(
        "finding_list",
        """
        SELECT f.id, f.status, f.kind, a.outlet, a.title AS article_title, a.published,
               f.quote, f.correction, f.rule_id, f.speaker, f.severity, f.stale,
               f.article_id, a.url AS article_url, f.first_seen, f.last_seen,
               f.rowid AS finding_rowid
        FROM findings f JOIN articles a ON a.id = f.article_id
        """,
    )


@migration
def m007_archives(db: sqlite_utils.Database) -> None:
    """Back-checks of archive sources: cursors, shards and progress."""
    # Where each archive source's index reading stopped (JSON, per kind), and a
    # hash of the settings it was read with (other settings start over).
    db.table("archive_cursors").create(
        {"source": str, "cursor": str, "finished": int, "signature": str, "updated_at": str},
        pk="source",
        defaults={"finished": 0},
    )
    # One unit of back-check work: a WARC file or an index page of captures.
    db.table("backcheck_shards").create(
        {
            "key": str,  # kind:source:what (file, resume key, crawl|pattern|page)
            "source": str,
            "kind": str,  # warc | pages
            "location": str,  # the WARC file (warc shards)
            "captures": str,  # JSON capture locators (pages shards)
            "status": str,  # pending | done | failed
            "records": int,  # pages read
            "articles": int,  # articles stored (new or updated)
            "findings": int,  # new flagged findings
            "errors": int,
            "error": str,  # last error (failed shards, or problems inside the shard)
            "worker": str,
            "backcheck_id": int,
            "created_at": str,
            "done_at": str,
        },
        pk="key",
        defaults={"status": "pending", "records": 0, "articles": 0, "findings": 0, "errors": 0},
    )
    db.table("backcheck_shards").create_index(["source", "status"])
    db.table("backchecks").create(
        {
            "id": int,
            "started_at": str,
            "ended_at": str,
            "pid": int,
            "scheduler": str,  # "local" or the scheduler address
            "workers": int,
            "status": str,  # running | ok | failed | interrupted
            "shards_done": int,
            "shards_failed": int,
            "records": int,
            "articles": int,
            "findings": int,
            "seconds": float,
            "error": str,
        },
        pk="id",
        defaults={
            "shards_done": 0,
            "shards_failed": 0,
            "records": 0,
            "articles": 0,
            "findings": 0,
            "seconds": 0.0,
        },
    )


@migration
def m008_finding_ids_from_what_they_are_about(db: sqlite_utils.Database) -> None:
    """Finding ids from article, kind, statement and facts instead of the rule
    that fired (``core.records.statement_key``); reviews, drafts and corrections
    move to the new ids, findings that meet are merged, and old ids stay
    resolvable through ``finding_aliases``."""

    def new_id(row: dict[str, Any]) -> tuple[str, str]:
        try:
            facts = json.loads(row["fact_ids"] or "[]")
        except json.JSONDecodeError:
            facts = []
        key = statement_key(row["kind"], row["quote"] or "", [str(f) for f in facts])
        return finding_id(row["article_key"], key), key

    rekey_findings(db, new_id, at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))


@migration
def m009_simhash_index(db: sqlite_utils.Database) -> None:
    """Near-duplicate lookup through an index of simhash blocks (db.nearindex)."""
    nearindex.create(db)
    nearindex.backfill(db)


@migration
def m010_listing_indexes(db: sqlite_utils.Database) -> None:
    """Listings, prefix look-ups and the "already drafted" check through indexes.

    ``findings.sort_date`` is what listings sort by (the article's publication
    date, or when the finding was first seen): ``db.store`` writes it with each
    new finding and a trigger follows a change of the article's date; the
    ``findings_listing*`` indexes give that order without sorting, alone or
    after a status or kind filter.  ``rebuttal_findings`` says which findings
    each rebuttal covers (``rebuttals.finding_ids`` as rows), so finding a
    finding's drafts is a look-up rather than a parse of every draft's JSON."""
    db.execute("ALTER TABLE findings ADD COLUMN sort_date TEXT")
    db.execute(
        "UPDATE findings SET sort_date = COALESCE("
        "(SELECT published FROM articles a WHERE a.id = findings.article_id), first_seen)"
    )
    db.execute(
        "CREATE TRIGGER articles_published_sort_date AFTER UPDATE OF published ON articles "
        "WHEN new.published IS NOT old.published BEGIN "
        "UPDATE findings SET sort_date = COALESCE(new.published, first_seen) "
        "WHERE article_id = new.id; END"
    )
    order = "sort_date DESC, article_id, start"
    db.execute(f"CREATE INDEX findings_listing ON findings (stale, {order})")
    db.execute(f"CREATE INDEX findings_listing_status ON findings (status, stale, {order})")
    db.execute(f"CREATE INDEX findings_listing_kind ON findings (kind, stale, {order})")
    db.execute(
        "CREATE TABLE rebuttal_findings ("
        "rebuttal_id INTEGER NOT NULL REFERENCES rebuttals(id), "
        "finding_id TEXT NOT NULL, format TEXT NOT NULL, "
        "PRIMARY KEY (finding_id, format, rebuttal_id)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX rebuttal_findings_rebuttal ON rebuttal_findings (rebuttal_id)")
    db.execute(
        "INSERT OR IGNORE INTO rebuttal_findings (rebuttal_id, finding_id, format) "
        "SELECT r.id, j.value, r.format FROM rebuttals r, json_each(r.finding_ids) j"
    )


@migration
def m011_fts_follows_text_columns(db: sqlite_utils.Database) -> None:
    """Re-index an article or finding in full-text search only when its indexed
    text changes.  The update triggers fired on any update, so stamping an
    article as checked (every store and every recheck) indexed its text again."""
    for table, columns in (("articles", ("title", "text")), ("findings", ("quote", "explanation"))):
        names = ", ".join(f'"{c}"' for c in columns)
        old = ", ".join(f'old."{c}"' for c in columns)
        new = ", ".join(f'new."{c}"' for c in columns)
        db.execute(f'DROP TRIGGER IF EXISTS "{table}_au"')
        db.execute(
            f'CREATE TRIGGER "{table}_au" AFTER UPDATE OF {names} ON "{table}" BEGIN '
            f'INSERT INTO "{table}_fts" ("{table}_fts", rowid, {names}) '
            f"VALUES('delete', old.rowid, {old}); "
            f'INSERT INTO "{table}_fts" (rowid, {names}) VALUES (new.rowid, {new}); END'
        )


@migration
def m012_run_failures(db: sqlite_utils.Database) -> None:
    """Every failure of a pass, per source (`factwatch status --failures`)."""
    db.table("run_failures").create(
        {
            "id": int,
            "run_id": int,
            "source": str,
            "url": str,
            "kind": str,  # hard | soft | temporary
            "error": str,
        },
        pk="id",
    )
    db.table("run_failures").create_index(["run_id", "source"])


@migration
def m013_simhash_masks(db: sqlite_utils.Database) -> None:
    """The near-duplicate lookup expands its probes inside SQLite (db.nearindex)."""
    nearindex.create_masks(db)
