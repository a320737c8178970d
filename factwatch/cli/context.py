"""What every command shares: the lazily loaded config and database, and the
conversion of FactwatchError into a one-line message and an exit code."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import sqlite_utils

from factwatch.config import load_config
from factwatch.core.errors import DatabaseError, FactwatchError
from factwatch.core.settings import Config
from factwatch.db import open_db


class Context:
    """Lazily loaded config and database, shared by the commands of one call."""

    def __init__(self, config_path: str | None, db_path: str | None):
        self.config_path = config_path
        self.db_path = db_path
        self._config: Config | None = None
        self._db: sqlite_utils.Database | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            if self.config_path:
                self._config = load_config(self.config_path)
            elif Path("config.toml").exists():
                self._config = load_config("config.toml")
            else:
                self._config = Config()
            if self.db_path:
                self._config.database = self.db_path
        return self._config

    @property
    def db_exists(self) -> bool:
        return Path(self.config.database).is_file()

    @property
    def db(self) -> sqlite_utils.Database:
        """The database, which must exist: reading commands never create one
        (a mistyped --db would otherwise leave an empty database behind)."""
        if self._db is None:
            path = self.config.database
            if not self.db_exists:
                given = "--db/$FACTWATCH_DB" if self.db_path else "database.path in the config"
                raise DatabaseError(
                    f"{path}: no such database (from {given}). Check the path; "
                    "`factwatch run` creates the configured database, "
                    "`factwatch demo` writes factwatch-demo.db."
                )
            self._db = open_db(path)
        return self._db


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn FactwatchError into a one-line message and its exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except FactwatchError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper
