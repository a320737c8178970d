"""From a fetched page to a compact record, and the one writer that stores records.

The work on a page splits in two: the part that needs no database (extract,
topic filter, claim matching) and the part that writes.  The first is a pure
function of picklable inputs, so it runs anywhere: in the pass's own thread,
in a worker process, or on a Dask worker of a back-check::

    spec = CheckSpec.from_config(config)              # facts files and topic settings
    record = process_page(page, spec)                 # FetchedPage -> Record, no side effects
    outcome = Writer(db).write(record)                # the one place records become rows

    record = check_article(row, spec)                 # a stored article checked again
    record = check_stored(article_id, spec, path)     # the same, read from the file
    write_check(db, record)                           # (``recheck``)

A pass runs ``process_page`` and ``check_article`` on ``processing.workers``
worker processes through ``factwatch.workpool``, and stores in its own thread.

``process_page`` loads the facts and builds the matcher once per process
(``checker(spec)`` is cached), so a worker pays that cost once.  Records are
small: the extracted article (text, offsets, metadata) and its findings,
never the page's HTML.

``Writer.write`` stores a record through ``db.store`` exactly as a live pass
does (article and findings in one transaction, canonical-URL and content
dedup, stable finding ids), so review, rebuttals and exports treat archive
captures and live fetches alike.  An article captured by a web archive
carries ``metadata["capture"]`` (archive, timestamp, where the bytes came
from); the writer never lets an older capture replace a newer one, nor any
capture replace an article fetched live.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import sqlite_utils

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.errors import ExtractionError
from factwatch.core.fingerprints import content_hash, simhash
from factwatch.core.kinds import kinds
from factwatch.core.records import Article, FetchedPage, FetchResult, Finding, Link
from factwatch.core.settings import Config
from factwatch.db import store, transaction
from factwatch.db.connection import BUSY_TIMEOUT_MS
from factwatch.scraper.extract import extract
from factwatch.scraper.topic import TopicFilter
from factwatch.scraper.urls import canonicalize

log = logging.getLogger("factwatch.work")

__all__ = [
    "CheckRecord",
    "CheckSpec",
    "FetchedPage",
    "Record",
    "Writer",
    "check_article",
    "check_stored",
    "checker",
    "process_page",
    "write_check",
]

# What became of a page.
ARTICLE = "article"
OFF_TOPIC = "off_topic"
NO_TEXT = "no_text"
FAILED = "failed"


@dataclass(frozen=True)
class CheckSpec:
    """What a worker needs to check pages: the facts files and the topic settings."""

    facts: tuple[str, ...]
    topic_enabled: bool = True
    keywords: tuple[str, ...] = ()
    min_matches: int = 2

    @classmethod
    def from_config(cls, config: Config) -> CheckSpec:
        return cls(
            facts=tuple(config.facts),
            topic_enabled=config.topic.enabled,
            keywords=tuple(config.topic.keywords),
            min_matches=config.topic.min_matches,
        )


@dataclass
class Record:
    """What a worker returns for one page: compact, picklable, no HTML."""

    url: str
    fetched_url: str
    source: str
    outcome: str  # ARTICLE | OFF_TOPIC | NO_TEXT | FAILED
    article: Article | None = None
    findings: list[Finding] | None = None  # None: not checked
    facts_version: str = ""
    message: str = ""
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Checker:
    """The loaded matcher and topic filter for one CheckSpec (one per process)."""

    matcher: Any
    topic: Any  # scraper.topic.TopicFilter, or None when the filter is off
    facts_version: str


def checker(spec: CheckSpec) -> Checker:
    """The matcher and topic filter for ``spec``, built once per process and
    rebuilt when a facts file changes on disk (a long-running schedule)."""
    stamps = []
    for path in spec.facts:
        try:
            st = os.stat(path)
            stamps.append((st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append((0, 0))  # load_facts names the missing file
    return _checker(spec, tuple(stamps))


@lru_cache(maxsize=4)
def _checker(spec: CheckSpec, stamps: tuple[tuple[int, int], ...]) -> Checker:
    facts = load_facts(list(spec.facts))
    topic = None
    if spec.topic_enabled:
        topic = TopicFilter.from_facts(
            facts, keywords=list(spec.keywords), min_matches=spec.min_matches
        )
    return Checker(Matcher(facts), topic, facts.version)


def page_from_fetch(link: Link, result: FetchResult, *, topic_filter: bool = True) -> FetchedPage:
    """The FetchedPage of a live fetch (a discovered link and its response)."""
    return FetchedPage(
        url=result.final_url or link.url,
        body=result.body,
        source=link.source,
        content_type=result.content_type,
        encoding=result.encoding,
        fetched_url=link.url,
        title=link.title,
        published=link.published,
        topic_filter=topic_filter,
        status=result.status,
        etag=result.etag,
        last_modified=result.last_modified,
    )


def extract_article(page: FetchedPage) -> Article:
    """Extract the article of a page, with its identity and fingerprints set.

    Raises ExtractionError when the page has no article text."""
    article = extract(page.text(), url=page.url, source=page.source)
    canonical = canonicalize(article.canonical_url or page.url)
    if page.metadata.get("capture") and _host(canonical) != _host(canonicalize(page.url)):
        # An archived copy whose <link rel=canonical> points at another host
        # (the archive's own address, say): the original URL is the identity.
        canonical = canonicalize(page.url)
    article.canonical_url = canonical
    if not article.title and page.title:
        article.title = page.title
    if not article.published and page.published:
        article.published = page.published
    article.content_hash = content_hash(article.text)
    article.simhash = article.simhash or simhash(article.text)
    article.metadata.update(page.metadata)
    return article


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).netloc


def on_topic(article: Article, check: Checker) -> bool:
    return check.topic is None or check.topic.matches(article.title, article.text)


def process_page(page: FetchedPage, spec: CheckSpec) -> Record:
    """Extract, filter and check one page: pure, picklable in and out.

    Problems with the page (no text, a parser failure on hostile HTML) come
    back as a FAILED or NO_TEXT record; they never raise."""
    record = Record(
        url=page.url,
        fetched_url=page.fetched_url or page.url,
        source=page.source,
        outcome=FAILED,
        status=page.status,
        etag=page.etag,
        last_modified=page.last_modified,
    )
    try:
        check = checker(spec)
        record.facts_version = check.facts_version
        article = extract_article(page)
        if page.topic_filter and not on_topic(article, check):
            record.outcome = OFF_TOPIC
            return record
        record.article = article
        record.findings = check.matcher.check(article)
        record.outcome = ARTICLE
    except ExtractionError as exc:
        record.outcome, record.message = NO_TEXT, str(exc)
    except Exception as exc:
        log.exception("%s: failed while processing", page.url)
        record.message = f"{page.url}: could not process: {exc!r}"
    return record


@dataclass
class Written:
    """What the writer did with a record."""

    outcome: str  # new | updated | unchanged | duplicate | older | off_topic | no_text | failed
    article_id: int | None = None
    new_findings: list[dict[str, Any]] = field(default_factory=list)  # flagged kinds only


class Writer:
    """The one place records become rows (one SQLite connection, one thread)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def write(self, record: Record) -> Written:
        """Store one record (article, findings, URL state) in one transaction."""
        with transaction(self.db):
            return self.write_in_transaction(record)

    def write_in_transaction(self, record: Record) -> Written:
        """As ``write``, inside a transaction the caller holds (several records,
        or a record and a marker, committed together)."""
        if record.outcome != ARTICLE or record.article is None:
            if record.outcome in (OFF_TOPIC, NO_TEXT):
                self._forget(record)
            return Written(record.outcome)
        article = record.article
        if self._older_than_stored(article):
            article_id = store.known_url(self.db, article.canonical_url)
            if article_id is not None:
                self._alias(record.fetched_url, article_id)
            return Written("older", article_id)
        stored = store.store_article(
            self.db,
            article,
            record.findings,
            fetched_url=record.fetched_url,
            facts_version=record.facts_version,
        )
        store.save_url_state(
            self.db,
            record.fetched_url,
            etag=record.etag,
            last_modified=record.last_modified,
            status=record.status,
            content_hash=article.content_hash,
            article_id=stored.article_id,
        )
        # Recorded kinds (a claim the article itself rebuts) are stored, not flagged.
        flagged = [row for row in stored.new_findings if kinds().flags(row["kind"])]
        return Written(stored.status, stored.article_id, flagged)

    def _forget(self, record: Record) -> None:
        """Remember a page that yields no article, so a later pass skips it."""
        store.save_url_state(
            self.db,
            record.fetched_url,
            etag=record.etag,
            last_modified=record.last_modified,
            status=record.status,
        )

    def _alias(self, url: str, article_id: int) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO article_urls (url, article_id, first_seen) VALUES (?, ?, ?)",
            [url, article_id, store.now()],
        )

    def _older_than_stored(self, article: Article) -> bool:
        """A capture older than the stored copy (or any capture of a page fetched live)."""
        capture = article.metadata.get("capture")
        if not capture:
            return False
        row = self.db.execute(
            "SELECT metadata FROM articles WHERE url = ?", [article.canonical_url]
        ).fetchone()
        if row is None:
            return False
        stored = (json.loads(row[0] or "{}") or {}).get("capture")
        if not stored:
            return True  # fetched live: the current version wins over any capture
        return str(capture.get("timestamp", "")) <= str(stored.get("timestamp", ""))


# -- rechecking stored articles ----------------------------------------------------------


@dataclass
class CheckRecord:
    """The findings of one stored article checked again (``check_article``)."""

    article_id: int
    article_key: str  # the article's canonical URL: finding ids derive from it
    findings: list[Finding] = field(default_factory=list)
    facts_version: str = ""
    message: str = ""  # set when the check failed; the stored findings are then kept


def check_article(row: dict[str, Any], spec: CheckSpec) -> CheckRecord:
    """Check one stored article (its ``articles`` row) against the facts again:
    pure, picklable in and out, like ``process_page``."""
    record = CheckRecord(article_id=int(row["id"]), article_key=str(row["url"]))
    try:
        check = checker(spec)
        record.facts_version = check.facts_version
        record.findings = check.matcher.check(store.article_from_row(row))
    except Exception as exc:
        log.exception("article %s: failed while checking", row.get("id"))
        record.message = f"article {row.get('id')} ({row.get('url')}): could not check: {exc!r}"
    return record


def check_stored(article_id: int, spec: CheckSpec, database: str) -> CheckRecord:
    """Read stored article ``article_id`` from the SQLite file ``database`` and
    check it (``check_article``): a worker reads the article itself, so the
    process that writes hands it an id and gets back only findings.

    The worker's connection only reads (a WAL reader: it never waits for the
    writer, and the writer never changes an article's text during a recheck)."""
    try:
        rows = _reader(database).execute("SELECT * FROM articles WHERE id = ?", [article_id])
        found = [dict(row) for row in rows.fetchall()]
    except sqlite3.Error as exc:
        message = f"article {article_id}: could not read it from {database}: {exc}"
        return CheckRecord(article_id=article_id, article_key="", message=message)
    if not found:
        message = f"article {article_id}: no longer in {database}"
        return CheckRecord(article_id=article_id, article_key="", message=message)
    return check_article(found[0], spec)


_READERS: dict[str, sqlite3.Connection] = {}


def _reader(database: str) -> sqlite3.Connection:
    """This process's read-only connection to ``database`` (one kept open)."""
    conn = _READERS.get(database)
    if conn is None:
        for old in _READERS.values():
            old.close()
        _READERS.clear()
        conn = sqlite3.connect(database, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
        conn.row_factory = sqlite3.Row
        _READERS[database] = conn
    return conn


def write_check(db: sqlite_utils.Database, record: CheckRecord) -> list[dict[str, Any]]:
    """Store a rechecked article's findings in one transaction (findings that no
    longer fire go stale); returns the rows of new findings.  Nothing for a
    failed check."""
    if record.message:
        return []
    with transaction(db):
        new = store.store_findings(db, record.article_id, record.article_key, record.findings)
        db.execute(
            "UPDATE articles SET facts_version = ? WHERE id = ?",
            [record.facts_version, record.article_id],
        )
    return new
