"""Turn the hrefs found by discovery into clean absolute article URLs.

Every discovery parser (feeds, sitemaps, URL lists, listing pages) passes its
raw links through ``absolute_url`` and ``unique_links``, so the rules are the
same everywhere: relative links are resolved against the page they came from,
only http(s) URLs are kept, and fragments are stripped.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urldefrag, urljoin, urlsplit

from factwatch.core.records import Link

HTTP_SCHEMES = ("http", "https")


def absolute_url(href: str | None, *, base_url: str = "") -> str | None:
    """``href`` resolved against ``base_url``, without its fragment; None when the
    result is not an http(s) URL with a host (mailto:, javascript:, ftp:, junk)."""
    if not href:
        return None
    href = href.strip()
    if not href:
        return None
    try:
        if href[:8].lower().startswith(("http://", "https://")):
            url = href.split("#", 1)[0]  # already absolute: skip the costly join
        else:
            url = urldefrag(urljoin(base_url, href) if base_url else href).url
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    if parts.scheme.lower() not in HTTP_SCHEMES or not parts.hostname:
        return None
    return url


def unique_links(links: Iterable[Link]) -> list[Link]:
    """Links in their original order, each URL once (the first occurrence wins)."""
    seen: set[str] = set()
    out: list[Link] = []
    for link in links:
        if link.url not in seen:
            seen.add(link.url)
            out.append(link)
    return out
