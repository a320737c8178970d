"""CLI: backcheck (archive sources on Dask)."""

from __future__ import annotations

import click

from factwatch.cli.context import handle_errors


def print_backcheck(report, *, findings: bool = True) -> None:  # noqa: ANN001
    click.echo(
        f"back-check {report.backcheck_id} on {report.scheduler} ({report.workers} workers): "
        f"{report.shards_done} shards done, {report.shards_failed} failed, "
        f"{report.shards_skipped} done before; {report.total('records'):,} records in "
        f"{report.seconds:.1f}s ({report.rate:,.1f}/s); {report.total('articles')} articles "
        f"stored, {report.total('findings')} findings"
        + (" (stopped early: run again to resume)" if report.interrupted else "")
    )
    for s in report.sources:
        click.echo(
            f"  {s.name}: shards {s.shards}, records {s.records}, stored {s.articles}, "
            f"duplicates {s.duplicates}, off-topic {s.off_topic}, no text {s.no_text}, "
            f"failed {s.failed}, findings {s.findings}"
        )
        if s.index_error:
            click.echo(f"    ! {s.index_error} (the next run resumes here)")
        for message in s.errors[:5]:
            click.echo(f"    ! {message}")
    if findings and report.new_findings:
        click.echo(f"{len(report.new_findings)} new findings:")
        for row in report.new_findings:
            quote = row["quote"] if len(row["quote"]) <= 100 else row["quote"][:97] + "..."
            click.echo(f'  [{row["id"][:8]}] {row["kind"]:18} "{quote}"')


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
def backcheck(obj, names: tuple[str, ...], workers: int, scheduler: str | None) -> None:  # noqa: ANN001
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
    from factwatch.jobs import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOURCES_FAILED

    report = run_backcheck(
        obj.config,
        source_names=list(names) or None,
        scheduler=scheduler,
        workers=workers,
        progress=True,
    )
    print_backcheck(report)
    if report.interrupted:
        raise SystemExit(EXIT_INTERRUPTED)
    failed = report.shards_failed or any(s.index_error for s in report.sources)
    raise SystemExit(EXIT_SOURCES_FAILED if failed else EXIT_OK)


COMMANDS = [backcheck]
