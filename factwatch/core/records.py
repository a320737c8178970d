"""Plain dataclasses passed between the stages: scraper -> db -> claims -> db -> rebuttals."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from factwatch.core.encoding import decode_body


@dataclass
class SourceConfig:
    """One entry of ``[[sources]]`` in config.toml.

    kind is one of: "feed" (RSS/Atom), "sitemap" (XML sitemap, sitemap index or
    news sitemap), "urls" (a plain list, inline or a file/URL with one URL per
    line), "listing" (an HTML page whose links matching ``pattern`` are articles);
    or an archive of past coverage, read by ``factwatch backcheck``: "wayback"
    (a URL prefix or domain in the Wayback Machine), "commoncrawl" (URL
    patterns in Common Crawl crawls), "warc" (WARC/ARC files, local or
    HTTP(S)), "guardian" (the Guardian content API).  docs/configuration.md
    describes every key.
    """

    name: str
    kind: str
    url: str = ""
    urls: list[str] = field(default_factory=list)
    pattern: str = ""
    topic_filter: bool = True
    max_articles: int = 500
    # Archive sources (docs/configuration.md, "Archive sources").
    since: str = ""  # first day covered: YYYY, YYYY-MM or YYYY-MM-DD
    until: str = ""  # last day covered (a month or year means all of it)
    match_type: str = "prefix"  # wayback, commoncrawl: exact | prefix | host | domain
    crawls: list[str] = field(default_factory=list)  # commoncrawl crawl ids
    query: str = ""  # guardian: search terms
    section: str = ""  # guardian: section id, e.g. "politics"
    api_key: str = field(default="", repr=False)  # guardian; or $FACTWATCH_GUARDIAN_KEY
    index_url: str = ""  # CDX server, Common Crawl index server or API (default: public)
    data_url: str = ""  # Wayback replay prefix, Common Crawl data prefix, WARC base
    page_size: int = 0  # captures per index query (0: the archive's default)


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
        return decode_body(self.body, self.content_type, self.encoding)


@dataclass
class FetchedPage:
    """A page's bytes and what is known about it, as handed to ``process_page``.

    ``url`` is the page's identity before canonicalisation (for an archive
    capture, the original URL, not the archive's address); ``fetched_url`` is
    where the bytes came from (defaults to ``url``).  ``metadata`` is merged
    into ``Article.metadata`` (archives put ``{"capture": {...}}`` here)."""

    url: str
    body: bytes
    source: str = ""
    content_type: str = ""
    encoding: str | None = None
    fetched_url: str = ""
    title: str | None = None
    published: str | None = None
    topic_filter: bool = True
    metadata: dict[str, Any] = field(default_factory=dict)
    status: int | None = 200
    etag: str | None = None
    last_modified: str | None = None

    def text(self) -> str:
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


def normalise_statement(text: str) -> str:
    """Lower-case, straight quotes, single spaces: equal for syndicated copies."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def statement_key(kind: str, quote: str, fact_ids: list[str] | tuple[str, ...]) -> str:
    """What a finding is about, wherever it appears: its kind, the normalised
    statement and the facts it was judged against.  The rule that fired is not
    part of it, so renaming or splitting a rule keeps every id; syndicated
    copies of a statement share it."""
    facts = "\x01".join(sorted(set(fact_ids)))
    basis = f"{kind}\x00{normalise_statement(quote)}\x00{facts}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]


def finding_id(article_key: str, key: str) -> str:
    """A finding's id: its statement key within one article (the canonical URL)."""
    basis = f"{article_key}\x00{key}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]


@dataclass
class Finding:
    kind: str  # a kind of the registry, factwatch/core/kinds.toml
    rule_id: str  # the facts-file rule that fired, e.g. "framing.definite-loser"
    quote: str  # the exact text flagged: article.text[start:end]
    start: int  # offsets into Article.text
    end: int
    explanation: str  # one line: why this is misleading
    fact_ids: list[str] = field(default_factory=list)  # facts it contradicts
    correction: str = ""  # the correct fact, in words
    fact_sources: list[str] = field(default_factory=list)  # where the facts are recorded
    sentence_index: int | None = None
    paragraph_index: int | None = None
    speaker: str | None = None  # who is quoted, when the statement is a quotation
    voice: str = "outlet"  # "outlet" (the article's own voice) or "quote"
    severity: str = "medium"
    confidence: float = 0.8
    challenged: bool = False  # the article itself rebuts the claim
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def statement_key(self) -> str:
        """Same for the same statement anywhere (syndicated copies share it)."""
        return statement_key(self.kind, self.quote, self.fact_ids)

    def identity(self, article_key: str) -> str:
        """Stable id: the same kind of problem with the same statement, judged
        against the same facts, in the same article; not which rule found it."""
        return finding_id(article_key, self.statement_key)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
