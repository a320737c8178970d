"""Discovery from URL lists (inline, remote, local file) and HTML listing pages."""

from __future__ import annotations

import pytest
from discoverkit import make_fetcher

from factwatch.core.errors import DiscoveryError
from factwatch.core.records import SourceConfig
from factwatch.scraper.discover import discover
from factwatch.scraper.listing import parse_listing, parse_url_list

URL_LIST = """# Unite 2017 coverage
https://p.example/one

https://p.example/two   # a note after the URL
/relative/three
mailto:desk@p.example
https://p.example/one#again
"""

LISTING = """<!DOCTYPE html><html><head><title>Politics</title></head><body>
<nav><a href="/about">About</a><a href="/politics/">Politics</a></nav>
<a href="/politics/2017/04/28/unite-result"><img src="x.jpg" alt=""></a>
<h2><a href="/politics/2017/04/28/unite-result">Unite result declared</a></h2>
<h2><a href="https://p.example/politics/2017/04/29/coyne-challenge#comments">Coyne</a></h2>
<a href="javascript:void(0)">more</a>
<a href="/politics/2017/05/01/allinson?ref=home">Allinson speaks</a>
</body></html>"""

PATTERN = r"/politics/\d{4}/\d{2}/\d{2}/"


def test_url_list_skips_comments_blank_lines_and_non_http():
    links = parse_url_list(URL_LIST, base_url="https://p.example/list.txt", source="s")
    assert [x.url for x in links] == [
        "https://p.example/one",
        "https://p.example/two",
        "https://p.example/relative/three",
    ]


def test_inline_urls_source(site):
    src = SourceConfig(
        name="picked", kind="urls", urls=["https://p.example/a", "https://p.example/b"]
    )
    result = discover(src, make_fetcher())
    assert [(x.url, x.source) for x in result.links] == [
        ("https://p.example/a", "picked"),
        ("https://p.example/b", "picked"),
    ]


def test_inline_url_that_is_not_http_reported(site):
    src = SourceConfig(
        name="picked", kind="urls", urls=["p.example/no-scheme", "https://p.example/b"]
    )
    result = discover(src, make_fetcher())
    assert [x.url for x in result.links] == ["https://p.example/b"]
    assert "'p.example/no-scheme' is not an http(s) URL" in result.errors[0]


def test_remote_url_list_source(site):
    site.route("/list.txt", body=URL_LIST, content_type="text/plain; charset=utf-8")
    src = SourceConfig(name="remote", kind="urls", url=site.url("/list.txt"))
    result = discover(src, make_fetcher())
    assert [x.url for x in result.links][-1] == site.url("/relative/three")
    assert len(result.links) == 3


def test_local_file_url_list_source(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("https://p.example/local\n# done\n", encoding="utf-8")
    src = SourceConfig(name="file", kind="urls", url=str(path))
    result = discover(src, make_fetcher())
    assert [x.url for x in result.links] == ["https://p.example/local"]


def test_missing_local_url_list_file_reported(tmp_path):
    src = SourceConfig(name="file", kind="urls", url=str(tmp_path / "nope.txt"))
    result = discover(src, make_fetcher())
    assert result.links == []
    assert "nope.txt: URL list file not found" in result.errors[0]


def test_listing_keeps_matching_links_in_page_order_deduplicated():
    links = parse_listing(
        LISTING, base_url="https://p.example/politics/", pattern=PATTERN, source="s"
    )
    assert [x.url for x in links] == [
        "https://p.example/politics/2017/04/28/unite-result",
        "https://p.example/politics/2017/04/29/coyne-challenge",
        "https://p.example/politics/2017/05/01/allinson?ref=home",
    ]


def test_listing_title_taken_from_headline_link_after_image_link():
    links = parse_listing(
        LISTING, base_url="https://p.example/politics/", pattern=PATTERN, source="s"
    )
    assert links[0].title == "Unite result declared"


def test_listing_respects_base_tag():
    html = (
        '<html><head><base href="https://cdn.example/"></head>'
        '<body><a href="politics/2017/04/28/x">x</a>'
    )
    links = parse_listing(html, base_url="https://p.example/", pattern=PATTERN, source="s")
    assert [x.url for x in links] == ["https://cdn.example/politics/2017/04/28/x"]


def test_listing_source_fetched_over_http(site):
    site.route("/politics/", body=LISTING)
    src = SourceConfig(name="front", kind="listing", url=site.url("/politics/"), pattern=PATTERN)
    result = discover(src, make_fetcher())
    assert result.links[0].url == site.url("/politics/2017/04/28/unite-result")
    assert len(result.links) == 3


def test_listing_invalid_pattern_names_the_pattern():
    with pytest.raises(DiscoveryError, match=r"pattern '\(unclosed' is not a valid regular"):
        parse_listing(LISTING, base_url="https://p.example/", pattern="(unclosed", source="s")


def test_listing_invalid_pattern_is_a_recorded_error_in_discover(site):
    site.route("/politics/", body=LISTING)
    src = SourceConfig(name="front", kind="listing", url=site.url("/politics/"), pattern="(x")
    result = discover(src, make_fetcher())
    assert result.links == [] and "source 'front': pattern '(x'" in result.errors[0]


def test_listing_max_articles_respected(site):
    site.route("/politics/", body=LISTING)
    src = SourceConfig(
        name="front", kind="listing", url=site.url("/politics/"), pattern=PATTERN, max_articles=1
    )
    result = discover(src, make_fetcher())
    assert [x.url for x in result.links] == [site.url("/politics/2017/04/28/unite-result")]
