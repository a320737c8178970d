"""Listings and exports stream rows through indexes: valid output, no sorts, no scans."""

from __future__ import annotations

import csv
import io
import json

import pytest
from builders import add_article, add_finding, invoke

from factwatch.db import migrations, open_db
from factwatch.db.queries import FindingFilter, list_findings
from factwatch.rebuttals.claimreview import export_claimreview
from factwatch.rebuttals.draft import draft_rebuttals
from factwatch.rebuttals.templates import TemplateSet

ARTICLES = 30
PER_ARTICLE = 3


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def many(db):
    """ARTICLES articles on different days, PER_ARTICLE findings each, some confirmed."""
    ids = []
    for n in range(ARTICLES):
        text = " ".join(f"Sentence {n}-{k} says the defeated candidate lost." for k in range(3))
        aid = add_article(
            db,
            url=f"https://news.example/{n}",
            published=f"2017-05-{n % 28 + 1:02d}" if n % 5 else None,
            text=text,
        )
        for k in range(PER_ARTICLE):
            ids.append(
                add_finding(
                    db,
                    aid,
                    quote=f"Sentence {n}-{k} says the defeated candidate lost.",
                    rule_id=f"framing.r{k}",
                    status="confirmed" if (n + k) % 4 == 0 else "suggested",
                    kind="figure" if k == 2 else "framing",
                )
            )
    return ids


def test_findings_json_is_one_valid_array_of_every_row(db_path, db, many):
    result = invoke(db_path, "findings", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.output) == json.loads(json.dumps(list_findings(db)))
    assert len(json.loads(result.output)) == ARTICLES * PER_ARTICLE


def test_findings_json_reads_as_the_whole_list_did(db_path, db, many):
    rows = list_findings(db)
    expected = json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    assert invoke(db_path, "findings", "--format", "json").output == expected


def test_findings_json_with_no_match_is_an_empty_array(db_path, many):
    result = invoke(db_path, "findings", "--format", "json", "--kind", "omission")
    assert json.loads(result.output) == []


def test_findings_csv_has_a_header_and_every_row(db_path, many):
    rows = list(csv.DictReader(io.StringIO(invoke(db_path, "findings", "--format", "csv").output)))
    assert len(rows) == ARTICLES * PER_ARTICLE
    assert {r["id"] for r in rows} == set(many)


def test_export_csv_streams_every_finding(db_path, many):
    output = invoke(db_path, "export", "--format", "csv").output
    assert len(list(csv.DictReader(io.StringIO(output)))) == ARTICLES * PER_ARTICLE


def test_export_claimreview_is_valid_json_of_every_confirmed_finding(db_path, db, many):
    exported = json.loads(invoke(db_path, "export", "--format", "claimreview").output)
    assert exported == export_claimreview(db, organisation="factwatch")
    confirmed = db.execute("SELECT count(*) FROM findings WHERE status = 'confirmed'").fetchone()
    assert len(exported) == confirmed[0] > 0


def test_listing_order_is_newest_article_first(db, many):
    dates = [r["published"] or r["first_seen"] for r in list_findings(db)]
    assert [d[:10] for d in dates] == sorted((d[:10] for d in dates), reverse=True)


def plan(db, sql: str, params: list) -> str:
    return " | ".join(row[-1] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def listing_sql(db, filters: FindingFilter) -> tuple[str, list]:
    """The SQL iter_findings runs, captured from the connection's trace."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        list_findings(db, filters=filters)
    finally:
        db.conn.set_trace_callback(None)
    return next(s for s in statements if "ORDER BY" in s), []


@pytest.mark.parametrize(
    "filters",
    [FindingFilter(), FindingFilter(status="confirmed"), FindingFilter(kind="figure")],
    ids=["no filter", "status", "kind"],
)
def test_common_listings_use_an_index_and_never_sort(db, many, filters):
    sql, params = listing_sql(db, filters)
    shown = plan(db, sql, params)
    assert "USING INDEX findings_listing" in shown
    assert "TEMP B-TREE" not in shown
    assert "SCAN a" not in shown and "SCAN articles" not in shown


def test_a_finding_id_prefix_is_a_primary_key_range(db_path, db, many):
    shown = plan(db, "SELECT id FROM findings WHERE id >= ? AND id < ? ORDER BY id", ["ab", "ac"])
    assert "SEARCH findings USING" in shown and "SCAN" not in shown
    prefix = many[7][:6].upper()
    assert (
        invoke(db.conn.execute("PRAGMA database_list").fetchone()[2], "show", prefix).exit_code == 0
    )


def test_the_already_drafted_check_is_a_primary_key_lookup(db, many):
    shown = plan(
        db,
        "SELECT 1 FROM rebuttal_findings WHERE finding_id = ? AND format = ? LIMIT 1",
        ["x", "letter"],
    )
    assert "SEARCH rebuttal_findings USING PRIMARY KEY" in shown


def test_a_second_rebut_drafts_nothing_already_drafted(db, many):
    templates = TemplateSet()
    first = draft_rebuttals(db, formats=["correction_request"], templates=templates)
    again = draft_rebuttals(db, formats=["correction_request"], templates=templates)
    assert first and again == []


def test_templates_are_parsed_once_per_template_set(db, many, monkeypatch):
    templates = TemplateSet()
    parsed: list[str] = []  # known_kinds reads and parses the format's file itself
    compiled: list[str | None] = []  # Jinja compiles a template, or one it includes
    parse, compile_ = templates.env.parse, templates.env.compile

    def counting_parse(source, *args, **kwargs):
        parsed.append(source)
        return parse(source, *args, **kwargs)

    def counting_compile(source, name=None, *args, **kwargs):
        compiled.append(name)
        return compile_(source, name, *args, **kwargs)

    monkeypatch.setattr(templates.env, "parse", counting_parse)
    monkeypatch.setattr(templates.env, "compile", counting_compile)
    drafts = draft_rebuttals(db, formats=["correction_request"], templates=templates)
    assert len(drafts) > 3
    assert len(parsed) == 1
    assert compiled and len(compiled) == len(set(compiled))


def test_the_migration_fills_sort_dates_and_drafted_findings(db_path):
    db = open_db(db_path, migrate=False)
    db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for fn in sorted(migrations.MIGRATIONS, key=lambda f: f.__name__):
        if fn.__name__ < "m010":
            fn(db)
            db.execute("INSERT INTO _migrations VALUES (?, '')", [fn.__name__])
    aid = add_article(db, published="2017-05-02")
    undated = add_article(db, url="https://news.example/undated", published=None)
    db["findings"].insert(
        {"id": "f1", "article_id": aid, "kind": "framing", "rule_id": "r", "first_seen": "x"}
    )
    db["findings"].insert(
        {"id": "f2", "article_id": undated, "kind": "framing", "rule_id": "r", "first_seen": "y"}
    )
    db["rebuttals"].insert(
        {"id": 1, "article_id": aid, "format": "letter", "finding_ids": '["f1"]'}
    )
    assert "m010_listing_indexes" in migrations.migrate(db)
    assert db.execute("SELECT id, sort_date FROM findings ORDER BY id").fetchall() == [
        ("f1", "2017-05-02"),
        ("f2", "y"),
    ]
    assert db.execute("SELECT * FROM rebuttal_findings").fetchall() == [(1, "f1", "letter")]
    db.conn.close()


def test_a_changed_publication_date_moves_the_findings(db, many):
    aid = db.execute("SELECT article_id FROM findings WHERE id = ?", [many[0]]).fetchone()[0]
    db.execute("UPDATE articles SET published = '2030-01-01' WHERE id = ?", [aid])
    assert list_findings(db)[0]["article_id"] == aid
