"""Extraction, matching and rechecking on worker processes, storing from one writer."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from newsroom import FACTS, article_html, make_config, rss

from factwatch import pipeline
from factwatch.config import load_config
from factwatch.core.errors import ConfigError
from factwatch.core.records import SourceConfig
from factwatch.db import open_db
from factwatch.work import ARTICLE, NO_TEXT, CheckSpec, FetchedPage, process_page

ARTICLES = 24
FLAGGED = (
    "Len McCluskey beat Gerard Coyne in a two-horse race for the leadership of Unite, "
    "the defeated candidate said on Friday."
)


@pytest.fixture
def newsroom(site):
    urls = [site.url(f"/a/{i}") for i in range(ARTICLES)]
    for i in range(ARTICLES):
        # Every third article repeats a claim the facts contradict, so there are findings.
        site.route(f"/a/{i}", body=article_html(i, extra=FLAGGED if i % 3 == 0 else ""))
    site.route("/a/copy", body=article_html(5))  # the same text under another URL
    site.route("/feed.xml", rss([*urls, site.url("/a/copy")]), content_type="application/rss+xml")
    return site


def snapshot(db) -> dict[str, object]:
    """What a pass stored, without ids and timestamps."""
    return {
        "articles": sorted(
            db.execute("SELECT url, first_url, content_hash, simhash FROM articles").fetchall()
        ),
        "aliases": sorted(
            db.execute(
                "SELECT u.url, a.url FROM article_urls u JOIN articles a ON a.id = u.article_id"
            ).fetchall()
        ),
        "stories": sorted(
            db.execute(
                "SELECT a.url, s.url FROM articles a JOIN articles s ON s.id = "
                "(SELECT min(id) FROM articles WHERE story_id = a.story_id)"
            ).fetchall()
        ),
        "findings": sorted(
            db.execute("SELECT id, kind, rule_id, quote, stale FROM findings").fetchall()
        ),
    }


def one_pass(site, db_path: Path, workers: int):
    source = SourceConfig(name="courier", kind="feed", url=site.url("/feed.xml"))
    config = make_config(db_path, [source])
    db = open_db(db_path)
    report = pipeline.run_pass(config, db=db, workers=workers)
    return report, db


def test_a_parallel_pass_stores_what_a_serial_pass_stores(newsroom, tmp_path):
    serial_report, serial = one_pass(newsroom, tmp_path / "serial.db", workers=1)
    parallel_report, parallel = one_pass(newsroom, tmp_path / "parallel.db", workers=2)
    assert serial_report.stored == parallel_report.stored == ARTICLES
    assert serial_report.flagged == parallel_report.flagged > 0
    assert parallel_report.sources[0].duplicates == 1
    assert snapshot(parallel) == snapshot(serial)


def test_a_parallel_recheck_stores_what_a_serial_recheck_stores(newsroom, tmp_path):
    dbs = {}
    for workers in (1, 2):
        _, db = one_pass(newsroom, tmp_path / f"recheck{workers}.db", workers=1)
        db.execute("DELETE FROM findings")  # as if the facts had just gained these rules
        config = make_config(tmp_path / f"recheck{workers}.db", [])
        counts = pipeline.recheck(config, db=db, workers=workers)
        assert counts["articles"] == ARTICLES and counts["new"] > 0
        dbs[workers] = db
    assert snapshot(dbs[2]) == snapshot(dbs[1])


def test_process_page_is_a_picklable_function_of_the_page():
    spec = CheckSpec(facts=(str(FACTS),), topic_enabled=False)
    page = FetchedPage(url="https://news.example/a/1", body=article_html(1, extra=FLAGGED).encode())
    first = process_page(pickle.loads(pickle.dumps(page)), pickle.loads(pickle.dumps(spec)))
    again = pickle.loads(pickle.dumps(process_page(page, spec)))
    assert first == again
    assert first.outcome == ARTICLE and first.findings


def test_a_page_without_article_text_is_a_record_not_an_error():
    spec = CheckSpec(facts=(str(FACTS),), topic_enabled=False)
    record = process_page(FetchedPage(url="https://news.example/", body=b"<p>hi</p>"), spec)
    assert record.outcome == NO_TEXT and "no article text" in record.message


def test_workers_must_be_at_least_one(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[processing]\nworkers = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"processing\.workers: must be at least 1"):
        load_config(path)


def test_workers_default_to_the_cores_this_process_may_use(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[processing]\n", encoding="utf-8")
    assert load_config(path).processing.workers == len(os.sched_getaffinity(0))


WORKER_SCRIPT = """
import time
from factwatch.workpool import WorkPool
with WorkPool(workers=2) as pool:
    list(pool.map(abs, [-1, -2, -3, -4]))
    print(" ".join(str(p) for p in pool._executor._processes), flush=True)
    time.sleep(60)
"""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie waits only for its reaper
        return stat.read().split(") ")[1][0] != "Z"


def parent_of(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as stat:
        return int(stat.read().split(") ")[1].split()[1])


def test_workers_end_when_their_pass_is_killed():
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKER_SCRIPT], stdout=subprocess.PIPE, text=True
    )
    pids = [int(p) for p in proc.stdout.readline().split()]
    assert len(pids) == 2 and all(alive(p) for p in pids)
    pids.append(parent_of(pids[0]))  # the fork server they were started from
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(p) for p in pids)


@pytest.mark.parametrize("chunk", [1, 7])
def test_results_come_back_in_input_order(chunk):
    from factwatch.workpool import WorkPool

    items = list(range(-40, 0))
    with WorkPool(workers=2, window=3) as pool:
        assert list(pool.map(abs, items, chunk=chunk)) == [(i, -i) for i in items]


WARM_SCRIPT = """
import os, sys, time
from pathlib import Path
from factwatch.workpool import WorkPool

def warm(folder):
    Path(folder, str(os.getpid())).touch()

if __name__ == "__main__":
    folder = sys.argv[1]
    with WorkPool(workers=2, warm=warm, warm_args=(folder,)) as pool:
        pool.start()  # no item submitted
        deadline = time.monotonic() + 30
        while len(os.listdir(folder)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        print(" ".join(sorted(str(p) for p in pool._executor._processes)))
"""


def test_started_workers_warm_up_before_any_item(tmp_path):
    script = tmp_path / "warm.py"
    script.write_text(WARM_SCRIPT, encoding="utf-8")
    folder = tmp_path / "warmed"
    folder.mkdir()
    run = subprocess.run(
        [sys.executable, str(script), str(folder)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    pids = run.stdout.split()
    assert len(pids) == 2 and sorted(os.listdir(folder)) == pids
