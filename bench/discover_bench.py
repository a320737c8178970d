"""Throughput of the discovery parsers and the topic filter.

    .venv/bin/python bench/discover_bench.py

Feeds and sitemaps are generated (sizes printed); listing pages and topic
texts are the real pages in ../shared/bench/extraction/html when present.
"""

from __future__ import annotations

import gzip
import re
import time
from pathlib import Path

from factwatch.scraper.feeds import parse_feed
from factwatch.scraper.listing import parse_listing
from factwatch.scraper.safexml import check_xml_safe
from factwatch.scraper.sitemaps import parse_sitemap
from factwatch.scraper.topic import TopicFilter

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "bench" / "extraction" / "html"
TERMS = [
    "Unite General Secretary election 2017",
    "Unite leadership election",
    "Unite election",
    "General Secretary of Unite",
    "Len McCluskey",
    "McCluskey",
    "Gerard Coyne",
    "Coyne",
    "Ian Allinson",
    "Allinson",
    "Unite",
    "general secretary",
]


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def rss(n: int) -> bytes:
    items = "".join(
        f"<item><title>Story {i} about Unite</title><link>https://p.example/s/{i}</link>"
        f"<description>&lt;p&gt;Summary {i} mentions Len McCluskey.&lt;/p&gt;</description>"
        f"<pubDate>Fri, 28 Apr 2017 10:{i % 60:02d}:00 GMT</pubDate></item>"
        for i in range(n)
    )
    return f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def urlset(n: int) -> bytes:
    rows = "".join(
        f"<url><loc>https://p.example/a/{i}</loc><lastmod>2017-04-28</lastmod></url>"
        for i in range(n)
    )
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    return f'<?xml version="1.0"?><urlset {ns}>{rows}</urlset>'.encode()


def main() -> None:
    feed = rss(500)
    t = best_of(lambda: parse_feed(feed, base_url="https://p.example/feed", source="b"))
    print(
        f"parse_feed: 500-item RSS 2.0 ({len(feed) / 1e3:.0f} kB): {t * 1e3:.1f} ms "
        f"({500 / t:,.0f} entries/s)"
    )

    sm = urlset(50_000)
    t = best_of(lambda: parse_sitemap(sm, base_url="https://p.example/s.xml", source="b"), 3)
    print(
        f"parse_sitemap: 50,000-URL urlset ({len(sm) / 1e6:.1f} MB): {t:.2f} s "
        f"({50_000 / t:,.0f} URLs/s)"
    )
    gz = gzip.compress(sm)
    t = best_of(lambda: parse_sitemap(gz, base_url="https://p.example/s.xml.gz", source="b"), 3)
    print(f"parse_sitemap: same, gzipped ({len(gz) / 1e3:.0f} kB): {t:.2f} s")

    t = best_of(lambda: check_xml_safe(sm, url="u"), 5)
    print(f"check_xml_safe: {len(sm) / 1e6:.1f} MB document: {t * 1e6:.0f} us")

    pages = sorted(PAGES.glob("*.html.gz")) if PAGES.exists() else []
    if not pages:
        print("(no pages in ../shared/bench/extraction/html: listing and topic skipped)")
        return
    htmls = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in pages]
    total_mb = sum(len(h) for h in htmls) / 1e6

    def listings() -> int:
        return sum(
            len(parse_listing(h, base_url="https://p.example/", pattern=r"/", source="b"))
            for h in htmls
        )

    n_links = listings()
    t = best_of(listings, 3)
    print(
        f"parse_listing: {len(htmls)} real pages ({total_mb:.1f} MB, {n_links:,} links): "
        f"{t:.2f} s ({len(htmls) / t:.0f} pages/s)"
    )

    texts = [re.sub(r"<[^>]+>", " ", h) for h in htmls]
    topic = TopicFilter.from_terms(TERMS, min_matches=2)
    text_mb = sum(len(x) for x in texts) / 1e6
    kept = sum(topic.matches("", x) for x in texts)
    t = best_of(lambda: [topic.matches("", x) for x in texts], 5)
    print(
        f"TopicFilter.matches: {len(texts)} page texts ({text_mb:.1f} MB, {kept} kept): "
        f"{t * 1e3:.0f} ms ({text_mb / t:.0f} MB/s)"
    )


if __name__ == "__main__":
    main()
