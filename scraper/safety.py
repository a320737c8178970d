"""Refuse URLs that point somewhere a scraper must never go.

A feed or a redirect can name any URL, including ``http://169.254.169.254/``
(cloud metadata), ``http://10.0.0.5/admin`` (the private network) or
``file:///etc/passwd``.  :func:`check_url` runs before every request and every
redirect hop: the scheme must be allowed, and every address the host resolves
to must be public unless the configuration allows loopback or private ranges.
Cloud metadata addresses are refused whatever the configuration says.

Residual risk (DNS rebinding): a host name can resolve to a public address when
checked and a private one when connected.  :func:`check_url` alone cannot close
that gap, so the fetcher also checks the peer address of every new connection
(:func:`check_address`) before any request byte is sent.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from factwatch.core.errors import FetchError, UnsafeURL
from factwatch.core.settings import Safety

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)
# What ``allow_private`` opens: RFC 1918, carrier-grade NAT and IPv6 unique-local
# ranges.  Other non-global space (documentation, benchmarking, 240/4) stays refused.
PRIVATE_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
)


def check_scheme(url: str, safety: Safety) -> str:
    """Raise UnsafeURL unless ``url`` has an allowed scheme and a host; return the host."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:
        raise UnsafeURL(f"{url}: not a valid URL ({exc})", url=url) from None
    scheme = parts.scheme.lower()
    allowed = [s.lower() for s in safety.allowed_schemes]
    if scheme not in allowed:
        raise UnsafeURL(
            f"{url}: scheme {scheme or '(none)'!r} is not allowed "
            f"(allowed: {', '.join(allowed)}; see safety.allowed_schemes)",
            url=url,
        )
    if not host:
        raise UnsafeURL(f"{url}: URL has no host name", url=url)
    return host


def address_problem(address: IPAddress, safety: Safety) -> str | None:
    """Why ``address`` may not be contacted, or None if it may."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_loopback:
        return None if safety.allow_loopback else "a loopback address (safety.allow_loopback)"
    if address.is_link_local:
        return "a link-local address"
    if address.is_multicast:
        return "a multicast address"
    if any(address in net for net in PRIVATE_NETWORKS if net.version == address.version):
        return None if safety.allow_private else "a private address (safety.allow_private)"
    if address.is_reserved or address.is_private or not address.is_global:
        return "a reserved address"
    return None


def resolve(host: str, port: int | None = None) -> list[IPAddress]:
    """All addresses ``host`` resolves to (an IP literal resolves to itself)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port or 80, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        # A DNS failure is usually passing (RFC 9309 treats it as "try later").
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from None
    addresses: list[IPAddress] = []
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if addr not in addresses:
            addresses.append(addr)
    return addresses


def check_url(url: str, safety: Safety) -> None:
    """Raise UnsafeURL if ``url`` must not be fetched under ``safety``.

    Checks the scheme, then resolves the host and checks every address.
    A host that cannot be resolved raises a temporary FetchError (DNS trouble
    passes; nothing could be fetched meanwhile anyway).
    """
    host = check_scheme(url, safety)
    try:
        port = urlsplit(url).port
    except ValueError as exc:
        raise UnsafeURL(f"{url}: bad port ({exc})", url=url) from None
    try:
        addresses = resolve(host, port)
    except FetchError as exc:
        raise FetchError(f"{url}: {exc}", url=url) from None
    for address in addresses:
        problem = address_problem(address, safety)
        if problem:
            what = host if host.strip("[]") == str(address) else f"{host} ({address})"
            raise UnsafeURL(
                f"{url}: refused, {what} is {problem}; only public addresses are fetched",
                url=url,
            )


def check_address(address: str, safety: Safety) -> None:
    """Raise UnsafeURL if a connected peer ``address`` is not allowed."""
    addr = ipaddress.ip_address(address.split("%")[0])
    problem = address_problem(addr, safety)
    if problem:
        raise UnsafeURL(f"connection to {addr} refused: {problem}")
