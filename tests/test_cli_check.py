"""`factwatch check`: files and URLs checked without storing anything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factwatch.cli import cli

FACTS = Path(__file__).resolve().parents[1] / "facts" / "unite-2017.toml"
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><article><h1>{title}</h1>{body}</article></body></html>"""
FRAMED = [
    "Speaking outside the union's London headquarters, the defeated candidate said members "
    "had been let down by the way the contest was run.",
    "Gerard Coyne received 53,544 votes to Len McCluskey's 59,067.",
    "Ian Allinson, the third candidate, polled 17,143 votes.",
]
CLEAN = [
    "Len McCluskey won with 59,067 votes.",
    "Gerard Coyne was runner-up with 53,544 and Ian Allinson came third with 17,143.",
    "Some 317 papers were spoiled.",
]


def page(tmp_path: Path, name: str, paragraphs: list[str], title: str = "Unite result") -> Path:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    path = tmp_path / name
    path.write_text(PAGE.format(title=title, body=body), encoding="utf-8")
    return path


def run(args: list[str]):
    return CliRunner().invoke(cli, args)


def test_flagged_file_exits_1_with_json_findings(tmp_path):
    path = page(tmp_path, "framed.html", FRAMED)
    result = run(["check", "--format", "json", str(path)])
    assert result.exit_code == 1
    (finding,) = json.loads(result.output)
    assert finding["article"] == str(path) and finding["kind"] == "framing"
    assert "the defeated candidate" in finding["quote"]


def test_json_findings_carry_every_finding_field(tmp_path):
    result = run(["check", "--format", "json", str(page(tmp_path, "f.html", FRAMED))])
    (finding,) = json.loads(result.output)
    for key in (
        "explanation",
        "rule_id",
        "fact_ids",
        "start",
        "end",
        "sentence_index",
        "speaker",
        "voice",
        "severity",
        "confidence",
        "correction",
        "fact_sources",
        "challenged",
    ):
        assert key in finding
    assert finding["correction"] and finding["fact_sources"]


def test_clean_file_exits_0_with_empty_array(tmp_path):
    result = run(["check", "--format", "json", str(page(tmp_path, "clean.html", CLEAN))])
    assert result.exit_code == 0 and json.loads(result.output) == []


def test_plain_text_file_is_checked(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        "McCluskey wins\n\nLen McCluskey beat Gerard Coyne to win the Unite election.\n",
        encoding="utf-8",
    )
    result = run(["check", "--format", "json", str(path)])
    assert result.exit_code == 1
    assert [f["kind"] for f in json.loads(result.output)] == ["omission"]


def test_table_format_shows_kind_quote_and_fact(tmp_path):
    result = run(["check", str(page(tmp_path, "f.html", FRAMED))])
    assert result.exit_code == 1
    assert "framing (high)" in result.output and "the defeated candidate" in result.output
    assert "Fact: There were three candidates" in result.output


def test_several_files_in_one_call_name_their_article(tmp_path):
    a, b = page(tmp_path, "a.html", FRAMED), page(tmp_path, "b.html", CLEAN)
    result = run(["check", "--format", "json", str(a), str(b)])
    assert {f["article"] for f in json.loads(result.output)} == {str(a)}


def test_malformed_facts_file_exits_2_naming_it(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[election\n", encoding="utf-8")
    result = run(["check", "--facts", str(bad), str(page(tmp_path, "f.html", FRAMED))])
    assert result.exit_code == 2
    assert "bad.toml: not valid TOML" in result.output


def test_missing_input_file_exits_2_naming_it(tmp_path):
    result = run(["check", str(tmp_path / "nope.html")])
    assert result.exit_code == 2 and "nope.html: no such file" in result.output


def test_default_facts_work_from_any_folder(tmp_path, monkeypatch):
    path = page(tmp_path, "f.html", FRAMED)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTWATCH_CONFIG", raising=False)
    result = run(["check", "--format", "json", str(path)])
    assert result.exit_code == 1, result.output
    assert json.loads(result.output)[0]["kind"] == "framing"


def test_url_is_fetched_and_checked(site, tmp_path):
    site.route("/robots.txt", body=b"User-agent: *\nAllow: /\n", content_type="text/plain")
    body = "".join(f"<p>{p}</p>" for p in FRAMED)
    site.route("/news/unite", body=PAGE.format(title="Unite result", body=body).encode())
    config = tmp_path / "config.toml"
    config.write_text(
        f'[facts]\nfiles = ["{FACTS}"]\n[safety]\nallow_loopback = true\n'
        "[politeness]\nper_host_delay = 0.0\nretries = 0\n",
        encoding="utf-8",
    )
    url = site.url("/news/unite")
    result = run(["--config", str(config), "check", "--format", "json", url])
    assert result.exit_code == 1, result.output
    assert json.loads(result.output)[0]["article"] == url


def test_help_ends_with_an_example():
    result = run(["check", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output
    assert "factwatch check" in result.output.split("Example:")[1]


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_challenged_claim_alone_does_not_count_as_flagged(tmp_path, fmt):
    path = page(
        tmp_path,
        "c.html",
        [
            "Coyne said union employees had repeatedly breached guidelines that meant they should "
            "have been neutral.",
            "No such guideline exists, according to Ian Allinson, who won 17,143 votes.",
            "Len McCluskey beat Coyne and Allinson.",
        ],
    )
    result = run(["check", "--format", fmt, str(path)])
    assert result.exit_code == 0
    assert "challenged_claim" in result.output
