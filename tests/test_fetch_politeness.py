"""The fetcher's manners: robots.txt, Crawl-delay, per-host spacing and the
User-Agent, checked against a real local server."""

from __future__ import annotations

import socket

import pytest
from localserver import LocalSite, Response

from factwatch.core.settings import Politeness, Safety
from factwatch.scraper.fetch import Fetcher, FetchRecord, FetchRequest

# The delay is kept between the fetcher's sends; the server sees each request a
# little later, by an amount the loopback's scheduling varies by a few milliseconds.
JITTER = 0.01

UA = "factwatch-test/1.0 (+mailto:test@example.org)"


@pytest.fixture
def records() -> list[FetchRecord]:
    return []


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_fetcher(records: list[FetchRecord], **options) -> Fetcher:
    settings = dict(user_agent=UA, per_host_delay=0.0, retries=0, backoff=0.01, obey_robots=True)
    settings.update(options)
    return Fetcher(Politeness(**settings), Safety(allow_loopback=True), on_fetch=records.append)


def gaps(site: LocalSite, paths: list[str] | None = None) -> list[float]:
    times = [r.at for r in site.requests if paths is None or r.path in paths]
    return [b - a for a, b in zip(times, times[1:], strict=False)]


def test_robots_disallow_blocks_the_page_without_requesting_it(site, records):
    site.route("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.route("/private/page", "<p>secret</p>")
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(site.url("/private/page"))
    assert site.hits("/private/page") == []
    assert result.error_kind == "hard"
    assert "disallowed by" in result.error and "robots.txt" in result.error
    assert [(r.purpose, r.status, r.error_kind) for r in records] == [
        ("robots", 200, None),
        ("article", None, "hard"),
    ]


def test_robots_is_fetched_once_per_host(site, records):
    site.route("/robots.txt", "User-agent: *\nDisallow: /x\n", content_type="text/plain")
    site.route("/a", "<p>a</p>")
    site.route("/b", "<p>b</p>")
    with make_fetcher(records) as fetcher:
        results = [fetcher.fetch(site.url("/a")), fetcher.fetch(site.url("/b"))]
    assert [r.status for r in results] == [200, 200]
    assert len(site.hits("/robots.txt")) == 1
    assert [r.purpose for r in records] == ["robots", "article", "article"]


def test_robots_rules_for_our_user_agent_apply(site, records):
    site.route(
        "/robots.txt",
        "User-agent: factwatch-test\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
        content_type="text/plain",
    )
    site.route("/a", "<p>a</p>")
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(site.url("/a"))
    assert result.error_kind == "hard" and site.hits("/a") == []


def test_missing_robots_allows_everything(site, records):
    site.route("/a", "<p>a</p>")
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(site.url("/a"))
    assert result.ok and result.body == b"<p>a</p>"
    assert [(r.purpose, r.status) for r in records] == [("robots", 404), ("article", 200)]


def test_robots_server_error_is_a_temporary_fault_not_a_refusal(site, records):
    site.route("/robots.txt", responses=[Response(status=503, body="down")])
    site.route("/a", "<p>a</p>")
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(site.url("/a"))
    assert site.hits("/a") == []
    assert result.error_kind == "temporary" and "HTTP 503" in result.error
    assert "disallowed" not in result.error and "tried again next pass" in result.error
    assert records[0].purpose == "robots" and records[0].status == 503


def test_robots_on_a_host_that_refuses_connections_is_a_temporary_fault(records):
    url = f"http://127.0.0.1:{closed_port()}/a"
    with make_fetcher(records, connect_timeout=2.0) as fetcher:
        result = fetcher.fetch(url)
    assert result.error_kind == "temporary"
    assert "robots.txt is unavailable" in result.error and "disallowed" not in result.error
    assert "refused" in result.error.lower()


def test_robots_that_times_out_is_a_temporary_fault(site, records):
    site.route("/robots.txt", responses=[Response(body="User-agent: *\n", delay=1.0)])
    site.route("/a", "<p>a</p>")
    with make_fetcher(records, read_timeout=0.3) as fetcher:
        result = fetcher.fetch(site.url("/a"))
    assert site.hits("/a") == []
    assert result.error_kind == "temporary" and "robots.txt is unavailable" in result.error


def test_robots_forbidden_means_no_rules(site, records):
    site.route("/robots.txt", responses=[Response(status=403, body="no")])
    site.route("/a", "<p>a</p>")
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(site.url("/a"))
    assert result.ok and len(site.hits("/a")) == 1


def test_obey_robots_false_skips_robots(site, records):
    site.route("/robots.txt", "User-agent: *\nDisallow: /\n", content_type="text/plain")
    site.route("/a", "<p>a</p>")
    with make_fetcher(records, obey_robots=False) as fetcher:
        result = fetcher.fetch(site.url("/a"))
    assert result.ok and site.hits("/robots.txt") == []


def test_crawl_delay_spaces_requests(site, records):
    site.route("/robots.txt", "User-agent: *\nCrawl-delay: 0.3\n", content_type="text/plain")
    for i in range(3):
        site.route(f"/p{i}", f"<p>{i}</p>")
    with make_fetcher(records, per_host_delay=0.05, concurrency=3) as fetcher:
        results = list(fetcher.fetch_many(FetchRequest(site.url(f"/p{i}")) for i in range(3)))
    assert all(r.ok for r in results)
    assert len(site.requests) == 4  # robots.txt + 3 pages
    assert min(gaps(site)) >= 0.3 - JITTER


def test_per_host_delay_spaces_request_starts(site, records):
    for i in range(4):
        site.route(f"/p{i}", f"<p>{i}</p>")
    with make_fetcher(records, per_host_delay=0.2, concurrency=4, obey_robots=False) as fetcher:
        results = list(fetcher.fetch_many(FetchRequest(site.url(f"/p{i}")) for i in range(4)))
    assert sorted(r.status for r in results) == [200] * 4
    assert min(gaps(site)) >= 0.2 - JITTER


def test_per_host_delay_applies_to_plain_fetch_calls(site, records):
    site.route("/a", "<p>a</p>")
    with make_fetcher(records, per_host_delay=0.15, obey_robots=False) as fetcher:
        for _ in range(3):
            fetcher.fetch(site.url("/a"))
    assert min(gaps(site)) >= 0.15 - JITTER


def test_user_agent_is_sent_on_every_request(site, records):
    site.route("/a", "<p>a</p>")
    with make_fetcher(records) as fetcher:
        fetcher.fetch(site.url("/a"))
    assert len(site.requests) == 2
    assert {r.headers.get("User-Agent") for r in site.requests} == {UA}


def test_a_slot_taken_early_waits_for_a_request_that_went_out_meanwhile():
    from factwatch.scraper.ratelimit import HostLimiter

    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    limiter = HostLimiter(1.0, clock=lambda: now[0], sleep=sleep)
    limiter.acquire("http://h")  # thread A's slot, at 0
    limiter.acquire("http://h")  # thread B's slot, at 1 (B sleeps until then)
    now[0] = 1.5
    limiter.before_send("http://h")  # A was held up: its request goes out at 1.5
    assert limiter.before_send("http://h") == pytest.approx(1.0)  # B waits until 2.5
    assert now[0] == pytest.approx(2.5)
