"""Full-text search follows the indexed text, and only that, through every update."""

from __future__ import annotations

from builders import add_article, add_finding

from factwatch.db.queries import search


def fts_ok(db) -> None:
    for table in ("articles_fts", "findings_fts"):
        db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


def test_changing_other_columns_leaves_the_index_alone(db):
    aid = add_article(db, text="The ballot closed on Wednesday.\n\nTurnout was low.")
    fid = add_finding(db, aid, quote="Turnout was low.")
    before = db.execute("SELECT count(*) FROM articles_fts_data").fetchone()[0]
    db.execute("UPDATE articles SET checked_at = 'now', facts_version = 'v2' WHERE id = ?", [aid])
    db.execute("UPDATE findings SET status = 'confirmed', last_seen = 'now' WHERE id = ?", [fid])
    assert db.execute("SELECT count(*) FROM articles_fts_data").fetchone()[0] == before
    fts_ok(db)


def test_changing_the_text_reindexes_it(db):
    aid = add_article(db, text="The ballot closed on Wednesday.\n\nTurnout was low.")
    fid = add_finding(db, aid, quote="Turnout was low.")
    db.execute("UPDATE articles SET text = 'A recount was refused.' WHERE id = ?", [aid])
    db.execute("UPDATE findings SET quote = 'A recount was refused.' WHERE id = ?", [fid])
    fts_ok(db)
    assert {h.kind for h in search(db, "recount")} == {"article", "finding"}
    assert search(db, "Wednesday") == []
