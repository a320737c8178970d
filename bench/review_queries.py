"""Speed of the read and review side on a large generated database.

    .venv/bin/python bench/review_queries.py [--articles 5000] [--per-article 4]

Builds a temporary database with whole rows (articles, findings), then times
list_findings with filters, full-text search, showing one finding, confirming
findings, drafting correction requests and the ClaimReview export.  Prints
the best of several runs for each.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factwatch.db import open_db, transaction
from factwatch.db.queries import FindingFilter, get_finding, list_findings, paragraph_of, search
from factwatch.db.review import review
from factwatch.rebuttals.claimreview import export_claimreview
from factwatch.rebuttals.draft import draft_rebuttals
from factwatch.rebuttals.templates import TemplateSet

OUTLETS = ["Example News", "Daily Paper", "Metro Ledger", "Union Times", "Evening Post"]
KINDS = ["framing", "omission", "figure", "unchallenged_claim"]
FILLER = (
    "The union's executive met on Friday to discuss the result of the ballot. "
    "Members in several regions said turnout had been affected by the timing. "
)


def build(path: Path, articles: int, per_article: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    db = open_db(path)
    with transaction(db):
        for i in range(articles):
            quotes = [
                f"Statement {i}-{j}: the defeated candidate said so." for j in range(per_article)
            ]
            text = "\n\n".join(FILLER * 3 + q for q in quotes)
            spans, pos = [], 0
            for part in text.split("\n\n"):
                spans.append([pos, pos + len(part)])
                pos += len(part) + 2
            published = f"2017-{4 + i % 3:02d}-{1 + i % 28:02d}"
            aid = (
                db["articles"]
                .insert(
                    {
                        "url": f"https://news{i % 50}.example/a/{i}",
                        "title": f"Unite result {i}",
                        "outlet": OUTLETS[i % len(OUTLETS)],
                        "published": published,
                        "text": text,
                        "paragraphs": json.dumps(spans),
                        "sentences": "[]",
                        "content_hash": hashlib.sha256(text.encode()).hexdigest(),
                        "authors": "[]",
                        "metadata": "{}",
                    }
                )
                .last_pk
            )
            for j, q in enumerate(quotes):
                start = text.index(q)
                key = hashlib.sha256(q.encode()).hexdigest()[:20]
                db["findings"].insert(
                    {
                        "id": hashlib.sha256(f"{aid}{key}".encode()).hexdigest()[:20],
                        "article_id": aid,
                        "kind": rng.choice(KINDS),
                        "rule_id": f"rule.{j}",
                        "fact_ids": json.dumps(["candidates.three"]),
                        "quote": q,
                        "start": start,
                        "end": start + len(q),
                        "paragraph_index": j,
                        "sentence_index": j,
                        "voice": "outlet",
                        "severity": rng.choice(["low", "medium", "high"]),
                        "confidence": 0.8,
                        "explanation": "There were three candidates.",
                        "correction": "Three candidates stood; two were defeated.",
                        "fact_sources": json.dumps(["Official result"]),
                        "challenged": 0,
                        "statement_key": key,
                        "status": "suggested",
                        "stale": 0,
                        "first_seen": "2017-05-01",
                        "last_seen": "2017-05-01",
                        "sort_date": published,  # as db.store writes it
                        "details": "{}",
                    }
                )
    db.conn.close()


def best(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--per-article", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        t = time.perf_counter()
        build(path, args.articles, args.per_article)
        n = args.articles * args.per_article
        print(f"built {args.articles} articles, {n} findings in {time.perf_counter() - t:.1f} s")
        db = open_db(path)
        ids = [r[0] for r in db.execute("SELECT id FROM findings ORDER BY rowid")]
        rows: list = []

        def measure(label: str, fn, runs: int = 5) -> None:
            print(f"{label:<55} {best(fn, runs) * 1000:9.1f} ms")

        measure("list_findings, no filter (all rows)", lambda: rows.append(len(list_findings(db))))
        measure(
            "list_findings --kind framing --outlet 'Daily Paper'",
            lambda: list_findings(db, filters=FindingFilter(kind="framing", outlet="Daily Paper")),
        )
        measure(
            "list_findings --fact candidates.three --limit 50",
            lambda: list_findings(db, filters=FindingFilter(fact="candidates.three", limit=50)),
        )
        measure(
            "list_findings --since 2017-05-01 --until 2017-05-31",
            lambda: list_findings(
                db, filters=FindingFilter(since="2017-05-01", until="2017-05-31")
            ),
        )
        measure(
            "search 'defeated candidate' --in all --limit 20",
            lambda: search(db, "defeated candidate", limit=20),
        )
        measure("search 'two-horse' (no match)", lambda: search(db, "two-horse"))
        measure(
            "show: get_finding by 8-char prefix + paragraph",
            lambda: paragraph_of(db, get_finding(db, ids[n // 2][:8])),
        )
        confirm = ids[:200]
        measure(
            "review --confirm x200",
            lambda: [review(db, i, action="confirm", reviewer="bench") for i in confirm],
            runs=1,
        )
        templates = TemplateSet()
        measure(
            "rebut correction_request (200 confirmed -> 50 drafts)",
            lambda: draft_rebuttals(db, formats=["correction_request"], templates=templates),
            runs=1,
        )
        measure(
            "export claimreview (200 confirmed)",
            lambda: export_claimreview(db, organisation="bench"),
        )
        print(f"(list_findings returned {rows[0]} rows)")


if __name__ == "__main__":
    main()
