"""The scraping commands: sources (with health), articles (with search), run."""

from __future__ import annotations

import json

from builders import invoke
from newsroom import article_html, config_toml, rss


def write_config(tmp_path, db_path, feed_url):
    path = tmp_path / "config.toml"
    path.write_text(config_toml(db_path, feed_url), encoding="utf-8")
    return path


def test_sources_lists_each_configured_source_with_its_health(tmp_path, db_path):
    config = write_config(tmp_path, db_path, "http://127.0.0.1:9/feed.xml")
    result = invoke(db_path, "sources", config=config)
    assert result.exit_code == 0
    assert "courier" in result.output and "HEALTH" in result.output


def test_sources_enable_unknown_name_fails_clearly(tmp_path, db_path, db):
    config = write_config(tmp_path, db_path, "http://127.0.0.1:9/feed.xml")
    result = invoke(db_path, "sources", "--enable", "nope", config=config)
    assert result.exit_code == 2
    assert "no source named 'nope'" in result.output


def test_run_then_articles_search_finds_the_stored_article(site, tmp_path, db_path):
    site.route("/a/1", body=article_html(1, title="Harbour bridge plan approved"))
    site.route("/feed.xml", body=rss([site.url("/a/1")]), content_type="application/rss+xml")
    config = write_config(tmp_path, db_path, site.url("/feed.xml"))
    run = invoke(db_path, "run", config=config)
    assert run.exit_code == 0, run.output
    assert "stored 1" in run.output
    found = invoke(db_path, "articles", "--search", "harbour bridge", "--format", "json")
    assert [r["title"] for r in json.loads(found.output)] == ["Harbour bridge plan approved"]


def test_articles_on_an_empty_database_says_what_to_do(db_path, db):
    result = invoke(db_path, "articles")
    assert result.exit_code == 0
    assert "run `factwatch run` first" in result.output
