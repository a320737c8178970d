"""`factwatch check`: files and URLs checked without storing anything."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from terminal import on_a_terminal

from factwatch.cli import cli

FACTS = Path(__file__).resolve().parents[1] / "facts" / "unite-2017.toml"
FACTWATCH = str(Path(sys.executable).with_name("factwatch"))
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


def loopback_config(tmp_path: Path) -> Path:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[facts]\nfiles = ["{FACTS}"]\n[safety]\nallow_loopback = true\n'
        "[politeness]\nper_host_delay = 0.0\nretries = 0\n",
        encoding="utf-8",
    )
    return config


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
    assert "framing (high, paragraph 2)" in result.output
    assert "the defeated candidate" in result.output
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


# -- inputs that are not pages, and the byte cap -------------------------------------------


def test_random_bytes_are_an_error_not_a_clean_result(tmp_path):
    path = tmp_path / "noise.html"
    path.write_bytes(random.Random(7).randbytes(4096))
    result = run(["check", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{path}: binary data" in result.stderr


def test_an_executable_is_an_error_naming_what_it_is(tmp_path):
    program = tmp_path / "program"
    shutil.copy(Path(shutil.which("true")).resolve(), program)
    result = run(["check", "--format", "json", str(program)])
    assert result.exit_code == 2
    assert json.loads(result.stdout) == []  # the JSON interface: always an array
    assert f"{program}: an ELF executable" in result.stderr


@pytest.mark.parametrize("case", ["missing", "empty", "http-404"])
def test_an_unreadable_input_prints_no_findings_line(tmp_path, site, case):
    if case == "missing":
        item = str(tmp_path / "nope.html")
    elif case == "empty":
        (tmp_path / "empty.html").write_bytes(b"")
        item = str(tmp_path / "empty.html")
    else:
        site.route("/robots.txt", body=b"User-agent: *\nAllow: /\n", content_type="text/plain")
        item = site.url("/gone")
    result = run(["--config", str(loopback_config(tmp_path)), "check", item])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {item}")


def test_a_file_over_the_byte_cap_is_refused_unread(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(5_000_001)  # sparse: the size is there, the bytes are not read
    result = run(["check", str(path)])
    assert result.exit_code == 2 and result.stdout == ""
    assert "5,000,001 bytes, over the 5,000,000-byte cap" in result.stderr
    assert "--max-bytes" in result.stderr and "politeness.max_bytes" in result.stderr


def test_the_byte_cap_comes_from_the_config(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(f'[facts]\nfiles = ["{FACTS}"]\n[politeness]\nmax_bytes = 300\n')
    path = page(tmp_path, "f.html", FRAMED)
    result = run(["--config", str(config), "check", str(path)])
    assert result.exit_code == 2 and "300-byte cap" in result.stderr


def test_the_byte_cap_option_overrides_the_config(tmp_path):
    path = page(tmp_path, "f.html", FRAMED)
    assert run(["check", "--max-bytes", "100", str(path)]).exit_code == 2
    assert run(["check", "--max-bytes", "100000", str(path)]).exit_code == 1


# -- progress and positions -----------------------------------------------------------------


def long_text(tmp_path: Path) -> Path:
    """About 600 KB of three-sentence paragraphs: a few seconds of checking."""
    sentences = CLEAN + FRAMED
    paragraphs = [" ".join(sentences[(i + k) % 6] for k in range(3)) for i in range(3000)]
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path


def test_long_work_shows_progress_on_a_terminal(tmp_path):
    path = long_text(tmp_path)  # several seconds of checking
    code, stderr = on_a_terminal(["check", str(path)])
    assert code == 1
    assert f"{path}: checking" in stderr


def test_no_progress_without_a_terminal(tmp_path):
    path = long_text(tmp_path)
    done = subprocess.run([FACTWATCH, "check", str(path)], capture_output=True, text=True)
    assert done.returncode == 1 and done.stderr == ""


def test_table_gives_the_line_and_paragraph_of_the_statement(tmp_path):
    path = tmp_path / "story.html"
    lines = PAGE.format(
        title="Unite result", body="\n" + "\n".join(f"<p>{p}</p>" for p in CLEAN + FRAMED)
    ).splitlines()
    path.write_text("\n".join(lines), encoding="utf-8")
    framed_line = next(n for n, text in enumerate(lines, 1) if "the defeated candidate" in text)
    result = run(["check", str(path)])
    # The headline is paragraph 1, as `factwatch extract` lists them.
    assert f"{path}:{framed_line}: framing (high, paragraph 5)" in result.stdout


def test_text_file_positions_are_its_line_numbers(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Unite result\n\n" + "\n\n".join(CLEAN + FRAMED), encoding="utf-8")
    result = run(["check", str(path)])
    assert f"{path}:9: framing (high, paragraph 5)" in result.stdout
