"""Offline cost of extraction plus storage, against trafilatura alone.

On the same pages (the shared extraction benchmark's HTML, or BENCH_DIR), in
one process and one run, times:

- ``trafilatura.extract(html)`` with its defaults (the baseline);
- factwatch's ``extract(html, url=...)`` (metadata, main text, clean-up,
  paragraphs, sentences, content hash, simhash) followed by storing it with
  ``db.store.store_article`` (the pipeline's own path: one transaction, the
  articles table with its full-text index, dedup and story grouping).

Both run on each page back to back, ROUNDS times; each page's fastest time
for each side counts (so load from other processes affects both alike).
Prints milliseconds per article and the ratio (target: at most 1.3).

    .venv/bin/python bench/offline_cost.py [BENCH_DIR]
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
import time
import warnings
from pathlib import Path

import trafilatura

from factwatch.core.errors import ExtractionError
from factwatch.db import open_db, store
from factwatch.scraper.extract import extract

ROUNDS = 3
BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "extraction"


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
            # The benchmark id keeps rows apart when pages share a canonical URL.
            article.canonical_url = f"{article.canonical_url}#{pid}"
            store.store_article(db, article, None)
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
