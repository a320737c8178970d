"""Guardian source: the content API by query and date range, body from the API fields,
the key from config or the environment and never written anywhere."""

from __future__ import annotations

import pytest

from factwatch.core.errors import ConfigError
from factwatch.core.records import SourceConfig
from factwatch.core.settings import Config, Politeness, Safety
from factwatch.demo.archive_server import ArchiveServer
from factwatch.demo.past import past_captures
from factwatch.scraper.archives.guardian import KEY_ENV, GuardianIndex, redact
from factwatch.scraper.fetch import Fetcher
from factwatch.work import ARTICLE, CheckSpec, process_page

KEY = "test-key-5f1c"


@pytest.fixture
def archive():
    with ArchiveServer(past_captures(), guardian_key=KEY) as server:
        yield server


@pytest.fixture
def records():
    return []


@pytest.fixture
def fetcher(records):
    politeness = Politeness(per_host_delay=0.0, retries=1, backoff=0.05)
    with Fetcher(politeness, Safety(), on_fetch=records.append) as f:
        yield f


def source(archive, **kw) -> SourceConfig:
    kw.setdefault("api_key", KEY)
    kw.setdefault("query", "unite")
    return SourceConfig(
        name="guardian-unite",
        kind="guardian",
        since="2017-04",
        until="2017-06",
        index_url=archive.url("/guardian/search"),
        **kw,
    )


def test_pages_run_until_the_last_and_hold_every_match(archive, fetcher):
    index = GuardianIndex(source(archive, page_size=5), fetcher)
    pages, cursor = [], None
    while True:
        page = index.page(cursor)
        pages.append(page)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    urls = sorted(r["webUrl"] for p in pages for r in p.captures)
    _, query, _ = archive.hits("/guardian/search")[0]
    assert query["from-date"] == ["2017-04-01"] and query["to-date"] == ["2017-06-30"]
    assert len(pages) > 1 and len(urls) == len(set(urls)) > 5


def test_the_body_comes_from_the_api_fields_and_is_checked(archive, fetcher):
    index = GuardianIndex(source(archive, query="two-horse"), fetcher)
    result = index.page(None).captures[0]
    page = index.fetch(result)
    assert page.url == result["webUrl"] and page.metadata["capture"]["archive"] == "guardian"
    record = process_page(page, CheckSpec.from_config(Config()))
    assert record.outcome == ARTICLE and record.findings
    assert any(f.kind == "framing" for f in record.findings)


def test_the_key_can_come_from_the_environment(archive, fetcher, monkeypatch):
    monkeypatch.setenv(KEY_ENV, KEY)
    assert GuardianIndex(source(archive, api_key=""), fetcher).page(None).captures


def test_no_key_is_a_clear_error(archive, fetcher, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    with pytest.raises(ConfigError, match=KEY_ENV):
        GuardianIndex(source(archive, api_key=""), fetcher)


def test_a_refused_key_names_the_fix_and_not_the_key(archive, fetcher):
    with pytest.raises(ConfigError, match="refused the key") as err:
        GuardianIndex(source(archive, api_key="wrong-key-123"), fetcher).page(None)
    assert "wrong-key-123" not in str(err.value)


def test_redact_removes_the_key_from_urls():
    assert redact(f"https://api.example/search?q=x&api-key={KEY}&page=2") == (
        "https://api.example/search?q=x&api-key=REDACTED&page=2"
    )
