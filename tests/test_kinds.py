"""The finding-kind registry (factwatch/core/kinds.toml) and what reads it."""

from __future__ import annotations

import json

import pytest
from builders import add_article, add_finding, invoke

from factwatch.claims.matcher import reported_kinds
from factwatch.core import kinds as kinds_module
from factwatch.core.errors import ConfigError
from factwatch.core.kinds import kinds, load_kinds
from factwatch.core.records import Article, Finding
from factwatch.core.resources import text
from factwatch.rebuttals.templates import TemplateSet
from factwatch.work import ARTICLE, Record, Writer

ENTRY = """
[kinds.{name}]
label = "{label}"
description = "{label}, for a test."
flags = {flags}
severity = "medium"
rating = {{ name = "False", value = 1 }}
"""


class KindsFile:
    """A kinds file of a test's own, made the registry by ``write``."""

    def __init__(self, path, monkeypatch):
        self.path, self.monkeypatch = path, monkeypatch

    def write(self, extra: str = "", *, framing_flags: bool = True) -> None:
        head, header, tail = text("factwatch.core", "kinds.toml").partition("[kinds.framing]")
        if not framing_flags:
            tail = tail.replace("flags = true", "flags = false", 1)
        self.path.write_text(head + header + tail + extra, encoding="utf-8")
        self.monkeypatch.setattr(kinds_module, "KINDS_FILE", self.path)
        kinds.cache_clear()


@pytest.fixture
def registry_file(tmp_path, monkeypatch):
    yield KindsFile(tmp_path / "kinds.toml", monkeypatch)
    kinds.cache_clear()


def test_every_kind_the_matcher_reports_is_registered_with_its_flagging():
    registry = kinds()
    reported = reported_kinds()
    assert reported >= {"framing", "omission", "figure", "unchallenged_claim", "challenged_claim"}
    assert reported <= set(registry.names())
    assert {k for k in reported if not registry.flags(k)} == {"challenged_claim"}


def test_every_registered_kind_has_its_wording_in_the_bundled_templates():
    templates = TemplateSet()
    assert [k for k in kinds().names() if not templates.has_wording(k)] == []
    assert templates.lead("figure") == "This figure does not match the official result."


def test_the_registry_keeps_file_order_and_fills_every_field():
    registry = kinds()
    assert registry.names()[:2] == ("framing", "omission")
    for kind in registry.kinds:
        assert kind.label and kind.description and kind.severity in ("low", "medium", "high")
        assert registry.worst <= kind.rating_value <= registry.best


def test_an_unknown_kind_flags_so_it_is_shown_for_review():
    assert kinds().flags("a_kind_added_to_the_matcher_first") is True
    assert kinds().label("a_kind_added_to_the_matcher_first") == "a_kind_added_to_the_matcher_first"


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (('severity = "high"', 'severity = "urgent"'), "kinds.figure.severity"),
        (("value = 2 }", "value = 9 }"), "kinds.framing.rating.value"),
        (("flags = true", 'flags = "yes"'), "kinds.framing.flags"),
        (("[kinds.omission]", "[kinds.omission-2]"), "kinds.omission-2"),
        (("worst = 1", "worst = 7"), "rating_scale"),
    ],
)
def test_a_bad_kinds_file_names_the_file_and_key(tmp_path, change, key):
    path = tmp_path / "kinds.toml"
    path.write_text(text("factwatch.core", "kinds.toml").replace(*change, 1), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_kinds(path)
    assert str(path) in str(err.value) and key in str(err.value)


def _record(kind: str) -> Record:
    body = "Len McCluskey beat his only rival."
    article = Article(url="https://x.example/a", canonical_url="https://x.example/a", text=body)
    article.content_hash = "h-" + kind
    finding = Finding(kind, "rule", body, 0, len(body), "why", fact_ids=["f"])
    return Record(article.url, article.url, "src", ARTICLE, article, [finding], "v", status=200)


def test_the_writer_counts_only_kinds_the_registry_says_flag(db):
    assert len(Writer(db).write(_record("framing")).new_findings) == 1
    assert Writer(db).write(_record("challenged_claim")).new_findings == []


def test_a_kind_turned_recorded_only_in_the_registry_stops_flagging(db, registry_file):
    registry_file.write(framing_flags=False)
    assert kinds().flags("framing") is False
    assert Writer(db).write(_record("framing")).new_findings == []


def test_a_new_kind_needs_only_a_registry_entry_and_a_wording_macro(
    tmp_path, db_path, db, registry_file
):
    registry_file.write(ENTRY.format(name="ballot_secrecy", label="Ballot secrecy", flags="true"))
    folder = tmp_path / "tpl"
    folder.mkdir()
    bundled = text("factwatch.rebuttals", "templates", "_kinds.j2")
    (folder / "_kinds.j2").write_text(
        bundled + "{% macro ballot_secrecy() -%}This misreports how the ballot was run."
        "{%- endmacro %}\n",
        encoding="utf-8",
    )
    config = tmp_path / "config.toml"
    config.write_text(f'[rebuttals]\ntemplates = "{folder}"\n', encoding="utf-8")
    fid = add_finding(db, add_article(db), kind="ballot_secrecy", status="confirmed")
    result = invoke(db_path, "rebut", "--format", "briefing", config=config)
    assert result.exit_code == 0, result.output
    assert "Ballot secrecy (ballot_secrecy" in result.stdout
    assert "This misreports how the ballot was run." in result.stdout
    review = json.loads(invoke(db_path, "export", config=config).stdout)
    assert [r["reviewRating"]["alternateName"] for r in review] == ["False"]
    assert fid in review[0]["url"]


def test_a_registered_kind_without_wording_names_the_macro_to_add(db_path, db, registry_file):
    registry_file.write(ENTRY.format(name="ballot_secrecy", label="Ballot secrecy", flags="true"))
    add_finding(db, add_article(db), kind="ballot_secrecy", status="confirmed")
    result = invoke(db_path, "rebut")
    assert result.exit_code == 2
    assert "_kinds.j2" in result.stderr and "ballot_secrecy()" in result.stderr


def test_findings_kind_choices_come_from_the_registry(db_path, db):
    add_finding(db, add_article(db))
    result = invoke(db_path, "findings", "--kind", "no_such_kind")
    assert result.exit_code == 2
    assert all(name in result.output for name in kinds().names())


def test_datasette_metadata_describes_every_kind():
    from factwatch.datasette import metadata_for

    db = metadata_for("demo.db")["databases"]["demo"]
    described = db["tables"]["findings"]["columns"]["kind"]
    assert all(f"{k.name}: {k.label}" in described for k in kinds().kinds)
    open_by_kind = db["queries"]["open_findings_by_outlet_and_kind"]["sql"]
    assert "f.kind not in ('challenged_claim')" in open_by_kind
