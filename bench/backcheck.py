"""Back-check throughput on Dask: records/s per worker with 1 and 2 workers, in one run.

An archive of the demo's past coverage, enlarged with ``editions`` (each page
under another URL and headline), is written as WARC files; then, in one run:

- the cost of one record in one process: reading it from the WARC file and
  ``process_page`` (extract, topic filter, claim matching), per record; also
  for the 181 real news pages of the shared extraction benchmark written as
  a WARC file (nearly all off topic, as most of a news crawl is), when
  ../shared is beside the checkout;
- the single writer alone: ``Writer.write`` of every resulting record into an
  empty database, records/s;
- ``backcheck`` over the WARC files on a LocalCluster of 1 and one of 2
  worker processes (one thread each, workers warmed up: facts loaded), into
  a new database each time, three runs each, alternating; the fastest run of
  each counts: records/s overall and per worker.  The driver (the writer)
  shares this machine's 2 cores with the workers.

The machine is shared and noisy: compare the ratios within one run.

    .venv/bin/python bench/backcheck.py [EDITIONS [FILES [EXTRACTION_BENCH_DIR]]]

Defaults: 40 editions (720 records), 16 files, ../shared/bench/extraction.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import logging
import sys
import tempfile
import time
import warnings
from pathlib import Path

from factwatch.backcheck.run import backcheck
from factwatch.core.records import SourceConfig
from factwatch.core.settings import BUNDLED_FACTS, Config, Politeness, Safety
from factwatch.db import open_db
from factwatch.demo.past import Capture, editions, past_captures, write_warc
from factwatch.scraper.archives.stream import open_location
from factwatch.scraper.archives.warcfile import read_pages
from factwatch.work import ARTICLE, CheckSpec, Writer, checker, process_page

ROUNDS = 3
BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "extraction"


def real_pages(bench: Path) -> list[Capture]:
    """The extraction benchmark's pages as captures (empty when it is absent)."""
    truth_file = bench / "ground-truth.json"
    if not truth_file.exists():
        return []
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    return [
        Capture(
            "real",
            f"/{pid}",
            truth[pid].get("url") or f"https://news.example/{pid}",
            "20170501000000",
            gzip.decompress((bench / "html" / f"{pid}.html.gz").read_bytes()),
        )
        for pid in sorted(truth)
    ]


def cost_per_record(files: list[str], spec: CheckSpec) -> tuple[float, list]:
    """Seconds per record to read and process the WARC files in this process."""
    records, t0 = [], time.perf_counter()
    for location in files:
        with open_location(location, politeness=Politeness(), safety=Safety()) as stream:
            for page in read_pages(stream, location=location, source="past"):
                records.append(process_page(page, spec))
    return (time.perf_counter() - t0) / max(1, len(records)), records


def warm(spec: CheckSpec) -> bool:
    checker(spec)
    return True


def main() -> None:
    warnings.simplefilter("ignore")
    logging.getLogger("distributed").setLevel(logging.ERROR)
    n_editions = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    n_files = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    from dask.distributed import Client, LocalCluster

    captures = editions(past_captures(), n_editions)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        size = -(-len(captures) // n_files)
        files = [
            str(write_warc(root / f"part{i}.warc.gz", captures[i * size : (i + 1) * size]))
            for i in range(n_files)
        ]
        config = Config(
            facts=[str(BUNDLED_FACTS)],
            politeness=Politeness(per_host_delay=0.0),
            safety=Safety(),
            sources=[SourceConfig(name="past", kind="warc", urls=files)],
        )
        spec = CheckSpec.from_config(config)
        warm(spec)

        # One process: the cost of a record, and the writer alone.
        real = real_pages(Path(sys.argv[3]) if len(sys.argv) > 3 else BENCH)
        if real:
            real_file = str(write_warc(root / "real.warc.gz", real))
            real_cost, real_records = cost_per_record([real_file], spec)
            kept = sum(r.outcome == ARTICLE for r in real_records)
            print(
                f"{len(real_records)} real news pages: {real_cost * 1000:.1f} ms per record "
                f"(read + extract + filter + match; {kept} on topic)"
            )
        cost, records = cost_per_record(files, spec)
        articles = [r for r in records if r.outcome == ARTICLE]
        db = open_db(root / "writer.db")
        writer = Writer(db)
        t0 = time.perf_counter()
        for record in articles:
            writer.write(record)
        writer_rate = len(articles) / (time.perf_counter() - t0)
        db.conn.close()
        print(
            f"{len(records)} records in {n_files} WARC files ({len(articles)} articles); "
            f"one process: {cost * 1000:.1f} ms per record (read + extract + filter + match); "
            f"single writer: {writer_rate:,.0f} articles/s"
        )

        with contextlib.ExitStack() as stack:
            clients = {}
            for n in (1, 2):
                cluster = stack.enter_context(
                    LocalCluster(
                        n_workers=n,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        host="127.0.0.1",
                    )
                )
                clients[n] = stack.enter_context(Client(cluster))
                clients[n].run(warm, spec)
            best: dict[int, tuple[float, int]] = {}
            for round_ in range(ROUNDS):
                for n in (1, 2):  # alternating, so load from elsewhere hits both alike

                    @contextlib.contextmanager
                    def on(scheduler: object, workers: int, client: Client = clients[n]):
                        yield client

                    config.database = str(root / f"bc{n}-{round_}.db")
                    report = backcheck(config, workers=n, client_factory=on)
                    records = report.total("records")
                    if n not in best or report.seconds < best[n][0]:
                        best[n] = (report.seconds, records)
        print(f"best of {ROUNDS} runs each, alternating:")
        print("| workers | records | seconds | records/s | per worker | speed-up |")
        print("|---|---|---|---|---|---|")
        base = best[1][1] / best[1][0]
        for n, (seconds, records) in sorted(best.items()):
            rate = records / seconds
            print(
                f"| {n} | {records} | {seconds:.2f} | {rate:.1f} | {rate / n:.1f} | "
                f"{rate / base:.2f} |"
            )


if __name__ == "__main__":
    main()
