"""docs/facts-format.md stays true: every key is documented, and the worked example's file,
its check output, its error and its warning are what factwatch produces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from factwatch.claims.facts_schema import all_keys
from factwatch.cli import cli

DOC = Path(__file__).resolve().parents[1] / "docs" / "facts-format.md"
TEXT = DOC.read_text(encoding="utf-8")
EXAMPLE = TEXT.split("## A worked example")[1].split("\n## ")[0]
NAME = "facts/rcwa-2025.toml"


def blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```$", text, flags=re.S | re.M)


@pytest.fixture
def example(tmp_path, monkeypatch) -> Path:
    """The worked example's final file, written where the doc says it is."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / NAME
    path.parent.mkdir()
    path.write_text(blocks(EXAMPLE, "toml")[-1], encoding="utf-8")
    return path


def check(*args: str):
    return CliRunner().invoke(cli, ["facts", "check", *args])


@pytest.mark.parametrize("key", all_keys())
def test_every_key_is_documented(key):
    assert f"`{key}`" in TEXT


def test_the_reference_documents_no_key_the_reader_does_not_accept():
    reference = TEXT.split("## Reference: every key")[1]
    tables = {k.split(".")[0] for k in all_keys()}
    named = {k for k in re.findall(r"^\| `([a-z_.]+)` \|", reference, flags=re.M)}
    assert named and named <= set(all_keys()) | tables


def test_the_worked_examples_file_passes_check_without_warnings(example):
    result = check(NAME)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_the_worked_examples_steps_add_up_to_the_whole_file():
    *steps, whole = blocks(EXAMPLE, "toml")
    assert "\n\n".join(s.strip() for s in steps) + "\n" == whole


def test_the_check_output_shown_is_what_check_prints(example):
    shown = next(b for b in blocks(EXAMPLE, "text") if b.startswith("RCWA General"))
    assert check(NAME).stdout == shown


def test_the_error_shown_is_what_check_prints(example):
    example.write_text(
        example.read_text().replace('source = "walsh"\n', 'source = "walsh"\nseverty = "low"\n')
    )
    shown = next(b for b in blocks(EXAMPLE, "text") if b.startswith("Error:"))
    assert check(NAME).stderr == shown


def test_the_warning_shown_is_what_check_prints(example):
    example.write_text(example.read_text().replace("share = 32.9", "share = 39.2"))
    shown = next(b for b in blocks(EXAMPLE, "text") if b.startswith("warning:"))
    assert check(NAME).stderr == shown
