"""Wayback source: CDX queries (JSON, filters, collapse, resume keys) and raw id_ replays,
against a local server speaking the CDX server's documented format."""

from __future__ import annotations

import dataclasses

import pytest

from factwatch.core.records import SourceConfig
from factwatch.core.settings import Politeness, Safety
from factwatch.demo.archive_server import ArchiveServer, Fault
from factwatch.demo.past import past_captures
from factwatch.scraper.archives.wayback import WaybackIndex, parse_cdx_json
from factwatch.scraper.fetch import Fetcher

LEDGER = "www.metro-ledger.example/politics/"


def ledger() -> list:
    return [c for c in past_captures() if c.outlet == "ledger" and "/politics/" in c.url]


def extra_captures() -> list:
    first = ledger()[0]
    return [
        dataclasses.replace(first, timestamp="20170430120000"),  # same digest: collapsed
        dataclasses.replace(first, timestamp="20160101000000"),  # before the range
        dataclasses.replace(first, url=first.url + "/gone", status=404, body=b"gone"),
        dataclasses.replace(first, url=first.url + ".txt", content_type="text/plain"),
    ]


@pytest.fixture
def archive():
    with ArchiveServer(past_captures() + extra_captures()) as server:
        yield server


@pytest.fixture
def fetcher():
    politeness = Politeness(per_host_delay=0.0, retries=2, backoff=0.05)
    with Fetcher(politeness, Safety()) as f:
        yield f


def source(archive, **kw) -> SourceConfig:
    kw.setdefault("since", "2017-04")
    kw.setdefault("until", "2017-06")
    kw.setdefault("url", LEDGER)
    return SourceConfig(
        name="ledger-politics",
        kind="wayback",
        index_url=archive.url("/cdx/search/cdx"),
        data_url=archive.url("/web/"),
        **kw,
    )


def all_pages(index: WaybackIndex) -> list:
    pages, cursor = [], None
    while True:
        page = index.page(cursor)
        pages.append(page)
        cursor = page.next_cursor
        if cursor is None:
            return pages


def test_pages_follow_resume_keys_until_the_last(archive, fetcher):
    pages = all_pages(WaybackIndex(source(archive, page_size=2), fetcher))
    assert [len(p.captures) for p in pages] == [2, 2]
    assert pages[0].key == "start" and pages[1].key == pages[0].next_cursor["resume_key"]
    urls = sorted(c["url"] for p in pages for c in p.captures)
    assert urls == sorted(c.url for c in ledger())


def test_the_query_asks_for_html_200_collapsed_on_digest_within_the_dates(archive, fetcher):
    WaybackIndex(source(archive), fetcher).page(None)
    _, query, _ = archive.hits("/cdx/search/cdx")[0]
    assert query["output"] == ["json"] and query["collapse"] == ["digest"]
    assert sorted(query["filter"]) == ["mimetype:text/html", "statuscode:200"]
    assert query["from"] == ["201704"] and query["to"] == ["20170630235959"]


def test_a_capture_is_fetched_raw_and_keeps_its_original_url(archive, fetcher):
    index = WaybackIndex(source(archive), fetcher)
    capture = index.page(None).captures[0]
    page = index.fetch(capture)
    original = next(c for c in ledger() if c.url == capture["url"])
    assert page.url == original.url and page.body == original.body
    assert page.fetched_url.endswith(f"/web/{original.timestamp}id_/{original.url}")
    assert page.metadata["capture"] == {
        "archive": "wayback",
        "timestamp": original.timestamp,
        "captured_at": page.metadata["capture"]["captured_at"],
        "replay": page.fetched_url,
        "digest": original.digest,
    }


def test_a_replay_at_another_time_follows_the_redirect_to_the_capture(archive, fetcher):
    index = WaybackIndex(source(archive), fetcher)
    original = ledger()[1]
    page = index.fetch({"url": original.url, "timestamp": original.timestamp[:8]})
    assert page.metadata["capture"]["timestamp"] == original.timestamp


def test_a_429_is_retried_after_retry_after(archive, fetcher):
    archive.faults["/cdx/search/cdx"] = [Fault(429, {"Retry-After": "1"})]
    page = WaybackIndex(source(archive), fetcher).page(None)
    assert len(page.captures) == len(ledger())
    hits = archive.hits("/cdx/search/cdx")
    assert len(hits) == 2


def test_an_empty_answer_is_an_empty_last_page(archive, fetcher):
    page = WaybackIndex(source(archive, url="nothing.example/"), fetcher).page(None)
    assert page.captures == [] and page.next_cursor is None


def test_a_malformed_answer_names_the_query():
    from factwatch.core.errors import DiscoveryError

    with pytest.raises(DiscoveryError, match="cdx.example"):
        parse_cdx_json("<html>oops</html>", url="https://cdx.example/cdx")
