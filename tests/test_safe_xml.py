"""Hostile XML (entity bombs, external entities, local DTDs) is refused with a
recorded reason, for feeds and sitemaps alike; oversized gzip is refused."""

from __future__ import annotations

import gzip

import pytest
from discoverkit import make_fetcher

from factwatch.core.errors import DiscoveryError
from factwatch.core.records import SourceConfig
from factwatch.scraper.discover import discover
from factwatch.scraper.feeds import parse_feed
from factwatch.scraper.safexml import check_xml_safe, gunzip_capped, parse_xml

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<{root}><channel><title>&lol4;</title>
<item><title>&lol4;</title><link>https://evil.example/a</link></item></channel></{root}>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0"><channel><title>t</title>
<item><title>&xxe;</title><link>https://evil.example/b</link></item></channel></rss>"""

XXE_SITEMAP = """<?xml version="1.0"?>
<!DOCTYPE urlset [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://evil.example/&xxe;</loc></url></urlset>"""


def test_billion_laughs_feed_refused_with_recorded_reason(site):
    site.route("/feed.xml", body=LAUGHS.format(root="rss"), content_type="application/rss+xml")
    result = discover(
        SourceConfig(name="f", kind="feed", url=site.url("/feed.xml")), make_fetcher()
    )
    assert result.links == []
    assert result.errors == [
        f"{site.url('/feed.xml')}: refused to parse: its DOCTYPE declares entities "
        "(an entity-expansion or external-entity attack)"
    ]


def test_external_entity_feed_refused_with_recorded_reason(site):
    site.route("/feed.xml", body=XXE, content_type="application/rss+xml")
    result = discover(
        SourceConfig(name="f", kind="feed", url=site.url("/feed.xml")), make_fetcher()
    )
    assert result.links == []
    assert "refused to parse" in result.errors[0]


def test_billion_laughs_sitemap_refused(site):
    site.route("/sitemap.xml", body=LAUGHS.format(root="urlset"), content_type="application/xml")
    src = SourceConfig(name="s", kind="sitemap", url=site.url("/sitemap.xml"))
    result = discover(src, make_fetcher())
    assert result.links == [] and "refused to parse" in result.errors[0]


def test_external_entity_sitemap_refused(site):
    site.route("/sitemap.xml", body=XXE_SITEMAP, content_type="application/xml")
    src = SourceConfig(name="s", kind="sitemap", url=site.url("/sitemap.xml"))
    result = discover(src, make_fetcher())
    assert result.links == [] and "refused to parse" in result.errors[0]


def test_doctype_after_leading_comment_refused():
    body = ("<!-- generated -->" + XXE_SITEMAP.split("\n", 1)[1]).encode()
    with pytest.raises(DiscoveryError, match="refused to parse"):
        parse_xml(body, url="https://s.example/sitemap.xml")


def test_parameter_entity_refused():
    body = b'<!DOCTYPE r [ <!ENTITY % p SYSTEM "file:///etc/passwd"> %p; ]><r/>'
    with pytest.raises(DiscoveryError, match="declares entities"):
        check_xml_safe(body, url="u")


def test_entity_after_comment_inside_subset_refused():
    body = b'<!DOCTYPE r [ <!-- <a> ] --> <!ENTITY e "boom"> ]><r>&e;</r>'
    with pytest.raises(DiscoveryError, match="declares entities"):
        check_xml_safe(body, url="u")


def test_utf16_encoded_entity_bomb_refused():
    body = LAUGHS.format(root="rss").replace('"1.0"?>', '"1.0" encoding="utf-16"?>', 1)
    with pytest.raises(DiscoveryError, match="declares entities"):
        check_xml_safe(body.encode("utf-16"), url="u")


def test_local_file_dtd_refused():
    body = b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file:///etc/passwd"><rss/>'
    with pytest.raises(DiscoveryError, match="non-web DTD"):
        check_xml_safe(body, url="https://s.example/feed")


def test_error_names_the_url():
    with pytest.raises(DiscoveryError, match=r"^https://s\.example/feed: refused"):
        check_xml_safe(XXE.encode(), url="https://s.example/feed")


def test_entity_text_inside_article_content_is_not_refused():
    body = b"""<rss version="2.0"><channel><title>t</title><item><title>XML tips</title>
<link>https://s.example/tips</link>
<description><![CDATA[<!DOCTYPE x [<!ENTITY a "b">]> explained]]></description>
</item></channel></rss>"""
    links = parse_feed(body, base_url="https://s.example/feed", source="s")
    assert [x.url for x in links] == ["https://s.example/tips"]


def test_gunzip_capped_refuses_expansion_past_cap():
    bomb = gzip.compress(b"\0" * 1_000_000)
    with pytest.raises(DiscoveryError, match="expands to more than 10,000 bytes"):
        gunzip_capped(bomb, url="u", max_bytes=10_000)


def test_gunzip_capped_returns_data_under_cap():
    assert gunzip_capped(gzip.compress(b"x" * 5000), url="u", max_bytes=5000) == b"x" * 5000


def test_truncated_gzip_refused():
    with pytest.raises(DiscoveryError, match="truncated"):
        gunzip_capped(gzip.compress(b"x" * 5000)[:-12], url="u")
