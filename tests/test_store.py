"""Storing articles and findings: once each, in one transaction, stable identities."""

import pytest

from factwatch.core.records import Article, Finding
from factwatch.core.segment import join_paragraphs, segment
from factwatch.db import open_db, store, transaction


def make_article(url="https://news.example/a", text_paras=None, simhash=0):
    paras = text_paras or ["Len McCluskey won.", "Gerard Coyne, the defeated candidate, left."]
    text, paragraphs = join_paragraphs(paras)
    import hashlib

    return Article(
        url=url,
        canonical_url=url,
        title="Result",
        text=text,
        paragraphs=paragraphs,
        sentences=segment(paragraphs, text),
        outlet="News",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        simhash=simhash,
    )


def framing(article):
    quote = "Gerard Coyne, the defeated candidate, left."
    start = article.text.index(quote)
    return Finding(
        kind="framing",
        rule_id="framing.definite-loser",
        quote=quote,
        start=start,
        end=start + len(quote),
        explanation="three candidates stood",
    )


def count(db, table):
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_new_article_is_stored_with_its_findings(db):
    article = make_article()
    result = store.store_article(db, article, [framing(article)])
    assert result.status == "new"
    assert count(db, "articles") == 1
    row = next(db.query("SELECT * FROM findings"))
    assert row["quote"] == article.text[row["start"] : row["end"]]
    assert row["status"] == "suggested"


def test_storing_the_same_article_twice_adds_nothing(db):
    article = make_article()
    store.store_article(db, article, [framing(article)])
    again = store.store_article(db, article, [framing(article)])
    assert again.status == "unchanged"
    assert again.new_findings == []
    assert (count(db, "articles"), count(db, "findings")) == (1, 1)


def test_identical_text_at_another_url_is_an_alias(db):
    store.store_article(db, make_article("https://a.example/x"), None)
    dup = store.store_article(db, make_article("https://b.example/y"), None)
    assert dup.status == "duplicate"
    assert count(db, "articles") == 1
    assert store.known_url(db, "https://b.example/y") == dup.article_id


def test_near_duplicate_joins_the_same_story(db):
    a = store.store_article(db, make_article("https://a.example/x", simhash=0b1111), None)
    other = make_article(
        "https://b.example/y", ["Different intro.", "Same wire body."], simhash=0b1101
    )
    b = store.store_article(db, other, None)
    assert b.status == "new"
    assert a.story_id == b.story_id


def test_finding_that_stops_firing_is_marked_stale_not_deleted(db):
    article = make_article()
    result = store.store_article(db, article, [framing(article)])
    store.store_findings(db, result.article_id, article.canonical_url, [])
    row = next(db.query("SELECT stale FROM findings"))
    assert row["stale"] == 1


def test_review_status_survives_a_recheck(db):
    article = make_article()
    result = store.store_article(db, article, [framing(article)])
    db.execute("UPDATE findings SET status = 'dismissed'")
    store.store_findings(db, result.article_id, article.canonical_url, [framing(article)])
    assert next(db.query("SELECT status FROM findings"))["status"] == "dismissed"


def test_a_failed_transaction_leaves_nothing_behind(db):
    article = make_article()
    with pytest.raises(RuntimeError), transaction(db):
        store.store_article(db, article, [framing(article)])
        raise RuntimeError("killed mid-write")
    assert (count(db, "articles"), count(db, "findings")) == (0, 0)


def test_article_round_trips_through_its_row(db):
    article = make_article()
    result = store.store_article(db, article, None)
    row = next(db.query("SELECT * FROM articles WHERE id = ?", [result.article_id]))
    back = store.article_from_row(row)
    assert [s.text for s in back.sentences] == [s.text for s in article.sentences]


def test_database_uses_wal_and_a_busy_timeout(db_path):
    database = open_db(db_path)
    assert database.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_migrations_run_once(db_path):
    open_db(db_path).conn.close()
    database = open_db(db_path)
    names = [r[0] for r in database.execute("SELECT name FROM _migrations")]
    assert len(names) == len(set(names)) >= 5
