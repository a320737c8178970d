"""The demo end to end: the real pipeline over HTTP into SQLite, twice."""

from __future__ import annotations

import json
import re

import pytest

from factwatch.db import open_db
from factwatch.demo.command import demo_config
from factwatch.demo.expected import load_expected
from factwatch.demo.world import DemoWorld
from factwatch.jobs.runner import run_job

SCORED = ("framing", "omission", "figure", "unchallenged_claim")


def norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("demo") / "demo.db")
    with DemoWorld(slow_delay=0.5) as world:
        config = demo_config(path, world.sources())
        first = run_job(config, only_due=False)
        db = open_db(path)
        counts = {t: db[t].count for t in ("articles", "findings", "stories")}
        second = run_job(config, only_due=False)
        yield world, db, first, second, counts


def article_id(db, url):
    row = db.execute("SELECT article_id FROM article_urls WHERE url = ?", [url]).fetchone()
    return row[0] if row else None


def test_every_expected_article_is_stored(demo_run):
    world, db, *_ = demo_run
    for item in load_expected().articles:
        stored = article_id(db, world.url(item.outlet, item.path))
        if item.fetch in ("ok", "slow", "duplicate") and item.topic:
            assert stored is not None, item.path
        else:
            assert stored is None, item.path


def test_robots_disallowed_pages_are_never_requested(demo_run):
    world, _, *_ = demo_run
    for item in load_expected().articles:
        if item.fetch == "blocked":
            assert world.hits(item.outlet, item.path) == []


def test_missing_pages_are_recorded_as_failed_fetches(demo_run):
    world, db, *_ = demo_run
    for page in load_expected().missing:
        row = db.execute(
            "SELECT status, error FROM fetches WHERE url = ?", [world.url(page.outlet, page.path)]
        ).fetchone()
        assert row is not None and row[0] == 404 and "404" in row[1]


def test_expected_findings_are_flagged_and_nothing_else(demo_run):
    world, db, *_ = demo_run
    problems = []
    for item in load_expected().articles:
        aid = article_id(db, world.url(item.outlet, item.path))
        if aid is None or item.fetch == "duplicate":
            continue
        found = list(
            db.query("SELECT kind, quote FROM findings WHERE article_id = ? AND stale = 0", [aid])
        )
        found = [f for f in found if f["kind"] in SCORED]
        for exp in item.findings:
            hit = next(
                (
                    f
                    for f in found
                    if f["kind"] == exp.kind
                    and (exp.key is None or norm(exp.key) in norm(f["quote"]))
                ),
                None,
            )
            if hit is None:
                problems.append(f"missed {exp.kind} {exp.key!r} in {item.path}")
            else:
                found.remove(hit)
        problems += [f"unexpected {f['kind']} {f['quote'][:60]!r} in {item.path}" for f in found]
    assert problems == []


def test_wire_copies_share_a_story(demo_run):
    world, db, *_ = demo_run
    stories: dict[str, set] = {}
    for item in load_expected().articles:
        aid = article_id(db, world.url(item.outlet, item.path))
        if item.story and aid is not None:
            sid = db.execute("SELECT story_id FROM articles WHERE id = ?", [aid]).fetchone()[0]
            stories.setdefault(item.story, set()).add(sid)
    assert stories and all(len(ids) == 1 for ids in stories.values())


def test_second_run_adds_nothing(demo_run):
    _, db, first, second, counts = demo_run
    assert first.stored > 0
    assert second.stored == 0
    assert {t: db[t].count for t in ("articles", "findings", "stories")} == counts


def test_second_run_revalidates_feeds_with_conditional_get(demo_run):
    _, db, _, second, _ = demo_run
    rows = db.execute(
        "SELECT count(*) FROM fetches WHERE run_id = ? AND not_modified = 1", [second.run_id]
    ).fetchone()
    assert rows[0] > 0


def test_the_demo_summary_counts_what_findings_lists(demo_run, capsys, tmp_path):
    from builders import invoke

    from factwatch.demo.command import print_summary

    _, db, *_ = demo_run
    print_summary(db)
    reported = int(re.search(r"(\d+) findings flagged", capsys.readouterr().out).group(1))
    path = db_copy(db, tmp_path)
    listed = json.loads(invoke(path, "findings", "--format", "json").output)
    assert len(listed) == reported


def test_every_demo_finding_fits_a_social_post(demo_run, tmp_path):
    from builders import invoke

    _, db, *_ = demo_run
    path = db_copy(db, tmp_path)
    ids = [r["id"] for r in json.loads(invoke(path, "findings", "--format", "json").output)]
    for fid in ids:
        assert invoke(path, "review", fid, "--confirm").exit_code == 0
    for fid in ids:
        result = invoke(path, "rebut", "--finding", fid, "--format", "social")
        assert result.exit_code == 0 and result.stderr == "", result.output
    copy = open_db(path)
    drafts = list(copy.query("SELECT finding_ids, body FROM rebuttals"))
    assert sorted(json.loads(d["finding_ids"])[0] for d in drafts) == sorted(ids)
    assert max(len(d["body"].strip()) for d in drafts) <= 280


def db_copy(db, tmp_path):
    from factwatch.jobs.backup import backup

    source = db.execute("PRAGMA database_list").fetchone()[2]
    return backup(source, tmp_path / "copy.db").path
