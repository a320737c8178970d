"""factwatch backcheck: archive shards on a Dask LocalCluster, one writer, resumable,
and a worker killed in the middle losing or duplicating nothing."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from archivekit import demo_warc, editions, expected_problems

from factwatch.backcheck.run import backcheck
from factwatch.core.records import SourceConfig
from factwatch.core.settings import BUNDLED_FACTS, Config, Politeness, Safety
from factwatch.db import open_db
from factwatch.demo.archive_server import ArchiveServer, Fault
from factwatch.demo.past import past_captures
from factwatch.work import CheckSpec, Writer, process_page

dd = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def client():
    """Two worker processes, shared by the tests of this file (start-up costs seconds)."""
    cluster = dd.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        host="127.0.0.1",
    )
    with cluster, dd.Client(cluster) as c:
        yield c


@pytest.fixture
def on_cluster(client):
    @contextlib.contextmanager
    def factory(scheduler, workers):
        yield client

    return factory


def config(db_path: Path, sources: list[SourceConfig]) -> Config:
    return Config(
        database=str(db_path),
        facts=[str(BUNDLED_FACTS)],
        politeness=Politeness(per_host_delay=0.0, retries=2, backoff=0.05),
        safety=Safety(),
        sources=sources,
    )


def counts(db) -> dict[str, int]:
    return {t: db[t].count for t in ("articles", "article_urls", "findings", "stories")}


def split_warcs(tmp_path: Path, captures, parts: int) -> list[str]:
    size = -(-len(captures) // parts)
    return [
        str(demo_warc(tmp_path / f"part{i}.warc.gz", captures=captures[i * size : (i + 1) * size]))
        for i in range(parts)
    ]


def test_warc_shards_are_checked_on_the_cluster_and_stored_once(tmp_path, on_cluster):
    captures = past_captures()
    source = SourceConfig(name="past", kind="warc", urls=split_warcs(tmp_path, captures, 3))
    cfg = config(tmp_path / "bc.db", [source])
    report = backcheck(cfg, workers=2, client_factory=on_cluster)
    db = open_db(cfg.database)
    assert report.shards_done == 3 and report.total("records") == len(captures)
    assert expected_problems(db, captures) == []


def test_a_rerun_repeats_no_finished_shard(tmp_path, on_cluster):
    source = SourceConfig(name="past", kind="warc", urls=split_warcs(tmp_path, past_captures(), 2))
    cfg = config(tmp_path / "bc.db", [source])
    backcheck(cfg, workers=2, client_factory=on_cluster)
    before = counts(open_db(cfg.database))
    again = backcheck(cfg, workers=2, client_factory=on_cluster)
    assert again.shards_skipped == 2 and again.total("records") == 0
    assert counts(open_db(cfg.database)) == before


def wayback_source(archive, **kw) -> SourceConfig:
    kw.setdefault("since", "2017-04")
    kw.setdefault("until", "2017-06")
    return SourceConfig(
        name="wayback-past",
        kind="wayback",
        url="*.example",
        match_type="domain",
        index_url=archive.url("/cdx/search/cdx"),
        data_url=archive.url("/web/"),
        **kw,
    )


def test_a_wayback_backcheck_pages_through_a_429_and_finds_what_is_expected(tmp_path, on_cluster):
    captures = past_captures()
    with ArchiveServer(captures) as archive:
        archive.faults["/cdx/search/cdx"] = [Fault(429, {"Retry-After": "1"})]
        cfg = config(tmp_path / "bc.db", [wayback_source(archive, page_size=5)])
        report = backcheck(cfg, workers=2, client_factory=on_cluster)
    db = open_db(cfg.database)
    in_range = [c for c in captures if "201704" <= c.timestamp[:6] <= "201706"]
    assert report.shards_done == -(-len(in_range) // 5)
    assert expected_problems(db, in_range) == []
    meta = db.execute("SELECT metadata FROM articles LIMIT 1").fetchone()[0]
    assert '"archive": "wayback"' in meta and '"timestamp": "2017' in meta


def test_a_stopped_backcheck_resumes_from_its_cursor_without_repeats(tmp_path, on_cluster):
    captures = past_captures()
    with ArchiveServer(captures) as archive:
        cfg = config(tmp_path / "bc.db", [wayback_source(archive, page_size=4)])
        stop = threading.Event()
        db = open_db(cfg.database)
        first = threading.Thread(
            target=lambda: backcheck(cfg, workers=2, stop_event=stop, client_factory=on_cluster)
        )
        first.start()
        deadline = time.monotonic() + 60
        while db["backcheck_shards"].count < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        stop.set()
        first.join()
        partial = db.execute("SELECT count(*) FROM backcheck_shards WHERE status = 'done'")
        assert partial.fetchone()[0] < -(-len(captures) // 4)
        backcheck(cfg, workers=2, client_factory=on_cluster)
    in_range = [c for c in captures if "201704" <= c.timestamp[:6] <= "201706"]
    assert expected_problems(db, in_range) == []
    hits = [q["resumeKey"][0] if "resumeKey" in q else "" for _, q, _ in archive.hits("/cdx/")]
    assert len(hits) == len(set(hits))  # no index page asked for twice


def reference(tmp_path: Path, warcs: list[str]) -> dict:
    """The same WARC files read and stored in one process: what the cluster must match."""
    from factwatch.scraper.archives.stream import open_location
    from factwatch.scraper.archives.warcfile import read_pages

    db = open_db(tmp_path / "reference.db")
    spec, writer = CheckSpec.from_config(Config()), Writer(db)
    for location in warcs:
        with open_location(location, politeness=Politeness(), safety=Safety()) as stream:
            for page in read_pages(stream, location=location, source="past"):
                writer.write(process_page(page, spec))
    return {
        "articles": sorted(r[0] for r in db.execute("SELECT url FROM articles")),
        "findings": sorted(r[0] for r in db.execute("SELECT id FROM findings")),
        "urls": sorted(r[0] for r in db.execute("SELECT url FROM article_urls")),
    }


def test_a_worker_killed_mid_backcheck_loses_and_duplicates_nothing(tmp_path, client, on_cluster):
    captures = editions(past_captures(), 6)  # 108 pages in 6 files
    warcs = split_warcs(tmp_path, captures, 6)
    source = SourceConfig(name="past", kind="warc", urls=warcs)
    cfg = config(tmp_path / "bc.db", [source])
    db = open_db(cfg.database)
    result: dict = {}
    runner = threading.Thread(
        target=lambda: result.update(r=backcheck(cfg, workers=2, client_factory=on_cluster))
    )
    runner.start()
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and time.monotonic() < deadline:
        busy = [w for w, tasks in client.processing().items() if tasks]
        if busy and db["backcheck_shards"].count >= 3:
            pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed = pid
        time.sleep(0.02)
    runner.join(timeout=120)
    assert killed is not None and not runner.is_alive()
    report = result["r"]
    assert report.shards_done == 6 and report.shards_failed == 0
    stored = {
        "articles": sorted(r[0] for r in db.execute("SELECT url FROM articles")),
        "findings": sorted(r[0] for r in db.execute("SELECT id FROM findings")),
        "urls": sorted(r[0] for r in db.execute("SELECT url FROM article_urls")),
    }
    assert len(stored["articles"]) == 6 * 15  # every on-topic page of every edition
    assert stored == reference(tmp_path, warcs)
    client.wait_for_workers(2, timeout=30)


def test_a_scheduler_address_runs_on_that_cluster(tmp_path, client):
    source = SourceConfig(name="past", kind="warc", urls=split_warcs(tmp_path, past_captures(), 2))
    cfg = config(tmp_path / "bc.db", [source])
    report = backcheck(cfg, scheduler=client.scheduler.address, workers=5)
    assert report.scheduler == client.scheduler.address and report.shards_done == 2
    assert report.workers == 2  # the cluster's own count, not the option
    row = open_db(cfg.database).execute("SELECT scheduler, status FROM backchecks").fetchone()
    assert row == (client.scheduler.address, "ok")


def test_the_guardian_key_never_reaches_the_fetch_log(tmp_path, on_cluster):
    key = "k-7d2e91"
    with ArchiveServer(past_captures(), guardian_key=key) as archive:
        source = SourceConfig(
            name="guardian",
            kind="guardian",
            query="unite",
            since="2017-04",
            until="2017-06",
            api_key=key,
            index_url=archive.url("/guardian/search"),
        )
        cfg = config(tmp_path / "bc.db", [source])
        report = backcheck(cfg, workers=2, client_factory=on_cluster)
    db = open_db(cfg.database)
    assert report.total("articles") > 0
    logged = " ".join(str(v) for row in db.execute("SELECT * FROM fetches") for v in row)
    assert "api-key=REDACTED" in logged and key not in logged


def test_other_dates_start_the_source_over_and_add_only_what_is_new(tmp_path, on_cluster):
    captures = past_captures()
    with ArchiveServer(captures) as archive:
        april = config(tmp_path / "bc.db", [wayback_source(archive, until="2017-04")])
        backcheck(april, workers=2, client_factory=on_cluster)
        db = open_db(april.database)
        after_april = db["articles"].count
        quarter = config(tmp_path / "bc.db", [wayback_source(archive)])
        report = backcheck(quarter, workers=2, client_factory=on_cluster)
    in_range = [c for c in captures if "201704" <= c.timestamp[:6] <= "201706"]
    assert after_april < db["articles"].count and report.total("records") == len(in_range)
    assert expected_problems(db, in_range) == []


def test_an_index_that_keeps_failing_is_reported_and_resumed(tmp_path, on_cluster):
    with ArchiveServer(past_captures()) as archive:
        cfg = config(tmp_path / "bc.db", [wayback_source(archive, page_size=4)])
        archive.faults["/cdx/search/cdx"] = [Fault(503)] * 3  # beyond politeness.retries
        first = backcheck(cfg, workers=2, client_factory=on_cluster)
        second = backcheck(cfg, workers=2, client_factory=on_cluster)
    assert first.sources[0].index_error and "503" in first.sources[0].index_error
    assert second.sources[0].index_error is None and second.total("records") > 0


def test_a_source_that_is_not_an_archive_source_is_refused_by_name(tmp_path):
    from factwatch.core.errors import ConfigError

    live = SourceConfig(name="courier", kind="feed", url="https://courier.example/feed")
    cfg = config(tmp_path / "bc.db", [live])
    with pytest.raises(ConfigError, match="'courier' is a feed source"):
        backcheck(cfg, source_names=["courier"])
    with pytest.raises(ConfigError, match="no source named 'nope'"):
        backcheck(cfg, source_names=["nope"])
