"""WARC/ARC files read as a stream with warcio: local or HTTP, gzipped or not."""

from __future__ import annotations

import pytest
from archivekit import demo_warc, plain_record, revisit_of
from localserver import Response

from factwatch.core.errors import FetchError
from factwatch.core.settings import Politeness, Safety
from factwatch.demo.past import past_captures
from factwatch.scraper.archives.stream import open_location
from factwatch.scraper.archives.warcfile import WarcStats, read_pages

POLITE = Politeness(per_host_delay=0.0, retries=2, backoff=0.05)


def read(location: str, **kw) -> tuple[list, WarcStats]:
    stats = WarcStats()
    with open_location(location, politeness=POLITE, safety=Safety(), **kw) as stream:
        pages = list(read_pages(stream, location=location, source="past", stats=stats))
    return pages, stats


@pytest.mark.parametrize("gzip", [True, False])
def test_every_html_capture_comes_out_with_its_original_url(tmp_path, gzip):
    path = demo_warc(tmp_path / ("past.warc.gz" if gzip else "past.warc"), gzip=gzip)
    pages, stats = read(str(path))
    assert [p.url for p in pages] == [c.url for c in past_captures()]
    assert stats.truncated == 0 and stats.pages == len(pages)


def test_a_capture_records_its_archive_timestamp_and_file(tmp_path):
    path = demo_warc(tmp_path / "past.warc.gz")
    first = past_captures()[0]
    page = read(str(path))[0][0]
    assert page.metadata["capture"]["archive"] == "warc"
    assert page.metadata["capture"]["timestamp"] == first.timestamp
    assert page.metadata["capture"]["file"] == str(path)
    assert page.body == first.body


def test_records_that_are_not_html_pages_are_counted_not_read(tmp_path):
    extra = [
        plain_record("https://a.example/robots.txt", b"User-agent: *", "text/plain"),
        plain_record("https://a.example/logo.png", b"\x89PNG....", "image/png"),
    ]
    pages, stats = read(str(demo_warc(tmp_path / "x.warc.gz", extra=extra)))
    assert len(pages) == len(past_captures()) and stats.not_html == 2


def test_a_revisit_is_resolved_from_the_capture_it_repeats(tmp_path):
    capture = past_captures()[0]
    extra = [revisit_of(capture, timestamp="20170601000000")]
    pages, stats = read(str(demo_warc(tmp_path / "x.warc.gz", captures=[capture], extra=extra)))
    assert stats.revisits_resolved == 1
    assert [p.metadata["capture"]["timestamp"] for p in pages] == [
        capture.timestamp,
        "20170601000000",
    ]
    assert pages[1].body == capture.body


def test_a_revisit_of_a_capture_not_in_the_file_is_skipped_and_counted(tmp_path):
    capture, other = past_captures()[:2]
    extra = [revisit_of(capture, timestamp="20170601000000")]
    pages, stats = read(str(demo_warc(tmp_path / "x.warc.gz", captures=[other], extra=extra)))
    assert stats.revisits_skipped == 1 and [p.url for p in pages] == [other.url]


@pytest.mark.parametrize("gzip", [True, False])
def test_a_file_cut_inside_its_last_record_loses_only_that_record(tmp_path, gzip):
    path = demo_warc(tmp_path / "cut.warc", gzip=gzip)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 300])
    pages, stats = read(str(path))
    assert [p.url for p in pages] == [c.url for c in past_captures()[:-1]]
    assert stats.truncated == 1
    assert "cut short" in stats.errors[0] or "truncated" in stats.errors[0]


def test_a_warc_file_is_streamed_over_http(tmp_path, site):
    data = demo_warc(tmp_path / "past.warc.gz").read_bytes()
    site.route("/past.warc.gz", body=data, content_type="application/warc")
    pages, _ = read(site.url("/past.warc.gz"))
    assert len(pages) == len(past_captures())
    assert "factwatch" in site.hits("/past.warc.gz")[0].headers["User-Agent"]


def test_a_429_is_retried_after_the_servers_retry_after(tmp_path, site):
    data = demo_warc(tmp_path / "past.warc.gz").read_bytes()
    site.route(
        "/past.warc.gz",
        responses=[
            Response(status=429, headers={"Retry-After": "1"}, content_type="text/plain"),
            Response(body=data, content_type="application/warc"),
        ],
    )
    pages, _ = read(site.url("/past.warc.gz"))
    first, second = site.hits("/past.warc.gz")
    assert len(pages) == len(past_captures()) and second.at - first.at >= 1.0


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(FetchError, match="cannot open WARC file"):
        read(str(tmp_path / "nope.warc.gz"))
