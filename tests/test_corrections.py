"""Corrections tracking (rebuttals/corrections.py; corrections command) against a real local site.

The site first serves the article as published ("before"), which is extracted and
stored; then it serves an edited version ("after") and `factwatch corrections`
re-fetches it over HTTP.
"""

from __future__ import annotations

import json

import pytest
from builders import add_article, add_finding, counts, invoke

from factwatch.scraper.extract import extract

FLAGGED = "The defeated candidate, Gerard Coyne, said he would challenge the result in court."
OPENING = (
    "Len McCluskey has been re-elected as general secretary of Unite, the country's largest "
    "union, after a bitter contest that lasted several months and divided the membership."
)
MIDDLE = (
    "Supporters of the general secretary gathered at the union's headquarters in London on "
    "Friday evening to celebrate the announcement of the result by the executive council."
)
CLOSING = (
    "The union said the ballot had been run by an independent scrutineer and that the count "
    "had been carried out in accordance with the rules agreed before nominations opened."
)


def page(*paragraphs: str) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><title>McCluskey re-elected</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/corrections'>Corrections policy</a></nav>"
        f"<article><h1>McCluskey re-elected</h1>{body}</article>"
        "<footer>Copyright Example News</footer></body></html>"
    )


BEFORE = page(OPENING, FLAGGED, MIDDLE, CLOSING)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        "[safety]\nallow_loopback = true\n"
        "[politeness]\nper_host_delay = 0\nretries = 0\nobey_robots = false\n"
    )
    return path


@pytest.fixture
def sent(site, db, db_path):
    """A stored article (extracted from BEFORE) with a finding in a sent rebuttal."""
    url = site.url("/news/unite")
    article = extract(BEFORE, url=url)
    assert FLAGGED in article.text
    aid = add_article(db, url=url, text=article.text)
    fid = add_finding(db, aid, quote=FLAGGED, status="confirmed")
    invoke(db_path, "rebut")
    invoke(db_path, "rebuttals", "1", "--mark", "sent")
    return {"url": url, "finding": fid}


def _serve(site, html):
    site.route("/news/unite", body=html)


def _corrections(db):
    return [dict(r) for r in db.query("SELECT * FROM corrections ORDER BY id")]


def test_unchanged_article(site, db, db_path, config, sent):
    _serve(site, BEFORE)
    result = invoke(db_path, "corrections", config=config)
    assert result.exit_code == 0, result.output
    [row] = _corrections(db)
    assert (row["outcome"], row["notice"], row["finding_id"]) == ("unchanged", 0, sent["finding"])
    assert site.hits("/news/unite")


def test_changed_sentence(site, db, db_path, config, sent):
    fixed = "Gerard Coyne, one of two defeated candidates, said he would challenge the result."
    _serve(site, page(OPENING, fixed, MIDDLE, CLOSING))
    invoke(db_path, "corrections", config=config)
    [row] = _corrections(db)
    assert row["outcome"] == "changed" and row["new_text"] == fixed


def test_removed_sentence_with_notice(site, db, db_path, config, sent):
    notice = "An earlier version of this article misdescribed the number of candidates."
    _serve(site, page(OPENING, MIDDLE, CLOSING, notice))
    invoke(db_path, "corrections", config=config)
    [row] = _corrections(db)
    assert (row["outcome"], row["notice"]) == ("removed", 1)
    assert "an earlier version of this article" in json.loads(row["detail"])["notice_phrases"]


def test_navigation_link_is_not_a_notice(site, db, db_path, config, sent):
    _serve(site, BEFORE)  # the page chrome has a "Corrections policy" link
    invoke(db_path, "corrections", config=config)
    assert _corrections(db)[0]["notice"] == 0


def test_unreachable_page_is_recorded(site, db, db_path, config, sent):
    site.route("/news/unite", body="gone", status=404, content_type="text/plain")
    invoke(db_path, "corrections", config=config)
    [row] = _corrections(db)
    assert row["outcome"] == "unreachable" and "404" in json.loads(row["detail"])["error"]


def test_only_sent_rebuttals_are_checked(site, db, db_path, config, sent):
    invoke(db_path, "rebuttals", "1", "--mark", "ignored")
    before = counts(db)
    result = invoke(db_path, "corrections", config=config)
    assert "No sent rebuttals" in result.stdout
    assert counts(db) == before
    assert not site.hits("/news/unite")
