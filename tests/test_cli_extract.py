"""`factwatch extract`: files and URLs in, extracted fields out."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factwatch.cli import cli

PAGES = Path(__file__).parent / "fixtures" / "pages"
ARTICLE = str(PAGES / "jsonld-news.html")
INDEX = str(PAGES / "index-page.html")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        "[safety]\nallow_loopback = true\n\n[politeness]\nper_host_delay = 0\nretries = 0\n",
        encoding="utf-8",
    )
    return str(path)


def test_json_has_the_fields_of_each_page():
    result = run("extract", "--format", "json", ARTICLE)
    [record] = json.loads(result.output)
    assert (record["article"], record["title"], record["authors"], record["date"]) == (
        ARTICLE,
        "McCluskey wins second term as Unite general secretary",
        ["Alice Reporter", "Bob Writer"],
        "2017-04-28T14:05:00+01:00",
    )


def test_json_offsets_index_the_text():
    [record] = json.loads(run("extract", "--format", "json", ARTICLE).output)
    spans = record["paragraphs"] + record["sentences"]
    assert spans and all(record["text"][s["start"] : s["end"]] == s["text"] for s in spans)


def test_json_lists_pages_in_the_order_given():
    other = str(PAGES / "og-meta.html")
    records = json.loads(run("extract", "--format", "json", other, ARTICLE).output)
    assert [r["article"] for r in records] == [other, ARTICLE]


def test_text_format_shows_metadata_and_text():
    result = run("extract", ARTICLE)
    assert "Outlet:        The Daily Ledger" in result.output
    assert "McCluskey won 59,067 votes" in result.output


def test_missing_file_is_reported_and_others_still_printed():
    result = run("extract", "--format", "json", "missing.html", ARTICLE)
    assert "Error: missing.html: no such file" in result.stderr
    assert [r["article"] for r in json.loads(result.stdout)] == [ARTICLE]


def test_a_failed_page_makes_the_exit_status_1():
    assert run("extract", "missing.html", ARTICLE).exit_code == 1


def test_page_without_text_is_reported_by_name():
    result = run("extract", INDEX)
    assert f"Error: {INDEX}: no article text found" in result.stderr
    assert result.exit_code == 1


def test_no_pages_is_a_usage_error():
    assert run("extract").exit_code == 2


def test_bad_format_is_a_usage_error():
    assert run("extract", "--format", "xml", ARTICLE).exit_code == 2


def test_help_ends_with_an_example():
    assert re.search(r"Example:\n\s+factwatch extract", run("extract", "--help").output)


def test_url_is_fetched_and_extracted(site, config):
    site.route("/news/unite", body=(PAGES / "og-meta.html").read_bytes())
    url = site.url("/news/unite")
    result = run("--config", config, "extract", "--format", "json", url)
    [record] = json.loads(result.stdout)
    assert (record["article"], record["title"]) == (
        url,
        "Coyne launches legal challenge to Unite result",
    )


def test_url_page_is_decoded_with_the_declared_charset(site, config):
    body = (PAGES / "windows-1252.html").read_bytes()
    site.route("/cost", body=body, content_type="text/html; charset=windows-1252")
    result = run("--config", config, "extract", "--format", "json", site.url("/cost"))
    assert "£1.2m" in json.loads(result.stdout)[0]["text"]


def test_url_that_fails_to_fetch_is_reported_by_url(site, config):
    site.route("/gone", body=b"gone", status=404)
    url = site.url("/gone")
    result = run("--config", config, "extract", url)
    assert url in result.stderr and result.exit_code == 1


def test_a_redirect_from_a_typed_url_to_another_loopback_host_is_refused(site, tmp_path):
    from localserver import LocalSite, Response

    with LocalSite() as other:
        other.route("/inside", body=(PAGES / "og-meta.html").read_bytes())
        site.route(
            "/hop", responses=[Response(status=302, headers={"Location": other.url("/inside")})]
        )
        strict = tmp_path / "strict.toml"
        strict.write_text("[politeness]\nper_host_delay = 0\nretries = 0\n", encoding="utf-8")
        result = run("--config", str(strict), "extract", site.url("/hop"))
        assert result.exit_code == 1
        assert "loopback" in result.stderr
        assert other.hits("/inside") == []


def test_a_url_typed_by_the_user_is_fetched_without_allowing_loopback(site, tmp_path):
    site.route("/story", body=Path(ARTICLE).read_text(encoding="utf-8"))
    strict = tmp_path / "strict.toml"
    strict.write_text("[politeness]\nper_host_delay = 0\nretries = 0\n", encoding="utf-8")
    result = run("--config", str(strict), "extract", "--format", "json", site.url("/story"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["article"] == site.url("/story")


@pytest.mark.parametrize("command", ["extract", "check"])
def test_a_page_the_extraction_library_cannot_parse_gives_one_error_line(tmp_path, command):
    path = tmp_path / "not-html.html"
    path.write_text('<?xml version="1.0"?><x/>', encoding="utf-8")
    done = subprocess.run(
        [str(Path(sys.executable).with_name("factwatch")), command, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert done.stderr.splitlines() == [
        f"Error: {path}: no article text found (the page may be an index, a paywall, "
        "or built by JavaScript)"
    ]
