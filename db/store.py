"""Write what a pass produces: sources, fetch records, articles and findings.

Each article is stored with its findings in one transaction
(``store_article``), so a pass killed at any moment leaves either the whole
article or nothing.  Rows are always written whole (no partial upserts).

Identity rules:
- an article is identified by its canonical URL;
- a page whose text is identical to a stored article (same content hash) is
  recorded as another URL of that article, not stored again;
- a page whose text is near-identical (simhash) joins that article's story,
  found through the simhash index of ``db.nearindex`` (never a table scan);
- a finding is identified by ``Finding.identity(article url)``, so a recheck
  updates it instead of adding it again; one that no longer fires is marked
  stale, never deleted, and a reviewer's decision survives rechecks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from factwatch.core.fingerprints import NEAR_DUPLICATE_DISTANCE
from factwatch.core.records import Article, Finding, Paragraph, Sentence, SourceConfig
from factwatch.db import nearindex
from factwatch.db.connection import transaction
from factwatch.db.review import inherit_decision


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# The statements of the storing path, built once per table and column list.
# Plain SQL on the connection: the writer runs these for every article, and
# sqlite-utils' insert and update re-read the table's schema on each call.
_STATEMENTS: dict[tuple[str, str, tuple[str, ...]], str] = {}


def _statement(kind: str, table: str, columns: tuple[str, ...]) -> str:
    key = (kind, table, columns)
    sql = _STATEMENTS.get(key)
    if sql is None:
        names = ", ".join(f'"{c}"' for c in columns)
        if kind == "insert":
            marks = ", ".join("?" * len(columns))
            sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
        elif kind == "upsert":  # the first column is the primary key
            marks = ", ".join("?" * len(columns))
            sets = ", ".join(f'"{c}" = excluded."{c}"' for c in columns[1:])
            sql = (
                f'INSERT INTO "{table}" ({names}) VALUES ({marks}) '
                f'ON CONFLICT("{columns[0]}") DO UPDATE SET {sets}'
            )
        else:  # update by the "id" primary key
            sets = ", ".join(f'"{c}" = ?' for c in columns)
            sql = f'UPDATE "{table}" SET {sets} WHERE id = ?'
        _STATEMENTS[key] = sql
    return sql


def insert_row(db: sqlite_utils.Database, table: str, row: dict[str, Any]) -> int:
    """Insert one whole row; returns its rowid."""
    cursor = db.conn.execute(_statement("insert", table, tuple(row)), list(row.values()))
    return int(cursor.lastrowid or 0)


def update_row(db: sqlite_utils.Database, table: str, key: Any, row: dict[str, Any]) -> None:
    """Update the columns in ``row`` of the row whose id is ``key``."""
    db.conn.execute(_statement("update", table, tuple(row)), [*row.values(), key])


def upsert_source(db: sqlite_utils.Database, source: SourceConfig) -> None:
    """Add a configured source, or update its definition; health columns are kept."""
    settings = dataclasses.asdict(source)
    if settings.get("api_key"):
        settings["api_key"] = "(set)"  # a secret: never written to the database
    config = json.dumps(settings, sort_keys=True)
    url = source.url or (source.urls[0] if source.urls else "")
    existing = db.execute("SELECT name FROM sources WHERE name = ?", [source.name]).fetchone()
    with transaction(db):
        if existing:
            db.execute(
                "UPDATE sources SET kind = ?, url = ?, config = ? WHERE name = ?",
                [source.kind, url, config, source.name],
            )
        else:
            db.table("sources").insert(
                {
                    "name": source.name,
                    "kind": source.kind,
                    "url": url,
                    "config": config,
                    "added_at": now(),
                    "next_fetch_at": None,
                    "last_ok_at": None,
                    "last_error": None,
                    "failure_score": 0.0,
                    "consecutive_failures": 0,
                    "status": "ok",
                    "disabled_reason": None,
                }
            )


def record_fetch(
    db: sqlite_utils.Database, record: Any, *, run_id: int | None, source: str
) -> None:
    """Append one fetch attempt (a scraper.fetch.FetchRecord) to the fetch log."""
    is_record = dataclasses.is_dataclass(record) and not isinstance(record, type)
    row = dataclasses.asdict(record) if is_record else dict(record)
    insert_row(
        db,
        "fetches",
        {
            "run_id": run_id,
            "source": source,
            "url": row.get("url"),
            "final_url": row.get("final_url"),
            "purpose": row.get("purpose"),
            "started_at": row.get("started_at") or now(),
            "status": row.get("status"),
            "bytes": row.get("bytes") or 0,
            "elapsed_ms": row.get("elapsed_ms") or 0,
            "not_modified": int(bool(row.get("not_modified"))),
            "attempts": row.get("attempts") or 1,
            "error": row.get("error"),
            "error_kind": row.get("error_kind"),
        },
    )


def url_state(db: sqlite_utils.Database, url: str) -> dict[str, Any] | None:
    """What we know about a URL from earlier passes (ETag, Last-Modified, article)."""
    cursor = db.conn.execute("SELECT * FROM url_state WHERE url = ?", [url])
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row, strict=True)) if row else None


def save_url_state(
    db: sqlite_utils.Database,
    url: str,
    *,
    etag: str | None,
    last_modified: str | None,
    status: int | None,
    content_hash: str | None = None,
    article_id: int | None = None,
) -> None:
    old = url_state(db, url) or {}
    row = {
        "url": url,
        "etag": etag or old.get("etag"),
        "last_modified": last_modified or old.get("last_modified"),
        "last_status": status,
        "last_fetched_at": now(),
        "content_hash": content_hash or old.get("content_hash"),
        "article_id": article_id or old.get("article_id"),
    }
    db.conn.execute(_statement("upsert", "url_state", tuple(row)), list(row.values()))


def known_url(db: sqlite_utils.Database, url: str) -> int | None:
    """The article id stored under this URL (canonical or alias), if any."""
    row = db.execute(
        "SELECT id FROM articles WHERE url = ? UNION ALL "
        "SELECT article_id FROM article_urls WHERE url = ? LIMIT 1",
        [url, url],
    ).fetchone()
    return row[0] if row else None


@dataclass
class StoreResult:
    article_id: int
    status: str  # new | updated | unchanged | duplicate
    story_id: int | None = None
    new_findings: list[dict[str, Any]] = field(default_factory=list)


def article_fields(article: Article) -> dict[str, Any]:
    """The stored columns of an article that depend on the article alone (no
    timestamps, no fetch URL, no story): what a worker process can compute."""
    return {
        "url": article.canonical_url or article.url,
        "title": article.title,
        "authors": json.dumps(article.authors),
        "published": article.published,
        "outlet": article.outlet,
        "language": article.language,
        "text": article.text,
        "paragraphs": json.dumps([[p.start, p.end] for p in article.paragraphs]),
        "sentences": json.dumps([[s.paragraph, s.start, s.end] for s in article.sentences]),
        "content_hash": article.content_hash,
        "simhash": format(article.simhash, "016x") if article.simhash else None,
        "source": article.source,
        "metadata": json.dumps(article.metadata, default=str),
    }


def _article_row(fields: dict[str, Any], *, fetched_url: str, facts_version: str) -> dict[str, Any]:
    stamp = now()
    return {
        **fields,
        "first_url": fetched_url,
        "fetched_at": stamp,
        "updated_at": stamp,
        "checked_at": stamp if facts_version else None,
        "facts_version": facts_version or None,
    }


def store_article(
    db: sqlite_utils.Database,
    article: Article,
    findings: list[Finding] | None,
    *,
    fetched_url: str = "",
    facts_version: str = "",
    near_duplicate_distance: int = NEAR_DUPLICATE_DISTANCE,
) -> StoreResult:
    """Store one article and its findings in a single transaction.

    ``findings`` None means "not checked" (no matcher); an empty list means
    checked and clean.
    """
    key = article.canonical_url or article.url
    return store_article_fields(
        db,
        article_fields(article),
        None if findings is None else [finding_fields(f, article_key=key) for f in findings],
        fetched_url=fetched_url or article.url,
        facts_version=facts_version,
        near_duplicate_distance=near_duplicate_distance,
    )


def store_article_fields(
    db: sqlite_utils.Database,
    fields: dict[str, Any],
    findings: list[dict[str, Any]] | None,
    *,
    fetched_url: str,
    facts_version: str = "",
    near_duplicate_distance: int = NEAR_DUPLICATE_DISTANCE,
) -> StoreResult:
    """``store_article`` for an article already turned into columns
    (``article_fields``) and findings already turned into ``finding_fields``."""
    key = fields["url"]
    fetched_url = fetched_url or key
    with transaction(db):
        existing = db.execute(
            "SELECT id, content_hash, story_id FROM articles WHERE url = ?", [key]
        ).fetchone()
        if existing is None:
            same = db.execute(
                "SELECT id, story_id FROM articles WHERE content_hash = ? LIMIT 1",
                [fields["content_hash"]],
            ).fetchone()
            if same is not None:
                _add_alias(db, fetched_url, same[0])
                _add_alias(db, key, same[0])
                return StoreResult(same[0], "duplicate", same[1])
        row = _article_row(fields, fetched_url=fetched_url, facts_version=facts_version)
        simhash = int(fields["simhash"], 16) if fields.get("simhash") else 0
        if existing is not None:
            article_id, old_hash, story_id = existing
            _add_alias(db, fetched_url, article_id)
            if old_hash == fields["content_hash"] and findings is None:
                return StoreResult(article_id, "unchanged", story_id)
            status = "unchanged" if old_hash == fields["content_hash"] else "updated"
            row.pop("first_url")
            row.pop("fetched_at")
            update_row(db, "articles", article_id, row)
            if status == "updated":
                nearindex.replace(db, article_id, simhash)
        else:
            story_id = nearindex.near_story(db, simhash, max_distance=near_duplicate_distance)
            if story_id is None:
                story_id = insert_row(
                    db,
                    "stories",
                    {"title": fields["title"], "first_seen": now(), "simhash": row["simhash"]},
                )
            row["story_id"] = story_id
            article_id = insert_row(db, "articles", row)
            nearindex.add(db, article_id, simhash)
            _add_alias(db, fetched_url, article_id)
            status = "new"
        new_rows: list[dict[str, Any]] = []
        if findings is not None:
            new_rows = store_finding_fields(db, article_id, findings)
        return StoreResult(article_id, status, story_id, new_rows)


def _add_alias(db: sqlite_utils.Database, url: str, article_id: int) -> None:
    if url:
        db.execute(
            "INSERT OR IGNORE INTO article_urls (url, article_id, first_seen) VALUES (?, ?, ?)",
            [url, article_id, now()],
        )


def finding_fields(finding: Finding, *, article_key: str) -> dict[str, Any]:
    """The stored columns of a finding that depend on the finding alone (no
    article id, review status or timestamps): what a worker process can compute."""
    return {
        "id": finding.identity(article_key),
        "kind": finding.kind,
        "rule_id": finding.rule_id,
        "fact_ids": json.dumps(finding.fact_ids),
        "quote": finding.quote,
        "start": finding.start,
        "end": finding.end,
        "sentence_index": finding.sentence_index,
        "paragraph_index": finding.paragraph_index,
        "speaker": finding.speaker,
        "voice": finding.voice,
        "severity": finding.severity,
        "confidence": finding.confidence,
        "explanation": finding.explanation,
        "correction": finding.correction,
        "fact_sources": json.dumps(finding.fact_sources),
        "challenged": int(finding.challenged),
        "statement_key": finding.statement_key,
        "details": json.dumps(finding.details, default=str),
    }


def _finding_row(
    fields: dict[str, Any], *, article_id: int, published: str | None = None
) -> dict[str, Any]:
    stamp = now()
    return {
        **fields,
        "article_id": article_id,
        "status": "suggested",
        "stale": 0,
        "first_seen": stamp,
        "last_seen": stamp,
        # What listings sort by: the article's date, or when the finding was first seen.
        "sort_date": published or stamp,
    }


def finding_row(finding: Finding, *, article_id: int, article_key: str) -> dict[str, Any]:
    """A whole findings row for a Finding (status and timestamps included)."""
    return _finding_row(finding_fields(finding, article_key=article_key), article_id=article_id)


def store_findings(
    db: sqlite_utils.Database, article_id: int, article_key: str, findings: list[Finding]
) -> list[dict[str, Any]]:
    """Upsert an article's findings; mark the ones that no longer fire as stale.

    Returns the rows of findings that are new (never seen before)."""
    fields = [finding_fields(f, article_key=article_key) for f in findings]
    return store_finding_fields(db, article_id, fields)


def store_finding_fields(
    db: sqlite_utils.Database, article_id: int, findings: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """``store_findings`` for findings already turned into ``finding_fields``."""
    seen: set[str] = set()
    new_rows = []
    published = db.execute("SELECT published FROM articles WHERE id = ?", [article_id]).fetchone()
    for fields in findings:
        row = _finding_row(fields, article_id=article_id, published=published and published[0])
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        old = db.execute("SELECT status FROM findings WHERE id = ?", [row["id"]]).fetchone()
        if old is None:
            insert_row(db, "findings", row)
            inherit_decision(db, row)  # an earlier decision on a syndicated copy
            new_rows.append(row)
        else:
            # Keep the reviewer's status and first_seen; refresh the evidence.
            for kept in ("status", "first_seen", "sort_date"):
                row.pop(kept)
            update_row(db, "findings", row["id"], row)
    ids = list(seen)
    placeholders = ",".join("?" * len(ids)) or "''"
    db.execute(
        f"UPDATE findings SET stale = 1 WHERE article_id = ? AND stale = 0 "
        f"AND id NOT IN ({placeholders})",
        [article_id, *ids],
    )
    db.execute("UPDATE articles SET checked_at = ? WHERE id = ?", [now(), article_id])
    return new_rows


def article_from_row(row: dict[str, Any]) -> Article:
    """Rebuild an Article (with paragraph and sentence offsets) from its row."""
    text = row["text"] or ""
    paragraphs = [
        Paragraph(i, s, e, text[s:e])
        for i, (s, e) in enumerate(json.loads(row["paragraphs"] or "[]"))
    ]
    sentences = [
        Sentence(i, p, s, e, text[s:e])
        for i, (p, s, e) in enumerate(json.loads(row["sentences"] or "[]"))
    ]
    return Article(
        url=row["first_url"] or row["url"],
        canonical_url=row["url"],
        title=row["title"] or "",
        authors=json.loads(row["authors"] or "[]"),
        published=row["published"],
        outlet=row["outlet"] or "",
        language=row["language"],
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        content_hash=row["content_hash"],
        simhash=int(row["simhash"], 16) if row["simhash"] else 0,
        source=row["source"] or "",
        metadata=json.loads(row["metadata"] or "{}"),
    )
