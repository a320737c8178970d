"""SQLite storage through sqlite-utils.

``open_db(path)`` returns a ``sqlite_utils.Database`` in WAL mode with a busy
timeout, migrated to the latest schema.  ``db.migrations`` owns the schema;
``db.store`` writes pipeline results; ``db.queries`` reads them back.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from factwatch.core.errors import DatabaseError

BUSY_TIMEOUT_MS = 30_000


def open_db(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` and migrate it."""
    from factwatch.db.migrations import migrate as run_migrations

    path = Path(path)
    try:
        if path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        database = sqlite_utils.Database(conn)
        if migrate:
            run_migrations(database)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"cannot open database {path}: {exc}. Check the path in config.toml "
            "(database.path) or restore it from a backup made with `factwatch backup`."
        ) from exc
    return database


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
