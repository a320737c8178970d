"""The review workflow (db/review.py; review command): history rows, rechecks, syndicated copies."""

from __future__ import annotations

import json

import pytest
from builders import QUOTE, TEXT, add_article, add_finding, counts, invoke

from factwatch.core.records import Finding
from factwatch.db.review import inherit_decision
from factwatch.db.store import store_findings


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def _status(db, fid):
    return db.execute("SELECT status FROM findings WHERE id = ?", [fid]).fetchone()[0]


def _reviews(db, fid):
    return [
        dict(r) for r in db.query("SELECT * FROM reviews WHERE finding_id = ? ORDER BY id", [fid])
    ]


def test_confirm_sets_status_and_writes_a_history_row(db_path, db):
    fid = add_finding(db, add_article(db))
    result = invoke(
        db_path, "review", fid[:8], "--confirm", "--note", "three stood", "--reviewer", "sam"
    )
    assert result.exit_code == 0
    assert _status(db, fid) == "confirmed"
    [row] = _reviews(db, fid)
    assert (row["action"], row["old_status"], row["new_status"], row["reviewer"], row["note"]) == (
        "confirm",
        "suggested",
        "confirmed",
        "sam",
        "three stood",
    )


def test_every_change_is_kept_never_overwritten(db_path, db):
    fid = add_finding(db, add_article(db))
    for flag in ("--dismiss", "--reopen", "--confirm"):
        invoke(db_path, "review", fid, flag)
    assert [r["action"] for r in _reviews(db, fid)] == ["dismiss", "reopen", "confirm"]
    assert [r["new_status"] for r in _reviews(db, fid)] == ["dismissed", "suggested", "confirmed"]


def test_reviewer_defaults_to_user(db_path, db, monkeypatch):
    monkeypatch.setenv("USER", "alice")
    fid = add_finding(db, add_article(db))
    invoke(db_path, "review", fid, "--dismiss")
    assert _reviews(db, fid)[0]["reviewer"] == "alice"


def test_unknown_id_changes_nothing(db_path, db):
    add_finding(db, add_article(db))
    before = counts(db)
    result = invoke(db_path, "review", "nope", "--confirm")
    assert result.exit_code == 2
    assert "no such finding" in result.stderr
    assert counts(db) == before


def test_an_action_is_required(db_path, db):
    fid = add_finding(db, add_article(db))
    result = invoke(db_path, "review", fid)
    assert result.exit_code != 0
    assert "--confirm, --dismiss or --reopen" in result.output
    assert _reviews(db, fid) == []


def _finding() -> Finding:
    start = TEXT.index(QUOTE)
    return Finding(
        kind="framing",
        rule_id="framing.definite-loser",
        quote=QUOTE,
        start=start,
        end=start + len(QUOTE),
        explanation="three candidates stood",
    )


def test_dismissed_finding_stays_dismissed_on_recheck(db_path, db):
    url = "https://news.example/unite-result"
    article_id = add_article(db, url=url)
    [row] = store_findings(db, article_id, url, [_finding()])
    invoke(db_path, "review", row["id"], "--dismiss")
    store_findings(db, article_id, url, [_finding()])
    assert _status(db, row["id"]) == "dismissed"


def test_syndicated_copy_inherits_the_decision(db_path, db):
    first = add_article(db, url="https://a.example/story")
    [original] = store_findings(db, first, "https://a.example/story", [_finding()])
    invoke(db_path, "review", original["id"], "--confirm")
    copy = add_article(db, url="https://b.example/syndicated", outlet="Syndicator")
    [new] = store_findings(db, copy, "https://b.example/syndicated", [_finding()])
    assert new["id"] != original["id"]
    assert _status(db, new["id"]) == "confirmed"
    [row] = _reviews(db, new["id"])
    assert row["action"] == "inherit" and original["id"] in row["note"]


def test_inherit_decision_without_an_earlier_decision_returns_none(db):
    article_id = add_article(db)
    fid = add_finding(db, article_id)
    row = dict(next(db.query("SELECT * FROM findings WHERE id = ?", [fid])))
    assert inherit_decision(db, row) is None
    assert _status(db, fid) == "suggested"


def test_two_actions_at_once_are_a_usage_error(db_path, db):
    fid = add_finding(db, add_article(db))
    before = counts(db)
    result = invoke(db_path, "review", fid, "--confirm", "--dismiss")
    assert result.exit_code == 2
    assert "choose one of --confirm, --dismiss or --reopen" in result.output
    assert "--confirm and --dismiss" in result.output
    assert counts(db) == before


def test_dismissing_a_drafted_finding_withdraws_the_draft_with_a_warning(db_path, db):
    fid = add_finding(db, add_article(db), status="confirmed")
    assert invoke(db_path, "rebut").exit_code == 0
    result = invoke(db_path, "review", fid, "--dismiss", "--note", "misread")
    assert result.exit_code == 0
    assert "Warning: rebuttal #1 quotes this finding; its draft is now withdrawn" in result.stderr
    (status,) = db.execute("SELECT status FROM rebuttals WHERE id = 1").fetchone()
    assert status == "withdrawn"
    last = db.execute(
        "SELECT new_status, note FROM rebuttal_history WHERE rebuttal_id = 1 ORDER BY id DESC"
    ).fetchone()
    assert last == ("withdrawn", f"finding {fid} was dismissed")


def test_dismissing_a_finding_whose_rebuttal_was_sent_warns_and_keeps_it(db_path, db):
    fid = add_finding(db, add_article(db), status="confirmed")
    invoke(db_path, "rebut")
    invoke(db_path, "rebuttals", "1", "--mark", "sent")
    result = invoke(db_path, "review", fid, "--dismiss")
    assert "rebuttal #1 quoting this finding was already sent" in result.stderr
    (status,) = db.execute("SELECT status FROM rebuttals WHERE id = 1").fetchone()
    assert status == "sent"


def test_a_withdrawn_draft_lets_the_other_findings_be_drafted_again(db_path, db):
    a = add_article(db)
    keep = add_finding(db, a, status="confirmed")
    drop = add_finding(
        db,
        a,
        quote="Turnout was 12.2% of the 1,062,049 ballot papers despatched.",
        kind="figure",
        rule_id="figure.turnout",
        status="confirmed",
    )
    invoke(db_path, "rebut")
    invoke(db_path, "review", drop, "--dismiss")
    assert invoke(db_path, "rebut").exit_code == 0
    (ids,) = db.execute("SELECT finding_ids FROM rebuttals WHERE id = 2").fetchone()
    assert json.loads(ids) == [keep]


def test_a_prefix_shorter_than_four_characters_is_refused(db_path, db):
    fid = add_finding(db, add_article(db))
    result = invoke(db_path, "review", fid[:3], "--confirm")
    assert result.exit_code == 2
    assert "give at least 4 characters" in result.stderr
    (status,) = db.execute("SELECT status FROM findings").fetchone()
    assert status == "suggested"
