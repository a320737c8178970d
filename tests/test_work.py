"""The shared unit of work: a fetched page -> a compact record -> the one writer."""

from __future__ import annotations

import pickle

from factwatch.core.settings import BUNDLED_FACTS, Config
from factwatch.demo.spec import SITE_DIR, fill
from factwatch.work import (
    ARTICLE,
    OFF_TOPIC,
    CheckSpec,
    FetchedPage,
    Writer,
    check_article,
    check_stored,
    process_page,
)

SPEC = CheckSpec.from_config(Config(facts=[str(BUNDLED_FACTS)]))
BASES = {o: f"https://{o}.example" for o in ("courier", "ledger", "uniontimes", "post")}


def demo_page(outlet: str, path: str, **kw) -> FetchedPage:
    html = fill((SITE_DIR / outlet / path.lstrip("/")).read_text("utf-8"), BASES, outlet)
    url = BASES[outlet] + path.removesuffix(".html")
    return FetchedPage(url=url, body=html.encode(), source=outlet, content_type="text/html", **kw)


TWO_HORSE = ("uniontimes", "/2017/04/10/inside-the-two-horse-race.html")
OFF = ("courier", "/news/2017/apr/26/council-budget-gap-social-care.html")


def test_a_record_survives_pickling_and_holds_no_html():
    record = process_page(demo_page(*TWO_HORSE), SPEC)
    assert record.outcome == ARTICLE and record.findings
    copy = pickle.loads(pickle.dumps(record))
    assert copy.article.text == record.article.text
    assert "<html" not in pickle.dumps(record).decode("latin-1").lower()


def test_an_off_topic_page_comes_back_without_an_article():
    record = process_page(demo_page(*OFF), SPEC)
    assert record.outcome == OFF_TOPIC and record.article is None


def test_the_writer_stores_an_article_with_its_findings(db):
    record = process_page(demo_page(*TWO_HORSE), SPEC)
    written = Writer(db).write(record)
    assert written.outcome == "new" and written.new_findings
    stored = db.execute("SELECT count(*) FROM findings WHERE article_id = ?", [written.article_id])
    assert stored.fetchone()[0] == len(record.findings)


def capture(ts: str) -> dict:
    return {"capture": {"archive": "wayback", "timestamp": ts}}


def test_an_older_capture_never_replaces_a_newer_one(db):
    writer = Writer(db)
    newer = process_page(demo_page(*TWO_HORSE, metadata=capture("20170412000000")), SPEC)
    older = process_page(demo_page(*TWO_HORSE, metadata=capture("20170411000000")), SPEC)
    older.fetched_url = "https://archive.example/web/20170411000000id_/x"
    assert writer.write(newer).outcome == "new"
    assert writer.write(older).outcome == "older"
    row = db.execute("SELECT metadata FROM articles").fetchone()[0]
    assert "20170412000000" in row and db["articles"].count == 1


def test_a_capture_never_replaces_an_article_fetched_live(db):
    writer = Writer(db)
    assert writer.write(process_page(demo_page(*TWO_HORSE), SPEC)).outcome == "new"
    archived = process_page(demo_page(*TWO_HORSE, metadata=capture("20170411000000")), SPEC)
    assert writer.write(archived).outcome == "older"
    assert db["articles"].count == 1


def test_a_stored_article_is_checked_from_the_database_file(db, db_path):
    written = Writer(db).write(process_page(demo_page(*TWO_HORSE), SPEC))
    row = db.execute("SELECT * FROM articles WHERE id = ?", [written.article_id]).fetchone()
    names = [c[0] for c in db.execute("SELECT * FROM articles LIMIT 0").description]
    from_row = check_article(dict(zip(names, row, strict=True)), SPEC)
    from_file = check_stored(int(written.article_id or 0), SPEC, str(db_path))
    assert from_file == from_row and from_file.findings and not from_file.message


def test_an_article_missing_from_the_file_is_a_failed_check_not_an_error(db, db_path):
    record = check_stored(12345, SPEC, str(db_path))
    assert record.findings == [] and "article 12345: no longer in" in record.message
