"""Discovery from RSS 0.9x/1.0/2.0 and Atom feeds served over local HTTP."""

from __future__ import annotations

import pytest
from discoverkit import make_fetcher
from localserver import Response

from factwatch.core.errors import DiscoveryError
from factwatch.core.records import SourceConfig
from factwatch.scraper.discover import MemoryEtagStore, discover
from factwatch.scraper.feeds import parse_feed, read_feed

RSS20 = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel>
  <title>Labour News</title><link>/</link><ttl>45</ttl>
  <item>
    <title>McCluskey re-elected as Unite general secretary</title>
    <link>https://news.example.org/2017/04/mccluskey-wins</link>
    <description>&lt;p&gt;Len McCluskey beat Gerard Coyne.&lt;/p&gt;</description>
    <pubDate>Fri, 28 Apr 2017 17:30:00 +0100</pubDate>
  </item>
  <item>
    <title>Relative link</title>
    <link>/2017/04/relative-story#comments</link>
  </item>
  <item><title>Mail us</title><link>mailto:desk@example.org</link></item>
  <item><title>Script</title><link>javascript:alert(1)</link></item>
  <item><title>Duplicate</title><link>https://news.example.org/2017/04/mccluskey-wins#top</link></item>
  <item><title>Guid only</title><guid>https://news.example.org/2017/04/guid-only</guid></item>
</channel>
</rss>"""

RSS10 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
         xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
  <channel rdf:about="https://rdf.example.org/">
    <title>RDF news</title><link>https://rdf.example.org/</link>
    <description>x</description>
    <sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>
    <items><rdf:Seq><rdf:li rdf:resource="https://rdf.example.org/a"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://rdf.example.org/a">
    <title>Coyne challenges result</title>
    <link>https://rdf.example.org/a</link>
    <dc:date>2017-05-02T09:00:00Z</dc:date>
  </item>
  <item rdf:about="https://rdf.example.org/b">
    <title>Second</title><link>https://rdf.example.org/b</link>
  </item>
</rdf:RDF>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.org/news/">
  <title>Atom news</title><id>urn:x</id><updated>2017-04-29T00:00:00Z</updated>
  <entry>
    <title>Allinson: the grassroots candidate</title>
    <link rel="alternate" type="text/html" href="allinson-interview"/>
    <link rel="replies" href="https://atom.example.org/comments/1"/>
    <id>urn:1</id><updated>2017-04-29T08:00:00Z</updated>
    <summary>Ian Allinson took 13.2% of the vote.</summary>
  </entry>
</feed>"""

RSS091 = """<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><link>http://old.example.org/</link>
<description>d</description><language>en</language>
<item><title>Old story</title><link>http://old.example.org/story</link></item>
</channel></rss>"""


def feed_source(site, path="/feed.xml", **kw):
    return SourceConfig(name="news", kind="feed", url=site.url(path), **kw)


def serve(site, body, path="/feed.xml", content_type="application/rss+xml", **kw):
    site.route(path, body=body, content_type=content_type, **kw)


def test_rss20_entries_become_links_with_title_date_and_summary(site):
    serve(site, RSS20)
    result = discover(feed_source(site), make_fetcher())
    first = result.links[0]
    assert first.url == "https://news.example.org/2017/04/mccluskey-wins"
    assert first.title == "McCluskey re-elected as Unite general secretary"
    assert first.published == "2017-04-28T16:30:00+00:00"
    assert first.summary == "Len McCluskey beat Gerard Coyne."
    assert first.source == "news"
    assert result.errors == []


def test_rss_relative_link_resolved_against_feed_url_without_fragment(site):
    serve(site, RSS20)
    urls = [link.url for link in discover(feed_source(site), make_fetcher()).links]
    assert site.url("/2017/04/relative-story") in urls


def test_rss_non_http_links_dropped(site):
    serve(site, RSS20)
    urls = [link.url for link in discover(feed_source(site), make_fetcher()).links]
    assert not [u for u in urls if not u.startswith(("http://", "https://"))]
    assert len(urls) == 3  # story, relative story, guid-only; duplicate merged


def test_entries_without_http_link_counted_in_a_warning(site):
    serve(site, RSS20)
    result = discover(feed_source(site), make_fetcher())
    assert result.warnings == [
        f"{site.url('/feed.xml')}: 2 of 6 entries have no http(s) link; skipped"
    ]


def test_rss_duplicate_url_differing_only_by_fragment_kept_once(site):
    serve(site, RSS20)
    urls = [link.url for link in discover(feed_source(site), make_fetcher()).links]
    assert urls.count("https://news.example.org/2017/04/mccluskey-wins") == 1


def test_rss_guid_permalink_used_when_item_has_no_link(site):
    serve(site, RSS20)
    urls = [link.url for link in discover(feed_source(site), make_fetcher()).links]
    assert "https://news.example.org/2017/04/guid-only" in urls


def test_rss_ttl_reported_in_seconds(site):
    serve(site, RSS20)
    assert discover(feed_source(site), make_fetcher()).ttl_seconds == 45 * 60


def test_cache_control_max_age_used_when_longer_than_feed_ttl(site):
    serve(site, RSS20, headers={"Cache-Control": "public, max-age=7200"})
    assert discover(feed_source(site), make_fetcher()).ttl_seconds == 7200


def test_rss10_rdf_feed_read(site):
    serve(site, RSS10, content_type="application/rdf+xml")
    result = discover(feed_source(site), make_fetcher())
    assert [link.url for link in result.links] == [
        "https://rdf.example.org/a",
        "https://rdf.example.org/b",
    ]
    assert result.links[0].published == "2017-05-02T09:00:00+00:00"


def test_rss10_update_period_gives_ttl(site):
    serve(site, RSS10, content_type="application/rdf+xml")
    assert discover(feed_source(site), make_fetcher()).ttl_seconds == 3600 // 4


def test_atom_alternate_link_resolved_against_xml_base(site):
    serve(site, ATOM, content_type="application/atom+xml")
    result = discover(feed_source(site), make_fetcher())
    assert [link.url for link in result.links] == [
        "https://atom.example.org/news/allinson-interview"
    ]
    assert result.links[0].summary == "Ian Allinson took 13.2% of the vote."


def test_rss091_with_public_netscape_dtd_accepted():
    links = parse_feed(RSS091.encode(), base_url="http://old.example.org/rss", source="s")
    assert [link.url for link in links] == ["http://old.example.org/story"]


def test_malformed_feed_with_no_entries_is_recorded_error_not_crash(site):
    serve(site, "<?xml version='1.0'?><rss version='2.0'><channel><title>x</ti")
    result = discover(feed_source(site), make_fetcher())
    assert result.links == []
    assert len(result.errors) == 1
    assert site.url("/feed.xml") in result.errors[0]
    assert "malformed" in result.errors[0]


def test_bozo_feed_with_entries_used_with_warning(site):
    broken = RSS20.replace("</channel>\n</rss>", "<item><title>cut off")
    serve(site, broken)
    result = discover(feed_source(site), make_fetcher())
    assert "https://news.example.org/2017/04/mccluskey-wins" in [x.url for x in result.links]
    assert result.errors == []
    assert any("not well-formed" in w for w in result.warnings)


def test_feed_url_serving_html_error_page_is_recorded_error(site):
    page = "<!DOCTYPE html><html><head><title>Oops</title></head><body>Error</body></html>"
    serve(site, page, content_type="text/html")
    result = discover(feed_source(site), make_fetcher())
    assert result.links == []
    assert "HTML page, not an RSS or Atom feed" in result.errors[0]


def test_empty_feed_body_is_recorded_error(site):
    serve(site, "")
    result = discover(feed_source(site), make_fetcher())
    assert "empty response" in result.errors[0]


def test_valid_feed_without_items_is_not_an_error(site):
    serve(site, "<rss version='2.0'><channel><title>quiet</title></channel></rss>")
    result = discover(feed_source(site), make_fetcher())
    assert (result.links, result.errors) == ([], [])


def test_feed_http_404_recorded_with_url(site):
    result = discover(feed_source(site, "/missing.xml"), make_fetcher())
    assert result.links == []
    assert site.url("/missing.xml") in result.errors[0]


def test_feed_fetch_recorded_in_fetched(site):
    serve(site, RSS20)
    result = discover(feed_source(site), make_fetcher())
    assert [f.url for f in result.fetched] == [site.url("/feed.xml")]


def test_max_articles_keeps_first_entries_in_feed_order(site):
    serve(site, RSS20)
    result = discover(feed_source(site, max_articles=2), make_fetcher())
    assert [link.url for link in result.links] == [
        "https://news.example.org/2017/04/mccluskey-wins",
        site.url("/2017/04/relative-story"),
    ]


def test_unchanged_feed_sends_etag_and_yields_no_links_on_304(site):
    site.route(
        "/feed.xml",
        responses=[
            Response(body=RSS20, content_type="application/rss+xml", headers={"ETag": '"v1"'}),
            Response(status=304, body=b""),
        ],
    )
    store = MemoryEtagStore()
    discover(feed_source(site), make_fetcher(), etag_store=store)
    second = discover(feed_source(site), make_fetcher(), etag_store=store)
    assert site.hits("/feed.xml")[1].headers.get("If-None-Match") == '"v1"'
    assert (second.links, second.errors, second.not_modified) == ([], [], True)


def test_parse_feed_raises_discovery_error_for_plain_text():
    with pytest.raises(DiscoveryError, match="https://x.example/feed: not an RSS or Atom feed"):
        read_feed(b"just some words", base_url="https://x.example/feed", source="s")


def test_out_of_range_character_reference_replaced_and_feed_used():
    body = RSS20.replace("Relative link", "Bad &#x110000; ref").encode()
    doc = read_feed(body, base_url="https://x.example/feed", source="s")
    assert doc.links[1].title == "Bad \ufffd ref"
    assert "1 invalid character reference(s) replaced" in doc.warnings[0]
