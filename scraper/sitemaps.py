"""Read XML sitemaps: ``<urlset>`` (with Google News extensions), ``<sitemapindex>``,
gzipped ``.xml.gz`` files and plain-text sitemaps (one URL per line).

Parsing goes through defusedxml (scraper.safexml): no entity expansion, no
external entities, no DTD retrieval.  Gzipped sitemaps are recognised by their
magic bytes (whatever the URL says) and inflated up to a size cap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from dateutil import parser as dateparser

from factwatch.core.errors import DiscoveryError
from factwatch.core.records import Link
from factwatch.scraper.feeds import looks_like_html
from factwatch.scraper.links import absolute_url, unique_links
from factwatch.scraper.listing import parse_url_list
from factwatch.scraper.safexml import SITEMAP_MAX_BYTES, gunzip_capped, is_gzip, parse_xml

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class SitemapDoc:
    """What one sitemap document yielded."""

    links: list[Link] = field(default_factory=list)  # article pages
    children: list[Link] = field(default_factory=list)  # child sitemaps (published = lastmod)
    kind: str = ""  # "urlset", "sitemapindex" or "text"


def _local(tag: object) -> str:
    """Tag name without its namespace: '{http://...}loc' -> 'loc'."""
    return str(tag).rsplit("}", 1)[-1].lower()


def _child_text(elem: Element, name: str) -> str | None:
    for child in elem:
        if _local(child.tag) == name:
            text = (child.text or "").strip()
            return text or None
    return None


def _find(elem: Element, name: str) -> Element | None:
    for child in elem:
        if _local(child.tag) == name:
            return child
    return None


def _iso_date(value: str | None) -> str | None:
    """A sitemap date (W3C datetime, sometimes sloppier) as ISO 8601."""
    if not value:
        return None
    if _DAY.fullmatch(value):
        return value
    try:
        parsed = dateparser.isoparse(value)
    except (ValueError, OverflowError):
        try:
            parsed = dateparser.parse(value)
        except (ValueError, OverflowError):
            return None
    if len(value) <= 10 and parsed.hour == parsed.minute == parsed.second == 0:
        return parsed.date().isoformat()
    try:
        return parsed.isoformat()
    except ValueError:
        return None  # "2017-04-17-04-28": read with an offset of more than a day


def _page(entry: Element, base_url: str, source: str) -> Link | None:
    url = absolute_url(_child_text(entry, "loc"), base_url=base_url)
    if url is None:
        return None
    title = published = None
    news = _find(entry, "news")  # <news:news> from the Google News sitemap extension
    if news is not None:
        title = _child_text(news, "title")
        published = _iso_date(_child_text(news, "publication_date"))
    return Link(
        url=url,
        source=source,
        title=title,
        published=published or _iso_date(_child_text(entry, "lastmod")),
    )


def _children(root: Element, base_url: str, source: str) -> list[Link]:
    """The sitemaps a sitemap index lists."""
    children = []
    for entry in root:
        if _local(entry.tag) != "sitemap":
            continue
        url = absolute_url(_child_text(entry, "loc"), base_url=base_url)
        if url:
            lastmod = _iso_date(_child_text(entry, "lastmod"))
            children.append(Link(url=url, source=source, published=lastmod))
    return unique_links(children)


def read_sitemap(
    body: bytes, *, base_url: str, source: str, max_bytes: int = SITEMAP_MAX_BYTES
) -> SitemapDoc:
    """Parse one sitemap document; raise DiscoveryError when it is not one."""
    where = base_url or "sitemap"
    if is_gzip(body):
        body = gunzip_capped(body, url=where, max_bytes=max_bytes)
    if not body.strip():
        raise DiscoveryError(f"{where}: empty response (expected an XML sitemap)")
    if looks_like_html(body):
        raise DiscoveryError(
            f"{where}: got an HTML page, not a sitemap "
            "(check the sitemap URL; the site may have returned an error page)"
        )
    if not body.lstrip().startswith(b"<") and not body.startswith(b"\xef\xbb\xbf<"):
        links = parse_url_list(body.decode("utf-8", "replace"), base_url=base_url, source=source)
        if not links:
            raise DiscoveryError(f"{where}: not a sitemap (neither XML nor a list of URLs)")
        return SitemapDoc(links=links, kind="text")
    root = parse_xml(body, url=where)
    kind = _local(root.tag)
    if kind == "urlset":
        pages = [_page(e, base_url, source) for e in root if _local(e.tag) == "url"]
        return SitemapDoc(links=unique_links(p for p in pages if p), kind=kind)
    if kind == "sitemapindex":
        return SitemapDoc(children=_children(root, base_url, source), kind=kind)
    hint = ' (this looks like a feed: use kind = "feed")' if kind in ("rss", "feed", "rdf") else ""
    raise DiscoveryError(
        f"{where}: not a sitemap: root element is <{kind}>, "
        f"expected <urlset> or <sitemapindex>{hint}"
    )


def parse_sitemap(body: bytes, *, base_url: str, source: str) -> tuple[list[Link], list[str]]:
    """(page links, child sitemap URLs) of one sitemap or sitemap index."""
    doc = read_sitemap(body, base_url=base_url, source=source)
    return doc.links, [child.url for child in doc.children]
