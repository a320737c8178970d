"""Cheap shared fixtures: a local HTTP site, a temporary database, the bundled facts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from localserver import LocalSite  # noqa: E402


@pytest.fixture
def site():
    """A real HTTP server on 127.0.0.1, stopped after the test."""
    s = LocalSite().start()
    yield s
    s.stop()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "factwatch.db"


@pytest.fixture
def db(db_path):
    from factwatch.db import open_db

    database = open_db(db_path)
    yield database
    database.conn.close()


@pytest.fixture
def shared_dir():
    path = ROOT.parent / "shared"
    if not path.exists():
        pytest.skip("../shared is not beside the checkout")
    return path
