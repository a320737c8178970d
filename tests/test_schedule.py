"""The in-process scheduler: durations, the pass loop, and stopping on SIGTERM/SIGINT."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from factwatch.core.errors import ConfigError, LockedError
from factwatch.core.settings import Config
from factwatch.jobs.durations import parse_duration
from factwatch.jobs.schedule import run_schedule

FACTWATCH = str(Path(sys.executable).with_name("factwatch"))


@pytest.mark.parametrize(
    ("text", "seconds"), [("90s", 90), ("30m", 1800), ("1h", 3600), ("1h30m", 5400), ("2d", 172800)]
)
def test_durations_parse(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["30", "soon", "m30", "30x", "", "0m"])
def test_bad_durations_are_refused_with_the_fix(text):
    with pytest.raises(ConfigError, match=r"--every: .*(30m|longer than zero)"):
        parse_duration(text, name="--every")


def test_the_loop_runs_passes_until_stopped(tmp_path):
    stop = threading.Event()
    calls = []

    def job(config, *, stop_event):
        calls.append(config)
        if len(calls) == 3:
            stop_event.set()

    config = Config(database=str(tmp_path / "x.db"))
    assert run_schedule(config, every=0.01, stop_event=stop, job=job) == 3


def test_a_locked_database_skips_the_pass_and_keeps_the_loop_going(tmp_path):
    outcomes = [LockedError("busy"), None]

    def job(config, *, stop_event):
        outcome = outcomes.pop(0)
        if outcome:
            raise outcome

    config = Config(database=str(tmp_path / "x.db"))
    assert run_schedule(config, every=0.01, job=job, max_passes=2) == 2
    assert outcomes == []


def test_config_edits_are_picked_up_before_each_pass(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[topic]\nkeywords = ["first"]\n')
    from factwatch.config import load_config

    seen = []

    def job(config, *, stop_event):
        seen.append(config.topic.keywords)
        path.write_text('[topic]\nkeywords = ["second"]\n')

    run_schedule(load_config(path), every=0.01, job=job, max_passes=2)
    assert seen == [["first"], ["second"]]


def test_a_broken_config_edit_keeps_the_previous_config(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[topic]\nkeywords = ["first"]\n')
    from factwatch.config import load_config

    seen = []

    def job(config, *, stop_event):
        seen.append(config.topic.keywords)
        path.write_text("[topic\n")

    run_schedule(load_config(path), every=0.01, job=job, max_passes=2)
    assert seen == [["first"], ["first"]]


def _wait_for_run(db_path: Path, proc: subprocess.Popen) -> None:
    for _ in range(300):
        if proc.poll() is not None:
            pytest.fail(f"scheduler exited early: {proc.stderr.read()}")
        if db_path.exists():
            try:
                with sqlite3.connect(db_path) as conn:
                    if conn.execute("SELECT count(*) FROM runs WHERE status = 'ok'").fetchone()[0]:
                        return
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)
    pytest.fail("no pass completed")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_ends_the_scheduler_with_status_0(tmp_path, signum):
    config = tmp_path / "config.toml"
    config.write_text('[database]\npath = "fw.db"\n')
    proc = subprocess.Popen(
        [FACTWATCH, "--config", str(config), "schedule", "--every", "1h"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_run(tmp_path / "fw.db", proc)
        proc.send_signal(signum)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_bad_every_option_is_a_clear_error(tmp_path):
    proc = subprocess.run(
        [FACTWATCH, "--db", str(tmp_path / "x.db"), "schedule", "--every", "soon"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 2
    assert "--every: 'soon' is not a duration" in proc.stderr
    assert "Traceback" not in proc.stderr
