"""config.toml is validated on load; errors name the key and the problem."""

import subprocess
import sys
from pathlib import Path

import pytest

from factwatch.config import load_config
from factwatch.core.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_config_loads():
    config = load_config(ROOT / "config.toml")
    assert config.politeness.per_host_delay > 0
    assert all(s.name for s in config.sources)


def test_relative_paths_resolve_against_the_config_folder(tmp_path):
    config = load_config(write(tmp_path, '[database]\npath = "data/fw.db"\n'))
    assert config.database == str(tmp_path / "data" / "fw.db")


def test_wrong_type_names_the_key(tmp_path):
    with pytest.raises(ConfigError, match=r"politeness\.per_host_delay: expected a number"):
        load_config(write(tmp_path, '[politeness]\nper_host_delay = "fast"\n'))


def test_unknown_key_is_refused(tmp_path):
    with pytest.raises(ConfigError, match=r"politeness\.delay: unknown key"):
        load_config(write(tmp_path, "[politeness]\ndelay = 1\n"))


def test_negative_number_is_refused(tmp_path):
    with pytest.raises(ConfigError, match=r"politeness\.max_bytes: must not be negative"):
        load_config(write(tmp_path, "[politeness]\nmax_bytes = -1\n"))


def test_source_kind_is_checked(tmp_path):
    text = '[[sources]]\nname = "x"\nkind = "rss"\nurl = "https://a.example/feed"\n'
    with pytest.raises(ConfigError, match=r"sources\[0\]\.kind: 'rss' is not one of"):
        load_config(write(tmp_path, text))


def test_listing_source_needs_a_pattern(tmp_path):
    text = '[[sources]]\nname = "x"\nkind = "listing"\nurl = "https://a.example/politics"\n'
    with pytest.raises(ConfigError, match=r"sources\[0\]\.pattern"):
        load_config(write(tmp_path, text))


def test_duplicate_source_names_are_refused(tmp_path):
    one = '[[sources]]\nname = "x"\nkind = "feed"\nurl = "https://a.example/feed"\n'
    with pytest.raises(ConfigError, match="duplicate source name 'x'"):
        load_config(write(tmp_path, one + one))


def test_user_agent_needs_a_contact(tmp_path):
    with pytest.raises(ConfigError, match="contact address"):
        load_config(write(tmp_path, '[politeness]\nuser_agent = "bot"\n'))


def test_not_toml_is_reported_with_the_file(tmp_path):
    path = write(tmp_path, "[politeness\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)


def test_missing_file_says_how_to_fix(tmp_path):
    with pytest.raises(ConfigError, match="--config"):
        load_config(tmp_path / "nope.toml")


def test_cli_exits_2_on_a_bad_config(tmp_path):
    path = write(tmp_path, "[politeness]\nretries = true\n")
    run = subprocess.run(
        [sys.executable, "-m", "factwatch", "--config", str(path), "sources"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert "politeness.retries" in run.stderr
    assert "Traceback" not in run.stderr


def test_without_a_facts_table_the_bundled_facts_are_used(tmp_path):
    from factwatch.core.settings import BUNDLED_FACTS

    config = load_config(write(tmp_path, '[database]\npath = "fw.db"\n'))
    assert config.facts == [str(BUNDLED_FACTS)]
    assert BUNDLED_FACTS.exists()


@pytest.mark.parametrize("schemes", ['["http", "https", "file"]', '["ftp"]', "[]"])
def test_allowed_schemes_other_than_the_web_are_refused(tmp_path, schemes):
    with pytest.raises(ConfigError, match=r"safety\.allowed_schemes: .*only web pages"):
        load_config(write(tmp_path, f"[safety]\nallowed_schemes = {schemes}\n"))


def test_allowed_schemes_may_be_https_only(tmp_path):
    config = load_config(write(tmp_path, '[safety]\nallowed_schemes = ["HTTPS"]\n'))
    assert config.safety.allowed_schemes == ["https"]
