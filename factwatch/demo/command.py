"""``factwatch demo``: the real pipeline against the bundled news world.

The world (``factwatch.demo.world``) serves four fictional outlets on free
ports of 127.0.0.1; this module points a config at them, runs one pass and
prints what was stored and flagged.
"""

from __future__ import annotations

import time

import click

from factwatch.core.errors import ConfigError
from factwatch.core.kinds import kinds
from factwatch.core.settings import BUNDLED_FACTS, Config, Politeness, Safety
from factwatch.db import open_db
from factwatch.demo.world import DemoWorld
from factwatch.jobs.runner import run_job


def demo_config(db_path: str, sources: list) -> Config:
    """A config for the demo world: loopback allowed, short delays."""
    return Config(
        database=db_path,
        facts=[str(BUNDLED_FACTS)],
        politeness=Politeness(
            user_agent="factwatch-demo/0.1 (+mailto:demo@factwatch.invalid)",
            per_host_delay=0.2,
            concurrency=4,
            connect_timeout=3,
            read_timeout=5,
            total_timeout=10,
            retries=1,
            backoff=0.2,
        ),
        safety=Safety(allow_loopback=True),
        sources=sources,
    )


def print_summary(db) -> None:
    n_articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    n_stories = db.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0]
    click.echo(f"\nThe database holds {n_articles} articles in {n_stories} stories.")
    rows = [
        r
        for r in db.query(
            "SELECT f.id, f.kind, f.quote, f.explanation, a.outlet, a.title FROM findings f "
            "JOIN articles a ON a.id = f.article_id WHERE f.stale = 0 "
            "ORDER BY a.outlet, a.title, f.start"
        )
        if kinds().flags(r["kind"])  # recorded-only kinds are not flags
    ]
    click.echo(f"{len(rows)} findings flagged:")
    for r in rows:
        quote = r["quote"] if len(r["quote"]) <= 110 else r["quote"][:107] + "..."
        click.echo(f"  [{r['id'][:8]}] {r['kind']:18} {r['outlet']}: {r['title']}")
        click.echo(f'             "{quote}"')
        click.echo(f"             {r['explanation']}")


DEMO_BASE_PORT = 8731  # fixed ports keep URLs stable, so a second run revalidates with 304s


def _start_world():
    """The demo world on its usual ports, or on free ports if those are taken."""
    try:
        return DemoWorld(base_port=DEMO_BASE_PORT).start()
    except ConfigError:
        return DemoWorld().start()


def run_demo(db_path: str, *, serve: bool = False) -> None:
    with _start_world() as world:
        click.echo(
            f"Demo news world running on {', '.join(world.url(o, '/') for o in world.outlets)}"
        )
        config = demo_config(db_path, world.sources())
        report = run_job(config, progress=True, only_due=False)
        db = open_db(db_path)
        click.echo(f"\nPass stored into {db_path}:")
        click.echo("\n".join(report.summary()))
        print_summary(db)
        click.echo(
            f"\nNext: factwatch --db {db_path} findings   |   "
            f"factwatch --db {db_path} show ID   |   factwatch --db {db_path} serve"
        )
        if serve:
            click.echo("Serving the demo sites; press Ctrl-C to stop.")
            try:
                while True:
                    time.sleep(1)
            except KeyboardInterrupt:
                pass
