"""URL canonicalisation: one identity for the variants of one article URL."""

from __future__ import annotations

import pytest

from factwatch.scraper.urls import canonicalize

CASES = [
    # scheme and host case, default ports, fragments
    ("HTTPS://WWW.Example.COM/News/Story", "https://www.example.com/News/Story"),
    ("http://example.com:80/a", "http://example.com/a"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("https://example.com:8443/a", "https://example.com:8443/a"),
    ("https://example.com/a#comments", "https://example.com/a"),
    # tracking parameters
    ("https://example.com/a?utm_source=tw&utm_medium=social", "https://example.com/a"),
    ("https://example.com/a?fbclid=IwAR0&gclid=x", "https://example.com/a"),
    ("https://example.com/a?mc_cid=1&mc_eid=2&ocid=3&cmpid=4", "https://example.com/a"),
    ("https://example.com/a?CMP=share_btn_tw&ito=1", "https://example.com/a"),
    ("https://example.com/a?at_medium=RSS&at_campaign=KARANGA", "https://example.com/a"),
    ("https://example.com/a?_ga=2.1&ref=home&share=1", "https://example.com/a"),
    ("https://example.com/a?amp=1", "https://example.com/a"),
    ("https://example.com/a?amp", "https://example.com/a"),
    # remaining parameters are kept and sorted
    ("https://example.com/search?q=unite&page=2", "https://example.com/search?page=2&q=unite"),
    ("https://example.com/a?id=7&utm_campaign=x", "https://example.com/a?id=7"),
    ("https://example.com/a?b=&a=1", "https://example.com/a?a=1&b="),
    # AMP and mobile variants
    ("https://example.com/amp/news/story", "https://example.com/news/story"),
    ("https://example.com/news/amp/story", "https://example.com/news/story"),
    ("https://example.com/news/story/amp", "https://example.com/news/story"),
    ("https://example.com/news/story/amp/", "https://example.com/news/story"),
    ("https://example.com/news/story.amp.html", "https://example.com/news/story.html"),
    ("https://amp.example.com/news/story", "https://example.com/news/story"),
    ("https://m.example.com/news/story", "https://example.com/news/story"),
    ("https://mobile.example.co.uk/news/story", "https://example.co.uk/news/story"),
    ("https://m.com/news", "https://m.com/news"),
    # index files and trailing slashes
    ("https://example.com/news/index.html", "https://example.com/news"),
    ("https://example.com/index.html", "https://example.com/"),
    ("https://example.com/news/", "https://example.com/news"),
    ("https://example.com", "https://example.com/"),
    ("https://example.com/", "https://example.com/"),
    ("https://example.com//news//story", "https://example.com/news/story"),
    # percent escapes: unreserved decoded, the rest upper-cased
    ("https://example.com/caf%c3%a9", "https://example.com/caf%C3%A9"),
    ("https://example.com/%7Euser", "https://example.com/~user"),
    # not an absolute URL: returned stripped, unchanged
    ("  /relative/path ", "/relative/path"),
    ("not a url", "not a url"),
]


@pytest.mark.parametrize(("url", "canonical"), CASES)
def test_canonicalize(url, canonical):
    assert canonicalize(url) == canonical


@pytest.mark.parametrize(("url", "_"), CASES)
def test_canonicalize_is_idempotent(url, _):
    once = canonicalize(url)
    assert canonicalize(once) == once
