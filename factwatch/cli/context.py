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
from factwatch.core.errors import FactwatchError
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
    def db(self) -> sqlite_utils.Database:
        if self._db is None:
            self._db = open_db(self.config.database)
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
