"""``factwatch demo --archive``: back-check the demo's past coverage from a local archive.

The demo outlets' articles, as web archives hold them, are served by a local
archive (``archive_server``) in four ways, one outlet each:

- Metro Ledger's politics section through the Wayback CDX and replay API;
- the Riverside Evening Post through a Common Crawl index and its WARC files;
- the Union Times as a WARC file on disk;
- the Northern Courier through a content API in the Guardian's format.

The back-check runs on a local Dask cluster exactly as on real archives.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from factwatch.backcheck.run import backcheck, describe
from factwatch.core.records import SourceConfig
from factwatch.db import open_db
from factwatch.demo.archive_server import ArchiveServer
from factwatch.demo.command import demo_config, print_summary
from factwatch.demo.past import past_captures, write_warc

GUARDIAN_KEY = "demo-key"


def archive_sources(archive: ArchiveServer, warc: Path) -> list[SourceConfig]:
    """The demo's archive sources, pointing at the running local archive."""
    since, until = "2017-04", "2017-06"
    return [
        SourceConfig(
            name="Metro Ledger politics (Wayback)",
            kind="wayback",
            url="www.metro-ledger.example/politics/",
            index_url=archive.url("/cdx/search/cdx"),
            data_url=archive.url("/web/"),
            page_size=3,
            since=since,
            until=until,
        ),
        SourceConfig(
            name="Riverside Evening Post (Common Crawl)",
            kind="commoncrawl",
            url="www.riverside-post.example/politics/*",
            index_url=archive.url("/"),
            data_url=archive.url("/cc-data/"),
            since=since,
            until=until,
        ),
        SourceConfig(name="Union Times (WARC file)", kind="warc", url=str(warc)),
        SourceConfig(
            name="Northern Courier (content API)",
            kind="guardian",
            query="unite",
            api_key=GUARDIAN_KEY,
            index_url=archive.url("/guardian/search"),
            page_size=2,
            since=since,
            until=until,
        ),
    ]


def run_archive_demo(db_path: str, *, workers: int = 2) -> None:
    captures = past_captures()
    by = {o: [c for c in captures if c.outlet == o] for o in ("ledger", "post", "uniontimes")}
    courier = [c for c in captures if c.outlet == "courier"]
    archive_captures = by["ledger"] + by["post"]
    with tempfile.TemporaryDirectory(prefix="factwatch-archive-") as tmp:
        warc = write_warc(Path(tmp) / "uniontimes-2017.warc.gz", by["uniontimes"])
        with ArchiveServer(
            archive_captures, guardian_key=GUARDIAN_KEY, guardian_captures=courier
        ) as archive:
            click.echo(f"Local web archive of past coverage running on {archive.url('/')}")
            config = demo_config(db_path, archive_sources(archive, warc))
            config.politeness.per_host_delay = 0.05
            report = backcheck(config, workers=workers, progress=True)
    db = open_db(db_path)
    click.echo(f"\nBack-check stored into {db_path}:")
    for line in describe(report, findings=False):
        click.echo(line)
    print_summary(db)
    click.echo(f"\nNext: factwatch --db {db_path} findings   |   factwatch --db {db_path} status")
