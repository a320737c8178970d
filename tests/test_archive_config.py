"""Archive source kinds in config.toml are validated like the others."""

from __future__ import annotations

import pytest

from factwatch.config import parse_config
from factwatch.core.errors import ConfigError


def source(**keys) -> dict:
    return {"sources": [{"name": "past", **keys}]}


def test_a_wayback_source_with_a_date_range_loads():
    config = parse_config(
        source(
            kind="wayback", url="www.theguardian.com/politics/", since="2017-04", until="2017-06"
        )
    )
    assert config.sources[0].match_type == "prefix" and config.sources[0].until == "2017-06"


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ({"kind": "wayback"}, r"sources\[0\]\.url: a wayback source needs the URL prefix"),
        ({"kind": "wayback", "url": "a.example/", "since": "April"}, r"since: expected a date"),
        (
            {"kind": "wayback", "url": "a.example/", "since": "2017-06", "until": "2017-04"},
            r"until: '2017-04' is before since",
        ),
        ({"kind": "wayback", "url": "a.example/", "match_type": "glob"}, r"match_type: 'glob'"),
        ({"kind": "commoncrawl", "url": "a.example/*"}, r"crawls: name the crawls"),
        ({"kind": "warc"}, r"url: a warc source needs"),
        ({"kind": "guardian"}, r"query: a guardian source needs a query"),
        ({"kind": "wayback", "url": "a.example/", "index_url": "cdx"}, r"index_url: expected"),
    ],
)
def test_a_bad_archive_source_names_the_key_and_the_fix(keys, message):
    with pytest.raises(ConfigError, match=message):
        parse_config(source(**keys))


def test_local_warc_files_resolve_against_the_config_folder(tmp_path):
    config = parse_config(
        source(kind="warc", urls=["past/a.warc.gz", "https://data.example/b.warc.gz"]),
        base=tmp_path,
    )
    assert config.sources[0].urls == [
        str(tmp_path / "past/a.warc.gz"),
        "https://data.example/b.warc.gz",
    ]


def test_the_api_key_is_never_stored_in_the_database(db):
    from factwatch.db import store

    config = parse_config(source(kind="guardian", query="unite", api_key="s3cret-key"))
    store.upsert_source(db, config.sources[0])
    assert "s3cret-key" not in db.execute("SELECT config FROM sources").fetchone()[0]
    assert "s3cret-key" not in repr(config.sources[0])
