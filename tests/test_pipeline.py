"""One pass end to end over a local site: stages, resumption, failures kept apart."""

from __future__ import annotations

import pytest
from localserver import Response
from newsroom import article_html, make_config, rss

from factwatch import pipeline, work
from factwatch.core.records import SourceConfig
from factwatch.db import open_db


@pytest.fixture
def newsroom(site):
    for i in range(3):
        site.route(f"/a/{i}", body=article_html(i))
    site.route(
        "/feed.xml",
        body=rss([site.url(f"/a/{i}") for i in range(3)]),
        content_type="application/rss+xml",
        headers={"ETag": '"feed-v1"'},
    )
    return site


def run(site, db_path, **kw):
    source = SourceConfig(name="courier", kind="feed", url=site.url("/feed.xml"))
    config = make_config(db_path, [source])
    db = open_db(db_path)
    return pipeline.run_pass(config, db=db, **kw), db


def test_a_pass_stores_every_article_and_logs_every_fetch(newsroom, db_path):
    report, db = run(newsroom, db_path)
    assert report.stored == 3
    purposes = [r["purpose"] for r in db.query("SELECT purpose FROM fetches")]
    assert purposes.count("article") == 3 and "feed" in purposes


def test_a_second_pass_stores_nothing_and_fetches_no_article(newsroom, db_path):
    run(newsroom, db_path)
    report, db = run(newsroom, db_path)
    assert (report.stored, report.fetched) == (0, 0)
    assert db["articles"].count == 3


def test_a_page_that_breaks_a_stage_is_recorded_and_the_pass_goes_on(
    newsroom, db_path, monkeypatch
):
    extract_article = work.extract_article

    def breaks_on_one(page):
        if page.url.endswith("/a/1"):
            raise ValueError("parser fell over")
        return extract_article(page)

    monkeypatch.setattr(work, "extract_article", breaks_on_one)
    report, db = run(newsroom, db_path, workers=1)  # the patch lives in this process
    assert report.stored == 2
    (source,) = report.sources
    assert "parser fell over" in source.errors[0][2]


def test_a_temporary_failure_is_retried_on_the_next_pass(newsroom, db_path):
    newsroom.route("/a/2", responses=[Response(status=503), Response(body=article_html(2))])
    first, _ = run(newsroom, db_path)
    assert first.stored == 2 and first.failed == 1
    # The feed's ETag was not kept, so the next pass reads the feed again
    # instead of getting a 304, and finds the article that failed.
    second, db = run(newsroom, db_path)
    assert second.stored == 1
    assert db["articles"].count == 3


def test_an_unchanged_feed_is_revalidated_with_its_etag(newsroom, db_path):
    newsroom.route(
        "/feed.xml",
        handler=lambda req: (
            Response(status=304)
            if req.headers.get("If-None-Match") == '"feed-v1"'
            else Response(
                body=rss([newsroom.url(f"/a/{i}") for i in range(3)]),
                content_type="application/rss+xml",
                headers={"ETag": '"feed-v1"'},
            )
        ),
    )
    run(newsroom, db_path)
    report, _ = run(newsroom, db_path)
    assert report.sources[0].not_modified == 1
    assert newsroom.hits("/feed.xml")[-1].headers.get("If-None-Match") == '"feed-v1"'


def test_a_stop_request_ends_the_pass_after_the_current_article(newsroom, db_path):
    import threading

    stop = threading.Event()
    stop.set()
    report, db = run(newsroom, db_path, stop_event=stop)
    assert report.interrupted
    assert db["articles"].count == 0


def test_the_fetch_log_names_the_source_of_each_fetch_failed_ones_too(site, db_path):
    for i in range(16):
        site.route(f"/a/{i}", body=article_html(i))
    links = {
        "courier": [f"/a/{i}" for i in range(8)] + ["/gone"],
        "ledger": [f"/a/{i}" for i in range(8, 16)],
    }
    sources = []
    for name, paths in links.items():
        site.route(
            f"/{name}.xml",
            body=rss([site.url(p) for p in paths]),
            content_type="application/rss+xml",
        )
        sources.append(SourceConfig(name=name, kind="feed", url=site.url(f"/{name}.xml")))
    report = pipeline.run_pass(make_config(db_path, sources), db=open_db(db_path), workers=1)
    assert report.stored == 16 and report.failed == 1
    rows = open_db(db_path).execute(
        "SELECT url, source, status FROM fetches WHERE purpose = 'article'"
    )
    logged = {url: (source, status) for url, source, status in rows}
    expected = {
        site.url(path): (name, 404 if path == "/gone" else 200)
        for name, paths in links.items()
        for path in paths
    }
    assert logged == expected


def test_a_fetch_is_logged_under_its_link_s_source_whichever_page_is_being_handled(db_path):
    from factwatch.scraper.steps import FetchRecord

    run_ = pipeline.Pass(make_config(db_path, []), open_db(db_path))
    run_.link_sources["https://ledger.example/a/1"] = "ledger"
    for url in ("https://ledger.example/a/1", "https://elsewhere.example/robots.txt"):
        run_.on_fetch(FetchRecord(url, url, "article", "", 200, 10, 1, False, 1, None, None))
    run_.drain_records("courier")  # while a page of courier is being handled
    logged = run_.db.execute("SELECT url, source FROM fetches ORDER BY id").fetchall()
    assert logged == [
        ("https://ledger.example/a/1", "ledger"),
        ("https://elsewhere.example/robots.txt", "courier"),
    ]
