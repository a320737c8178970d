"""Links from plain URL lists and from HTML listing pages (section fronts,
tag pages, search results) whose article links follow a recognisable pattern."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from factwatch.core.errors import DiscoveryError
from factwatch.core.records import Link
from factwatch.scraper.links import absolute_url


def parse_url_list(text: str, *, base_url: str, source: str) -> list[Link]:
    """One URL per line; blank lines and lines starting with '#' are skipped, and
    anything after the first whitespace on a line is treated as a comment."""
    links: list[Link] = []
    seen: set[str] = set()
    for line in text.lstrip("\ufeff").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url = absolute_url(line.split()[0], base_url=base_url)
        if url and url not in seen:
            seen.add(url)
            links.append(Link(url=url, source=source))
    return links


def compile_pattern(pattern: str, *, source: str = "") -> re.Pattern[str]:
    """The listing pattern as a regex; a DiscoveryError names the bad pattern."""
    try:
        return re.compile(pattern)
    except re.error as exc:
        who = f"source {source!r}: " if source else ""
        raise DiscoveryError(
            f"{who}pattern {pattern!r} is not a valid regular expression ({exc}); "
            "fix `pattern` in config.toml"
        ) from None


def parse_listing(html: str, *, base_url: str, pattern: str, source: str) -> list[Link]:
    """Links whose absolute URL matches ``pattern`` (``re.search``), deduplicated,
    in page order; the link text becomes the title."""
    regex = compile_pattern(pattern, source=source)
    soup = BeautifulSoup(html, "lxml")
    base_tag = soup.find("base", href=True)
    if base_tag is not None:
        base_url = absolute_url(str(base_tag["href"]), base_url=base_url) or base_url
    links: dict[str, Link] = {}
    for anchor in soup.find_all("a", href=True):
        url = absolute_url(str(anchor["href"]), base_url=base_url)
        if url is None or not regex.search(url):
            continue
        title = re.sub(r"\s+", " ", anchor.get_text(" ")).strip() or None
        if url not in links:
            links[url] = Link(url=url, source=source, title=title)
        elif links[url].title is None:
            links[url].title = title  # an image link first, the headline link later
    return list(links.values())
