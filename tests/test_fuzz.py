"""Fuzzing the parsers that read untrusted input: the article extractor, the feed and
sitemap parsers and the claim matcher.  Each must return its result or raise its own
documented error (never another exception) and must not hang (hypothesis deadline)."""

from __future__ import annotations

import gzip
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newsroom import FACTS, article_html, rss

from factwatch.core.errors import DiscoveryError, ExtractionError
from factwatch.core.records import Article, Link
from factwatch.scraper.extract import extract
from factwatch.scraper.feeds import parse_feed
from factwatch.scraper.sitemaps import parse_sitemap

EXAMPLES = 200
# The same inputs on every run, so a test run is repeatable; FACTWATCH_FUZZ=random draws
# fresh ones (how the malformed lastmod "2017-04-17-04-28" was found).
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=3000,
    derandomize=os.environ.get("FACTWATCH_FUZZ") != "random",
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TAGS = [
    "p",
    "div",
    "article",
    "main",
    "span",
    "h1",
    "h2",
    "script",
    "style",
    "nav",
    "footer",
    "a",
    "b",
    "table",
    "tr",
    "td",
    "ul",
    "li",
    "br",
    "meta",
    "![CDATA[",
    "!--",
    "?xml",
]
FRAGMENTS = st.one_of(
    st.sampled_from([f"<{t}>" for t in TAGS] + [f"</{t}>" for t in TAGS]),
    st.sampled_from(
        [
            "&amp;",
            "&#0;",
            "&#x110000;",
            "&nbsp;",
            "\x00",
            "\ufffd",
            "\u202e",
            "<",
            ">",
            '"',
            "'",
            "<!DOCTYPE html>",
            '<meta charset="utf-16">',
            '<script type="application/ld+json">{"@type": "NewsArticle", ',
        ]
    ),
    st.text(max_size=40),
)


def mutate(doc: str, data: st.DataObject) -> str:
    """Delete, insert, duplicate or truncate parts of ``doc``."""
    for _ in range(data.draw(st.integers(1, 8))):
        if not doc:
            break
        i = data.draw(st.integers(0, len(doc)))
        j = data.draw(st.integers(i, min(len(doc), i + 200)))
        op = data.draw(st.sampled_from(["delete", "insert", "duplicate", "truncate"]))
        if op == "delete":
            doc = doc[:i] + doc[j:]
        elif op == "insert":
            doc = doc[:i] + data.draw(FRAGMENTS) + doc[i:]
        elif op == "duplicate":
            doc = doc[:j] + doc[i:j] * data.draw(st.integers(1, 20)) + doc[j:]
        else:
            doc = doc[:i]
    return doc


def assert_article_or_extraction_error(html) -> None:
    try:
        article = extract(html, url="http://news.example/a")
    except ExtractionError:
        return
    assert isinstance(article, Article)
    for p in article.paragraphs:
        assert article.text[p.start : p.end] == p.text
    for s in article.sentences:
        assert article.text[s.start : s.end] == s.text


@FUZZ
@given(st.data())
def test_extractor_on_mutated_articles(data):
    html = mutate(article_html(data.draw(st.integers(0, 50))), data)
    assert_article_or_extraction_error(html)


@FUZZ
@given(st.lists(FRAGMENTS, max_size=60).map("".join))
def test_extractor_on_random_markup(html):
    assert_article_or_extraction_error(html)


@FUZZ
@given(st.binary(max_size=2000))
def test_extractor_on_random_bytes(body):
    assert_article_or_extraction_error(body)


def assert_links(links) -> None:
    assert all(isinstance(link, Link) and link.url for link in links)


FEED = rss([f"http://news.example/a/{i}" for i in range(5)]).encode()
SITEMAP = (
    b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    + b"".join(
        b"<url><loc>http://news.example/a/%d</loc><lastmod>2017-04-28</lastmod></url>" % i
        for i in range(5)
    )
    + b"</urlset>"
)


@FUZZ
@given(st.data())
def test_feed_parser_on_mutated_and_random_feeds(data):
    body = data.draw(
        st.one_of(
            st.just(FEED).map(lambda b: mutate(b.decode(), data).encode("utf-8", "replace")),
            st.binary(max_size=2000),
        )
    )
    try:
        links = parse_feed(body, base_url="http://news.example/feed.xml", source="fuzz")
    except DiscoveryError:
        return
    assert_links(links)


@FUZZ
@given(st.data())
def test_sitemap_parser_on_mutated_random_and_gzipped_sitemaps(data):
    body = data.draw(
        st.one_of(
            st.just(SITEMAP).map(lambda b: mutate(b.decode(), data).encode("utf-8", "replace")),
            st.binary(max_size=2000),
            st.binary(max_size=500).map(
                lambda b: gzip.compress(b)[: data.draw(st.integers(0, 600))]
            ),
        )
    )
    try:
        links, children = parse_sitemap(
            body, base_url="http://news.example/sitemap.xml", source="fuzz"
        )
    except DiscoveryError:
        return
    assert_links(links)
    assert all(isinstance(c, str) for c in children)


SENTENCE_WORDS = (
    "McCluskey Coyne Allinson Unite defeated candidate lost election votes "
    "turnout 59,067 53,544 17,143 12.2% 45% two-horse race rival breached "
    "guidelines the a was and said by of , . ! ? \" ' ( ) \u201c \u201d"
).split()


@pytest.fixture(scope="module")
def matcher():
    matcher_mod = pytest.importorskip("factwatch.claims.matcher")
    facts_mod = pytest.importorskip("factwatch.claims.facts")
    return matcher_mod.Matcher(facts_mod.load_facts([str(FACTS)]))


@FUZZ
@given(
    paragraphs=st.lists(
        st.one_of(
            st.lists(st.sampled_from(SENTENCE_WORDS), max_size=60).map(" ".join),
            st.text(max_size=200),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_matcher_on_random_text(matcher, paragraphs):
    from factwatch.core.records import Finding
    from factwatch.core.segment import join_paragraphs, segment

    text, paras = join_paragraphs(paragraphs)
    article = Article(
        url="http://news.example/a",
        canonical_url="http://news.example/a",
        text=text,
        paragraphs=paras,
        sentences=segment(paras, text),
    )
    findings = matcher.check(article)
    for f in findings:
        assert isinstance(f, Finding)
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.quote
