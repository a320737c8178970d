"""Crash safety: `factwatch run` killed with SIGKILL at random moments loses nothing and
stores nothing twice once rerun; and two passes started together never both run."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from localserver import Response
from newsroom import article_html, config_toml, rss

from factwatch.jobs import EXIT_LOCKED, EXIT_OK

FACTWATCH = str(Path(sys.executable).with_name("factwatch"))
ARTICLES = 30
KILLS = 20
SEED = 20170428


@pytest.fixture
def slow_news(site):
    """~30 articles, each served after a short delay, so that fetching them takes
    longer than starting a pass and its worker processes."""
    urls = [site.url(f"/a/{i}") for i in range(ARTICLES)]
    for i in range(ARTICLES):
        site.route(f"/a/{i}", responses=[Response(body=article_html(i), delay=0.12)])
    site.route("/feed.xml", rss(urls), content_type="application/rss+xml")
    return site


def write_config(tmp_path: Path, site, name: str) -> Path:
    config = tmp_path / f"{name}.toml"
    # Two worker processes extract and check while the pass fetches and stores.
    db = tmp_path / f"{name}.db"
    config.write_text(config_toml(db, site.url("/feed.xml"), concurrency=2, workers=2))
    return config


def run(config: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [FACTWATCH, "--config", str(config), "run"], capture_output=True, text=True, timeout=120
    )


def stored_count(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    with sqlite3.connect(db_path) as conn:
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:  # killed before the schema was created
            return 0


def audit(db_path: Path, expected: set[str]) -> dict[str, object]:
    with sqlite3.connect(db_path) as conn:
        urls = [u for (u,) in conn.execute("SELECT url FROM articles")]
        dup_content = conn.execute(
            "SELECT count(*) FROM (SELECT content_hash FROM articles GROUP BY content_hash "
            "HAVING count(*) > 1)"
        ).fetchone()[0]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        running = conn.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0]
    return {
        "lost": len(expected - set(urls)),
        "duplicated": len(urls) - len(set(urls)) + dup_content,
        "integrity": integrity,
        "left_running": running,
    }


@pytest.mark.slow
def test_kill_9_at_random_points_then_rerun_loses_and_duplicates_nothing(slow_news, tmp_path):
    rng = random.Random(SEED)
    expected = {slow_news.url(f"/a/{i}") for i in range(ARTICLES)}
    # How long an unkilled pass takes here, so the kills spread over all of it.
    t0 = time.monotonic()
    assert run(write_config(tmp_path, slow_news, "probe")).returncode == EXIT_OK
    full = time.monotonic() - t0
    results = []
    for n in range(KILLS):
        config = write_config(tmp_path, slow_news, f"kill{n}")
        proc = subprocess.Popen(
            [FACTWATCH, "--config", str(config), "run"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2 * full, full))  # from start-up to the last article
        proc.kill()
        proc.wait()
        at_kill = stored_count(tmp_path / f"kill{n}.db")
        rerun = run(config)
        assert rerun.returncode == EXIT_OK, rerun.stderr
        results.append({"stored_at_kill": at_kill, **audit(tmp_path / f"kill{n}.db", expected)})
    print(f"\nkill -9 x{KILLS} (seed {SEED}, full pass {full:.2f}s):", results)
    mid_pass = sum(1 for r in results if 0 < r["stored_at_kill"] < ARTICLES)
    print(f"kills that landed mid-pass (some but not all articles stored): {mid_pass}")
    assert mid_pass >= KILLS // 4  # the kills really interrupted passes
    assert all(r["lost"] == 0 for r in results)
    assert all(r["duplicated"] == 0 for r in results)
    assert all(r["integrity"] == "ok" for r in results)
    assert all(r["left_running"] == 0 for r in results)


def test_two_passes_started_together_run_exactly_once(slow_news, tmp_path):
    # Slower pages here (a pass of several seconds), so that the two passes
    # overlap even when a busy machine starts the second process late.
    for i in range(ARTICLES):
        slow_news.route(f"/a/{i}", responses=[Response(body=article_html(i), delay=0.15)])
    config = write_config(tmp_path, slow_news, "pair")
    procs = [
        subprocess.Popen(
            [FACTWATCH, "--config", str(config), "run"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outcomes = sorted((p.wait(timeout=120), p.pid, p.stderr.read()) for p in procs)
    (ok_code, ok_pid, _), (locked_code, _, locked_err) = outcomes
    assert (ok_code, locked_code) == (EXIT_OK, EXIT_LOCKED)
    assert f"pid {ok_pid}" in locked_err
    with sqlite3.connect(tmp_path / "pair.db") as conn:
        assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == ARTICLES
