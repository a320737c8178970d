"""Insert whole article and finding rows straight into a test database.

    article_id = add_article(db, url="https://news.example/a", text="...")
    finding_id = add_finding(db, article_id, quote="the defeated candidate", kind="framing")

Rows are written with every column of the schema, as the pipeline writes them.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import sqlite_utils

TEXT = (
    "Len McCluskey has been re-elected as general secretary of Unite.\n\n"
    "The defeated candidate, Gerard Coyne, said he would challenge the result.\n\n"
    "Turnout was 12.2% of the 1,062,049 ballot papers despatched."
)
QUOTE = "The defeated candidate, Gerard Coyne, said he would challenge the result."


def _paragraphs(text: str) -> list[list[int]]:
    spans, pos = [], 0
    for part in text.split("\n\n"):
        spans.append([pos, pos + len(part)])
        pos += len(part) + 2
    return spans


def add_article(
    db: sqlite_utils.Database,
    *,
    url: str = "https://news.example/unite-result",
    title: str = "McCluskey re-elected as Unite leader",
    outlet: str = "Example News",
    published: str = "2017-04-21",
    text: str = TEXT,
) -> int:
    paragraphs = _paragraphs(text)
    row = {
        "url": url,
        "first_url": url,
        "title": title,
        "authors": json.dumps(["A Reporter"]),
        "published": published,
        "outlet": outlet,
        "language": "en",
        "text": text,
        "paragraphs": json.dumps(paragraphs),
        "sentences": json.dumps([[i, s, e] for i, (s, e) in enumerate(paragraphs)]),
        "content_hash": hashlib.sha256(text.encode()).hexdigest(),
        "simhash": None,
        "story_id": None,
        "source": "example",
        "fetched_at": "2017-04-21T10:00:00+00:00",
        "updated_at": "2017-04-21T10:00:00+00:00",
        "checked_at": "2017-04-21T10:00:00+00:00",
        "facts_version": "test",
        "metadata": "{}",
    }
    return db["articles"].insert(row).last_pk


def add_finding(
    db: sqlite_utils.Database,
    article_id: int,
    *,
    quote: str = QUOTE,
    kind: str = "framing",
    rule_id: str = "framing.definite-loser",
    status: str = "suggested",
    stale: int = 0,
    speaker: str | None = None,
    fact_ids: list[str] | None = None,
    correction: str = (
        "There were three candidates: Gerard Coyne was one of two defeated candidates; "
        "Ian Allinson won 17,143 votes (13.2%)."
    ),
    explanation: str = "Calls Coyne the only defeated candidate; there were three candidates.",
    fact_sources: list[str] | None = None,
    finding_id: str | None = None,
    statement_key: str | None = None,
    first_seen: str = "2017-04-21T10:00:00+00:00",
    **extra: Any,
) -> str:
    text, published = db.execute(
        "SELECT text, published FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    start = text.find(quote) if isinstance(text, str) else -1
    start = max(start, 0)
    key = statement_key or hashlib.sha256(f"{rule_id}|{quote.lower()}".encode()).hexdigest()[:20]
    fid = finding_id or hashlib.sha256(f"{article_id}|{key}".encode()).hexdigest()[:20]
    paragraph = 0
    if isinstance(text, str):
        paragraph = text[:start].count("\n\n")
    row = {
        "id": fid,
        "article_id": article_id,
        "kind": kind,
        "rule_id": rule_id,
        "fact_ids": json.dumps(fact_ids if fact_ids is not None else ["result.candidates"]),
        "quote": quote,
        "start": start,
        "end": start + len(quote),
        "sentence_index": paragraph,
        "paragraph_index": paragraph,
        "speaker": speaker,
        "voice": "quote" if speaker else "outlet",
        "severity": "medium",
        "confidence": 0.9,
        "explanation": explanation,
        "correction": correction,
        "fact_sources": json.dumps(
            fact_sources
            if fact_sources is not None
            else ["Unite General Secretary election result, declared 28 April 2017"]
        ),
        "challenged": 0,
        "statement_key": key,
        "status": status,
        "stale": stale,
        "first_seen": first_seen,
        "last_seen": first_seen,
        "details": "{}",
    }
    if "sort_date" in db["findings"].columns_dict:  # not in databases built at older schemas
        row["sort_date"] = published or first_seen  # as db.store writes it
    row.update(extra)
    db["findings"].insert(row)
    return fid


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Row counts of the tables the review workflow writes."""
    tables = ("findings", "reviews", "rebuttals", "rebuttal_history", "corrections")
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def invoke(db_path: Any, *args: str, config: Any = None) -> Any:
    """Run the factwatch CLI in-process on ``db_path``; returns click's Result."""
    from click.testing import CliRunner

    from factwatch.cli import cli

    options = ["--db", str(db_path)]
    if config is not None:
        options += ["--config", str(config)]
    return CliRunner().invoke(cli, [*options, *args], catch_exceptions=False)
