"""Backups with VACUUM INTO: consistent copies of a live database, no silent overwrite."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from factwatch.core.errors import BackupError, DatabaseError
from factwatch.db import open_db, transaction
from factwatch.jobs.backup import backup

FACTWATCH = str(Path(sys.executable).with_name("factwatch"))
BATCH = 10


def add_articles(db, start: int, n: int) -> None:
    with transaction(db):
        for i in range(start, start + n):
            db["articles"].insert(
                {"url": f"http://news.example/{i}", "content_hash": f"h{i}", "text": "x" * 500}
            )


def test_backup_copies_the_database(db, db_path, tmp_path):
    add_articles(db, 0, 5)
    result = backup(db_path, tmp_path / "copy.db")
    with sqlite3.connect(result.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    assert (result.articles, result.findings) == (5, 0)


def test_backup_refuses_to_overwrite_an_existing_file(db, db_path, tmp_path):
    dest = tmp_path / "copy.db"
    dest.write_text("precious")
    with pytest.raises(BackupError, match="already exists.*--force"):
        backup(db_path, dest)
    assert dest.read_text() == "precious"


def test_backup_with_force_replaces_the_file(db, db_path, tmp_path):
    dest = tmp_path / "copy.db"
    dest.write_text("old")
    add_articles(db, 0, 2)
    assert backup(db_path, dest, force=True).articles == 2


def test_backup_of_a_missing_database_names_it(tmp_path):
    with pytest.raises(DatabaseError, match="nothing.db: no database to back up"):
        backup(tmp_path / "nothing.db", tmp_path / "copy.db")


def test_backup_while_another_connection_writes_is_consistent(db_path, tmp_path):
    writer_db = open_db(db_path)
    stop = threading.Event()
    written = []

    def writer():
        while not stop.is_set():
            add_articles(writer_db, len(written) * BATCH, BATCH)
            written.append(1)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 3:
            stop.wait(0.01)
        copies = [backup(db_path, tmp_path / f"copy{i}.db") for i in range(3)]
    finally:
        stop.set()
        thread.join()
        writer_db.conn.close()
    for copy in copies:
        with sqlite3.connect(copy.path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Whole transactions only: never part of a batch.
        assert copy.articles >= 3 * BATCH and copy.articles % BATCH == 0


def test_backup_command_reports_the_copy(db, db_path, tmp_path):
    add_articles(db, 0, 3)
    proc = subprocess.run(
        [FACTWATCH, "--db", str(db_path), "backup", str(tmp_path / "b.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "3 articles" in proc.stdout


def test_backup_command_over_an_existing_file_is_a_clear_error(db, db_path, tmp_path):
    (tmp_path / "b.db").write_text("x")
    proc = subprocess.run(
        [FACTWATCH, "--db", str(db_path), "backup", str(tmp_path / "b.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "already exists. Choose another name or pass --force." in proc.stderr
    assert "Traceback" not in proc.stderr
