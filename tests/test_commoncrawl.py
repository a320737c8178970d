"""Common Crawl source: crawls from a date range, paged index queries, byte-range
records read with warcio, against a local server in the index server's format."""

from __future__ import annotations

import pytest

from factwatch.core.errors import FetchError
from factwatch.core.records import SourceConfig
from factwatch.core.settings import Politeness, Safety
from factwatch.demo.archive_server import ArchiveServer, Fault
from factwatch.demo.past import past_captures
from factwatch.scraper.archives.commoncrawl import CommonCrawlIndex
from factwatch.scraper.fetch import Fetcher

POST = "www.riverside-post.example/politics/*"


@pytest.fixture
def archive():
    with ArchiveServer(past_captures(), block_lines=1) as server:  # one line per block
        yield server


@pytest.fixture
def fetcher():
    with Fetcher(Politeness(per_host_delay=0.0, retries=2, backoff=0.05), Safety()) as f:
        yield f


def source(archive, **kw) -> SourceConfig:
    kw.setdefault("url", POST)
    return SourceConfig(
        name="post-cc",
        kind="commoncrawl",
        index_url=archive.url("/"),
        data_url=archive.url("/cc-data/"),
        **kw,
    )


def all_pages(index):
    pages, cursor = [], None
    while True:
        page = index.page(cursor)
        pages.append(page)
        if page.next_cursor is None:
            return pages
        cursor = page.next_cursor


def post_captures():
    return [c for c in past_captures() if c.outlet == "post"]


def test_a_date_range_picks_the_crawls_that_overlap_it(archive, fetcher):
    index = CommonCrawlIndex(source(archive, since="2017-05-01", until="2017-06-30"), fetcher)
    assert index.crawls() == ["CC-MAIN-2017-22"]
    index = CommonCrawlIndex(source(archive, since="2017-04", until="2017-06"), fetcher)
    assert index.crawls() == ["CC-MAIN-2017-17", "CC-MAIN-2017-22"]


def test_every_index_page_is_read_once_in_order(archive, fetcher):
    index = CommonCrawlIndex(source(archive, crawls=["CC-MAIN-2017-17"], page_size=2), fetcher)
    pages = all_pages(index)
    assert [len(p.captures) for p in pages] == [2, 2]
    assert [p.key.rsplit("|", 1)[1] for p in pages] == ["0", "1"]
    assert sorted(c["url"] for p in pages for c in p.captures) == [c.url for c in post_captures()]


def test_a_record_is_read_by_byte_range_with_its_original_url(archive, fetcher):
    index = CommonCrawlIndex(source(archive, crawls=["CC-MAIN-2017-17"]), fetcher)
    capture = index.page(None).captures[0]
    page = index.fetch(capture)
    original = next(c for c in post_captures() if c.url == capture["url"])
    assert page.url == original.url and page.body == original.body
    info = page.metadata["capture"]
    assert info["archive"] == "commoncrawl" and info["crawl"] == "CC-MAIN-2017-17"
    assert info["timestamp"] == original.timestamp and info["offset"] == capture["offset"]
    _, _, headers = archive.hits("/cc-data/")[0]
    assert (
        headers["Range"] == f"bytes={capture['offset']}-{capture['offset'] + capture['length'] - 1}"
    )


def test_a_truncated_record_is_refused_not_read_in_part(archive, fetcher):
    index = CommonCrawlIndex(source(archive, crawls=["CC-MAIN-2017-17"]), fetcher)
    capture = index.page(None).captures[0]
    archive.truncate.add(capture["url"])
    with pytest.raises(FetchError, match="truncated"):
        index.fetch(capture)


def test_no_captures_is_an_empty_index_not_an_error(archive, fetcher):
    index = CommonCrawlIndex(
        source(archive, url="nothing.example/*", crawls=["CC-MAIN-2017-17"]), fetcher
    )
    page = index.page(None)
    assert page.captures == [] and page.next_cursor is None


def test_a_429_on_the_index_is_retried_after_retry_after(archive, fetcher):
    archive.faults["/CC-MAIN-2017-17-index"] = [Fault(429, {"Retry-After": "1"})]
    index = CommonCrawlIndex(source(archive, crawls=["CC-MAIN-2017-17"]), fetcher)
    assert len(index.page(None).captures) == len(post_captures())
