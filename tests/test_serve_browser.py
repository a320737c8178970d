"""`factwatch serve` in a real browser: facets, article pages, escaped scraped text.

Starts the server as a subprocess on a free 127.0.0.1 port and drives Debian's
Chromium with Playwright.  Set FACTWATCH_SCREENSHOT=path to save a screenshot
of the findings page (docs/datasette-findings.png is made this way).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from builders import add_article, add_finding

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCRIPT_QUOTE = "Turnout was 62% <script>window.__pwned = 1</script>"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason=f"{CHROMIUM} is missing (apt-get install chromium; make test does)",
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen, log: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"factwatch serve exited: {log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError(f"factwatch serve did not answer at {url}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from factwatch.db import open_db

    folder = tmp_path_factory.mktemp("serve")
    path = folder / "factwatch.db"
    db = open_db(path)
    a = add_article(db)
    add_finding(db, a)
    b = add_article(
        db,
        url="https://paper.example/vote",
        title="Unite vote count",
        outlet="Daily Paper",
        text="Intro.\n\n" + SCRIPT_QUOTE,
    )
    add_finding(db, b, quote=SCRIPT_QUOTE, kind="figure", rule_id="figure.turnout")
    add_finding(
        db,
        a,
        quote="Len McCluskey has been re-elected",
        kind="omission",
        rule_id="omission.third",
        status="confirmed",
    )
    db.conn.close()
    port = _free_port()
    log = folder / "serve.log"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from factwatch.cli import main; main()",
            "--db",
            str(path),
            "serve",
            "--port",
            str(port),
        ],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=log.open("wb"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base + "/-/versions.json", proc, log)
        yield ServerURL(f"{base}/factwatch", log)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class ServerURL(str):
    """The database's base URL; ``log`` is the file the server writes stderr to."""

    log: Path

    def __new__(cls, url: str, log: Path) -> ServerURL:
        made = super().__new__(cls, url)
        made.log = log
        return made


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def test_findings_page_lists_findings_with_facets(server, page):
    page.goto(server + "/finding_list")
    assert page.locator("table.rows-and-columns tbody tr").count() == 3
    for column in ("kind", "status", "outlet"):
        assert page.locator(f'.facet-info[data-column="{column}"]').count() == 1
    shot = os.environ.get("FACTWATCH_SCREENSHOT")
    if shot:
        page.screenshot(path=shot, full_page=True)


def test_clicking_a_kind_facet_filters(server, page):
    page.goto(server + "/finding_list")
    page.locator('.facet-info[data-column="kind"] a', has_text="framing").first.click()
    page.wait_for_load_state()
    assert "kind=framing" in page.url
    kinds = page.locator("table.rows-and-columns tbody td.col-kind").all_inner_texts()
    assert kinds == ["framing"]


def test_scraped_script_is_shown_as_text_and_not_run(server, page):
    page.goto(server + "/finding_list?kind=figure")
    assert page.evaluate("window.__pwned") is None
    assert SCRIPT_QUOTE in page.locator("td.col-quote").first.inner_text()


def test_opening_an_article_from_a_finding(server, page):
    page.goto(server + "/findings?kind=figure")
    page.locator("td.col-article_id a").first.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url
    assert "Unite vote count" in page.content()


def test_canned_query_for_one_article(server, page):
    page.goto(server + "/article_findings?article_id=1")
    text = page.locator("table.rows-and-columns").inner_text()
    assert "McCluskey re-elected as Unite leader" in text and "omission" in text


def test_server_is_read_only(server, page):
    response = page.request.post(
        server + "/findings/-/insert", data={"row": {"id": "x"}}, fail_on_status_code=False
    )
    assert response.status in (403, 404, 405)


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_writing_to_a_canned_query_is_refused_without_a_server_error(server, method):
    request = urllib.request.Request(
        server + "/article_findings?article_id=1", data=b"article_id=1", method=method
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 405
    assert refused.value.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert "Traceback" not in server.log.read_text()
