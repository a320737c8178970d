"""Conditional GET, retries with backoff and Retry-After, and timeouts."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from localserver import Request, Response

from factwatch.core.settings import Politeness, Safety
from factwatch.scraper.fetch import Fetcher, FetchRecord


@pytest.fixture
def records() -> list[FetchRecord]:
    return []


def make_fetcher(records: list[FetchRecord], **options) -> Fetcher:
    settings = dict(per_host_delay=0.0, retries=2, backoff=0.01, obey_robots=False)
    settings.update(options)
    return Fetcher(Politeness(**settings), Safety(allow_loopback=True), on_fetch=records.append)


def test_conditional_get_sends_validators_and_reports_not_modified(site, records):
    def handler(req: Request) -> Response:
        if req.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(body="<p>new</p>", headers={"ETag": '"v2"'})

    site.route("/a", handler=handler)
    last_modified = "Wed, 21 Oct 2015 07:28:00 GMT"
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(site.url("/a"), etag='"v1"', last_modified=last_modified)
    sent = site.requests[0].headers
    assert sent["If-None-Match"] == '"v1"' and sent["If-Modified-Since"] == last_modified
    assert result.not_modified and result.error is None and result.status == 304
    assert result.etag == '"v1"' and result.last_modified == last_modified
    assert records[0].not_modified and records[0].error is None


def test_changed_page_returns_new_validators(site, records):
    site.route(
        "/a",
        "<p>new</p>",
        headers={"ETag": '"v2"', "Last-Modified": "Thu, 01 Jan 2026 00:00:00 GMT"},
    )
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(site.url("/a"), etag='"v1"')
    assert result.ok and not result.not_modified
    assert result.etag == '"v2"' and result.last_modified == "Thu, 01 Jan 2026 00:00:00 GMT"


def test_429_with_retry_after_waits_then_succeeds(site, records):
    site.route(
        "/a",
        responses=[Response(status=429, headers={"Retry-After": "1"}), Response(body="<p>ok</p>")],
    )
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(site.url("/a"))
    first, second = site.hits("/a")
    assert second.at - first.at >= 1.0
    assert result.ok and result.attempts == 2
    assert records[0].attempts == 2 and records[0].status == 200


def test_retry_after_beyond_the_cap_gives_up_with_a_retry_time(site, records):
    later = format_datetime(datetime.now(UTC) + timedelta(hours=2), usegmt=True)
    site.route("/a", responses=[Response(status=503, headers={"Retry-After": later})])
    with make_fetcher(records, max_retry_after=60) as fetcher:
        result = fetcher.fetch(site.url("/a"))
    assert len(site.hits("/a")) == 1
    assert result.error_kind == "temporary" and result.status == 503
    assert "max_retry_after" in result.error and "try again after" in result.error


def test_500_then_success_is_retried(site, records):
    site.route("/a", responses=[Response(status=500), Response(body="<p>ok</p>")])
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(site.url("/a"))
    assert result.ok and result.body == b"<p>ok</p>"
    assert len(site.hits("/a")) == 2 and records[0].attempts == 2


def test_500_forever_gives_a_temporary_error_with_attempts(site, records):
    site.route("/a", responses=[Response(status=500)])
    with make_fetcher(records, retries=2) as fetcher:
        result = fetcher.fetch(site.url("/a"))
    assert len(site.hits("/a")) == 3
    assert result.error_kind == "temporary" and result.status == 500
    assert site.url("/a") in result.error and "after 3 attempts" in result.error
    assert (records[0].attempts, records[0].error_kind) == (3, "temporary")


def test_retries_respect_the_per_host_delay(site, records):
    site.route("/a", responses=[Response(status=502), Response(status=502), Response(body="ok")])
    with make_fetcher(records, per_host_delay=0.2, backoff=0.001) as fetcher:
        result = fetcher.fetch(site.url("/a"))
    times = [r.at for r in site.hits("/a")]
    assert result.ok and len(times) == 3
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.2


def test_404_is_a_hard_error_without_retries(site, records):
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(site.url("/missing"))
    assert len(site.hits("/missing")) == 1
    assert result.status == 404 and result.error_kind == "hard"


def test_connection_refused_is_retried_then_temporary(records):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/a"
    with make_fetcher(records, retries=1) as fetcher:
        result = fetcher.fetch(url)
    assert result.error_kind == "temporary" and "Connection refused" in result.error
    assert records[0].attempts == 2


def test_slow_response_hits_the_read_timeout(site, records):
    site.route("/slow", "<p>late</p>", delay=1.0)
    with make_fetcher(records, read_timeout=0.2) as fetcher:
        result = fetcher.fetch(site.url("/slow"))
    assert result.error_kind == "temporary" and "read_timeout" in result.error
    assert records[0].error == result.error


def test_trickling_server_is_cut_off_by_total_timeout(site, records):
    site.route("/trickle", "x" * 200, trickle=0.02)  # 4 s for the whole body
    with make_fetcher(records, read_timeout=1.0, total_timeout=0.4) as fetcher:
        result = fetcher.fetch(site.url("/trickle"))
    assert result.error_kind == "temporary" and "total_timeout" in result.error
    assert result.body == b"" and records[0].error_kind == "temporary"
