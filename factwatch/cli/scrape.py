"""CLI: run, recheck, demo, sources, articles."""

from __future__ import annotations

import json

import click

from factwatch.cli.context import handle_errors


@click.command()
@click.option(
    "--refresh",
    is_flag=True,
    help="Re-fetch articles already stored (conditional GET) and recheck changed ones.",
)
@click.option("--all-sources", is_flag=True, help="Ignore each source's next-fetch time.")
@click.pass_obj
@handle_errors
def run(obj, refresh: bool, all_sources: bool) -> None:
    """Run one pass over all sources: discover, fetch, extract, store, check claims.

    Safe to run from cron: a second pass on the same database exits with
    status 75 while the first is running, and a rerun adds nothing twice.

    \b
    Example:
        factwatch --config config.toml run
    """
    from factwatch.jobs.runner import exit_code, run_job

    report = run_job(obj.config, progress=True, only_due=not all_sources, refresh=refresh)
    click.echo("\n".join(report.summary()))
    raise SystemExit(exit_code(report))


@click.command()
@click.pass_obj
@handle_errors
def recheck(obj) -> None:
    """Re-run the claim matcher over every stored article.

    Use after editing the facts file.  A finding keeps its identity (and its
    review status); one whose rule no longer fires is marked stale.

    \b
    Example:
        factwatch recheck
    """
    from factwatch.pipeline import recheck as do_recheck

    counts = do_recheck(obj.config, db=obj.db)
    click.echo(
        f"rechecked {counts['articles']} articles: {counts['new']} new findings, "
        f"{counts['stale']} newly stale"
        + (f", {counts['failed']} could not be checked (see the log)" if counts["failed"] else "")
    )


@click.command()
@click.option(
    "--db",
    "demo_db",
    default="factwatch-demo.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Database the demo writes.",
)
@click.option("--serve", is_flag=True, help="Keep the demo sites running until Ctrl-C.")
@click.option(
    "--archive",
    is_flag=True,
    help="Back-check the outlets' past coverage from a local web archive on Dask instead "
    "(writes factwatch-archive-demo.db unless --db is given).",
)
@click.pass_obj
@handle_errors
def demo(obj, demo_db: str, serve: bool, archive: bool) -> None:
    """Scrape the bundled demo news sites over HTTP on 127.0.0.1 and flag claims.

    Starts four small fictional outlets on free local ports, runs the real
    pipeline against them and prints what it stored and flagged.  Needs no
    internet.  Running it again adds nothing twice.  With --archive, serves
    their 2017 coverage from a local web archive (Wayback and Common Crawl
    APIs, a WARC file, a content API) and back-checks it on a local Dask
    cluster.

    \b
    Example:
        factwatch demo
        factwatch --db factwatch-demo.db findings
        factwatch demo --archive
    """
    if archive:
        from factwatch.demo.archive_demo import run_archive_demo

        source = click.get_current_context().get_parameter_source("demo_db")
        default = source is click.core.ParameterSource.DEFAULT
        run_archive_demo("factwatch-archive-demo.db" if default else demo_db)
        return
    from factwatch.demo.command import run_demo

    run_demo(demo_db, serve=serve)


@click.command()
@click.option("--enable", "enable_name", metavar="NAME", help="Re-enable a disabled source.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.pass_obj
@handle_errors
def sources(obj, enable_name: str | None, fmt: str) -> None:
    """List the configured sources with their health.

    \b
    Example:
        factwatch sources
        factwatch sources --enable northern-courier
    """
    from factwatch.db import store
    from factwatch.jobs import health

    if enable_name:
        db = obj.db
        for source in obj.config.sources:
            store.upsert_source(db, source)
        health.enable(db, enable_name)
        click.echo(f"enabled {enable_name}")
        return
    if obj.db_exists:
        db = obj.db
        for source in obj.config.sources:
            store.upsert_source(db, source)
        rows = health.source_health_rows(db)
    else:  # no pass has run yet: the configured sources, without creating a database
        rows = [health.unseen_row(source) for source in obj.config.sources]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("no sources: add [[sources]] to config.toml")
        return
    click.echo(f"{'SOURCE':24} {'KIND':8} {'HEALTH':9} {'SCORE':>5}  {'LAST OK':16}  NEXT DUE")
    for r in rows:
        click.echo(
            f"{r['name']:24.24} {r['kind']:8} {r['status']:9} {r['failure_score'] or 0:5.1f}  "
            f"{(r['last_ok_at'] or 'never')[:16]:16}  {(r['next_fetch_at'] or 'now')[:16]}"
        )
        click.echo(f"    {r['url']}")
        reason = r["disabled_reason"] or r["last_error"]
        if reason:
            click.echo(f"    ! {reason}")


@click.command()
@click.option("--search", "text", help="Full-text search over titles and text.")
@click.option("--limit", default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.pass_obj
@handle_errors
def articles(obj, text: str | None, limit: int, fmt: str) -> None:
    """List stored articles, newest first, or search them.

    \b
    Example:
        factwatch articles --search "two-horse race"
    """
    db = obj.db
    cols = "a.id, a.title, a.outlet, a.published, a.url, a.story_id"
    if text:
        from factwatch.db.fts import fts_query

        sql = (
            f"SELECT {cols}, snippet(articles_fts, 1, '[', ']', '...', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        rows = list(db.query(sql, [fts_query(text), limit]))
    else:
        rows = list(
            db.query(
                f"SELECT {cols} FROM articles a ORDER BY a.published DESC, a.id DESC LIMIT ?",
                [limit],
            )
        )
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("no articles" + (f" match {text!r}" if text else ": run `factwatch run` first"))
        return
    for r in rows:
        click.echo(
            f"{r['id']:>5}  {(r['published'] or '')[:10]:10}  {r['outlet'] or '':20.20}  "
            f"{r['title']}"
        )
        if r.get("snippet"):
            click.echo(f"       {r['snippet']}")


COMMANDS = [run, recheck, demo, sources, articles]
