"""The bundled demo news world: served over real HTTP on 127.0.0.1."""

from __future__ import annotations

import http.client
import re
import socket
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import requests
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from protego import Protego

from factwatch.core.errors import ConfigError
from factwatch.demo import DemoWorld, load_expected
from factwatch.demo.spec import PLACEHOLDER, SITE_DIR, fill, load_world

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
COURIER_RESULT = "/news/2017/apr/21/mccluskey-holds-on-at-unite"
LEDGER_RESULT = "/politics/unite-result-mccluskey-re-elected"
SLOW = "/politics/analysis-unite-turnout"


@pytest.fixture(scope="module")
def world():
    with DemoWorld() as w:
        yield w


def files_under(folder, prefix: str = ""):
    """Relative paths of the files in a package-data folder (a Traversable)."""
    for item in folder.iterdir():
        if item.is_dir():
            yield from files_under(item, f"{prefix}{item.name}/")
        else:
            yield prefix + item.name


def walk(folder):
    """The files in a package-data folder and its subfolders."""
    for rel in files_under(folder):
        item = folder
        for part in rel.split("/"):
            item = item / part
        yield item


def get(url: str, **kwargs) -> requests.Response:
    return requests.get(url, timeout=10, **kwargs)


def source(world: DemoWorld, kind: str):
    return next(s for s in world.sources() if s.kind == kind)


def test_each_outlet_has_its_own_loopback_port(world):
    ports = {urlsplit(world.url(o, "/")).port for o in world.outlets}
    hosts = {urlsplit(world.url(o, "/")).hostname for o in world.outlets}
    assert len(ports) == len(world.outlets) == 4
    assert hosts == {"127.0.0.1"}


def test_sources_cover_every_kind_and_point_at_the_world(world):
    sources = world.sources()
    assert {s.kind for s in sources} == {"feed", "sitemap", "urls", "listing"}
    bases = tuple(world.url(o, "/") for o in world.outlets)
    for s in sources:
        for url in [s.url, *s.urls] if s.url else s.urls:
            assert url.startswith(bases), url


def test_rss_feed_parses_with_absolute_links(world):
    feed_source = next(s for s in world.sources() if s.url.endswith(".rss"))
    parsed = feedparser.parse(get(feed_source.url).content)
    assert parsed.version == "rss20"
    links = [e.link for e in parsed.entries]
    assert len(links) == 6
    assert all(link.startswith(world.url("courier", "/")) for link in links)


def test_rss_feed_links_a_tracking_variant_and_a_robots_disallowed_page(world):
    feed_source = next(s for s in world.sources() if s.url.endswith(".rss"))
    paths = [
        urlsplit(e.link).path + ("?" + urlsplit(e.link).query if urlsplit(e.link).query else "")
        for e in feedparser.parse(get(feed_source.url).content).entries
    ]
    assert COURIER_RESULT + "?utm_source=rss&utm_medium=feed" in paths
    assert "/members/2017/apr/29/what-next-for-unite" in paths


def test_atom_feed_parses_with_absolute_links(world):
    feed_source = next(s for s in world.sources() if s.url.endswith(".atom"))
    parsed = feedparser.parse(get(feed_source.url).content)
    assert parsed.version == "atom10"
    assert len(parsed.entries) == 5
    assert all(e.link.startswith(world.url("ledger", "/")) for e in parsed.entries)
    assert all(e.get("published") for e in parsed.entries)


def test_sitemap_index_leads_to_a_plain_and_a_news_sitemap(world):
    index = ElementTree.fromstring(get(source(world, "sitemap").url).content)
    assert index.tag == SM + "sitemapindex"
    children = [loc.text for loc in index.iter(SM + "loc")]
    trees = [ElementTree.fromstring(get(url).content) for url in children]
    assert [t.tag for t in trees] == [SM + "urlset", SM + "urlset"]
    assert any(t.find(f"{SM}url/{NEWS}news") is not None for t in trees)


def test_every_sitemap_url_is_served(world):
    index = ElementTree.fromstring(get(source(world, "sitemap").url).content)
    urls = set()
    for child in index.iter(SM + "loc"):
        urls |= {
            loc.text for loc in ElementTree.fromstring(get(child.text).content).iter(SM + "loc")
        }
    assert len(urls) == 5
    assert all(get(url).status_code == 200 for url in urls)


def test_listing_page_links_articles_matching_the_pattern(world):
    listing = source(world, "listing")
    soup = BeautifulSoup(get(listing.url).text, "html.parser")
    hrefs = {a["href"] for a in soup.find_all("a", href=True)}
    articles = {h for h in hrefs if re.search(listing.pattern, h)}
    assert len(articles) == 4
    assert all(get(world.url("post", h)).status_code == 200 for h in articles)


def test_urls_source_pages_are_served(world):
    assert all(get(url).status_code == 200 for url in source(world, "urls").urls)


def test_robots_txt_is_served_as_plain_text_on_every_outlet(world):
    for outlet in world.outlets:
        response = get(world.url(outlet, "/robots.txt"))
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/plain")
        assert "User-agent: *" in response.text


def test_robots_txt_disallows_the_members_page_the_feed_links(world):
    robots = Protego.parse(get(world.url("courier", "/robots.txt")).text)
    assert not robots.can_fetch(
        world.url("courier", "/members/2017/apr/29/what-next-for-unite"), "factwatch"
    )
    assert robots.can_fetch(world.url("courier", COURIER_RESULT), "factwatch")


def test_robots_txt_sets_a_crawl_delay_of_one_second(world):
    robots = Protego.parse(get(world.url("ledger", "/robots.txt")).text)
    assert robots.crawl_delay("factwatch") == 1


def test_content_types_follow_the_file_kind(world):
    cases = {
        ("courier", "/feeds/politics.rss"): "application/rss+xml",
        ("ledger", "/feeds/politics.atom"): "application/atom+xml",
        ("uniontimes", "/sitemap.xml"): "application/xml",
        ("post", "/politics/"): "text/html; charset=utf-8",
        ("courier", "/robots.txt"): "text/plain",
    }
    for (outlet, path), expected in cases.items():
        assert get(world.url(outlet, path)).headers["Content-Type"].startswith(expected)


def test_etag_revalidation_gets_304(world):
    url = world.url("ledger", LEDGER_RESULT)
    first = get(url)
    second = get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert second.status_code == 304
    assert second.content == b""
    assert second.headers["ETag"] == first.headers["ETag"]


def test_if_modified_since_gets_304(world):
    url = world.url("courier", "/feeds/politics.rss")
    first = get(url)
    second = get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert second.status_code == 304


def test_a_stale_etag_gets_the_full_page(world):
    response = get(world.url("ledger", LEDGER_RESULT), headers={"If-None-Match": '"stale"'})
    assert response.status_code == 200
    assert b"McCluskey" in response.content


def test_the_feed_item_that_404s(world):
    expected = load_expected()
    assert expected.missing
    for page in expected.missing:
        assert get(world.url(page.outlet, page.path)).status_code == 404


def test_the_slow_route_delays_its_response(world):
    with pytest.raises(requests.exceptions.ReadTimeout):
        requests.get(world.url("ledger", SLOW), timeout=(5, 0.2))
    response = get(world.url("ledger", SLOW))
    assert response.status_code == 200
    assert b"why so few Unite members voted" in response.content


def test_placeholders_become_the_outlets_real_ports(world):
    html = get(world.url("ledger", LEDGER_RESULT)).text
    assert "{{base" not in html
    canonical = BeautifulSoup(html, "html.parser").find("link", rel="canonical")["href"]
    assert canonical == world.url("ledger", LEDGER_RESULT)


def test_fill_names_another_outlets_base():
    bases = {"courier": "http://127.0.0.1:1", "ledger": "http://127.0.0.1:2"}
    text = "{{base}}/a {{base:ledger}}/b"
    assert fill(text, bases, "courier") == "http://127.0.0.1:1/a http://127.0.0.1:2/b"


def test_fill_rejects_an_unknown_outlet():
    with pytest.raises(ConfigError, match="nowhere"):
        fill("{{base:nowhere}}/x", {"courier": "http://127.0.0.1:1"})


def test_every_placeholder_in_the_site_names_an_outlet():
    outlets = {o.id for o in load_world().outlets}
    for file in walk(SITE_DIR):
        if file.name != "world.toml":
            for name in PLACEHOLDER.findall(file.read_text(encoding="utf-8")):
                assert name == "" or name in outlets, (file, name)


def test_tracking_variant_serves_the_same_bytes(world):
    plain = get(world.url("courier", COURIER_RESULT))
    tracked = get(world.url("courier", COURIER_RESULT + "?utm_source=rss&utm_medium=feed"))
    assert tracked.content == plain.content
    assert tracked.headers["ETag"] == plain.headers["ETag"]


def test_amp_variant_points_its_canonical_at_the_main_url(world):
    soup = BeautifulSoup(get(world.url("ledger", LEDGER_RESULT + "/amp")).text, "html.parser")
    assert soup.html.has_attr("amp")
    assert soup.find("link", rel="canonical")["href"] == world.url("ledger", LEDGER_RESULT)


def test_wire_story_runs_at_two_outlets_with_different_bylines(world):
    courier = get(world.url("courier", "/news/2017/apr/28/unite-executive-confirms-mccluskey-win"))
    ledger = get(world.url("ledger", "/politics/unite-leadership-result-declared"))
    line = "on a turnout of 15 per cent"
    assert line in courier.text and line in ledger.text
    assert "Press Wire reporter" in courier.text and "Press Wire reporter" not in ledger.text


def test_path_outside_the_outlet_folder_is_404(world):
    conn = http.client.HTTPConnection("127.0.0.1", urlsplit(world.url("courier")).port, timeout=5)
    conn.request("GET", "/../world.toml")
    assert conn.getresponse().status == 404
    conn.close()


def test_requests_are_recorded(world):
    get(world.url("post", "/robots.txt"))
    assert world.hits("post", "/robots.txt")[-1].status == 200


def test_expected_lists_only_pages_the_world_serves(world):
    for article in load_expected().articles:
        assert get(world.url(article.outlet, article.path)).status_code == 200, article.path


def test_expected_has_every_kind_and_clean_pages():
    articles = load_expected().articles
    kinds = [f.kind for a in articles for f in a.findings]
    assert {"framing", "omission", "figure", "unchallenged_claim"} <= set(kinds)
    assert any(not a.findings and a.topic and a.fetch == "ok" for a in articles)


def test_expected_covers_every_article_page_in_the_site():
    expected = {(a.outlet, a.path) for a in load_expected().articles}
    fronts = {("post", "/politics/")}  # section page of the listing source
    for outlet in load_world().outlets:
        for rel in files_under(outlet.root):
            if not rel.endswith(".html") or rel == "index.html":
                continue  # home page
            path = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel[:-5])
            assert (outlet.id, path) in expected or (outlet.id, path) in fronts, path


def test_site_files_hold_no_contact_details():
    for file in walk(SITE_DIR):
        text = file.read_text(encoding="utf-8")
        assert not re.search(r"[\w.]+@gmail\.com|\b07\d{3} ?\d{3} ?\d{3}\b", text), file


def test_stop_closes_the_ports():
    world = DemoWorld().start()
    url = world.url("courier", "/robots.txt")
    world.stop()
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(url, timeout=2)


def test_a_host_it_cannot_listen_on_is_a_clear_error():
    with pytest.raises(ConfigError, match="192.0.2.1.*127.0.0.1"):
        DemoWorld(host="192.0.2.1").start()


def free_port_block(n: int) -> int:
    """A port p with p .. p+n-1 all free right now."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            first = probe.getsockname()[1]
        if first + n > 65000:
            continue
        socks = []
        try:
            for port in range(first, first + n):
                sock = socket.socket()
                socks.append(sock)
                sock.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
        finally:
            for sock in socks:
                sock.close()
    pytest.skip("no block of free ports")


def test_base_port_keeps_urls_stable_so_a_second_run_gets_304():
    base = free_port_block(4)
    with DemoWorld(base_port=base) as first:
        url = first.url("ledger", LEDGER_RESULT)
        etag = get(url).headers["ETag"]
    with DemoWorld(base_port=base) as second:
        assert second.url("ledger", LEDGER_RESULT) == url
        assert get(url, headers={"If-None-Match": etag}).status_code == 304


def test_a_base_port_in_use_is_a_clear_error(world):
    taken = urlsplit(world.url("courier")).port
    with pytest.raises(ConfigError, match=f"127.0.0.1:{taken}.*base_port"):
        DemoWorld(base_port=taken).start()


def test_url_before_start_is_a_clear_error():
    with pytest.raises(ConfigError, match="not started"):
        DemoWorld().url("courier", "/")


def test_a_bad_source_kind_in_world_toml_names_the_key(tmp_path: Path):
    (tmp_path / "courier").mkdir()
    world_toml = tmp_path / "world.toml"
    world_toml.write_text(
        '[[outlet]]\nid = "courier"\nname = "C"\n\n'
        '[[source]]\nname = "C"\nkind = "carrier-pigeon"\nurl = "{{base:courier}}/"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"source\[0\]\.kind"):
        load_world(tmp_path)
