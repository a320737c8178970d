"""SQLite storage through sqlite-utils.

``open_db(path)`` returns a ``sqlite_utils.Database`` in WAL mode with a busy
timeout, migrated to the latest schema.  ``db.connection`` opens files and
holds ``transaction``; ``db.migrations`` owns the schema; ``db.store`` writes
pipeline results; ``db.queries`` reads them back; ``db.review`` records review
decisions.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from factwatch.core.errors import DatabaseError
from factwatch.db.connection import BUSY_TIMEOUT_MS, connect, transaction
from factwatch.db.migrations import migrate as run_migrations

__all__ = ["BUSY_TIMEOUT_MS", "open_db", "transaction"]


def open_db(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` and migrate it."""
    path = Path(path)
    try:
        database = connect(path)
        if migrate:
            run_migrations(database)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"cannot open database {path}: {exc}. Check the path in config.toml "
            "(database.path) or restore it from a backup made with `factwatch backup`."
        ) from exc
    return database
