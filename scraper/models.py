"""Plain dataclasses passed between the scraping stages and the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class SourceConfig:
    """One entry of ``[[sources]]`` in config.toml.

    kind is one of: "feed" (RSS/Atom), "sitemap" (XML sitemap, sitemap index or
    news sitemap), "urls" (a plain list, inline or a file/URL with one URL per
    line), "listing" (an HTML page whose links matching ``pattern`` are articles).
    """

    name: str
    kind: str
    url: str = ""
    urls: list[str] = field(default_factory=list)
    pattern: str = ""
    topic_filter: bool = True
    max_articles: int = 500


@dataclass
class Link:
    """A URL found by discovery, with what the feed or sitemap said about it."""

    url: str
    source: str
    title: str | None = None
    published: str | None = None  # ISO 8601
    summary: str | None = None


@dataclass
class FetchResult:
    """The outcome of fetching one URL (successful or not)."""

    url: str
    final_url: str = ""
    status: int | None = None
    content_type: str = ""
    encoding: str | None = None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    elapsed: float = 0.0
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    error_kind: str | None = None  # "hard" | "soft" | "temporary"
    request_key: Any = None  # FetchRequest.key, echoed so callers can match results
    attempts: int = 0  # requests sent (redirect hops and retries included)

    @property
    def ok(self) -> bool:
        return self.error is None and not self.not_modified

    def text(self) -> str:
        """Body decoded with the declared charset, falling back to detection."""
        from scraper.encoding import decode_body

        return decode_body(self.body, self.content_type, self.encoding)


@dataclass
class Paragraph:
    index: int
    start: int  # offset in Article.text
    end: int
    text: str


@dataclass
class Sentence:
    index: int
    paragraph: int
    start: int  # offset in Article.text
    end: int
    text: str


@dataclass
class Article:
    """An extracted article.  ``text`` is the paragraphs joined by blank lines;
    every offset (paragraphs, sentences, findings) indexes into ``text``."""

    url: str
    canonical_url: str
    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601 date or datetime
    outlet: str = ""
    language: str | None = None
    text: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    asides: list[str] = field(default_factory=list)  # sidebar text, never checked
    content_hash: str = ""
    simhash: int = 0
    source: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
