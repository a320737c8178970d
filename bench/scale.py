"""Does factwatch stay fast as the database and the source list grow?

A local world of news sites is served on 127.0.0.1 by a child process (so
its threads never compete with the pass for this process's interpreter): one
HTTP server per host, each with a robots.txt, an RSS feed and article pages
written from the paragraphs of the labelled election coverage in
tests/fixtures/claims (so extraction and claim matching do their real work).
In one run the script measures:

- ``store``: articles/s of a pass adding 1,000 new articles to a database
  already holding 1,000, and one holding 50,000 (one worker, so every
  database cost is on the critical path);
- ``workers``: the same pass (1,000 articles on top of 1,000) with 1 and 2
  worker processes, then ``recheck`` of the resulting 2,000 articles with 1
  and 2 workers (each on a fresh copy of the same database);

Each pass and recheck runs ``SCALE_ROUNDS`` times (default 3) on a fresh copy
of its database, the configurations alternating, and the fastest counts: the
machine may be shared, and a busy moment should not decide a ratio.
- ``discovery``: discovering 100 sources on 100 hosts at a 1 s per-host
  delay, and the smallest gap between two requests to one host as the
  servers saw them;
- ``memory``: peak resident memory of ``factwatch findings --format json``
  and ``factwatch export --format csv`` over 20,000 findings, each run as
  its own process.

    .venv/bin/python bench/scale.py [store workers discovery memory]

Prefilled articles are inserted in bulk (the rows ``db.store`` writes, with
their full-text and near-duplicate index entries): they set the scene and are
not timed.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from factwatch import pipeline  # noqa: E402
from factwatch.core.fingerprints import content_hash, simhash  # noqa: E402
from factwatch.core.records import Article, SourceConfig  # noqa: E402
from factwatch.core.segment import join_paragraphs, segment  # noqa: E402
from factwatch.core.settings import (  # noqa: E402
    BUNDLED_FACTS,
    Config,
    Politeness,
    Processing,
    Safety,
    Topic,
)
from factwatch.db import nearindex, open_db, store, transaction  # noqa: E402
from factwatch.scraper.fetch import Fetcher  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "claims"
HOSTS = int(os.environ.get("SCALE_HOSTS", "20"))
NEW_ARTICLES = int(os.environ.get("SCALE_NEW", "1000"))
UA = "factwatch-bench/1.0 (+mailto:bench@example.org)"
ROUNDS = int(os.environ.get("SCALE_ROUNDS", "3"))


# -- the world ---------------------------------------------------------------------------


def paragraph_pool() -> tuple[list[str], list[str]]:
    """Titles and paragraphs of the labelled election coverage."""
    titles, paragraphs = [], []
    for path in sorted(FIXTURES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("title"):
                titles.append(row["title"])
            paragraphs += [p for p in row.get("paragraphs", []) if len(p.split()) >= 12]
    return titles, paragraphs


def article_parts(n: int, pool: tuple[list[str], list[str]]) -> tuple[str, list[str]]:
    """Article ``n``: a title and eight paragraphs, one of them its own."""
    titles, paragraphs = pool
    rng = random.Random(n)
    body = rng.sample(paragraphs, 8)
    body.insert(rng.randrange(1, 8), f"This report, number {n}, was filed by desk {n % 97}.")
    return f"{rng.choice(titles)} ({n})", body


# What a news page carries besides its story (about 40 kB, as real pages do):
# navigation, a script, teasers for other stories, a footer.
NAV = "".join(f"<li><a href='/section/{k}'>Section {k}</a></li>" for k in range(60))
SCRIPT = "<script>var config = {" + ",".join(f'"k{k}": {k}' for k in range(1500)) + "};</script>"
TEASERS = "".join(
    f"<li><a href='/other/{k}'>Another headline about the news of the day, number {k}</a>"
    "<p>A short summary of that other story, for readers who want more.</p></li>"
    for k in range(25)
)
FOOTER = "".join(f"<a href='/about/{k}'>About link {k}</a> " for k in range(40))


def article_html(n: int, pool: tuple[list[str], list[str]]) -> bytes:
    title, body = article_parts(n, pool)
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        f'<meta property="og:site_name" content="Outlet {n % HOSTS}">'
        f'<meta property="article:published_time" content="2017-05-{n % 28 + 1:02d}">'
        f"{SCRIPT}</head><body><header><nav><ul>{NAV}</ul></nav></header>"
        f"<main><article><h1>{title}</h1><p class='byline'>By Staff Reporter</p>"
        f"{paragraphs}</article><aside><h2>More news</h2><ul>{TEASERS}</ul></aside></main>"
        f"<footer>{FOOTER}<p>Copyright Outlet {n % HOSTS}. All rights reserved.</p></footer>"
        "</body></html>"
    ).encode()


def rss(base: str, ids: list[int]) -> bytes:
    items = "".join(f"<item><title>Item {i}</title><link>{base}/a/{i}</link></item>" for i in ids)
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Outlet</title><link>{base}/</link>{items}</channel></rss>"
    ).encode()


def response(body: bytes, ctype: str, status: str = "200 OK") -> bytes:
    """A whole HTTP/1.1 response, written to the socket in one call."""
    head = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body


ROBOTS = response(b"User-agent: *\nAllow: /\n", "text/plain")
NOT_FOUND = response(b"not found", "text/plain", "404 Not Found")


def serve_world(hosts: list[list[int]], conn) -> None:
    """Child process: one server per host; host k lists the article ids hosts[k]."""
    pool = paragraph_pool()
    # Whole responses are rendered before serving starts and written in one
    # call with Nagle's algorithm off, so that serving costs what a real
    # server's would (this process shares the cores with the pass).  Headers
    # and body written apart, with Nagle on, made the client's delayed ACK
    # hold every response on a kept-alive connection for about 40 ms.
    rendered = {
        f"/a/{n}": response(article_html(n, pool), "text/html; charset=utf-8")
        for ids in hosts
        for n in ids
    }
    log: dict[int, list[float]] = {}
    lock = threading.Lock()
    servers = []
    for ids in hosts:
        pages: dict[str, bytes] = {}

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True
            routes = pages

            def log_message(self, *args):
                pass

            def do_GET(self):
                with lock:
                    log.setdefault(self.server.server_address[1], []).append(time.monotonic())
                path = self.path
                if path == "/robots.txt":
                    self.wfile.write(ROBOTS)
                else:
                    self.wfile.write(self.routes.get(path) or rendered.get(path) or NOT_FOUND)

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        base = f"http://127.0.0.1:{server.server_address[1]}"
        pages["/feed.xml"] = response(rss(base, ids), "application/rss+xml")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    conn.send([s.server_address[1] for s in servers])
    while True:
        command = conn.recv()
        if command == "log":
            with lock:
                conn.send(dict(log))
                log.clear()
        else:
            conn.send("bye")
            return


class World:
    """A world of hosts served by a child process."""

    def __init__(self, hosts: list[list[int]]):
        context = multiprocessing.get_context("fork")  # before any pool exists here
        self.conn, child = context.Pipe()
        self.process = context.Process(target=serve_world, args=(hosts, child), daemon=True)
        self.process.start()
        self.ports = self.conn.recv()

    def sources(self) -> list[SourceConfig]:
        return [
            SourceConfig(name=f"outlet{k}", kind="feed", url=f"http://127.0.0.1:{p}/feed.xml")
            for k, p in enumerate(self.ports)
        ]

    def requests(self) -> dict[int, list[float]]:
        self.conn.send("log")
        return self.conn.recv()

    def close(self) -> None:
        self.conn.send("stop")
        self.conn.recv()
        self.process.join(5)


def config(db_path: Path, sources: list[SourceConfig], *, workers: int, delay: float) -> Config:
    return Config(
        database=str(db_path),
        facts=[str(BUNDLED_FACTS)],
        politeness=Politeness(user_agent=UA, per_host_delay=delay, retries=0, read_timeout=30),
        safety=Safety(allow_loopback=True),
        topic=Topic(enabled=False),
        processing=Processing(workers=workers),
        sources=sources,
    )


# -- prefilled databases -----------------------------------------------------------------


def prefill(path: Path, count: int, pool: tuple[list[str], list[str]]) -> None:
    """``count`` stored articles (ids from 10,000,000 up), as db.store writes them."""
    db = open_db(path)
    batch = 500
    for first in range(0, count, batch):
        with transaction(db):
            for n in range(10_000_000 + first, 10_000_000 + min(first + batch, count)):
                title, body = article_parts(n, pool)
                text, paragraphs = join_paragraphs([title, *body])
                article = Article(
                    url=f"https://archive.example/{n}",
                    canonical_url=f"https://archive.example/{n}",
                    title=title,
                    published=f"2017-04-{n % 28 + 1:02d}",
                    outlet=f"Archive {n % 50}",
                    text=text,
                    paragraphs=paragraphs,
                    sentences=segment(paragraphs, text),
                    content_hash=content_hash(text),
                    simhash=simhash(text),
                    source="archive",
                )
                row = {
                    **store.article_fields(article),
                    "first_url": article.url,
                    "fetched_at": "2017-05-01T00:00:00+00:00",
                    "updated_at": "2017-05-01T00:00:00+00:00",
                }
                story = db.table("stories").insert({"title": title}).last_pk
                article_id = db.table("articles").insert({**row, "story_id": story}).last_pk
                nearindex.add(db, int(article_id or 0), article.simhash)
    db.conn.close()


def cpu_ticks() -> tuple[int, int]:
    """(busy, all) clock ticks of every core of the machine so far (/proc/stat)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            ticks = [int(x) for x in stat.readline().split()[1:]]
    except OSError:
        return 0, 0
    return sum(ticks) - ticks[3] - ticks[4], sum(ticks)  # less idle and iowait


BUSY: list[float] = []  # cores busy (all processes on the machine) during each timed run
OWN_CPU: list[float] = []  # CPU seconds of this process (the pass's own) in each timed run


def timed(work) -> tuple[int, float]:
    """``work()`` timed; notes in BUSY how many cores the machine kept busy
    meanwhile, and in OWN_CPU the CPU time this process spent."""
    before, cpu = cpu_ticks(), os.times()
    start = time.perf_counter()
    done = work()
    elapsed = time.perf_counter() - start
    after, cpu_after = cpu_ticks(), os.times()
    cores = os.cpu_count() or 1
    BUSY.append(cores * (after[0] - before[0]) / max(after[1] - before[1], 1))
    OWN_CPU.append(cpu_after.user + cpu_after.system - cpu.user - cpu.system)
    return done, elapsed


def timed_pass(db_path: Path, world: World, *, workers: int) -> tuple[int, float]:
    db = open_db(db_path)
    cfg = config(db_path, world.sources(), workers=workers, delay=0.0)
    stored, elapsed = timed(lambda: pipeline.run_pass(cfg, db=db).stored)
    db.conn.close()
    return stored, elapsed


def timed_recheck(db_path: Path, *, workers: int) -> tuple[int, float]:
    db = open_db(db_path)
    cfg = config(db_path, [], workers=workers, delay=0.0)
    checked, elapsed = timed(lambda: pipeline.recheck(cfg, db=db, workers=workers)["articles"])
    db.conn.close()
    return checked, elapsed


def world_of_new_articles() -> World:
    ids = list(range(NEW_ARTICLES))
    return World([ids[k::HOSTS] for k in range(HOSTS)])


# -- sections ----------------------------------------------------------------------------


def best_pass(template: Path, tmp: Path, *, workers: int) -> tuple[int, float]:
    """The faster of ROUNDS passes, each on a fresh copy of ``template``."""
    runs = []
    for _ in range(ROUNDS):
        db_path = tmp / "pass.db"
        shutil.copy(template, db_path)
        world = world_of_new_articles()
        try:
            runs.append(timed_pass(db_path, world, workers=workers))
        finally:
            world.close()
    return min(runs, key=lambda r: r[1] / max(r[0], 1))


def bench_store(tmp: Path, pool) -> None:
    print(f"\n## store: a pass adding {NEW_ARTICLES:,} articles (1 worker, best of {ROUNDS})")
    for stored in (1_000, 50_000):
        template = tmp / f"prefill-{stored}.db"
        if not template.exists():
            t0 = time.perf_counter()
            prefill(template, stored, pool)
            print(f"  (prefilled {stored:,} articles in {time.perf_counter() - t0:.0f}s)")
        added, elapsed = best_pass(template, tmp, workers=1)
        RESULTS[f"store_{stored}"] = added / elapsed
        print(f"  on top of {stored:>6,}: {added} new in {elapsed:.1f}s = {added / elapsed:.1f}/s")
    ratio = RESULTS["store_50000"] / RESULTS["store_1000"]
    print(f"  ratio (50,000 / 1,000): {ratio:.2f}")


def print_round(what: str, round_: int, runs: dict[int, list[tuple[int, float]]]) -> None:
    """One round's figures, with the cores the machine kept busy during each run
    (this bench's processes and anyone else's) and the CPU milliseconds per
    article of the coordinating process (with 1 worker it does all the work)."""
    (n1, t1), (n2, t2) = runs[1][round_], runs[2][round_]
    ms1, ms2 = 1000 * OWN_CPU[-2] / max(n1, 1), 1000 * OWN_CPU[-1] / max(n2, 1)
    print(
        f"  round {round_ + 1}: {what} 1 worker {n1 / t1:.1f}/s "
        f"({BUSY[-2]:.2f} cores busy, own {ms1:.2f} ms/article), "
        f"2 workers {n2 / t2:.1f}/s ({BUSY[-1]:.2f} cores busy, own {ms2:.2f} ms/article): "
        f"x{(n2 / t2) / (n1 / t1):.2f}"
    )


def bench_workers(tmp: Path, pool) -> None:
    print(
        f"\n## workers: run ({NEW_ARTICLES:,} articles on top of 1,000) and recheck "
        f"(the {NEW_ARTICLES + 1000:,} articles), best of {ROUNDS} each, alternating"
    )
    template = tmp / "prefill-1000.db"
    if not template.exists():
        prefill(template, 1_000, pool)
    runs: dict[int, list[tuple[int, float]]] = {1: [], 2: []}
    for round_ in range(ROUNDS):
        for workers in (1, 2):
            db_path = tmp / f"workers{workers}.db"
            shutil.copy(template, db_path)
            world = world_of_new_articles()
            try:
                runs[workers].append(timed_pass(db_path, world, workers=workers))
            finally:
                world.close()
        print_round("run", round_, runs)
    for workers, done in runs.items():
        added, elapsed = min(done, key=lambda r: r[1] / max(r[0], 1))
        RESULTS[f"run_{workers}"] = added / elapsed
        print(f"  run, {workers} worker(s): {added} in {elapsed:.1f}s = {added / elapsed:.1f}/s")
    checks: dict[int, list[tuple[int, float]]] = {1: [], 2: []}
    for round_ in range(ROUNDS):
        for workers in (1, 2):
            db_path = tmp / "recheck.db"
            shutil.copy(tmp / "workers1.db", db_path)  # the same work each time
            checks[workers].append(timed_recheck(db_path, workers=workers))
        print_round("recheck", round_, checks)
    for workers, done in checks.items():
        checked, elapsed = min(done, key=lambda r: r[1] / max(r[0], 1))
        RESULTS[f"recheck_{workers}"] = checked / elapsed
        print(
            f"  recheck, {workers} worker(s): {checked} in {elapsed:.1f}s "
            f"= {checked / elapsed:.1f}/s"
        )
    print(
        f"  speed-up with 2 workers: run x{RESULTS['run_2'] / RESULTS['run_1']:.2f}, "
        f"recheck x{RESULTS['recheck_2'] / RESULTS['recheck_1']:.2f}"
    )


def bench_discovery(tmp: Path) -> None:
    print("\n## discovery: 100 sources on 100 hosts, per-host delay 1 s")
    world = World([[k * 2, k * 2 + 1] for k in range(100)])
    try:
        db_path = tmp / "discovery.db"
        cfg = config(db_path, world.sources(), workers=1, delay=1.0)
        run = pipeline.Pass(cfg, open_db(db_path), workers=1)
        with Fetcher(cfg.politeness, cfg.safety, on_fetch=run.on_fetch) as fetcher:
            start = time.perf_counter()
            wanted = run.discover(cfg.sources, fetcher)
            elapsed = time.perf_counter() - start
        log = world.requests()
    finally:
        world.close()
    gaps = [b - a for times in log.values() for a, b in zip(times, times[1:], strict=False)]
    per_host = [len(t) for t in log.values()]
    RESULTS["discovery_s"] = elapsed
    print(
        f"  {len(cfg.sources)} sources, {len(wanted)} links, {sum(per_host)} requests "
        f"({min(per_host)}-{max(per_host)} per host) in {elapsed:.2f}s; "
        f"smallest per-host gap {min(gaps):.3f}s"
    )


# The CLI under a wrapper that reports its own peak resident memory (VmHWM of
# its address space) at exit.  ru_maxrss from wait4 would not do: Linux carries
# the parent's high-water mark over fork and exec.
PEAK = """
import atexit, sys
def peak():
    with open("/proc/self/status") as status:
        line = next(l for l in status if l.startswith("VmHWM"))
    sys.stderr.write("peak-kb " + line.split()[1] + "\\n")
atexit.register(peak)
sys.argv[0] = "factwatch"
from factwatch.cli import main
main()
"""


def peak_rss_mb(args: list[str]) -> float:
    """Run the factwatch CLI in a child process; its peak resident memory in MB."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"factwatch {' '.join(args)} failed: {done.stderr[-500:]}")
    kb = next(line for line in done.stderr.splitlines() if line.startswith("peak-kb "))
    return int(kb.split()[1]) / 1024


def bench_memory(tmp: Path) -> None:
    from review_queries import build

    print("\n## memory: listings and exports over 20,000 findings")
    db_path = tmp / "memory.db"
    if not db_path.exists():
        build(db_path, 5_000, 4)
    db = open_db(db_path)
    print(f"  findings: {db['findings'].count:,}")
    db.conn.close()
    for label, args in (
        ("factwatch --version (baseline)", ["--version"]),
        ("findings --format json", ["--db", str(db_path), "findings", "--format", "json"]),
        ("export --format csv", ["--db", str(db_path), "export", "--format", "csv"]),
    ):
        mb = peak_rss_mb(args)
        RESULTS[f"memory {label}"] = mb
        print(f"  {label}: peak {mb:.1f} MB")


RESULTS: dict[str, float] = {}


def main() -> None:
    wanted = sys.argv[1:] or ["store", "workers", "discovery", "memory"]
    print(f"load average at start: {os.getloadavg()[0]:.2f}, cores: {os.cpu_count()}")
    pool = paragraph_pool()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if "store" in wanted:
            bench_store(tmp, pool)
        if "workers" in wanted:
            bench_workers(tmp, pool)
        if "discovery" in wanted:
            bench_discovery(tmp)
        if "memory" in wanted:
            bench_memory(tmp)
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
