"""fetch_many: host-aware scheduling on a bounded thread pool, results as they
finish, records in the caller's thread, and an early stop that leaves no mess."""

from __future__ import annotations

import threading
import time

import pytest
from localserver import LocalSite, Request, Response

from factwatch.core.settings import Politeness, Safety
from factwatch.scraper.fetch import Fetcher, FetchRecord, FetchRequest


@pytest.fixture
def records() -> list[FetchRecord]:
    return []


def make_fetcher(records: list[FetchRecord], **options) -> Fetcher:
    settings = dict(per_host_delay=0.0, retries=0, backoff=0.01, obey_robots=True)
    settings.update(options)
    return Fetcher(Politeness(**settings), Safety(allow_loopback=True), on_fetch=records.append)


def test_fetch_many_interleaves_hosts_instead_of_waiting_on_one():
    a, b = LocalSite().start(), LocalSite().start()
    try:
        for s in (a, b):
            for i in range(3):
                s.route(f"/p{i}", f"<p>{i}</p>")
        requests = [
            FetchRequest(s.url(f"/p{i}"), key=(s.port, i)) for s in (a, b) for i in range(3)
        ]
        records: list[FetchRecord] = []
        with make_fetcher(records, per_host_delay=0.2, concurrency=1, obey_robots=False) as f:
            results = list(f.fetch_many(requests))
        order = sorted([(r.at, "a") for r in a.requests] + [(r.at, "b") for r in b.requests])
    finally:
        a.stop()
        b.stop()
    assert [host for _, host in order] == ["a", "b", "a", "b", "a", "b"]
    assert sorted(r.request_key for r in results) == sorted(r.key for r in requests)


def test_fetch_many_echoes_keys_and_records_every_fetch(site, records):
    site.route("/a", "<p>a</p>")
    requests = [FetchRequest(site.url("/a"), key="A"), FetchRequest(site.url("/nope"), key="N")]
    with make_fetcher(records, concurrency=2) as fetcher:
        results = {r.request_key: r for r in fetcher.fetch_many(requests)}
    assert results["A"].ok and results["N"].status == 404
    assert results["N"].error_kind == "hard"
    assert sorted((r.purpose, r.status) for r in records) == [
        ("article", 200),
        ("article", 404),
        ("robots", 404),
    ]


@pytest.fixture
def sites():
    """Three local hosts."""
    started = [LocalSite().start() for _ in range(3)]
    yield started
    for s in started:
        s.stop()


def in_flight_counter(delay: float):
    """A handler that answers after ``delay`` and counts overlapping requests."""
    lock = threading.Lock()
    state = {"now": 0, "most": 0}

    def handler(req: Request) -> Response:
        with lock:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
        time.sleep(delay)
        with lock:
            state["now"] -= 1
        return Response(body="<p>x</p>")

    return handler, state


def test_concurrency_bounds_requests_in_flight(sites, records):
    handler, state = in_flight_counter(0.15)
    for s in sites:
        for i in range(2):
            s.route(f"/p{i}", handler=handler)
    requests = [FetchRequest(s.url(f"/p{i}")) for s in sites for i in range(2)]
    with make_fetcher(records, concurrency=2, obey_robots=False) as fetcher:
        results = list(fetcher.fetch_many(requests))
    assert [r.ok for r in results] == [True] * 6
    assert state["most"] == 2


def test_one_request_in_flight_per_host(site, records):
    handler, state = in_flight_counter(0.1)
    for i in range(4):
        site.route(f"/p{i}", handler=handler)
    with make_fetcher(records, concurrency=4, obey_robots=False) as fetcher:
        results = list(fetcher.fetch_many(FetchRequest(site.url(f"/p{i}")) for i in range(4)))
    assert [r.ok for r in results] == [True] * 4
    assert state["most"] == 1


def test_results_are_yielded_as_they_finish(sites, records):
    slow, fast = sites[0], sites[1]
    slow.route("/slow", "<p>slow</p>", delay=0.5)
    fast.route("/fast", "<p>fast</p>")
    requests = [
        FetchRequest(slow.url("/slow"), key="slow"),
        FetchRequest(fast.url("/fast"), key="fast"),
    ]
    with make_fetcher(records, concurrency=2, obey_robots=False) as fetcher:
        keys = [r.request_key for r in fetcher.fetch_many(requests)]
    assert keys == ["fast", "slow"]


def test_records_are_delivered_in_the_consuming_thread(site):
    site.route("/a", "<p>a</p>")
    threads: list[str] = []
    politeness = Politeness(per_host_delay=0.0, retries=0, concurrency=3)
    with Fetcher(
        politeness,
        Safety(allow_loopback=True),
        on_fetch=lambda record: threads.append(threading.current_thread().name),
    ) as fetcher:
        list(fetcher.fetch_many(FetchRequest(site.url("/a"), key=i) for i in range(3)))
    assert len(threads) == 4  # robots.txt + 3 pages
    assert set(threads) == {threading.current_thread().name}


def test_stopping_early_leaves_the_fetcher_usable(site, records):
    for i in range(5):
        site.route(f"/p{i}", f"<p>{i}</p>")
    with make_fetcher(records, concurrency=2, per_host_delay=0.05) as fetcher:
        results = fetcher.fetch_many(FetchRequest(site.url(f"/p{i}")) for i in range(5))
        first = next(results)
        results.close()
        pages_requested = len([r for r in site.requests if r.path != "/robots.txt"])
        again = fetcher.fetch(site.url("/p4"))
    assert first.ok and again.ok
    assert pages_requested <= 3  # the one yielded and at most two in flight; none queued
    assert len(site.hits("/robots.txt")) == 1


def test_robots_is_fetched_once_when_threads_race(site):
    site.route("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain", delay=0.2)
    site.route("/a", "<p>a</p>")
    politeness = Politeness(per_host_delay=0.0, retries=0)
    results = []
    with Fetcher(politeness, Safety(allow_loopback=True)) as fetcher:
        threads = [
            threading.Thread(target=lambda: results.append(fetcher.fetch(site.url("/a"))))
            for _ in range(4)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert [r.ok for r in results] == [True] * 4
    assert len(site.hits("/robots.txt")) == 1


def test_robots_disallow_many_queued_urls_without_requests(site, records):
    site.route("/robots.txt", "User-agent: *\nDisallow: /\n", content_type="text/plain")
    requests = [FetchRequest(site.url(f"/p{i}"), key=i) for i in range(2000)]
    with make_fetcher(records, concurrency=4) as fetcher:
        results = list(fetcher.fetch_many(requests))
    assert len(results) == 2000 and all(r.error_kind == "hard" for r in results)
    assert [r.path for r in site.requests] == ["/robots.txt"]
