"""Hostile sites, end to end: a whole pass refuses each trap, records why in `fetches`
(or, for poisoned feeds and sitemaps, on the run and the source), and still stores the
healthy articles."""

from __future__ import annotations

import gzip

import pytest
from localserver import Response
from newsroom import article_html, make_config, rss

from factwatch.core.records import SourceConfig
from factwatch.db import open_db
from factwatch.jobs.runner import run_job

HEALTHY = 3

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://127.0.0.1/&lol9;</loc></url></urlset>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://127.0.0.1/&xxe;</loc></url></urlset>"""


@pytest.fixture
def newsroom(site):
    """A site with HEALTHY good articles; tests add traps to the feed."""
    for i in range(HEALTHY):
        site.route(f"/a/{i}", article_html(i))
    return site


def healthy_urls(site) -> list[str]:
    return [site.url(f"/a/{i}") for i in range(HEALTHY)]


def feed_pass(site, db_path, trap_urls, **politeness):
    """A pass over one feed listing the healthy articles and ``trap_urls``."""
    site.route("/feed.xml", rss(healthy_urls(site) + trap_urls), content_type="application/rss+xml")
    source = SourceConfig("courier", "feed", url=site.url("/feed.xml"))
    return run_job(make_config(db_path, [source], **politeness))


def fetch_errors(db_path) -> dict[str, tuple[str, str]]:
    db = open_db(db_path)
    try:
        return {
            r["url"]: (r["error"], r["error_kind"])
            for r in db.query("SELECT url, error, error_kind FROM fetches WHERE error IS NOT NULL")
        }
    finally:
        db.conn.close()


def stored_urls(db_path) -> set[str]:
    db = open_db(db_path)
    try:
        return {r["url"] for r in db.query("SELECT url FROM articles")}
    finally:
        db.conn.close()


def test_metadata_address_link_is_refused_and_recorded(newsroom, db_path):
    trap = "http://169.254.169.254/latest/meta-data/"
    feed_pass(newsroom, db_path, [trap])
    error, kind = fetch_errors(db_path)[trap]
    assert "metadata" in error and kind == "hard"
    assert stored_urls(db_path) == set(healthy_urls(newsroom))


def test_private_network_link_is_refused_and_recorded(newsroom, db_path):
    trap = "http://10.0.0.5/admin"
    feed_pass(newsroom, db_path, [trap])
    error, kind = fetch_errors(db_path)[trap]
    assert "private" in error and kind == "hard"
    assert stored_urls(db_path) == set(healthy_urls(newsroom))


def test_file_scheme_link_is_never_read(newsroom, db_path):
    trap = "file:///etc/passwd"
    report = feed_pass(newsroom, db_path, [trap])
    db = open_db(db_path)
    try:
        fetched = [r for r in db.query("SELECT * FROM fetches WHERE url = ?", [trap])]
        texts = [r["text"] for r in db.query("SELECT text FROM articles")]
    finally:
        db.conn.close()
    assert all(r["error"] for r in fetched)  # dropped at discovery, or refused and recorded
    assert not any("root:" in t for t in texts)
    assert report.stored == HEALTHY


def test_loopback_links_are_refused_when_loopback_is_not_allowed(newsroom, db_path):
    trap = newsroom.url("/a/0").replace("127.0.0.1", "localhost")
    newsroom.route("/feed.xml", rss([trap]), content_type="application/rss+xml")
    config = make_config(db_path, [SourceConfig("c", "feed", url=newsroom.url("/feed.xml"))])
    config.safety.allow_loopback = False
    run_job(config)
    assert "loopback" in fetch_errors(db_path)[trap][0]


def test_gzip_bomb_article_is_refused_and_recorded(newsroom, db_path):
    bomb = gzip.compress(b"<p>" + b"a" * 50_000_000, compresslevel=9)
    newsroom.route("/bomb", body=bomb, headers={"Content-Encoding": "gzip"})
    trap = newsroom.url("/bomb")
    feed_pass(newsroom, db_path, [trap], max_bytes=1_000_000)
    error, kind = fetch_errors(db_path)[trap]
    assert "cap" in error and kind == "soft"
    assert stored_urls(db_path) == set(healthy_urls(newsroom))


def test_endless_redirect_chain_is_refused_and_recorded(newsroom, db_path):
    def hop(req):
        n = int(req.path.rsplit("/", 1)[1])
        return Response(status=302, headers={"Location": f"/loop/{n + 1}"})

    for n in range(50):
        newsroom.route(f"/loop/{n}", handler=hop)
    trap = newsroom.url("/loop/0")
    feed_pass(newsroom, db_path, [trap], max_redirects=5)
    error, _ = fetch_errors(db_path)[trap]
    assert "redirect" in error.lower()
    assert len(newsroom.hits("/loop/7")) == 0
    assert stored_urls(db_path) == set(healthy_urls(newsroom))


def test_a_server_trickling_one_byte_a_second_is_cut_off_and_recorded(newsroom, db_path):
    newsroom.route("/slow", body=article_html(99), trickle=1.0)
    trap = newsroom.url("/slow")
    feed_pass(newsroom, db_path, [trap], total_timeout=2.0, read_timeout=1.5)
    error, kind = fetch_errors(db_path)[trap]
    assert "time" in error.lower() and kind == "temporary"
    assert stored_urls(db_path) == set(healthy_urls(newsroom))


def _sitemap_and_feed_pass(site, db_path, sitemap: bytes):
    site.route("/sitemap.xml", body=sitemap, content_type="application/xml")
    site.route("/feed.xml", rss(healthy_urls(site)), content_type="application/rss+xml")
    sources = [
        SourceConfig("poisoned", "sitemap", url=site.url("/sitemap.xml")),
        SourceConfig("courier", "feed", url=site.url("/feed.xml")),
    ]
    run_job(make_config(db_path, sources))
    db = open_db(db_path)
    try:
        errors = {r["source"]: r["error"] for r in db.query("SELECT * FROM run_sources")}
        health = {r["name"]: r for r in db.query("SELECT * FROM sources")}
        everything = " ".join(
            str(v) for r in db.query("SELECT * FROM articles") for v in r.values()
        )
    finally:
        db.conn.close()
    return errors, health, everything


def test_billion_laughs_sitemap_is_refused_and_the_pass_goes_on(newsroom, db_path):
    errors, health, _ = _sitemap_and_feed_pass(newsroom, db_path, BILLION_LAUGHS)
    assert "sitemap.xml" in errors["poisoned"]
    assert "entit" in errors["poisoned"].lower() or "doctype" in errors["poisoned"].lower()
    assert health["poisoned"]["last_error"]
    assert stored_urls(db_path) == set(healthy_urls(newsroom))


def test_external_entity_sitemap_is_refused_without_reading_the_file(newsroom, db_path):
    errors, _, everything = _sitemap_and_feed_pass(newsroom, db_path, EXTERNAL_ENTITY)
    assert "entit" in errors["poisoned"].lower() or "doctype" in errors["poisoned"].lower()
    assert "root:" not in everything
    assert stored_urls(db_path) == set(healthy_urls(newsroom))
