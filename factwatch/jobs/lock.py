"""One pass per database: an exclusive ``flock`` on ``<database>.lock``.

The holder's pid, start time and host name are in the lock file, so a second
pass can say who holds the lock.  The record is written to a new file that is
renamed into place while locked, so it is never seen half-written.  The operating system releases a
``flock`` when its process dies, so a pass killed with SIGKILL never leaves
the database locked: the next pass takes the lock over, notices the previous
holder's details still in the file (a clean exit empties it) and logs that it
took over a stale lock.

    with acquire("factwatch.db") as lock:
        ...  # lock.took_over is the dead holder's details, if there was one
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import logging
import os
import socket
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factwatch.core.errors import LockedError

log = logging.getLogger("factwatch.jobs.lock")


def lock_path(db_path: str | Path) -> Path:
    """The lock file that guards ``db_path``."""
    return Path(f"{db_path}.lock")


def _read_holder(fd: int) -> dict[str, Any]:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = b""
    while chunk := os.read(fd, 4096):
        raw += chunk
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {"raw": raw[:200].decode("utf-8", "replace")}
    return data if isinstance(data, dict) else {}


def pid_alive(pid: int) -> bool:
    """True if a process with this pid exists on this machine."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def describe_holder(holder: dict[str, Any]) -> str:
    if not holder.get("pid"):
        return "a process that left no details in the lock file"
    pid = holder["pid"]
    host = holder.get("hostname") or "?"
    started = holder.get("started_at") or "an unknown time"
    return f"pid {pid} on {host}, started {started}"


@dataclass
class PassLock:
    """A held pass lock.  Release it with ``release()`` or a ``with`` block."""

    path: Path
    fd: int
    pid: int
    started_at: str
    hostname: str
    took_over: dict[str, Any] | None = None  # details of a dead holder, if any

    def release(self) -> None:
        if self.fd < 0:
            return
        try:
            os.ftruncate(self.fd, 0)  # an empty file means "released cleanly"
        finally:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> PassLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _same_file(fd: int, path: Path) -> bool:
    """True while ``path`` still names the file open as ``fd`` (it may be replaced)."""
    try:
        now = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino)


def _read_path(path: Path) -> dict[str, Any]:
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return {}
    try:
        return _read_holder(fd)
    finally:
        os.close(fd)


def _publish(path: Path, record: dict[str, Any]) -> int:
    """Write ``record`` to a new file, lock it, and rename it over ``path``.

    The caller holds the lock on the file ``path`` names now.  Whoever opens
    ``path`` afterwards finds the new file, locked and already holding the
    whole record: the holder's details are never seen half-written."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, 0o644)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a new file: nobody else has it
        os.write(fd, json.dumps(record).encode("utf-8"))
        os.fsync(fd)
        os.replace(tmp, path)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return fd


def acquire(db_path: str | Path, *, patience: float = 5.0) -> PassLock:
    """Take the pass lock for ``db_path`` or raise LockedError naming the holder.

    The lock is the ``flock`` on the file that ``<db_path>.lock`` names.  A new
    holder writes its details to a fresh file and renames it into place, so a
    second pass that finds the lock taken reads a complete record.  In the
    instant between a holder taking the lock and renaming its record in (or
    emptying it on release), the second pass looks again for up to
    ``patience`` seconds."""
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + patience
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            replaced = not _same_file(fd, path)
            os.close(fd)
            holder = {} if replaced else _read_path(path)
            if holder.get("pid") or time.monotonic() >= deadline:
                raise LockedError(
                    f"{db_path}: another pass is running ({describe_holder(holder)}). "
                    f"Wait for it to finish; the lock is {path}."
                ) from None
            time.sleep(0.001)  # a holder is publishing or releasing its record
            continue
        except BaseException:
            os.close(fd)
            raise
        if _same_file(fd, path):
            break
        os.close(fd)  # locked a file another pass had just replaced: try the new one
    try:
        # A pass killed while publishing its record leaves its new file behind;
        # holding the lock, nobody else can be publishing now.
        for leftover in path.parent.glob(f".{path.name}.*"):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        previous = _read_holder(fd)
        took_over = None
        if previous:
            took_over = previous
            alive = previous.get("hostname") == socket.gethostname() and pid_alive(
                int(previous.get("pid") or 0)
            )
            state = "still exists but released the lock" if alive else "is no longer running"
            log.warning(
                "%s: took over a stale lock from %s, which %s (it did not finish cleanly)",
                db_path,
                describe_holder(previous),
                state,
            )
        lock = PassLock(
            path=path,
            fd=-1,
            pid=os.getpid(),
            started_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            hostname=socket.gethostname(),
            took_over=took_over,
        )
        record = {"pid": lock.pid, "started_at": lock.started_at, "hostname": lock.hostname}
        lock.fd = _publish(path, record)
    finally:
        os.close(fd)  # the replaced file; its lock goes with it
    return lock


def lock_state(db_path: str | Path) -> dict[str, Any]:
    """What the lock file says, without touching the lock (safe while a pass runs).

    Returns ``{"state": "free"}``, ``{"state": "held", ...holder}`` or
    ``{"state": "stale", ...holder}`` (a holder that died without releasing)."""
    path = lock_path(db_path)
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return {"state": "free"}
    try:
        holder = _read_holder(fd)
    finally:
        os.close(fd)
    if not holder:
        return {"state": "free"}
    same_host = holder.get("hostname") == socket.gethostname()
    pid = int(holder.get("pid") or 0)
    if same_host and not pid_alive(pid):
        return {"state": "stale", **holder}
    return {"state": "held", **holder}
