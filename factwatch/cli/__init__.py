"""The ``factwatch`` command line: a thin click layer over the library.

Commands live in small modules by concern and are registered here:

    scrape.py   run, recheck, demo, sources, articles
    extract.py  extract
    check.py    check
    review.py   findings, search, show, review
    rebut.py    rebut, rebuttals, corrections, export, serve
    ops.py      schedule, status, backup
    pages.py    (helper) read a file or URL named on the command line

Every command's help ends with an example (tests/test_cli_help.py checks).
Errors derived from FactwatchError print one line to stderr and exit with
the error's exit code (2 unless documented otherwise).
"""

from __future__ import annotations

import functools
import importlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from factwatch import __version__
from factwatch.core.errors import FactwatchError

COMMAND_MODULES = ("scrape", "extract", "check", "review", "rebut", "ops")


class Context:
    """Lazily loaded config and database, shared by the commands of one call."""

    def __init__(self, config_path: str | None, db_path: str | None):
        self.config_path = config_path
        self.db_path = db_path
        self._config = None
        self._db = None

    @property
    def config(self):  # -> factwatch.config.Config
        if self._config is None:
            from factwatch.config import load_config
            from factwatch.core.settings import Config

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
    def db(self):  # -> sqlite_utils.Database
        if self._db is None:
            from factwatch.db import open_db

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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factwatch")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    envvar="FACTWATCH_CONFIG",
    help="Config file (default: ./config.toml).",
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    envvar="FACTWATCH_DB",
    help="Database file, overriding config.toml.",
)
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.option("-q", "--quiet", is_flag=True, help="Errors only on stderr.")
@click.pass_context
def cli(
    ctx: click.Context, config_path: str | None, db_path: str | None, verbose: int, quiet: bool
) -> None:
    """Watch election coverage for misleading claims.

    \b
    Example:
        factwatch demo
    """
    # Warnings by default; a pass without a terminal (cron, systemd) also logs
    # its progress at info level, so its log shows what it did.
    level = logging.ERROR if quiet else logging.WARNING - 10 * min(verbose, 2)
    if not quiet and not verbose and not sys.stderr.isatty():
        logging.getLogger("factwatch").setLevel(logging.INFO)
    logging.basicConfig(
        level=level, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    ctx.obj = Context(config_path, db_path)


for _name in COMMAND_MODULES:
    _module = importlib.import_module(f"factwatch.cli.{_name}")
    for _command in getattr(_module, "COMMANDS", []):
        cli.add_command(_command)


def main() -> None:
    cli()
