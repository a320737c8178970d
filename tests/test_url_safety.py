"""Unsafe URLs are refused before any connection is made.

Every test here runs with a guard on socket.connect: a connection attempt to
anything but loopback fails the test, so a regression cannot reach the network.
"""

from __future__ import annotations

import ipaddress
import socket

import pytest
from localserver import Response

from factwatch.core.errors import UnsafeURL
from factwatch.core.settings import Politeness, Safety
from factwatch.scraper.fetch import Fetcher, FetchRecord, fetch
from factwatch.scraper.safety import check_address, check_url
from factwatch.scraper.transport import build_session


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Fail loudly on any attempt to connect outside 127.0.0.0/8 and ::1."""
    attempts: list[str] = []
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else str(address)
        attempts.append(host)
        if not ipaddress.ip_address(host.split("%")[0]).is_loopback:
            raise AssertionError(f"test tried to connect to {host}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    return attempts


def fetch_with(url: str, records: list[FetchRecord], **safety) -> object:
    politeness = Politeness(per_host_delay=0.0, retries=0, obey_robots=False)
    with Fetcher(politeness, Safety(**safety), on_fetch=records.append) as fetcher:
        return fetcher.fetch(url)


def test_loopback_is_refused_unless_allowed(site, loopback_only):
    site.route("/a", "<p>a</p>")
    records: list[FetchRecord] = []
    result = fetch_with(site.url("/a"), records, allow_loopback=False)
    assert site.requests == [] and loopback_only == []
    assert result.error_kind == "hard" and "loopback" in result.error
    assert records[0].error == result.error and records[0].attempts == 0


def test_loopback_is_fetched_when_allowed(site):
    site.route("/a", "<p>a</p>")
    result = fetch_with(site.url("/a"), [], allow_loopback=True)
    assert result.ok and len(site.requests) == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://100.100.100.200/latest/meta-data/",
    ],
)
def test_cloud_metadata_is_refused_whatever_the_settings(url, loopback_only):
    records: list[FetchRecord] = []
    result = fetch_with(url, records, allow_loopback=True, allow_private=True)
    assert loopback_only == []
    assert result.error_kind == "hard" and "metadata" in result.error


@pytest.mark.parametrize("url", ["http://10.0.0.1/", "http://192.168.1.1/", "http://[fd12::1]/"])
def test_private_addresses_are_refused(url, loopback_only):
    result = fetch_with(url, [], allow_loopback=True)
    assert loopback_only == []
    assert result.error_kind == "hard" and "private" in result.error


def test_private_addresses_pass_the_check_when_allowed():
    check_url("http://10.0.0.1/", Safety(allow_private=True))


@pytest.mark.parametrize(
    "url",
    [
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://169.254.1.1/",
        "http://240.0.0.1/",
        "http://192.0.2.1/",
        "http://[2001:db8::1]/",
    ],
)
def test_unspecified_multicast_link_local_and_reserved_are_refused(url, loopback_only):
    with pytest.raises(UnsafeURL):
        check_url(url, Safety(allow_loopback=True, allow_private=True))
    assert loopback_only == []


@pytest.mark.parametrize(
    "url", ["http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://localhost/", "http://127.9.9.9/"]
)
def test_every_spelling_of_loopback_is_refused(url):
    with pytest.raises(UnsafeURL, match="loopback"):
        check_url(url, Safety())


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://a/"])
def test_other_schemes_are_refused(url, loopback_only):
    records: list[FetchRecord] = []
    result = fetch_with(url, records, allow_loopback=True)
    assert loopback_only == []
    assert result.error_kind == "hard" and "scheme" in result.error
    assert "allowed_schemes" in result.error


def test_redirect_to_metadata_is_refused_before_connecting(site, loopback_only):
    site.route(
        "/go",
        responses=[Response(status=302, headers={"Location": "http://169.254.169.254/latest/"})],
    )
    records: list[FetchRecord] = []
    result = fetch_with(site.url("/go"), records, allow_loopback=True)
    assert all(ipaddress.ip_address(a).is_loopback for a in loopback_only)
    assert result.error_kind == "hard" and "metadata" in result.error
    assert result.final_url == "http://169.254.169.254/latest/"


def test_connection_to_a_refused_peer_is_closed_before_the_request(site):
    """The peer check on new connections (DNS rebinding defence)."""
    site.route("/a", "<p>a</p>")
    session = build_session(Politeness(), Safety(allow_loopback=False))
    with pytest.raises(UnsafeURL, match="loopback"):
        session.get(site.url("/a"), timeout=2)
    session.close()
    assert site.requests == []


def test_check_address_accepts_public_addresses():
    check_address("93.184.216.34", Safety())
    check_address("2606:2800:220:1:248:1893:25c8:1946", Safety())


def test_thin_fetch_function_uses_safe_defaults(site):
    site.route("/a", "<p>a</p>")
    result = fetch(site.url("/a"))
    assert result.error_kind == "hard" and site.requests == []


def test_a_trusted_source_host_is_fetched_but_other_names_for_it_are_not(site, loopback_only):
    site.route("/feed", "<rss/>", content_type="application/rss+xml")
    site.route("/a", "<p>a</p>")
    politeness = Politeness(per_host_delay=0.0, retries=0, obey_robots=False)
    with Fetcher(politeness, Safety(allow_loopback=False)) as fetcher:
        fetcher.trust(site.url("/feed"))
        feed = fetcher.fetch(site.url("/feed"))
        same_host = fetcher.fetch(site.url("/a"))
        other_name = fetcher.fetch(site.url("/a").replace("127.0.0.1", "localhost"))
    assert feed.ok and same_host.ok
    assert other_name.error_kind == "hard" and "loopback" in other_name.error
    assert [r.path for r in site.requests] == ["/feed", "/a"]
