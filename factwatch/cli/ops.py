"""Operations commands: schedule, status, backup."""

from __future__ import annotations

import sys
import threading

import click

from factwatch.cli.context import handle_errors
from factwatch.jobs import EXIT_OK


@click.command()
@click.option(
    "--every",
    default=None,
    metavar="DURATION",
    help="Time between pass starts, e.g. 30m, 1h, 90s (default: schedule.every).",
)
@click.option(
    "--passes",
    type=click.IntRange(min=1),
    default=None,
    help="Stop after this many passes (default: run until stopped).",
)
@click.pass_obj
@handle_errors
def schedule(obj, every: str | None, passes: int | None) -> None:
    """Run passes in the foreground, one every DURATION, until stopped.

    SIGTERM or Ctrl-C stops after the current article and exits 0.  The
    config file is re-read before each pass.  For cron or a systemd timer
    use `factwatch run` instead (see docs/scheduling.md).

    \b
    Example:
        factwatch schedule --every 30m
    """
    from factwatch.jobs.durations import parse_duration
    from factwatch.jobs.schedule import run_schedule
    from factwatch.jobs.signals import install_stop_signals

    config = obj.config
    seconds = parse_duration(
        every or config.schedule.every, name="--every" if every else "schedule.every"
    )
    stop = threading.Event()
    restore = install_stop_signals(stop)
    try:
        run_schedule(config, every=seconds, stop_event=stop, max_passes=passes)
    finally:
        restore()
    sys.exit(EXIT_OK)


@click.command()
@click.option(
    "-n",
    "--last",
    "last",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="How many recent runs to show.",
)
@click.option(
    "--failures",
    is_flag=True,
    help="List every failure of one run, source by source (default: the latest with any).",
)
@click.option("--run", "run_id", type=click.IntRange(min=1), help="The run for --failures.")
@click.pass_obj
@handle_errors
def status(obj, last: int, failures: bool, run_id: int | None) -> None:
    """Show the last runs (start, duration, counts, status) and the lock state.

    \b
    Example:
        factwatch status --last 5
        factwatch status --failures
    """
    from factwatch.jobs.status import (
        backcheck_lines,
        failures_text,
        lock_line,
        recent_runs,
        run_failures,
        runs_table,
    )

    if failures or run_id is not None:
        click.echo(failures_text(*run_failures(obj.db, run_id)))
        return
    db_path = obj.config.database
    click.echo(lock_line(db_path))
    rows = recent_runs(obj.db, last)
    checks = backcheck_lines(obj.db)
    if not rows and not checks:
        click.echo("No runs yet. Start one with `factwatch run`.")
        return
    if rows:
        click.echo(runs_table(rows))
    for line in checks:
        click.echo(line)


@click.command()
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@click.pass_obj
@handle_errors
def backup(obj, path: str, force: bool) -> None:
    """Copy the database to PATH, consistently, even while a pass is running.

    \b
    Example:
        factwatch backup backups/factwatch-$(date +%F).db
    """
    from factwatch.jobs.backup import backup as do_backup

    result = do_backup(obj.config.database, path, force=force)
    click.echo(
        f"Backed up {obj.config.database} to {result.path} ({result.bytes:,} bytes, "
        f"{result.articles} articles, {result.findings} findings)."
    )


COMMANDS = [schedule, status, backup]
