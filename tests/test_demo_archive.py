"""factwatch demo --archive: the demo's past coverage back-checked from a local archive."""

from __future__ import annotations

from archivekit import expected_problems

from factwatch.db import open_db
from factwatch.demo.archive_demo import run_archive_demo
from factwatch.demo.past import past_captures


def test_the_archive_demo_finds_what_the_live_demo_finds(tmp_path, capsys):
    db_path = tmp_path / "archive-demo.db"
    run_archive_demo(str(db_path), workers=1)
    out = capsys.readouterr().out
    db = open_db(db_path)
    served = [
        c
        for c in past_captures()
        if c.outlet in ("post", "uniontimes", "courier")
        or (c.outlet == "ledger" and "/politics/" in c.url)
    ]
    assert expected_problems(db, served) == []
    assert "6 shards done, 0 failed" in out and "findings flagged:" in out
    kinds = {
        r[0] for r in db.execute("SELECT json_extract(metadata, '$.capture.archive') FROM articles")
    }
    assert kinds == {"wayback", "commoncrawl", "warc", "guardian"}
