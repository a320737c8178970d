"""How close fetch_many comes to the politeness limit, and whether it keeps it.

Starts one HTTP server per loopback address (127.0.0.2, 127.0.0.3, ...; all
reach loopback on Linux), each answering after a fixed latency, then fetches
every page of every host with one Fetcher.fetch_many call.  With H hosts and a
per-host delay D the fastest polite rate is H / D pages per second; the script
prints the achieved rate as a fraction of that, and the smallest gap between
two requests to one host (it must not be below D), measured three ways: when
the request reached the server's kernel (SO_TIMESTAMPNS receive timestamps),
when the server's handler started on it (late when the server process is
starved of CPU), and when the client finished writing it.  The servers run in
a child process so that the fetcher's threads do not hold up their clocks.

    .venv/bin/python bench/politeness.py [--hosts 20 --pages 50 --delay 0.5
                                          --latency 0.1 --concurrency 16]
"""

from __future__ import annotations

import argparse
import multiprocessing
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factwatch.core.settings import Politeness, Safety
from factwatch.scraper.fetch import Fetcher, FetchRequest

PAGE = (
    "<html><body>" + "<p>Polling day coverage, paragraph text.</p>" * 100 + "</body></html>"
).encode()
ROBOTS = b"User-agent: *\nAllow: /\n"
SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)  # the Linux value


def start_server(address: str, latency: float) -> tuple[ThreadingHTTPServer, dict]:
    """One server; records per request the kernel's receive time of its first
    byte (unaffected by this process's scheduling) and the handler's start."""
    log: dict[str, list[float]] = {"arrived": [], "handled": []}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def setup(self):
            super().setup()
            self.connection.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)

        def handle_one_request(self):
            # Wait for the next request's first byte without consuming it.
            self.arrived = None
            try:
                _, ancillary, _, _ = self.connection.recvmsg(
                    1, socket.CMSG_SPACE(16), socket.MSG_PEEK
                )
            except OSError:
                ancillary = []
            for _level, kind, data in ancillary:
                if kind == SO_TIMESTAMPNS:
                    sec, nsec = struct.unpack("qq", data[:16])
                    self.arrived = sec + nsec / 1e9
            super().handle_one_request()

        def do_GET(self):
            with lock:
                log["handled"].append(time.monotonic())
                log["arrived"].append(self.arrived if self.arrived is not None else float("nan"))
            time.sleep(latency)
            robots = self.path == "/robots.txt"
            body = ROBOTS if robots else PAGE
            self.send_response(200)
            self.send_header("Content-Type", "text/plain" if robots else "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer((address, 0), Handler)
    # Before any request arrives, so that the first one is stamped too.
    server.socket.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, log


def serve(addresses: list[str], latency: float, conn) -> None:
    """Child process: run the servers, send their ports, then their request times."""
    servers = [start_server(a, latency) for a in addresses]
    conn.send([server.server_address[1] for server, _ in servers])
    conn.recv()  # the parent has finished fetching
    for server, _ in servers:
        server.shutdown()
        server.server_close()
    conn.send([log for _, log in servers])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.5)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()

    # The servers run in their own process so that their clocks are not held up
    # by the fetcher's threads (one interpreter lock); monotonic time is shared.
    addresses = [f"127.0.0.{i + 2}" for i in range(args.hosts)]
    parent, child = multiprocessing.Pipe()
    proc = multiprocessing.Process(target=serve, args=(addresses, args.latency, child))
    proc.start()
    ports = parent.recv()
    requests = [
        FetchRequest(f"http://{address}:{port}/p{n}", key=(address, n))
        for n in range(args.pages)
        for address, port in zip(addresses, ports, strict=True)
    ]
    politeness = Politeness(
        per_host_delay=args.delay, concurrency=args.concurrency, retries=0, obey_robots=True
    )
    ok = 0
    sent: dict[str, list[float]] = {}
    began = time.monotonic()
    with Fetcher(politeness, Safety(allow_loopback=True)) as fetcher:
        mark = fetcher.limiter.started

        def started(host: str) -> None:  # record when each request left the client
            sent.setdefault(host, []).append(time.monotonic())
            mark(host)

        fetcher.limiter.started = started  # type: ignore[method-assign]
        for result in fetcher.fetch_many(requests):
            ok += result.ok
    elapsed = time.monotonic() - began
    parent.send("stop")
    logs = parent.recv()
    proc.join()

    pages = len(requests)
    limit = args.hosts / args.delay
    rate = pages / elapsed

    def gaps_of(series: list[list[float]]) -> list[float]:
        return [b - a for ts in series for a, b in zip(ts, ts[1:], strict=False)]

    missing = sum(1 for log in logs for t in log["arrived"] if t != t)  # NaN: no stamp
    arrived = gaps_of([sorted(t for t in log["arrived"] if t == t) for log in logs])
    handled = gaps_of([log["handled"] for log in logs])
    client_gaps = gaps_of(list(sent.values()))
    per_host = [len(log["handled"]) for log in logs]
    print(
        f"hosts={args.hosts} pages/host={args.pages} per_host_delay={args.delay}s "
        f"latency={args.latency}s concurrency={args.concurrency} robots.txt obeyed"
    )
    print(
        f"fetched {ok}/{pages} pages ok in {elapsed:.2f}s "
        f"({min(per_host)}-{max(per_host)} requests per host incl. robots.txt)"
    )
    print(
        f"rate {rate:.2f} pages/s; politeness limit {limit:.1f} pages/s; "
        f"fraction {rate / limit:.3f}"
    )
    for label, gaps in (
        ("request arrivals at a server (kernel receive time)", arrived),
        ("requests handled by a server (handler start)", handled),
        ("requests sent by the client (socket write done)", client_gaps),
    ):
        short = sorted(round(g, 4) for g in gaps if g < args.delay)
        verdict = "OK" if not short else f"{len(short)} below the delay: {short}"
        print(f"minimum gap between {label}: {min(gaps):.4f}s over {len(gaps)} gaps -> {verdict}")
    if missing:
        print(f"({missing} requests arrived without a kernel timestamp and are left out)")


if __name__ == "__main__":
    main()
