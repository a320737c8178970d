"""What a pass shows on a terminal: the host a slow request waits on, and how far the
discovery of a large sitemap has got; and nothing of it without a terminal."""

from __future__ import annotations

import subprocess

from localserver import Response
from newsroom import article_html, config_toml, rss
from terminal import FACTWATCH, on_a_terminal


def test_a_slow_host_is_named_while_the_pass_waits_for_it(site, tmp_path):
    site.route("/a/0", responses=[Response(body=article_html(0), delay=3.5)])
    site.route("/feed.xml", rss([site.url("/a/0")]), content_type="application/rss+xml")
    config = tmp_path / "config.toml"
    config.write_text(
        config_toml(
            tmp_path / "fw.db", site.url("/feed.xml"), read_timeout=10.0, total_timeout=20.0
        )
    )
    code, stderr = on_a_terminal(["--config", str(config), "run"])
    assert code == 0
    assert f"waiting on 127.0.0.1:{site.port} for " in stderr


def test_discovering_a_large_sitemap_shows_how_far_it_has_got(site, tmp_path):
    children = [site.url(f"/sitemap-{i}.xml") for i in range(4)]
    index = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in children)
    site.route(
        "/sitemap.xml",
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>',
        content_type="application/xml",
    )
    for i, url in enumerate(children):
        urls = "".join(f"<url><loc>{site.url(f'/p/{i}/{n}')}</loc></url>" for n in range(50))
        site.route(
            url.removeprefix(site.url("")),
            responses=[
                Response(
                    body=f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"{urls}</urlset>",
                    content_type="application/xml",
                    delay=0.6,
                )
            ],
        )
    config = tmp_path / "config.toml"
    text = config_toml(tmp_path / "fw.db", site.url("/sitemap.xml"))
    config.write_text(text.replace('kind = "feed"', 'kind = "sitemap"'))
    _code, stderr = on_a_terminal(["--config", str(config), "run"])
    assert "discovering courier: 3 sitemaps read, 100 links" in stderr


def test_no_progress_without_a_terminal(site, tmp_path):
    site.route("/a/0", responses=[Response(body=article_html(0), delay=3.0)])
    site.route("/feed.xml", rss([site.url("/a/0")]), content_type="application/rss+xml")
    config = tmp_path / "config.toml"
    config.write_text(
        config_toml(
            tmp_path / "fw.db", site.url("/feed.xml"), read_timeout=10.0, total_timeout=20.0
        )
    )
    done = subprocess.run(
        [FACTWATCH, "--config", str(config), "run"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stderr == ""
