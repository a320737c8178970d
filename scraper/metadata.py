"""Read an article page's metadata (title, authors, date, outlet, canonical URL,
language) from an lxml tree.

Sources, best first:
- title: JSON-LD ``headline``, ``og:title``, ``<title>`` without its " | Outlet" suffix;
- authors: JSON-LD ``author`` (names, lists), ``<meta name=author>``, byline markup
  (``rel=author``, ``itemprop=author``, ``class*=byline``); lists are split on
  commas, semicolons, "and" and "&"; a leading "By" is dropped;
- published: JSON-LD ``datePublished``, ``article:published_time`` and the other
  common date metas, ``<time datetime>``; normalised to ISO 8601 (a date when the
  page gives no time of day, otherwise a datetime);
- outlet: ``og:site_name``, JSON-LD ``publisher.name``, ``application-name``;
- canonical URL: ``<link rel=canonical>``, ``og:url``, resolved against the page
  URL and passed through ``canonicalize``;
- language: ``<html lang>``, ``content-language``, ``og:locale``, JSON-LD
  ``inLanguage`` (primary subtag, lower case: "en").

The tree is only read, never changed, so the same parse can then go to the
main-text extractor.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from dateutil import parser as dateparser
from lxml import etree

from factwatch.scraper.urls import canonicalize

_ARTICLE_TYPES = ("Article", "BlogPosting", "Report", "LiveBlogPosting", "NewsArticle")
_TITLE_SEPARATORS = (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00bb ", " \u00b7 ")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\n)\s*", re.I)
_BY = re.compile(r"^\s*(?:by|von|par|por|door|di)\s*[:\-]?\s+", re.I)
_DATE_METAS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)
_DATE_DEFAULTS = (dt.datetime(2000, 1, 1, 0, 0, 0), dt.datetime(2000, 1, 1, 1, 1, 1))


@dataclass
class PageMetadata:
    """What the page says about itself, before main-text extraction."""

    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    outlet: str = ""
    canonical_url: str = ""
    language: str | None = None
    description: str = ""
    jsonld: dict[str, Any] = field(default_factory=dict)
    article_body: str = ""  # JSON-LD articleBody, a fallback for the main text


def _clean(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _walk_jsonld(data: Any):
    """Yield every dict in a JSON-LD document (lists and @graph included)."""
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(graph)


def _is_article(item: dict[str, Any]) -> bool:
    kind = item.get("@type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.endswith(_ARTICLE_TYPES) for k in kinds)


def read_jsonld(tree: etree._Element) -> dict[str, Any]:
    """The first Article-like JSON-LD object on the page, or {}."""
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # control characters inside strings are common in the wild
                data = json.loads(raw, strict=False)
            except ValueError:
                continue
        for item in _walk_jsonld(data):
            if _is_article(item):
                return item
    return {}


def normalise_date(value: Any) -> str | None:
    """ISO 8601 for a date string: "2017-04-28" when the page gives only a day,
    "2017-04-28T10:05:00+01:00" when it gives a time.  None if unparseable."""
    text = _clean(value)
    if not text or len(text) > 80:
        return None
    try:  # the common case, ISO 8601 already: no need for the slower dateutil
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        parsed = None
    if parsed is not None and 1990 <= parsed.year <= dt.date.today().year + 1:
        if len(text) == 10:
            return parsed.date().isoformat()
        return parsed.isoformat(timespec="seconds")
    try:
        first = dateparser.parse(text, default=_DATE_DEFAULTS[0])
        second = dateparser.parse(text, default=_DATE_DEFAULTS[1])
    except (ValueError, OverflowError, TypeError):
        return None
    if not 1990 <= first.year <= dt.date.today().year + 1:
        return None
    if first.time() != second.time():  # no time of day in the string
        return first.date().isoformat()
    return first.isoformat(timespec="seconds")


def split_authors(value: Any) -> list[str]:
    """Author names from a JSON-LD author value or a byline string."""
    names: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, dict):
            item = item.get("name", "")
            if isinstance(item, list):
                names.extend(split_authors(item))
                continue
        text = _clean(item)
        if not text or text.startswith(("http://", "https://")):
            continue
        text = _BY.sub("", text)
        names.extend(part.strip(" .:-") for part in _AUTHOR_SPLIT.split(text))
    seen: set[str] = set()
    result = []
    for name in names:
        if name and len(name) <= 80 and name.lower() not in seen:
            seen.add(name.lower())
            result.append(name)
    return result


def _metas(tree: etree._Element) -> dict[str, str]:
    """First content of each <meta name|property|itemprop>, keyed in lower case."""
    found: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _strip_title(title: str, outlet: str) -> tuple[str, str]:
    """Drop a " | Outlet" suffix from a <title>; returns (title, outlet guess)."""
    low = title.lower()
    if outlet:
        for sep in _TITLE_SEPARATORS:
            if low.endswith((sep + outlet).lower()):
                return title[: -len(sep + outlet)].strip(), outlet
            if low.startswith((outlet + sep).lower()):
                return title[len(outlet + sep) :].strip(), outlet
    if " | " in title:
        head, _, tail = title.rpartition(" | ")
        if head and len(tail) <= 40 and len(tail) < len(head):
            return head.strip(), tail.strip()
    return title, ""


def _byline_authors(tree: etree._Element) -> list[str]:
    nodes = tree.xpath(
        ".//*[@rel='author' or @itemprop='author' or contains(@class, 'byline')]"
        "[not(ancestor::*[@rel='author' or @itemprop='author' or contains(@class, 'byline')])]"
    )
    for node in nodes[:3]:
        names = node.xpath(".//*[@itemprop='name']/text()")
        text = " ".join(names) if names else " ".join(node.itertext())
        authors = split_authors(text)
        if authors and all(len(a.split()) <= 5 for a in authors):
            return authors
    return []


def _language(tree: etree._Element, metas: dict[str, str], ld: dict[str, Any]) -> str | None:
    root = tree.getroottree().getroot()
    candidates = [
        root.get("lang"),
        root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        metas.get("content-language"),
        metas.get("og:locale"),
        ld.get("inLanguage") if isinstance(ld.get("inLanguage"), str) else None,
    ]
    for value in candidates:
        match = re.match(r"\s*([A-Za-z]{2,3})(?:[-_]|\s*$|,)", value or "")
        if match:
            return match.group(1).lower()
    return None


def _canonical(tree: etree._Element, metas: dict[str, str], page_url: str) -> str:
    hrefs = [
        link.get("href", "")
        for link in tree.iterfind(".//link[@href]")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    hrefs.append(metas.get("og:url", ""))
    page_path = urlsplit(page_url).path if page_url else ""
    for href in hrefs:
        href = href.strip()
        if not href:
            continue
        resolved = urljoin(page_url, href) if page_url else href
        parts = urlsplit(resolved)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            continue
        # A canonical that points every article at the home page is a site bug.
        if parts.path in ("", "/") and page_path not in ("", "/"):
            continue
        return canonicalize(resolved)
    return canonicalize(page_url) if page_url else ""


def _published(tree: etree._Element, metas: dict[str, str], ld: dict[str, Any]) -> str | None:
    candidates: list[Any] = [ld.get("datePublished"), ld.get("dateCreated")]
    candidates += [metas.get(key) for key in _DATE_METAS]
    for value in candidates:
        date = normalise_date(value) if value else None
        if date:
            return date
    for node in tree.xpath(".//time[@datetime]|.//*[@itemprop='datePublished'][@datetime]")[:3]:
        date = normalise_date(node.get("datetime"))
        if date:
            return date
    return None


def read_metadata(tree: etree._Element, *, url: str = "") -> PageMetadata:
    """Everything ``PageMetadata`` holds, read from a parsed page."""
    ld = read_jsonld(tree)
    metas = _metas(tree)
    publisher = ld.get("publisher")
    publisher_name = _clean(publisher.get("name")) if isinstance(publisher, dict) else ""
    outlet = _clean(metas.get("og:site_name")) or publisher_name
    outlet = outlet or _clean(metas.get("application-name"))
    title_tag = tree.find(".//title")
    raw_title = _clean(title_tag.text_content() if title_tag is not None else "")
    stripped, guess = _strip_title(raw_title, outlet)
    title = _clean(ld.get("headline")) or _clean(metas.get("og:title")) or stripped
    title = _strip_title(title, outlet or guess)[0] if title != stripped else title
    authors = split_authors(ld.get("author")) if ld.get("author") else []
    if not authors:
        authors = split_authors(metas.get("author") or metas.get("article:author", ""))
    if not authors:
        authors = _byline_authors(tree)
    body = ld.get("articleBody")
    return PageMetadata(
        title=title,
        authors=authors,
        published=_published(tree, metas, ld),
        modified=normalise_date(ld.get("dateModified") or metas.get("article:modified_time")),
        outlet=outlet or guess,
        canonical_url=_canonical(tree, metas, url),
        language=_language(tree, metas, ld),
        description=_clean(metas.get("og:description") or metas.get("description")),
        jsonld=ld,
        article_body=body if isinstance(body, str) else "",
    )
