"""Open a SQLite file for factwatch, and write transactions on it.

Connections run in WAL mode with a busy timeout, so a reader never blocks the
pass that writes and concurrent writers wait instead of failing.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

BUSY_TIMEOUT_MS = 30_000


def connect(path: Path) -> sqlite_utils.Database:
    """The database at ``path`` (created with its folder if needed), not yet migrated."""
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return sqlite_utils.Database(conn)


@contextlib.contextmanager
def transaction(database: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction, taken with BEGIN IMMEDIATE so concurrent writers
    wait on the busy timeout instead of failing on lock upgrade.  Nested uses
    (and sqlite-utils' own write methods) become savepoints inside it."""
    if database.conn.in_transaction:
        with database.atomic():
            yield database
        return
    database.conn.execute("BEGIN IMMEDIATE")
    try:
        yield database
    except BaseException:
        if database.conn.in_transaction:
            database.conn.execute("ROLLBACK")
        raise
    else:
        database.conn.execute("COMMIT")
