"""Extract an article's main text and metadata from HTML.

trafilatura does the main-text extraction (the reference extractor in the
field); JSON-LD NewsArticle data fills and corrects the metadata where a page
carries it.  The result is an ``Article`` with paragraphs and sentences whose
offsets index into ``Article.text``.
"""

from __future__ import annotations

import hashlib
import json

import trafilatura
from bs4 import BeautifulSoup

from factwatch.errors import ExtractionError
from scraper.models import Article
from scraper.segment import join_paragraphs, segment


def _jsonld(soup: BeautifulSoup) -> dict:
    """The first NewsArticle-like JSON-LD object on the page, or {}."""
    for tag in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(tag.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data])
        for item in items:
            if isinstance(item, dict) and "Article" in str(item.get("@type", "")):
                return item
    return {}


def extract(html: str | bytes, *, url: str = "", source: str = "") -> Article:
    """Extract one article.  Raises ExtractionError when the page has no article text."""
    if isinstance(html, bytes):
        from scraper.encoding import decode_body

        html = decode_body(html)
    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True,
                                      include_comments=False, include_tables=False,
                                      output_format="python")
    if doc is None or not (doc.text or "").strip():
        raise ExtractionError(f"{url or 'page'}: no article text found")
    soup = BeautifulSoup(html, "html.parser")
    ld = _jsonld(soup)
    text, paragraphs = join_paragraphs((doc.text or "").split("\n"))
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    article = Article(
        url=url,
        canonical_url=url,
        title=ld.get("headline") or doc.title or "",
        authors=authors,
        published=ld.get("datePublished") or doc.date,
        outlet=doc.sitename or "",
        language=doc.language,
        text=text,
        paragraphs=paragraphs,
        source=source,
    )
    article.sentences = segment(paragraphs, text)
    article.content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return article
