"""A database path that names no file: reading commands refuse it, naming the
path, and create nothing (a mistyped --db must not leave an empty database)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from factwatch.cli import cli

READERS = [
    ["findings"],
    ["search", "turnout"],
    ["show", "abcd12"],
    ["review", "abcd12", "--confirm"],
    ["status"],
    ["articles"],
    ["rebut"],
    ["rebuttals"],
    ["corrections"],
    ["export"],
    ["recheck"],
    ["serve"],
    ["sources", "--enable", "courier"],
]


@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_a_missing_database_is_refused_and_not_created(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)  # no config.toml here
    typo = tmp_path / "factwach.db"
    result = CliRunner().invoke(cli, ["--db", str(typo), *args])
    assert result.exit_code == 2, result.output
    assert f"{typo}: no such database (from --db/$FACTWATCH_DB)" in result.stderr
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_the_message_names_the_config_key_when_the_path_comes_from_the_config(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[database]\npath = "data/fw.db"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "findings"])
    assert result.exit_code == 2
    assert f"{tmp_path / 'data' / 'fw.db'}: no such database (from database.path" in result.stderr
    assert not (tmp_path / "data").exists()


def test_sources_lists_the_configured_sources_before_any_pass_without_a_database(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(
        '[database]\npath = "fw.db"\n\n[[sources]]\nname = "courier"\nkind = "feed"\n'
        'url = "https://courier.example/feed.xml"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["--config", str(config), "sources"])
    assert result.exit_code == 0, result.output
    assert "courier" in result.stdout and "https://courier.example/feed.xml" in result.stdout
    assert not (tmp_path / "fw.db").exists()
