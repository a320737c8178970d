"""Discovery from XML sitemaps: urlset, sitemap index, news sitemap, gzip, text."""

from __future__ import annotations

import gzip

import pytest
from discoverkit import make_fetcher

from factwatch.core.errors import DiscoveryError
from factwatch.core.records import SourceConfig
from factwatch.scraper.discover import discover
from factwatch.scraper.sitemaps import parse_sitemap

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def urlset(*entries: tuple[str, str | None]) -> str:
    rows = "".join(
        f"<url><loc>{loc}</loc>{f'<lastmod>{mod}</lastmod>' if mod else ''}</url>"
        for loc, mod in entries
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset {NS}>{rows}</urlset>'


def index(*locs: str) -> str:
    rows = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return f'<?xml version="1.0"?><sitemapindex {NS}>{rows}</sitemapindex>'


def source(site, path="/sitemap.xml", **kw):
    return SourceConfig(name="paper", kind="sitemap", url=site.url(path), **kw)


def serve(site, path, body, content_type="application/xml"):
    site.route(path, body=body, content_type=content_type)


def test_urlset_pages_become_links_with_lastmod(site):
    serve(site, "/sitemap.xml", urlset(("https://p.example/a", "2017-04-28"), ("/b", None)))
    result = discover(source(site), make_fetcher())
    assert [(x.url, x.published) for x in result.links] == [
        ("https://p.example/a", "2017-04-28"),
        (site.url("/b"), None),
    ]
    assert result.errors == []


def test_urlset_non_http_loc_dropped():
    body = urlset(("ftp://p.example/file", None), ("https://p.example/ok", None)).encode()
    links, children = parse_sitemap(body, base_url="https://p.example/s.xml", source="s")
    assert [x.url for x in links] == ["https://p.example/ok"]
    assert children == []


def test_sitemap_index_children_fetched_and_merged(site):
    serve(site, "/sitemap.xml", index(site.url("/s1.xml"), site.url("/s2.xml")))
    serve(site, "/s1.xml", urlset(("https://p.example/one", "2017-04-28")))
    serve(site, "/s2.xml", urlset(("https://p.example/two", "2017-04-29")))
    result = discover(source(site), make_fetcher())
    assert sorted(x.url for x in result.links) == ["https://p.example/one", "https://p.example/two"]


def test_parse_sitemap_index_returns_child_urls_in_order():
    body = index("https://p.example/s1.xml", "/s2.xml").encode()
    links, children = parse_sitemap(body, base_url="https://p.example/index.xml", source="s")
    assert links == []
    assert children == ["https://p.example/s1.xml", "https://p.example/s2.xml"]


def test_failed_child_sitemap_recorded_while_others_are_used(site):
    serve(site, "/sitemap.xml", index(site.url("/gone.xml"), site.url("/s2.xml")))
    serve(site, "/s2.xml", urlset(("https://p.example/two", None)))
    result = discover(source(site), make_fetcher())
    assert [x.url for x in result.links] == ["https://p.example/two"]
    assert len(result.errors) == 1 and site.url("/gone.xml") in result.errors[0]


def test_nested_indexes_beyond_depth_limit_skipped_with_warning(site):
    serve(site, "/sitemap.xml", index(site.url("/i1.xml")))
    serve(site, "/i1.xml", index(site.url("/i2.xml")))
    serve(site, "/i2.xml", urlset(("https://p.example/deep", None)))
    result = discover(source(site), make_fetcher(), max_depth=1)
    assert result.links == []
    assert "nested deeper than 1" in result.warnings[0]
    assert site.hits("/i2.xml") == []


def test_sitemap_count_limit_stops_fetching(site):
    serve(site, "/sitemap.xml", index(*(site.url(f"/c{i}.xml") for i in range(5))))
    for i in range(5):
        serve(site, f"/c{i}.xml", urlset((f"https://p.example/{i}", None)))
    result = discover(source(site), make_fetcher(), max_sitemaps=3)
    assert len(result.fetched) == 3
    assert "stopped after 3 sitemaps" in result.warnings[0]


def test_sitemap_index_loop_fetched_once(site):
    serve(site, "/sitemap.xml", index(site.url("/sitemap.xml"), site.url("/s.xml")))
    serve(site, "/s.xml", urlset(("https://p.example/x", None)))
    result = discover(source(site), make_fetcher())
    assert len(site.hits("/sitemap.xml")) == 1
    assert [x.url for x in result.links] == ["https://p.example/x"]


def test_news_sitemap_title_and_publication_date_used(site):
    body = f"""<?xml version="1.0"?>
<urlset {NS} xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
 <url><loc>https://p.example/news/unite-result</loc>
  <news:news>
   <news:publication><news:name>Paper</news:name><news:language>en</news:language></news:publication>
   <news:publication_date>2017-04-28T18:05:00+01:00</news:publication_date>
   <news:title>McCluskey wins Unite vote</news:title>
  </news:news>
 </url>
</urlset>"""
    serve(site, "/sitemap.xml", body)
    link = discover(source(site), make_fetcher()).links[0]
    assert (link.url, link.title, link.published) == (
        "https://p.example/news/unite-result",
        "McCluskey wins Unite vote",
        "2017-04-28T18:05:00+01:00",
    )


def test_gzipped_sitemap_read(site):
    body = gzip.compress(urlset(("https://p.example/gz", None)).encode())
    serve(site, "/sitemap.xml.gz", body)
    result = discover(source(site, "/sitemap.xml.gz"), make_fetcher())
    assert [x.url for x in result.links] == ["https://p.example/gz"]


@pytest.mark.parametrize("content_type", ["application/x-gzip", "application/gzip"])
def test_gzipped_sitemap_served_as_gzip_is_read(site, content_type):
    body = gzip.compress(urlset(("https://p.example/gz", None)).encode())
    serve(site, "/sitemap.xml.gz", body, content_type=content_type)
    result = discover(source(site, "/sitemap.xml.gz"), make_fetcher())
    assert [x.url for x in result.links] == ["https://p.example/gz"]


def test_gzipped_sitemap_over_size_cap_refused(site):
    from factwatch.scraper.discover import Discoverer

    bomb = gzip.compress(b"<urlset>" + b" " * 200_000 + b"</urlset>")
    serve(site, "/sitemap.xml.gz", bomb)
    result = Discoverer(make_fetcher(), max_sitemap_bytes=100_000).discover(
        source(site, "/sitemap.xml.gz")
    )
    assert result.links == []
    assert "expands to more than 100,000 bytes" in result.errors[0]


def test_plain_text_sitemap_read(site):
    serve(site, "/sitemap.txt", "https://p.example/t1\nhttps://p.example/t2\n", "text/plain")
    result = discover(source(site, "/sitemap.txt"), make_fetcher())
    assert [x.url for x in result.links] == ["https://p.example/t1", "https://p.example/t2"]


def test_sitemap_url_serving_html_is_recorded_error(site):
    serve(site, "/sitemap.xml", "<html><body><h1>Not Found</h1></body></html>", "text/html")
    result = discover(source(site), make_fetcher())
    assert result.links == []
    assert "HTML page, not a sitemap" in result.errors[0]
    assert site.url("/sitemap.xml") in result.errors[0]


def test_malformed_sitemap_xml_is_recorded_error(site):
    serve(site, "/sitemap.xml", f"<urlset {NS}><url><loc>https://p.example/a</loc></url>")
    result = discover(source(site), make_fetcher())
    assert "not well-formed XML" in result.errors[0]


def test_feed_configured_as_sitemap_gets_a_hint():
    body = b"<rss version='2.0'><channel><title>t</title></channel></rss>"
    with pytest.raises(DiscoveryError, match='use kind = "feed"'):
        parse_sitemap(body, base_url="https://p.example/feed", source="s")


def test_max_articles_keeps_newest_sitemap_pages(site):
    serve(
        site,
        "/sitemap.xml",
        urlset(
            ("https://p.example/old", "2016-01-01"),
            ("https://p.example/new", "2017-04-29"),
            ("https://p.example/mid", "2017-01-01"),
        ),
    )
    result = discover(source(site, max_articles=2), make_fetcher())
    assert [x.url for x in result.links] == ["https://p.example/new", "https://p.example/mid"]


def test_a_lastmod_read_with_an_offset_of_more_than_a_day_is_no_date():
    body = urlset(
        ("https://p.example/a", "2017-04-17-04-28"), ("https://p.example/b", "2017-04-28")
    ).encode()
    links, _ = parse_sitemap(body, base_url="https://p.example/s.xml", source="s")
    assert [(link.url, link.published) for link in links] == [
        ("https://p.example/a", None),
        ("https://p.example/b", "2017-04-28"),
    ]
