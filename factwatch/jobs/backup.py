"""Consistent backups of a live database with ``VACUUM INTO``.

``VACUUM INTO`` reads one snapshot of the database (WAL included), so the copy
is consistent even while a pass is writing, and it is compacted.  The copy is
written beside the destination under a temporary name, checked with
``PRAGMA integrity_check`` and then renamed into place, so a failed backup
never leaves a half-written file under the destination name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from factwatch.core.errors import BackupError, DatabaseError
from factwatch.db import BUSY_TIMEOUT_MS


@dataclass
class BackupResult:
    path: Path
    bytes: int
    articles: int
    findings: int


def _count(conn: sqlite3.Connection, table: str) -> int:
    try:
        return int(conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def backup(db_path: str | Path, dest: str | Path, *, force: bool = False) -> BackupResult:
    """Copy the database at ``db_path`` to ``dest``.  Refuses to overwrite ``dest``
    unless ``force``."""
    src, dest = Path(db_path), Path(dest)
    if not src.is_file():
        raise DatabaseError(
            f"{src}: no database to back up. Check database.path in config.toml or pass --db."
        )
    if dest.is_dir():
        raise BackupError(f"{dest}: is a folder; give a file name, e.g. {dest / 'factwatch.db'}")
    if dest.exists() and not force:
        raise BackupError(f"{dest}: already exists. Choose another name or pass --force.")
    if not dest.parent.is_dir():
        raise BackupError(f"{dest.parent}: no such folder. Create it first.")
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        conn = sqlite3.connect(str(src), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("VACUUM INTO ?", [str(tmp)])
        finally:
            conn.close()
        check = sqlite3.connect(str(tmp))
        try:
            verdict = check.execute("PRAGMA integrity_check").fetchone()[0]
            articles, findings = _count(check, "articles"), _count(check, "findings")
        finally:
            check.close()
        if verdict != "ok":
            raise BackupError(f"{dest}: the copy failed its integrity check ({verdict})")
        os.replace(tmp, dest)
    except sqlite3.Error as exc:
        raise BackupError(f"{src} -> {dest}: backup failed: {exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return BackupResult(dest, dest.stat().st_size, articles, findings)
