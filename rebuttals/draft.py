"""Draft rebuttals from confirmed findings: one draft per article and format.

    drafts = draft_rebuttals(db, formats=["correction_request"], templates=TemplateSet())

Every draft quotes each statement exactly, gives the correct facts and their
sources, and names the article.  Drafts are rendered first and stored only if
all of them render and pass their limits, so a failure changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from factwatch.core.errors import NotFoundError, TemplateError
from factwatch.core.kinds import kinds
from factwatch.db import transaction
from factwatch.db.queries import (
    FindingFilter,
    article_text,
    list_findings,
    resolve_article,
    resolve_finding,
)
from factwatch.rebuttals.templates import FORMATS, TemplateSet

log = logging.getLogger(__name__)

SOCIAL_MAX_CHARS = 280
LETTER_MAX_WORDS = 250


def _chars(text: str) -> int:
    return len(text.strip())


def _words(text: str) -> int:
    return len(text.split())


# Brevity levels tried in turn when a draft is over its limit:
# 0 the full correction, 1 its first sentence, 2 its first clause,
# 3 the first clause with the quote shortened (f.short_quote) to its first words.
BREVITY_LEVELS = 4
SHORT_QUOTE_CHARS = 80


def brief(text: str) -> list[str]:
    """The correction at each brevity level: whole, first sentence, first clause (twice)."""
    text = " ".join(text.split())
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])", text, maxsplit=1)[0]
    clause = re.split(r"[:;]\s", sentence, maxsplit=1)[0].rstrip(".") + "."
    clause = clause if len(clause) >= 12 else sentence
    return [text, sentence, clause, clause]


def short_quote(quote: str, limit: int = SHORT_QUOTE_CHARS) -> str:
    """The quote's first words, within ``limit`` characters, ending in an ellipsis
    when cut: still the statement's exact words, only fewer of them."""
    quote = " ".join(quote.split())
    if len(quote) <= limit:
        return quote
    cut = quote[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return cut + "…"


class DraftTooLong(TemplateError):
    """One draft cannot be brought within its format's limit."""


# format -> (measure, limit, unit)
LIMITS: dict[str, tuple[Callable[[str], int], int, str]] = {
    "social": (_chars, SOCIAL_MAX_CHARS, "characters"),
    "letter": (_words, LETTER_MAX_WORDS, "words"),
}


@dataclass
class Draft:
    article_id: int
    format: str
    finding_ids: list[str]
    subject: str
    body: str
    template: str
    dropped: list[str] = field(default_factory=list)  # findings left out to fit a limit
    id: int | None = None


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _finding_context(row: dict[str, Any], facts: dict[str, dict[str, str]]) -> dict[str, Any]:
    fact_ids = row.get("fact_ids") or []
    sources = row.get("fact_sources") or []
    return {
        "id": row["id"],
        "kind": row["kind"],
        "label": kinds().label(row["kind"]),
        "rule_id": row["rule_id"],
        "quote": row["quote"] or "",
        "short_quote": short_quote(row["quote"] or ""),
        "explanation": row.get("explanation") or "",
        "correction": row.get("correction") or "",
        "brief": brief(row.get("correction") or ""),
        "sources": [str(s) for s in sources] if isinstance(sources, list) else [str(sources)],
        "fact_ids": fact_ids if isinstance(fact_ids, list) else [],
        "facts": [facts[i] for i in fact_ids if isinstance(fact_ids, list) and i in facts],
        "speaker": row.get("speaker") or "",
        "voice": row.get("voice") or "outlet",
        "severity": row.get("severity") or "medium",
        "status": row.get("status"),
    }


def _article_context(row: dict[str, Any]) -> dict[str, Any]:
    published = row.get("published") or ""
    return {
        "id": row["article_id"],
        "title": row.get("article_title") or "(untitled)",
        "outlet": row.get("outlet") or "(unknown outlet)",
        "date": published[:10] if published else "an unknown date",
        "url": row.get("article_url") or "",
    }


def _challenged(row: dict[str, Any]) -> str:
    return (
        f"finding {row['id'][:10]} ({row['kind']}) is a claim the article itself rebuts: "
        "the article got it right, so there is nothing to correct and no rebuttal is drafted"
    )


def _select(
    db: sqlite_utils.Database,
    *,
    finding_ids: list[str],
    article: str | None,
    fmt: str,
    skip: Callable[[str], None],
) -> list[dict[str, Any]]:
    if finding_ids:
        ids = [resolve_finding(db, i) for i in finding_ids]
        rows = list_findings(db, filters=FindingFilter(ids=ids, include_stale=True))
        for row in rows:
            if row["challenged"]:
                raise NotFoundError(_challenged(row))
            if row["status"] != "confirmed":
                raise NotFoundError(
                    f"finding {row['id']} is {row['status']}, not confirmed; confirm it first "
                    f"with `factwatch review {row['id'][:8]} --confirm`"
                )
        return rows
    if article is not None:
        aid = resolve_article(db, article)
        wanted = FindingFilter(article=str(aid), status="confirmed", include_challenged=True)
        rows = _without_challenged(list_findings(db, filters=wanted), skip)
        if not rows:
            raise NotFoundError(
                f"article {article}: no confirmed findings to rebut; confirm one with "
                "`factwatch review ID --confirm`"
            )
        return rows
    rows = list_findings(db, filters=FindingFilter(status="confirmed", include_challenged=True))
    return _without_challenged([r for r in rows if not _drafted(db, r["id"], fmt)], skip)


def _drafted(db: sqlite_utils.Database, finding_id: str, fmt: str) -> bool:
    """Whether a draft in ``fmt`` that still stands (not withdrawn) covers the finding."""
    return (
        db.execute(
            "SELECT 1 FROM rebuttal_findings rf JOIN rebuttals r ON r.id = rf.rebuttal_id "
            "WHERE rf.finding_id = ? AND rf.format = ? AND r.status != 'withdrawn' LIMIT 1",
            [finding_id, fmt],
        ).fetchone()
        is not None
    )


def _without_challenged(
    rows: list[dict[str, Any]], skip: Callable[[str], None]
) -> list[dict[str, Any]]:
    for row in rows:
        if row["challenged"]:
            skip(f"skipped: {_challenged(row)}")
    return [r for r in rows if not r["challenged"]]


def _render_within_limit(
    templates: TemplateSet,
    fmt: str,
    article: dict[str, Any],
    findings: list[dict[str, Any]],
    base: dict[str, Any],
) -> Draft:
    """Render; for limited formats drop the least severe findings, then use briefer
    facts (first sentence, first clause), until it fits."""
    order = sorted(
        findings,
        key=lambda f: (
            ("high", "medium", "low").index(f["severity"])
            if f["severity"] in ("high", "medium", "low")
            else 3
        ),
    )
    measure, limit, unit = LIMITS.get(fmt, (_chars, 0, ""))
    size = 0
    # Full facts with fewer findings first; then briefer facts (``brevity`` 1, 2).
    for brevity in range(BREVITY_LEVELS if limit else 1):
        for n in range(len(order), 0, -1):
            chosen = order[:n]
            context = {**base, "article": article, "findings": chosen, "brevity": brevity}
            rendered = templates.render(fmt, context)
            size = measure(rendered.body)
            if not limit or size <= limit:
                return Draft(
                    article_id=article["id"],
                    format=fmt,
                    finding_ids=[f["id"] for f in chosen],
                    subject=rendered.subject,
                    body=rendered.body,
                    template=rendered.template,
                    dropped=[f["id"] for f in order[n:]],
                )
    raise DraftTooLong(
        f"{templates.path(fmt)}: the {fmt} draft for article {article['id']} is {size} {unit} "
        f"even with one finding and the briefest facts, over the limit of {limit}; "
        "shorten the template, or use another --format for this article"
    )


def draft_rebuttals(
    db: sqlite_utils.Database,
    *,
    formats: list[str],
    templates: TemplateSet,
    finding_ids: list[str] | None = None,
    article: str | None = None,
    organisation: str = "factwatch",
    signature: str = "The press office",
    facts: dict[str, dict[str, str]] | None = None,
    on_skip: Callable[[str], None] | None = None,
) -> list[Draft]:
    """Render and store drafts (status draft); returns them with their new ids.

    ``facts`` maps fact ids to ``{"id", "text", "source"}``: the facts a finding
    contradicts, listed in full by templates that want them (the briefing).
    A draft that cannot fit its format's limit, or a finding that must not be
    rebutted (a challenged claim), is skipped: ``on_skip`` gets a message
    naming it (default: a logged warning) and the rest of the batch goes on."""
    said: set[str] = set()

    def skip(message: str) -> None:  # once per batch, whatever the number of formats
        if message not in said:
            said.add(message)
            (on_skip or log.warning)(message)

    for fmt in formats:
        if fmt not in FORMATS:
            raise NotFoundError(f"--format {fmt!r}: use one of {', '.join(FORMATS)} or all")
    facts = facts or {}
    base = {
        "organisation": organisation,
        "signature": signature,
        "today": dt.date.today().isoformat(),
        "brevity": 0,
    }
    drafts: list[Draft] = []
    for fmt in formats:
        rows = _select(db, finding_ids=finding_ids or [], article=article, fmt=fmt, skip=skip)
        by_article: dict[int, list[dict[str, Any]]] = {}
        for row in rows:
            by_article.setdefault(row["article_id"], []).append(row)
        for article_id, group in by_article.items():
            article_text(db, article_id)  # fails clearly on damaged (non-UTF-8) text
            context = [
                _finding_context(r, facts) for r in sorted(group, key=lambda r: r["start"] or 0)
            ]
            try:
                drafts.append(
                    _render_within_limit(templates, fmt, _article_context(group[0]), context, base)
                )
            except DraftTooLong as exc:
                skip(f"skipped: {exc}")
    with transaction(db):
        for d in drafts:
            stamp = now()
            d.id = (
                db.table("rebuttals")
                .insert(
                    {
                        "article_id": d.article_id,
                        "format": d.format,
                        "finding_ids": json.dumps(d.finding_ids),
                        "subject": d.subject,
                        "body": d.body,
                        "status": "draft",
                        "template": d.template,
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                )
                .last_pk
            )
            db.conn.executemany(
                "INSERT OR IGNORE INTO rebuttal_findings (rebuttal_id, finding_id, format) "
                "VALUES (?, ?, ?)",
                [(d.id, fid, d.format) for fid in d.finding_ids],
            )
            db.table("rebuttal_history").insert(
                {
                    "rebuttal_id": d.id,
                    "old_status": None,
                    "new_status": "draft",
                    "note": "drafted",
                    "at": stamp,
                }
            )
    return drafts
