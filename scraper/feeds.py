"""Read RSS 0.9x/1.0/2.0 and Atom feeds into Links (feedparser does the parsing).

A feed that cannot be read at all (empty, an HTML page, XML with no entries
that feedparser can recover) raises DiscoveryError naming the URL.  A "bozo"
feed (not well-formed, but feedparser recovered entries) is used, and a warning
says so.  Documents whose DOCTYPE declares entities are refused before
feedparser sees them (see scraper.safexml).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import feedparser
from bs4 import BeautifulSoup

from factwatch.core.errors import DiscoveryError
from factwatch.core.records import Link
from factwatch.scraper.links import absolute_url, unique_links
from factwatch.scraper.safexml import check_xml_safe

# sy:updatePeriod values (RSS 1.0 syndication module), in seconds.
_PERIODS = {
    "hourly": 3600,
    "daily": 86400,
    "weekly": 7 * 86400,
    "monthly": 30 * 86400,
    "yearly": 365 * 86400,
}
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


@dataclass
class FeedDoc:
    """What one feed document yielded."""

    links: list[Link] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ttl_seconds: int | None = None  # from <ttl> or sy:updatePeriod/updateFrequency
    version: str = ""  # feedparser's name for the format, e.g. "rss20", "atom10"


_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


def _fix_char_refs(body: bytes) -> tuple[bytes, int]:
    """Replace character references to code points that cannot exist (past
    U+10FFFF, surrogates, NUL), which make feedparser give up on the whole feed."""
    bad = 0

    def fix(m: re.Match[bytes]) -> bytes:
        nonlocal bad
        value = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        if value == 0 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            bad += 1
            return b"&#xFFFD;"
        return m.group(0)

    if b"&#" not in body:
        return body, 0
    return _CHAR_REF.sub(fix, body), bad


def looks_like_html(body: bytes) -> bool:
    return bool(_HTML_START.match(body[:4096]))


def _plain(text: str | None) -> str | None:
    """Feed titles and summaries may carry HTML; keep the words only."""
    if not text:
        return None
    if "<" in text or "&" in text:
        text = BeautifulSoup(text, "html.parser").get_text(" ")
    text = re.sub(r"\s+", " ", text).strip()
    return text or None


def _iso(parsed: Any) -> str | None:
    """feedparser's UTC struct_time as an ISO 8601 string."""
    if not parsed:
        return None
    try:
        stamp = calendar.timegm(parsed)
        return dt.datetime.fromtimestamp(stamp, dt.UTC).isoformat(timespec="seconds")
    except (TypeError, ValueError, OverflowError):
        return None


def _ttl(feed: Any) -> int | None:
    """Seconds the feed asks readers to wait between polls, if it says."""
    hints: list[int] = []
    try:
        minutes = int(str(feed.get("ttl", "")).strip())
        if minutes > 0:
            hints.append(minutes * 60)
    except ValueError:
        pass
    period = str(feed.get("sy_updateperiod", "")).strip().lower()
    if period in _PERIODS:
        try:
            frequency = max(1, int(str(feed.get("sy_updatefrequency", "1")).strip() or 1))
        except ValueError:
            frequency = 1
        hints.append(_PERIODS[period] // frequency)
    return max(hints) if hints else None


def _entry_link(entry: Any, base_url: str, source: str) -> Link | None:
    href = entry.get("link")
    if not href:
        guid = entry.get("id") or ""
        href = guid if guid.startswith(("http://", "https://")) else None
    url = absolute_url(href, base_url=base_url)
    if url is None:
        return None
    return Link(
        url=url,
        source=source,
        title=_plain(entry.get("title")),
        published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        summary=_plain(entry.get("summary")),
    )


def _no_entries(body: bytes, where: str, version: str, problem: object) -> None:
    """Say why a document with no entries is not a usable feed (an empty feed is fine)."""
    if looks_like_html(body):
        raise DiscoveryError(
            f"{where}: got an HTML page, not an RSS or Atom feed "
            "(check the feed URL; the site may have moved it or returned an error page)"
        )
    if not version and not body.lstrip().startswith((b"<", b"\xef\xbb\xbf<")):
        raise DiscoveryError(f"{where}: not an RSS or Atom feed (the response is not XML)")
    if problem is not None:
        raise DiscoveryError(f"{where}: malformed feed XML ({problem}); no entries found")
    if not version:
        raise DiscoveryError(f"{where}: not an RSS or Atom feed")


def read_feed(body: bytes, *, base_url: str, source: str) -> FeedDoc:
    """Parse one feed document; raise DiscoveryError when nothing can be read."""
    where = base_url or "feed"
    if not body.strip():
        raise DiscoveryError(f"{where}: empty response (expected an RSS or Atom feed)")
    check_xml_safe(body, url=where)
    body, bad_refs = _fix_char_refs(body)
    try:
        parsed = feedparser.parse(
            body,
            response_headers={"content-location": base_url, "content-type": "application/xml"},
            sanitize_html=False,
        )
    except Exception as exc:  # feedparser raises e.g. ValueError on &#x110000;
        raise DiscoveryError(
            f"{where}: malformed feed ({type(exc).__name__}: {exc}); no entries read"
        ) from None
    version = parsed.get("version") or ""
    entries = parsed.get("entries") or []
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not entries:
        _no_entries(body, where, version, problem)
    doc = FeedDoc(version=version, ttl_seconds=_ttl(parsed.get("feed") or {}))
    if bad_refs:
        doc.warnings.append(
            f"{where}: {bad_refs} invalid character reference(s) replaced with U+FFFD"
        )
    links = [_entry_link(e, base_url, source) for e in entries]
    doc.links = unique_links(link for link in links if link is not None)
    missing = sum(link is None for link in links)
    if missing:
        doc.warnings.append(
            f"{where}: {missing} of {len(entries)} entries have no http(s) link; skipped"
        )
    if entries and problem is not None:
        doc.warnings.append(
            f"{where}: feed is not well-formed ({problem}); "
            f"used the {len(entries)} entries that could be read"
        )
    return doc


def parse_feed(body: bytes, *, base_url: str, source: str) -> list[Link]:
    """Links for the entries of an RSS or Atom feed, in feed order."""
    return read_feed(body, base_url=base_url, source=source).links
