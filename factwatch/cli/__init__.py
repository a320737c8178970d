"""The ``factwatch`` command line: a thin click layer over the library.

Commands live in small modules by concern and are registered here:

    scrape.py   run, recheck, demo, sources, articles
    extract.py  extract
    check.py    check
    review.py   findings, search, show, review
    rebut.py    rebut, rebuttals, corrections, export, serve
    ops.py      schedule, status, backup
    archives.py backcheck
    facts.py    facts check, facts new, facts convert
    pages.py    (helper) read a file or URL named on the command line
    context.py  (helper) the config and database of one call; error handling

Every command's help ends with an example (tests/test_cli_help.py checks).
Errors derived from FactwatchError print one line to stderr and exit with
the error's exit code (2 unless documented otherwise).
"""

from __future__ import annotations

import logging
import sys

import click

from factwatch import __version__
from factwatch.cli import archives, check, extract, facts, ops, rebut, review, scrape
from factwatch.cli.context import Context

QUIET_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext")


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
    # Warnings and errors only by default, with or without a terminal, so cron
    # mails nothing from a pass that went well (docs/scheduling.md); -v shows
    # progress and each failed page.
    level = logging.ERROR if quiet else logging.WARNING - 10 * min(verbose, 2)
    # The extraction libraries log their own view of pages they cannot read
    # ("parsed tree length: 0", "discarding data"); factwatch reports the same
    # page once, in its own words.  -vv shows their lines again.
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.DEBUG if verbose >= 2 else logging.CRITICAL)
    logging.basicConfig(
        level=level, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    ctx.obj = Context(config_path, db_path)


for _module in (scrape, extract, check, review, rebut, ops, archives, facts):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def main() -> None:
    cli()
