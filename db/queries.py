"""Read-side queries: findings with their articles, full-text search, one finding in context.

Everything here only reads.  Rows come back as plain dicts with JSON columns
decoded (``fact_ids``, ``fact_sources``, ``details``).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from factwatch.core.errors import DatabaseError, NotFoundError
from factwatch.db.fts import fts_query

EMPTY_DATABASE = "no findings yet: run `factwatch demo` or `factwatch run` first"
STATUSES = ("suggested", "confirmed", "dismissed")
JSON_COLUMNS = ("fact_ids", "fact_sources", "details")

FINDING_COLUMNS = """
    f.*, a.title AS article_title, a.outlet AS outlet, a.url AS article_url,
    a.published AS published
"""


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    for column in JSON_COLUMNS:
        value = row.get(column)
        if isinstance(value, str):
            try:
                row[column] = json.loads(value) if value else ([] if column != "details" else {})
            except json.JSONDecodeError:
                pass
    return row


def _iter_rows(
    db: sqlite_utils.Database, sql: str, params: list[Any] | dict[str, Any], *, what: str = "rows"
) -> Iterator[dict[str, Any]]:
    """Decoded rows one at a time, straight from the cursor (memory stays flat)."""
    try:
        for r in db.query(sql, params):
            yield _decode(dict(r))
    except sqlite3.OperationalError as exc:
        if "decode" in str(exc).lower():
            raise DatabaseError(
                f"{what}: stored text is not valid UTF-8 ({exc}). Re-fetch the article with "
                "`factwatch recheck` or delete the damaged row."
            ) from None
        raise


def _rows(
    db: sqlite_utils.Database, sql: str, params: list[Any] | dict[str, Any], *, what: str = "rows"
) -> list[dict[str, Any]]:
    return list(_iter_rows(db, sql, params, what=what))


def require_findings(db: sqlite_utils.Database) -> None:
    """Raise NotFoundError when the database holds no findings at all."""
    if not db.execute("SELECT 1 FROM findings LIMIT 1").fetchone():
        raise NotFoundError(EMPTY_DATABASE)


def _check_date(value: str, option: str) -> str:
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise NotFoundError(
            f"{option} {value!r}: not a date; use YYYY-MM-DD, e.g. {option} 2017-04-28"
        ) from None


def resolve_article(db: sqlite_utils.Database, article: str | int) -> int:
    """An article id from an id or any URL it was seen under."""
    text = str(article).strip()
    if text.isdigit():
        row = db.execute("SELECT id FROM articles WHERE id = ?", [int(text)]).fetchone()
    else:
        row = db.execute(
            "SELECT id FROM articles WHERE url = ? UNION ALL "
            "SELECT article_id FROM article_urls WHERE url = ? LIMIT 1",
            [text, text],
        ).fetchone()
    if row is None:
        raise NotFoundError(
            f"article {text!r}: no such article id or URL; list articles with "
            "`factwatch findings` or `factwatch search TEXT --in articles`"
        )
    return int(row[0])


@dataclass
class FindingFilter:
    """Which findings to list; None means "any"."""

    kind: str | None = None
    outlet: str | None = None
    status: str | None = None
    rule: str | None = None
    fact: str | None = None
    speaker: str | None = None
    since: str | None = None
    until: str | None = None
    article: str | None = None
    include_stale: bool = False
    # Findings the article itself rebuts (kind challenged_claim) are recorded,
    # not open for review: left out unless asked for, by kind or by id.
    include_challenged: bool = False
    limit: int | None = None
    ids: list[str] = field(default_factory=list)


def _conditions(db: sqlite_utils.Database, f: FindingFilter) -> tuple[list[str], list[Any]]:
    """SQL conditions (ANDed) and their parameters for ``f``."""
    where: list[str] = []
    params: list[Any] = []

    def add(condition: str, value: Any) -> None:
        where.append(condition)
        params.append(value)

    date = "substr(f.sort_date, 1, 10)"
    simple = (
        ("f.kind = ?", f.kind, None),
        ("f.status = ?", f.status, None),
        ("f.rule_id = ?", f.rule, None),
        ("lower(a.outlet) = lower(?)", f.outlet, None),
        ("lower(f.speaker) LIKE lower(?)", f.speaker, lambda v: f"%{v}%"),
        ("EXISTS (SELECT 1 FROM json_each(f.fact_ids) WHERE value = ?)", f.fact, None),
        (f"{date} >= ?", f.since, lambda v: _check_date(v, "--since")),
        (f"{date} <= ?", f.until, lambda v: _check_date(v, "--until")),
    )
    for condition, value, convert in simple:
        if value is not None:
            add(condition, convert(value) if convert else value)
    if f.article is not None:
        add("f.article_id = ?", resolve_article(db, f.article))
    if f.ids:
        where.append(f"f.id IN ({','.join('?' * len(f.ids))})")
        params.extend(f.ids)
    if not f.include_stale:
        where.append("f.stale = 0")
    if not (f.include_challenged or f.ids or f.kind is not None):
        where.append("f.challenged = 0")
    return where, params


def list_findings(
    db: sqlite_utils.Database, *, filters: FindingFilter | None = None
) -> list[dict[str, Any]]:
    """Findings matching ``filters``, newest article first, with article columns."""
    return list(iter_findings(db, filters=filters))


def iter_findings(
    db: sqlite_utils.Database, *, filters: FindingFilter | None = None
) -> Iterator[dict[str, Any]]:
    """``list_findings`` one row at a time, for listings and exports of any size.

    The order is ``findings.sort_date`` (the article's publication date, or
    when the finding was first seen) newest first, then article and position:
    the indexes ``findings_listing*`` give it without sorting for the common
    filters (none, status, kind).  Arguments are checked before the first
    row is read."""
    f = filters or FindingFilter()
    require_findings(db)
    if f.status is not None and f.status not in STATUSES:
        raise NotFoundError(f"--status {f.status!r}: use one of {', '.join(STATUSES)}")
    where, params = _conditions(db, f)
    sql = (
        f"SELECT {FINDING_COLUMNS} FROM findings f JOIN articles a ON a.id = f.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY f.sort_date DESC, f.article_id, f.start"
    )
    if f.limit is not None:
        sql += " LIMIT ?"
        params.append(int(f.limit))
    return _iter_rows(db, sql, params, what="findings")


MIN_PREFIX = 4  # shorter prefixes name a finding by luck today and another one tomorrow


def count_challenged(db: sqlite_utils.Database, *, include_stale: bool = False) -> int:
    """How many findings are recorded as claims their article itself rebuts."""
    sql = "SELECT count(*) FROM findings WHERE challenged = 1"
    return int(db.execute(sql + ("" if include_stale else " AND stale = 0")).fetchone()[0])


def finding_kinds(db: sqlite_utils.Database) -> list[str]:
    """The kinds of the stored findings."""
    return [r[0] for r in db.execute("SELECT DISTINCT kind FROM findings ORDER BY kind")]


def resolve_finding(db: sqlite_utils.Database, ident: str) -> str:
    """The full id of a finding given its id or a unique prefix of it (4+ characters)."""
    ident = ident.strip()
    if not ident:
        raise NotFoundError("finding id: empty; give an id from `factwatch findings`")
    require_findings(db)
    exact = db.execute("SELECT id FROM findings WHERE id = ?", [ident]).fetchone()
    if exact:
        return exact[0]
    if len(ident) < MIN_PREFIX:
        raise NotFoundError(
            f"finding {ident!r}: give at least {MIN_PREFIX} characters of the id "
            "(from `factwatch findings`)"
        )
    # Ids are lower-case hex: a prefix is a range of the primary key.
    low = ident.lower()
    matches = [
        r[0]
        for r in db.execute(
            "SELECT id FROM findings WHERE id >= ? AND id < ? ORDER BY id LIMIT 6",
            [low, low + "\U0010ffff"],
        )
    ]
    if not matches:
        matches = _renamed(db, low)
    if not matches:
        raise NotFoundError(
            f"finding {ident!r}: no such finding; list ids with `factwatch findings`"
        )
    if len(matches) > 1:
        shown = ", ".join(matches[:5])
        raise NotFoundError(
            f"finding {ident!r}: prefix matches several findings ({shown}); give more characters"
        )
    return matches[0]


def _renamed(db: sqlite_utils.Database, prefix: str) -> list[str]:
    """Current ids of findings whose old id (before ids stopped depending on the
    rule that fired) starts with ``prefix`` (lower case)."""
    if not db["finding_aliases"].exists():
        return []
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT new_id FROM finding_aliases WHERE old_id >= ? AND old_id < ? "
            "ORDER BY new_id LIMIT 6",
            [prefix, prefix + "\U0010ffff"],
        )
    ]


def get_finding(db: sqlite_utils.Database, ident: str) -> dict[str, Any]:
    """One finding (by id or unique prefix) with its article columns."""
    fid = resolve_finding(db, ident)
    rows = _rows(
        db,
        f"SELECT {FINDING_COLUMNS} FROM findings f JOIN articles a ON a.id = f.article_id "
        "WHERE f.id = ?",
        [fid],
        what=f"finding {fid}",
    )
    if not rows:
        raise NotFoundError(f"finding {fid}: its article is missing from the database")
    return rows[0]


def article_text(db: sqlite_utils.Database, article_id: int) -> str:
    """An article's stored text; DatabaseError naming the article if it is not UTF-8."""
    try:
        row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    except sqlite3.OperationalError as exc:
        raise DatabaseError(
            f"article {article_id}: stored text is not valid UTF-8 ({exc}). Re-fetch it with "
            "`factwatch recheck` or delete the damaged row."
        ) from None
    if row is None:
        raise NotFoundError(f"article {article_id}: no such article")
    text = row[0]
    if isinstance(text, bytes):
        try:
            return text.decode("utf-8")
        except UnicodeDecodeError:
            raise DatabaseError(
                f"article {article_id}: stored text is not valid UTF-8. Re-fetch it with "
                "`factwatch recheck` or delete the damaged row."
            ) from None
    return text or ""


def paragraph_of(db: sqlite_utils.Database, finding: dict[str, Any]) -> tuple[str, int, int]:
    """The paragraph holding a finding's quote, and the quote's offsets within it."""
    text = article_text(db, finding["article_id"])
    start, end = int(finding.get("start") or 0), int(finding.get("end") or 0)
    spans_json = db.execute(
        "SELECT paragraphs FROM articles WHERE id = ?", [finding["article_id"]]
    ).fetchone()[0]
    try:
        spans = json.loads(spans_json or "[]")
    except json.JSONDecodeError:
        spans = []
    for p_start, p_end in spans:
        if p_start <= start <= p_end:
            return text[p_start:p_end], start - p_start, min(end, p_end) - p_start
    return text, start, end


def review_history(db: sqlite_utils.Database, finding_id: str) -> list[dict[str, Any]]:
    return _rows(db, "SELECT * FROM reviews WHERE finding_id = ? ORDER BY id", [finding_id])


def rebuttals_for(db: sqlite_utils.Database, finding_id: str) -> list[dict[str, Any]]:
    return _rows(
        db,
        "SELECT r.id, r.format, r.status, r.created_at FROM rebuttal_findings rf "
        "JOIN rebuttals r ON r.id = rf.rebuttal_id WHERE rf.finding_id = ? ORDER BY r.id",
        [finding_id],
    )


# -- full-text search ------------------------------------------------------------------------


def search_query(text: str) -> str:
    """User text as a safe FTS5 query (see db.fts); NotFoundError when it has no words."""
    query = fts_query(text)
    if query == '""':
        raise NotFoundError(f"search text {text!r} has no words; give a word or phrase")
    return query


@dataclass
class SearchHit:
    kind: str  # article | finding
    id: str
    title: str
    outlet: str
    snippet: str
    rank: float


def search(
    db: sqlite_utils.Database, text: str, *, where: str = "all", limit: int = 20
) -> list[SearchHit]:
    """Ranked full-text matches in articles and/or findings, with [marked] snippets."""
    if where not in ("articles", "findings", "all"):
        raise NotFoundError(f"--in {where!r}: use articles, findings or all")
    query = search_query(text)
    hits: list[SearchHit] = []
    if where in ("articles", "all"):
        for r in _rows(
            db,
            "SELECT a.id, a.title, a.outlet, "
            "snippet(articles_fts, -1, '[', ']', ' … ', 12) AS snip, articles_fts.rank AS rank "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            [query, limit],
            what="articles",
        ):
            hits.append(
                SearchHit(
                    "article",
                    str(r["id"]),
                    r["title"] or "",
                    r["outlet"] or "",
                    r["snip"] or "",
                    r["rank"],
                )
            )
    if where in ("findings", "all"):
        for r in _rows(
            db,
            "SELECT f.id, f.kind, a.title, a.outlet, "
            "snippet(findings_fts, -1, '[', ']', ' … ', 12) AS snip, findings_fts.rank AS rank "
            "FROM findings_fts JOIN findings f ON f.rowid = findings_fts.rowid "
            "JOIN articles a ON a.id = f.article_id "
            "WHERE findings_fts MATCH ? ORDER BY rank LIMIT ?",
            [query, limit],
            what="findings",
        ):
            hits.append(
                SearchHit(
                    "finding",
                    r["id"],
                    r["title"] or "",
                    r["outlet"] or "",
                    r["snip"] or "",
                    r["rank"],
                )
            )
    hits.sort(key=lambda h: h.rank)
    return hits[:limit]
