"""Every source is discovered at once, each host under its own rules."""

from __future__ import annotations

import logging

import pytest
from localserver import LocalSite, Response
from newsroom import article_html, make_config, rss

from factwatch import pipeline
from factwatch.core.records import SourceConfig
from factwatch.db import open_db
from factwatch.scraper.fetch import Fetcher

# The delay is kept between the fetcher's sends; the server sees each request a
# little later, by an amount the loopback's scheduling varies by a few milliseconds.
JITTER = 0.01

HOSTS = 5
DELAY = 0.3


def gaps(site: LocalSite) -> list[float]:
    times = sorted(r.at for r in site.requests)
    return [b - a for a, b in zip(times, times[1:], strict=False)]


@pytest.fixture
def hosts():
    """HOSTS sites (one host each), each with robots.txt, two feeds and two articles."""
    sites = [LocalSite().start() for _ in range(HOSTS)]
    for n, site in enumerate(sites):
        site.route("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        for feed in ("a", "b"):
            site.route(
                f"/{feed}.xml",
                rss([site.url(f"/{feed}/{i}") for i in range(2)]),
                content_type="application/rss+xml",
            )
            for i in range(2):
                site.route(f"/{feed}/{i}", article_html(n * 100 + ord(feed) * 10 + i))
    yield sites
    for site in sites:
        site.stop()


def sources_for(sites: list[LocalSite]) -> list[SourceConfig]:
    return [
        SourceConfig(name=f"s{n}{feed}", kind="feed", url=site.url(f"/{feed}.xml"))
        for n, site in enumerate(sites)
        for feed in ("a", "b")  # two sources on every host
    ]


def discover(sites, db_path, **politeness):
    config = make_config(db_path, sources_for(sites), per_host_delay=DELAY, **politeness)
    db = open_db(db_path)
    run = pipeline.Pass(config, db, workers=1)
    with Fetcher(config.politeness, config.safety, on_fetch=run.on_fetch) as fetcher:
        wanted = run.discover(config.sources, fetcher, progress=True)
    return run, wanted, db


def test_every_source_is_discovered(hosts, db_path):
    run, wanted, _ = discover(hosts, db_path)
    assert len(wanted) == HOSTS * 2 * 2
    assert [r.discovered for r in run.report.sources] == [2] * (HOSTS * 2)


def test_hosts_are_discovered_at_the_same_time(hosts, db_path):
    discover(hosts, db_path)
    # Each host's first request arrives before any host's last one: none
    # waited for another host to finish.
    firsts = [min(r.at for r in site.requests) for site in hosts]
    lasts = [max(r.at for r in site.requests) for site in hosts]
    assert max(firsts) < min(lasts)


def test_per_host_gaps_hold_across_sources_of_one_host(hosts, db_path):
    discover(hosts, db_path)
    for site in hosts:
        assert [r.path for r in site.requests].count("/robots.txt") == 1
        assert len(site.requests) == 3  # robots.txt and two feeds
        assert min(gaps(site)) >= DELAY - JITTER


def test_retry_after_holds_back_only_its_host(hosts, db_path):
    slow = hosts[0]
    slow.route(
        "/a.xml",
        responses=[
            Response(status=503, headers={"Retry-After": "1"}),
            Response(body=rss([slow.url("/a/0")]), content_type="application/rss+xml"),
        ],
    )
    run, wanted, _ = discover(hosts, db_path, retries=1)
    assert run.report.sources[0].discovered == 1
    refused, retried = [r.at for r in slow.requests if r.path == "/a.xml"]
    assert retried - refused >= 1.0
    others_done = max(r.at for site in hosts[1:] for r in site.requests)
    assert others_done < retried  # the other hosts did not wait for it


def test_robots_txt_still_applies(hosts, db_path):
    site = hosts[1]
    site.route("/private/feed.xml", rss([site.url("/b/0")]), content_type="application/rss+xml")
    sources = [*sources_for(hosts), SourceConfig("hidden", "feed", site.url("/private/feed.xml"))]
    config = make_config(db_path, sources, per_host_delay=DELAY)
    run = pipeline.Pass(config, open_db(db_path), workers=1)
    with Fetcher(config.politeness, config.safety, on_fetch=run.on_fetch) as fetcher:
        run.discover(config.sources, fetcher)
    assert site.hits("/private/feed.xml") == []
    assert "disallowed by" in run.report.sources[-1].discovery_error
    assert [r.path for r in site.requests].count("/robots.txt") == 1


def test_each_fetch_is_logged_under_its_own_source(hosts, db_path):
    _, _, db = discover(hosts, db_path)
    rows = db.execute("SELECT source, url FROM fetches WHERE purpose = 'feed'").fetchall()
    assert len(rows) == HOSTS * 2
    for source, url in rows:
        n, feed = int(source[1:-1]), source[-1]
        assert url == hosts[n].url(f"/{feed}.xml")


def test_progress_is_reported_per_source(hosts, db_path, caplog):
    with caplog.at_level(logging.INFO, logger="factwatch.pipeline"):
        discover(hosts, db_path)
    assert f"discovered {HOSTS * 2}/{HOSTS * 2} sources" in caplog.text


def test_a_stop_request_skips_sources_not_yet_started(hosts, db_path):
    config = make_config(db_path, sources_for(hosts), per_host_delay=DELAY)
    run = pipeline.Pass(config, open_db(db_path), workers=1)
    run.stop_event.set()
    with Fetcher(config.politeness, config.safety, on_fetch=run.on_fetch) as fetcher:
        assert run.discover(config.sources, fetcher) == []
    assert all(not site.requests for site in hosts)
