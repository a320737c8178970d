"""Size caps (gzip bombs included), redirect limits and content types."""

from __future__ import annotations

import socket
import struct
import threading
import tracemalloc
import zlib

import pytest
from localserver import Response

from factwatch.core.settings import Politeness, Safety
from factwatch.scraper.fetch import Fetcher, FetchRecord

MB = 1 << 20


@pytest.fixture
def records() -> list[FetchRecord]:
    return []


def make_fetcher(records: list[FetchRecord], **options) -> Fetcher:
    settings = dict(per_host_delay=0.0, retries=0, backoff=0.01, obey_robots=False)
    settings.update(options)
    return Fetcher(Politeness(**settings), Safety(allow_loopback=True), on_fetch=records.append)


@pytest.fixture
def raw_server():
    """A loopback server that answers every connection with ``payload`` and closes:
    a body delimited by the connection closing, without Content-Length."""
    state: dict[str, bytes] = {"payload": b""}
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.05)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                try:
                    conn.recv(65536)
                    conn.sendall(state["payload"])
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()

    def start(payload: bytes) -> str:
        state["payload"] = payload
        return f"http://127.0.0.1:{listener.getsockname()[1]}/page"

    yield start
    stop.set()
    thread.join(timeout=2)
    listener.close()


def gzip_zeros(megabytes: int) -> bytes:
    """A valid gzip stream of ``megabytes`` MiB of zeros, about 1 KiB per MiB.

    One fully flushed deflate segment is self-contained, so it is compressed
    once and repeated; header and trailer are written by hand."""
    zeros = b"\0" * MB
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = comp.compress(zeros) + comp.flush(zlib.Z_FULL_FLUSH)
    middle = comp.compress(zeros) + comp.flush(zlib.Z_FULL_FLUSH)
    last = comp.compress(zeros) + comp.flush()
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, (megabytes * MB) & 0xFFFFFFFF)
    return header + first + middle * (megabytes - 2) + last + trailer


def test_body_over_cap_is_refused_by_content_length(site, records):
    site.route("/big", "x" * 5000)
    with make_fetcher(records, max_bytes=1000) as fetcher:
        result = fetcher.fetch(site.url("/big"))
    assert result.error_kind == "soft" and "Content-Length" in result.error
    assert result.body == b"" and records[0].error_kind == "soft"


def test_body_over_cap_without_content_length_is_cut_while_streaming(raw_server, records):
    body = b"<p>" + b"x" * 50_000 + b"</p>"
    url = raw_server(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n" + body
    )
    with make_fetcher(records, max_bytes=10_000) as fetcher:
        result = fetcher.fetch(url)
    assert result.error_kind == "soft" and "10,000-byte cap" in result.error
    assert records[0].bytes == 0


def test_body_without_content_length_under_cap_is_read(raw_server, records):
    url = raw_server(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<p>hi</p>"
    )
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(url)
    assert result.ok and result.body == b"<p>hi</p>" and records[0].bytes == 9


def test_gzip_bomb_is_refused_without_inflating_it(site, records):
    bomb = gzip_zeros(1024)  # 1 GiB of zeros in about 1 MB
    site.route("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    tracemalloc.start()
    try:
        with make_fetcher(records, max_bytes=5_000_000) as fetcher:
            result = fetcher.fetch(site.url("/bomb"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.error_kind == "soft" and "after decompression" in result.error
    assert peak < 20 * MB  # the cap plus buffers, not the inflated gigabyte


def test_gzip_body_under_cap_is_decompressed(site, records):
    page = b"<html><p>" + b"word " * 2000 + b"</p></html>"
    site.route("/gz", zlib.compress(page, wbits=31), headers={"Content-Encoding": "gzip"})
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(site.url("/gz"))
    assert result.ok and result.body == page and records[0].bytes == len(page)


def test_redirect_is_followed(site, records):
    site.route("/old", responses=[Response(status=301, headers={"Location": "/new"})])
    site.route("/new", "<p>moved</p>")
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(site.url("/old"))
    assert result.ok and result.final_url == site.url("/new")
    assert result.url == site.url("/old") and records[0].final_url == site.url("/new")


def test_redirect_loop_is_detected(site, records):
    site.route("/one", responses=[Response(status=302, headers={"Location": "/two"})])
    site.route("/two", responses=[Response(status=302, headers={"Location": "/one"})])
    with make_fetcher(records, max_redirects=10) as fetcher:
        result = fetcher.fetch(site.url("/one"))
    assert [r.path for r in site.requests] == ["/one", "/two"]
    assert result.error_kind == "soft" and "redirect loop" in result.error


def test_redirect_chain_over_the_limit_is_refused(site, records):
    for i in range(6):
        site.route(f"/c{i}", responses=[Response(status=302, headers={"Location": f"/c{i + 1}"})])
    with make_fetcher(records, max_redirects=3) as fetcher:
        result = fetcher.fetch(site.url("/c0"))
    assert [r.path for r in site.requests] == ["/c0", "/c1", "/c2", "/c3"]
    assert result.error_kind == "soft" and "more than 3 redirects" in result.error
    assert records[0].attempts == 4


def test_redirect_hop_is_checked_against_robots(site, records):
    site.route("/robots.txt", "User-agent: *\nDisallow: /private\n", content_type="text/plain")
    site.route("/go", responses=[Response(status=302, headers={"Location": "/private/x"})])
    site.route("/private/x", "<p>secret</p>")
    with make_fetcher(records, obey_robots=True) as fetcher:
        result = fetcher.fetch(site.url("/go"))
    assert site.hits("/private/x") == []
    assert result.error_kind == "hard" and "robots.txt" in result.error


def test_wrong_content_type_is_refused(site, records):
    site.route("/img", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(site.url("/img"))
    assert result.error_kind == "soft" and "image/png" in result.error
    assert result.body == b"" and records[0].status == 200


@pytest.mark.parametrize(
    "content_type",
    ["application/rss+xml", "application/atom+xml", "text/xml", "application/xhtml+xml"],
)
def test_feed_and_xml_types_are_accepted(site, records, content_type):
    site.route("/feed", "<rss/>", content_type=content_type)
    with make_fetcher(records) as fetcher:
        result = fetcher.fetch(site.url("/feed"), purpose="feed")
    assert result.ok and result.body == b"<rss/>"
