"""run_job: a locked, recorded pass over the due sources, with health and exit codes."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from localserver import Response
from newsroom import article_html, config_toml, make_config, rss

from factwatch.core.errors import LockedError
from factwatch.core.records import SourceConfig
from factwatch.db import open_db
from factwatch.jobs import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOURCES_FAILED
from factwatch.jobs.lock import acquire
from factwatch.jobs.runner import exit_code, run_job

FACTWATCH = str(Path(sys.executable).with_name("factwatch"))
N = 6


@pytest.fixture
def news(site):
    urls = [site.url(f"/a/{i}") for i in range(N)]
    for i in range(N):
        site.route(f"/a/{i}", article_html(i))
    site.route("/feed.xml", rss(urls), content_type="application/rss+xml")
    return site


def courier(site, path="/feed.xml", name="courier"):
    return SourceConfig(name, "feed", url=site.url(path))


def rows(db_path, sql, params=()):
    db = open_db(db_path)
    try:
        return list(db.query(sql, params))
    finally:
        db.conn.close()


def test_a_pass_is_recorded_in_runs_and_run_sources(news, db_path):
    report = run_job(make_config(db_path, [courier(news)]))
    (run,) = rows(db_path, "SELECT * FROM runs")
    assert (run["id"], run["status"], run["pid"]) == (report.run_id, "ok", os.getpid())
    assert (run["fetched"], run["stored"], run["failed"]) == (N, N, 0)
    assert run["ended_at"] >= run["started_at"]
    (src,) = rows(db_path, "SELECT * FROM run_sources")
    assert (src["source"], src["discovered"], src["stored"]) == ("courier", N, N)
    assert exit_code(report) == EXIT_OK


def test_a_source_that_is_not_due_is_skipped(news, db_path):
    config = make_config(db_path, [courier(news)])
    run_job(config)
    before = len(news.hits("/feed.xml"))
    report = run_job(config)
    assert report.sources == []
    assert len(news.hits("/feed.xml")) == before
    assert rows(db_path, "SELECT skipped FROM runs WHERE id = 2") == [{"skipped": 1}]


def test_ignoring_due_times_fetches_the_source_again_without_storing_twice(news, db_path):
    config = make_config(db_path, [courier(news)])
    run_job(config)
    report = run_job(config, only_due=False)
    assert report.sources[0].discovered == N
    assert rows(db_path, "SELECT count(*) AS n FROM articles") == [{"n": N}]


def test_a_failing_source_fails_the_run_and_backs_off(news, db_path):
    config = make_config(db_path, [courier(news, "/missing.xml")])
    report = run_job(config)
    assert exit_code(report) == EXIT_SOURCES_FAILED
    (run,) = rows(db_path, "SELECT status, error FROM runs")
    assert run["status"] == "failed"
    assert "courier" in run["error"]
    (src,) = rows(db_path, "SELECT status, last_error FROM sources")
    assert src["status"] == "backoff"
    assert "missing.xml" in src["last_error"]


def test_a_source_whose_host_is_down_backs_off_as_temporary_and_is_not_disabled(db_path):
    with socket.socket() as sock:  # a port where nothing listens: connection refused
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    down = SourceConfig("down", "feed", url=f"http://127.0.0.1:{port}/feed.xml")
    config = make_config(db_path, [down])
    for _ in range(4):  # two hours of passes on a 30-minute schedule
        run_job(config, only_due=False)
    (src,) = rows(db_path, "SELECT * FROM sources")
    assert src["status"] != "disabled" and src["disabled_reason"] is None
    assert src["failure_score"] == 4 * 0.5
    assert src["last_error"].startswith("temporary: ")
    assert "robots.txt is unavailable" in src["last_error"]
    assert src["last_error"].count(down.url) == 1
    assert "disallowed" not in src["last_error"]


def test_one_failing_source_of_two_leaves_the_run_ok_with_exit_3(news, db_path):
    config = make_config(db_path, [courier(news), courier(news, "/missing.xml", "gone")])
    report = run_job(config)
    assert rows(db_path, "SELECT status FROM runs") == [{"status": "ok"}]
    assert report.stored == N
    assert exit_code(report) == EXIT_SOURCES_FAILED


def test_a_run_left_running_by_a_dead_process_is_marked_interrupted(news, db_path):
    db = open_db(db_path)
    db["runs"].insert(
        {"started_at": "2026-01-01T00:00:00+00:00", "pid": 999999, "status": "running"}
    )
    db.conn.close()
    run_job(make_config(db_path, [courier(news)]))
    first = rows(db_path, "SELECT status, error FROM runs WHERE id = 1")[0]
    assert first["status"] == "interrupted"
    assert "999999" in first["error"]


def test_a_stop_request_ends_the_pass_after_the_current_article(news, db_path):
    stop = threading.Event()

    def stop_on_third(req):
        stop.set()
        return Response(body=article_html(2))

    news.route("/a/2", handler=stop_on_third)
    config = make_config(db_path, [courier(news)], concurrency=1)
    report = run_job(config, stop_event=stop)
    assert report.interrupted and exit_code(report) == EXIT_INTERRUPTED
    assert rows(db_path, "SELECT status FROM runs") == [{"status": "interrupted"}]
    stored = rows(db_path, "SELECT count(*) AS n FROM articles")[0]["n"]
    assert 0 < stored < N
    run_job(config)  # the interrupted source is due again: the rest is stored
    assert rows(db_path, "SELECT count(*) AS n FROM articles") == [{"n": N}]


def test_a_pass_that_crashes_is_recorded_as_failed_and_releases_the_lock(news, db_path):
    def broken_pass(config, **kwargs):
        raise RuntimeError("disk on fire")

    config = make_config(db_path, [courier(news)])
    with pytest.raises(RuntimeError):
        run_job(config, pass_fn=broken_pass)
    (run,) = rows(db_path, "SELECT status, error FROM runs")
    assert run == {"status": "failed", "error": "RuntimeError: disk on fire"}
    acquire(db_path).release()


def test_a_second_pass_while_one_holds_the_lock_is_refused(news, db_path):
    with acquire(db_path):
        with pytest.raises(LockedError, match=f"pid {os.getpid()}"):
            run_job(make_config(db_path, [courier(news)]))


def test_run_command_exits_3_when_a_source_fails(news, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(config_toml(tmp_path / "fw.db", news.url("/missing.xml")))
    proc = subprocess.run(
        [FACTWATCH, "--config", str(config), "run"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == EXIT_SOURCES_FAILED, proc.stderr


def run_command(config: Path, *args: str) -> subprocess.CompletedProcess:
    """factwatch as cron runs it: no terminal, stdout and stderr captured."""
    return subprocess.run(
        [FACTWATCH, "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_a_pass_that_goes_well_writes_nothing_to_stderr_without_a_terminal(news, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(config_toml(tmp_path / "fw.db", news.url("/feed.xml")))
    proc = run_command(config, "run")
    assert proc.returncode == EXIT_OK
    assert proc.stderr == ""  # cron mails stderr: nothing to mail
    assert f"stored {N}" in proc.stdout


def test_a_failed_source_is_a_warning_on_stderr_without_a_terminal(news, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(config_toml(tmp_path / "fw.db", news.url("/missing.xml")))
    proc = run_command(config, "run")
    assert proc.returncode == EXIT_SOURCES_FAILED
    assert "WARNING" in proc.stderr and "source courier failed this pass" in proc.stderr
    assert " INFO " not in proc.stderr


def test_the_run_summary_counts_the_failures_it_does_not_list(news, tmp_path):
    urls = [news.url(f"/gone/{i}") for i in range(8)]
    news.route("/many.xml", rss(urls), content_type="application/rss+xml")
    config = tmp_path / "config.toml"
    config.write_text(config_toml(tmp_path / "fw.db", news.url("/many.xml")))
    proc = run_command(config, "run")
    assert "failed 8" in proc.stdout
    assert proc.stdout.count("    ! hard: ") == 5
    assert "    ... and 3 more (factwatch status --failures)" in proc.stdout
    listed = run_command(config, "status", "--failures")
    assert listed.returncode == 0, listed.stderr
    assert "Run 1: 8 failure(s)" in listed.stdout and "  courier: 8 failed" in listed.stdout
    assert all(listed.stdout.count(f"{u}: HTTP 404") == 1 for u in urls)


def test_status_command_lists_runs_and_the_lock(news, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(config_toml(tmp_path / "fw.db", news.url("/feed.xml")))
    subprocess.run([FACTWATCH, "--config", str(config), "run"], capture_output=True, timeout=60)
    proc = subprocess.run(
        [FACTWATCH, "--config", str(config), "status"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "Lock: free (no pass running)"
    assert lines[1].split() == [
        "run",
        "started",
        "duration",
        "fetched",
        "stored",
        "flagged",
        "failed",
        "status",
    ]
    assert lines[2].split()[0] == "1" and lines[2].split()[-5:] == [str(N), str(N), "0", "0", "ok"]


def test_sigterm_stops_the_run_command_after_the_current_article(news, tmp_path):
    for i in range(N):
        news.route(f"/a/{i}", responses=[Response(body=article_html(i), delay=0.3)])
    config = tmp_path / "config.toml"
    config.write_text(config_toml(tmp_path / "fw.db", news.url("/feed.xml"), concurrency=1))
    proc = subprocess.Popen(
        [FACTWATCH, "--config", str(config), "run"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        stored = 0
        for _ in range(400):
            if (tmp_path / "fw.db").exists():
                with sqlite3.connect(tmp_path / "fw.db") as conn:
                    try:
                        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                    except sqlite3.OperationalError:
                        stored = 0
            if stored:
                break
            time.sleep(0.02)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == EXIT_INTERRUPTED
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert rows(tmp_path / "fw.db", "SELECT status FROM runs") == [{"status": "interrupted"}]
    assert 0 < rows(tmp_path / "fw.db", "SELECT count(*) AS n FROM articles")[0]["n"] < N


FLAGGED = (
    "Len McCluskey beat Gerard Coyne, the defeated candidate, in a two-horse race for the "
    "Unite leadership."
)


@pytest.fixture
def flagged_news(site):
    site.route("/a/0", article_html(0, extra=FLAGGED, title="Unite election result"))
    site.route("/feed.xml", rss([site.url("/a/0")]), content_type="application/rss+xml")
    return site


def test_new_findings_are_posted_to_the_webhook(flagged_news, db_path):
    flagged_news.route("/hook", body=b"ok")
    config = make_config(db_path, [courier(flagged_news)])
    config.alerts.webhook.url = flagged_news.url("/hook")
    report = run_job(config, alert_wait=10)
    (hit,) = flagged_news.hits("/hook")
    body = json.loads(hit.headers["_body"])
    assert body["run_id"] == report.run_id
    assert {f["kind"] for f in body["new_findings"]} >= {"framing"}
    assert all(f["article_url"] == flagged_news.url("/a/0") for f in body["new_findings"])
    assert all(f["title"] == "Unite election result" for f in body["new_findings"])


def test_a_hanging_webhook_does_not_stop_the_pass_finishing(flagged_news, db_path):
    flagged_news.route("/hook", responses=[Response(delay=10.0)])
    config = make_config(db_path, [courier(flagged_news)])
    config.alerts.webhook.url = flagged_news.url("/hook")
    config.alerts.webhook.timeout = 30.0
    report = run_job(config, alert_wait=0.5)
    assert report.flagged >= 1
    assert rows(db_path, "SELECT status FROM runs") == [{"status": "ok"}]


def test_a_pass_without_new_findings_sends_no_alert(news, db_path):
    news.route("/hook", body=b"ok")
    config = make_config(db_path, [courier(news)])
    config.alerts.webhook.url = news.url("/hook")
    run_job(config, alert_wait=10)
    assert news.hits("/hook") == []
