"""CLI: backcheck (archive sources on Dask)."""

from __future__ import annotations

import click

from factwatch.cli.context import handle_errors


@click.command()
@click.option(
    "--source",
    "names",
    multiple=True,
    metavar="NAME",
    help="Only this archive source (repeatable; default: every archive source).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Worker processes of the local Dask cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Use the Dask cluster at this scheduler (tcp://host:8786) instead of a local one.",
)
@click.pass_obj
@handle_errors
def backcheck(obj, names: tuple[str, ...], workers: int, scheduler: str | None) -> None:
    """Back-check past coverage in the archive sources on a Dask cluster.

    Reads the wayback, commoncrawl, warc and guardian sources of config.toml
    in shards (WARC files, index pages), extracts, filters and checks them on
    the workers and stores articles and findings as `run` does.  A rerun
    resumes: shards done are never repeated.  Exit status: 0 done, 3 some
    shards or sources failed (rerun to retry them), 4 stopped early.

    \b
    Example:
        factwatch backcheck --workers 2
        factwatch backcheck --source courier-wayback --scheduler tcp://10.0.0.5:8786
    """
    from factwatch.backcheck.run import backcheck as run_backcheck
    from factwatch.backcheck.run import describe
    from factwatch.jobs import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOURCES_FAILED

    report = run_backcheck(
        obj.config,
        source_names=list(names) or None,
        scheduler=scheduler,
        workers=workers,
        progress=True,
    )
    for line in describe(report):
        click.echo(line)
    if report.interrupted:
        raise SystemExit(EXIT_INTERRUPTED)
    failed = report.shards_failed or any(s.index_error for s in report.sources)
    raise SystemExit(EXIT_SOURCES_FAILED if failed else EXIT_OK)


COMMANDS = [backcheck]
