"""Offline cost of extraction plus storage, against trafilatura alone.

On the same pages (the shared extraction benchmark's HTML, or BENCH_DIR), in
one process and one run, times:

- ``trafilatura.extract(html)`` with its defaults (the baseline);
- factwatch's ``extract(html, url=...)`` (metadata, main text, clean-up,
  paragraphs, sentences, content hash, simhash) followed by writing the whole
  article row into a real SQLite database (``db.open_db``, articles table with
  its full-text index), one transaction per article.

Both run on each page back to back, ROUNDS times; each page's fastest time
for each side counts (so load from other processes affects both alike).
Prints milliseconds per article and the ratio (target: at most 1.3).

    .venv/bin/python bench/offline_cost.py [BENCH_DIR]
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import sys
import tempfile
import time
import warnings
from pathlib import Path

import trafilatura

from db import open_db, transaction
from factwatch.errors import ExtractionError
from scraper.extract import extract
from scraper.models import Article

ROUNDS = 3
BENCH = Path("/work/shared/bench/extraction")


def row(article: Article, *, key: str) -> dict:
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return {
        "url": key,
        "first_url": article.url,
        "title": article.title,
        "authors": json.dumps(article.authors),
        "published": article.published,
        "outlet": article.outlet,
        "language": article.language,
        "text": article.text,
        "paragraphs": json.dumps([[p.start, p.end] for p in article.paragraphs]),
        "sentences": json.dumps([[s.paragraph, s.start, s.end] for s in article.sentences]),
        "content_hash": article.content_hash,
        "simhash": format(article.simhash, "016x"),
        "source": "bench",
        "fetched_at": now,
        "updated_at": now,
        "metadata": json.dumps(article.metadata, default=str),
    }


def measure(pages: list[tuple[str, str, str]], db_path: Path) -> tuple[list, list, int]:
    """One round: per page, trafilatura alone then extract() + store, back to back
    (so a busy machine slows both alike).  Returns per-page seconds of each."""
    db_path.unlink(missing_ok=True)
    db = open_db(db_path)
    base, ours, stored = [], [], 0
    clock = time.perf_counter
    for pid, url, html in pages:
        start = clock()
        trafilatura.extract(html)
        base.append(clock() - start)
        start = clock()
        try:
            article = extract(html, url=url)
        except ExtractionError:
            article = None
        if article is not None:
            with transaction(db):
                # The benchmark id keeps rows apart when pages share a canonical URL.
                db["articles"].insert(row(article, key=f"{article.canonical_url}#{pid}"))
            stored += 1
        ours.append(clock() - start)
    db.conn.close()
    return base, ours, stored


def main() -> None:
    warnings.simplefilter("ignore")
    bench = Path(sys.argv[1]) if len(sys.argv) > 1 else BENCH
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [
        (
            pid,
            truth[pid].get("url", ""),
            gzip.decompress((bench / "html" / f"{pid}.html.gz").read_bytes()).decode(
                "utf-8", errors="replace"
            ),
        )
        for pid in sorted(truth)
    ]
    extract(pages[0][2], url=pages[0][1])  # warm caches (patterns, imports) for both
    trafilatura.extract(pages[0][2])
    base = [float("inf")] * len(pages)
    mine = [float("inf")] * len(pages)
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(ROUNDS):
            b, o, stored = measure(pages, Path(tmp) / "bench.db")
            base = [min(x, y) for x, y in zip(base, b, strict=True)]
            mine = [min(x, y) for x, y in zip(mine, o, strict=True)]
    base_total, mine_total = sum(base), sum(mine)
    n = len(pages)
    print(f"pages: {n}, stored: {stored}, rounds: {ROUNDS} (fastest time of each page counts)")
    print(f"trafilatura.extract alone:   {base_total / n * 1000:6.1f} ms/article")
    print(f"extract() + store in SQLite: {mine_total / n * 1000:6.1f} ms/article")
    print(f"ratio: {mine_total / base_total:.2f}")


if __name__ == "__main__":
    main()
