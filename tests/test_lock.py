"""The pass lock: one pass per database, taken over automatically from a dead holder."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys

import pytest

from factwatch.core.errors import LockedError
from factwatch.jobs.lock import acquire, lock_path, lock_state

HOLD = (
    "import sys, time\n"
    "from factwatch.jobs.lock import acquire\n"
    "lock = acquire(sys.argv[1])\n"
    "print('locked', flush=True)\n"
    "time.sleep(120)\n"
)


@pytest.fixture
def holder(db_path):
    """A separate process holding the lock; killed with SIGKILL at the end."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "locked"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def test_lock_file_names_pid_start_time_and_host(db_path):
    with acquire(db_path) as lock:
        record = json.loads(lock_path(db_path).read_text())
    assert record["pid"] == os.getpid()
    assert record["hostname"] == socket.gethostname()
    assert record["started_at"] == lock.started_at


def test_second_pass_is_refused_naming_the_holder(db_path, holder):
    with pytest.raises(LockedError) as err:
        acquire(db_path)
    assert f"pid {holder.pid}" in str(err.value)
    assert "started 20" in str(err.value)
    assert err.value.exit_code == 75


def test_released_lock_can_be_taken_again_and_is_left_empty(db_path):
    acquire(db_path).release()
    assert lock_path(db_path).read_text() == ""
    with acquire(db_path) as again:
        assert again.took_over is None


def test_lock_of_a_killed_pass_is_taken_over_and_logged(db_path, holder, caplog):
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with caplog.at_level(logging.WARNING, logger="factwatch.jobs.lock"):
        with acquire(db_path) as lock:
            assert lock.took_over["pid"] == holder.pid
    assert f"stale lock from pid {holder.pid}" in caplog.text
    assert "no longer running" in caplog.text


def test_lock_state_reports_a_live_holder(db_path, holder):
    state = lock_state(db_path)
    assert (state["state"], state["pid"]) == ("held", holder.pid)


def test_lock_state_reports_a_dead_holder_as_stale(db_path, holder):
    holder.kill()
    holder.wait()
    assert lock_state(db_path)["state"] == "stale"


def test_lock_state_is_free_without_a_pass(db_path):
    assert lock_state(db_path) == {"state": "free"}
    acquire(db_path).release()
    assert lock_state(db_path) == {"state": "free"}


CHURN = (
    "import sys, time\n"
    "from factwatch.core.errors import LockedError\n"
    "from factwatch.jobs.lock import acquire\n"
    "print('ready', flush=True)\n"
    "end = time.monotonic() + float(sys.argv[2])\n"
    "while time.monotonic() < end:\n"
    "    try:\n"
    "        with acquire(sys.argv[1]):\n"
    "            time.sleep(0.002)\n"
    "    except LockedError:\n"
    "        pass\n"
)


def test_a_refused_pass_always_names_the_holders_pid(db_path):
    # Another process takes and releases the lock as fast as it can, so this one
    # often arrives while the holder has just taken it: the message must still
    # carry the holder's details, never "pid ?".
    churn = subprocess.Popen(
        [sys.executable, "-c", CHURN, str(db_path), "3"], stdout=subprocess.PIPE, text=True
    )
    assert churn.stdout.readline().strip() == "ready"
    refusals: list[str] = []
    try:
        while churn.poll() is None:
            try:
                acquire(db_path).release()
            except LockedError as exc:
                refusals.append(str(exc))
    finally:
        churn.wait()
    assert len(refusals) > 20  # the two processes really collided
    nameless = [m for m in refusals if f"pid {churn.pid}" not in m]
    assert nameless == [], f"{len(nameless)} of {len(refusals)}: {nameless[0]}"


def test_a_record_left_half_published_by_a_killed_pass_is_cleared(db_path):
    leftover = db_path.parent / f".{lock_path(db_path).name}.k1ll3d"
    leftover.write_text('{"pid": 1}')
    with acquire(db_path):
        assert not leftover.exists()
    assert sorted(p.name for p in db_path.parent.iterdir()) == [lock_path(db_path).name]
