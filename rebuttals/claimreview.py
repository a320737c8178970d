"""Exports of confirmed findings: schema.org ClaimReview JSON-LD, and CSV of findings.

The rating of each finding kind comes from the kind registry
(``factwatch/core/kinds.toml``, validated on load).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

import sqlite_utils

from factwatch.core.kinds import Registry, kinds
from factwatch.db.queries import FindingFilter, iter_findings

CSV_COLUMNS = (
    "id",
    "status",
    "kind",
    "rule_id",
    "severity",
    "confidence",
    "quote",
    "speaker",
    "voice",
    "explanation",
    "correction",
    "fact_ids",
    "fact_sources",
    "outlet",
    "article_title",
    "article_url",
    "published",
    "first_seen",
    "last_seen",
    "stale",
)


def _confirmed_at(db: sqlite_utils.Database, finding_id: str) -> str | None:
    row = db.execute(
        "SELECT max(at) FROM reviews WHERE finding_id = ? AND new_status = 'confirmed'",
        [finding_id],
    ).fetchone()
    return row[0] if row else None


def claim_review(
    row: dict[str, Any],
    *,
    organisation: str,
    registry: Registry,
    confirmed_at: str | None,
    base_url: str = "",
) -> dict[str, Any]:
    """One ClaimReview object for one confirmed finding row (from list_findings)."""
    kind = registry.get(row["kind"])
    rating, value = (kind.rating, kind.rating_value) if kind else ("Misleading", registry.worst)
    article_url = row.get("article_url") or ""
    review_url = (
        f"{base_url.rstrip('/')}/findings/{row['id']}"
        if base_url
        else f"{article_url}#factwatch-{row['id']}"
    )
    appearance: dict[str, Any] = {"@type": "NewsArticle", "url": article_url}
    if row.get("article_title"):
        appearance["headline"] = row["article_title"]
    if row.get("published"):
        appearance["datePublished"] = row["published"]
    if row.get("outlet"):
        appearance["publisher"] = {"@type": "Organization", "name": row["outlet"]}
    claim: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if row.get("speaker"):
        claim["author"] = {"@type": "Person", "name": row["speaker"]}
    elif row.get("outlet"):
        claim["author"] = {"@type": "Organization", "name": row["outlet"]}
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url,
        "claimReviewed": row["quote"],
        "itemReviewed": claim,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": rating,
            "ratingValue": value,
            "bestRating": registry.best,
            "worstRating": registry.worst,
        },
        "author": {"@type": "Organization", "name": organisation},
    }
    if confirmed_at:
        review["datePublished"] = confirmed_at[:10]
    if row.get("correction"):
        review["reviewBody"] = row["correction"]
    return review


def iter_claimreviews(
    db: sqlite_utils.Database, *, organisation: str, base_url: str = ""
) -> Iterator[dict[str, Any]]:
    """ClaimReview objects for every confirmed, current finding, one at a time
    (the kinds and the database are checked before the first one)."""
    registry = kinds()
    rows = iter_findings(db, filters=FindingFilter(status="confirmed"))
    return (
        claim_review(
            r,
            organisation=organisation,
            registry=registry,
            confirmed_at=_confirmed_at(db, r["id"]),
            base_url=base_url,
        )
        for r in rows
    )


def export_claimreview(
    db: sqlite_utils.Database, *, organisation: str, base_url: str = ""
) -> list[dict[str, Any]]:
    """ClaimReview objects for every confirmed, current finding."""
    return list(iter_claimreviews(db, organisation=organisation, base_url=base_url))


def write_findings_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write findings rows (from iter_findings) to ``out`` as CSV with a header,
    one row at a time; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        flat = dict(row)
        for column in ("fact_ids", "fact_sources"):
            if isinstance(flat.get(column), list):
                flat[column] = "; ".join(str(v) for v in flat[column])
        writer.writerow(flat)
        count += 1
    return count


def findings_csv(rows: Iterable[dict[str, Any]]) -> str:
    """Findings rows (from list_findings) as CSV text with a header."""
    out = io.StringIO()
    write_findings_csv(rows, out)
    return out.getvalue()


def export_csv(db: sqlite_utils.Database, *, status: str | None = None) -> str:
    return findings_csv(iter_findings(db, filters=FindingFilter(status=status)))


def write_json_array(items: Iterable[Any], out: TextIO) -> int:
    """Write ``items`` to ``out`` as one JSON array, item by item (the text
    ``json.dumps(list(items), indent=2)`` gives, without holding the list);
    returns the number of items."""
    count = 0
    for item in items:
        text = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n  ")
        out.write(("[\n  " if count == 0 else ",\n  ") + text)
        count += 1
    out.write("\n]\n" if count else "[]\n")
    return count


def to_json(reviews: list[dict[str, Any]]) -> str:
    return json.dumps(reviews, indent=2, ensure_ascii=False) + "\n"
