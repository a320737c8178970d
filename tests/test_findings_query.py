"""Listing, searching and showing findings (db/queries.py; findings, search, show commands)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from builders import TEXT, add_article, add_finding, counts, invoke

from factwatch.db.queries import FindingFilter, list_findings

FIGURE_TEXT = (
    "Unite's leader won a two-horse race against Gerard Coyne.\n\n"
    "McCluskey won 62,000 votes, according to the count."
)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def seeded(db):
    """Two outlets, three current findings and one stale one."""
    a = add_article(db)
    b = add_article(
        db,
        url="https://paper.example/vote",
        outlet="Daily Paper",
        published="2017-05-02",
        title="Unite vote",
        text=FIGURE_TEXT,
    )
    ids = {
        "framing": add_finding(db, a),
        "figure": add_finding(
            db,
            b,
            quote="McCluskey won 62,000 votes, according to the count.",
            kind="figure",
            rule_id="figure.votes",
            fact_ids=["result.mccluskey"],
            status="confirmed",
        ),
        "two_horse": add_finding(
            db,
            b,
            quote="Unite's leader won a two-horse race against Gerard Coyne.",
            rule_id="framing.two-horse",
            speaker="A Spokesperson",
        ),
        "stale": add_finding(
            db,
            a,
            quote="Len McCluskey has been re-elected as general secretary of Unite.",
            rule_id="framing.old",
            stale=1,
        ),
    }
    return ids


def _ids(rows):
    return {r["id"] for r in rows}


def test_kind_filter_returns_only_that_kind(db, seeded):
    rows = list_findings(db, filters=FindingFilter(kind="figure"))
    assert _ids(rows) == {seeded["figure"]}


def test_outlet_filter_is_case_insensitive(db, seeded):
    rows = list_findings(db, filters=FindingFilter(outlet="daily paper"))
    assert _ids(rows) == {seeded["figure"], seeded["two_horse"]}


def test_status_filter(db, seeded):
    rows = list_findings(db, filters=FindingFilter(status="confirmed"))
    assert _ids(rows) == {seeded["figure"]}


def test_fact_filter_matches_fact_ids_json(db, seeded):
    rows = list_findings(db, filters=FindingFilter(fact="result.mccluskey"))
    assert _ids(rows) == {seeded["figure"]}


def test_speaker_filter(db, seeded):
    rows = list_findings(db, filters=FindingFilter(speaker="spokes"))
    assert _ids(rows) == {seeded["two_horse"]}


def test_since_and_until_filter_by_publication_date(db, seeded):
    rows = list_findings(db, filters=FindingFilter(since="2017-05-01", until="2017-05-31"))
    assert _ids(rows) == {seeded["figure"], seeded["two_horse"]}


def test_stale_findings_hidden_unless_asked(db, seeded):
    assert seeded["stale"] not in _ids(list_findings(db))
    assert seeded["stale"] in _ids(list_findings(db, filters=FindingFilter(include_stale=True)))


def test_article_filter_accepts_a_url(db, seeded):
    rows = list_findings(db, filters=FindingFilter(article="https://paper.example/vote"))
    assert _ids(rows) == {seeded["figure"], seeded["two_horse"]}


def test_cli_unknown_article_is_a_clear_error(db_path, db, seeded):
    result = invoke(db_path, "findings", "--article", "https://nowhere.example/")
    assert result.exit_code == 2
    assert "no such article id or URL" in result.stderr


def test_cli_bad_date_names_the_option_and_format(db_path, db, seeded):
    result = invoke(db_path, "findings", "--since", "last tuesday")
    assert result.exit_code == 2
    assert "--since" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_cli_empty_database_says_what_to_run(db_path, db):
    result = invoke(db_path, "findings")
    assert result.exit_code == 2
    assert "no findings yet: run `factwatch demo` or `factwatch run` first" in result.stderr


def test_cli_table_lists_findings(db_path, db, seeded):
    result = invoke(db_path, "findings", "--kind", "figure")
    assert result.exit_code == 0
    assert seeded["figure"][:10] in result.stdout
    assert seeded["framing"][:10] not in result.stdout


def test_cli_json_format(db_path, db, seeded):
    result = invoke(db_path, "findings", "--format", "json", "--limit", "1")
    rows = json.loads(result.stdout)
    assert len(rows) == 1 and rows[0]["article_url"].startswith("https://")


def test_cli_csv_format(db_path, db, seeded):
    result = invoke(db_path, "findings", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["id"] for r in rows} == {seeded["framing"], seeded["figure"], seeded["two_horse"]}


def test_search_with_hyphenated_words_does_not_error(db_path, db, seeded):
    result = invoke(db_path, "search", "two-horse", "--in", "articles")
    assert result.exit_code == 0
    assert "Unite vote" in result.stdout
    assert "[two]-[horse]" in result.stdout or "[two-horse]" in result.stdout


def test_search_findings_only(db_path, db, seeded):
    result = invoke(db_path, "search", "62,000", "--in", "findings")
    assert result.exit_code == 0
    assert f"finding {seeded['figure'][:10]}" in result.stdout
    assert "article " not in result.stdout


def test_search_with_stray_quote_is_safe(db_path, db, seeded):
    result = invoke(db_path, "search", 'horse"')
    assert result.exit_code == 0


def test_show_by_prefix_marks_the_quote_in_its_paragraph(db_path, db, seeded):
    result = invoke(db_path, "show", seeded["figure"][:6])
    assert result.exit_code == 0
    assert ">>McCluskey won 62,000 votes, according to the count.<<" in result.stdout
    assert "Daily Paper" in result.stdout and "https://paper.example/vote" in result.stdout
    assert "two-horse" not in result.stdout  # only the quote's own paragraph


def test_show_includes_review_history(db_path, db, seeded):
    invoke(db_path, "review", seeded["framing"], "--dismiss", "--note", "fine", "--reviewer", "ed")
    result = invoke(db_path, "show", seeded["framing"])
    assert "dismiss: suggested -> dismissed  by ed - fine" in result.stdout


def test_show_unknown_id_is_a_clear_error(db_path, db, seeded):
    result = invoke(db_path, "show", "zzzz")
    assert result.exit_code == 2
    assert "finding 'zzzz': no such finding" in result.stderr


def test_show_ambiguous_prefix_lists_candidates(db_path, db, seeded):
    add_finding(db, 1, finding_id="abcd1", rule_id="r1", quote="Turnout was 12.2%")
    add_finding(db, 1, finding_id="abcd2", rule_id="r2", quote="Turnout was 12.2%")
    result = invoke(db_path, "show", "abcd")
    assert result.exit_code == 2
    assert "abcd1" in result.stderr and "abcd2" in result.stderr


def test_show_non_utf8_article_text_is_a_clear_error(db_path, db, seeded):
    db.execute("UPDATE articles SET text = CAST(x'4c656eff' AS TEXT) WHERE id = 1")
    before = counts(db)
    result = invoke(db_path, "show", seeded["framing"])
    assert result.exit_code == 2
    assert "article 1: stored text is not valid UTF-8" in result.stderr
    assert counts(db) == before


def test_cli_unknown_kind_is_refused_with_the_kinds(db_path, db, seeded):
    result = invoke(db_path, "findings", "--kind", "nosuch")
    assert result.exit_code == 2
    assert "'nosuch' is not one of 'framing', 'omission', 'figure'" in result.stderr
    assert "'challenged_claim'" in result.stderr


def test_cli_challenged_claims_are_not_listed_as_open_findings(db_path, db, seeded):
    a = add_article(db, url="https://news.example/rebutted")
    fid = add_finding(db, a, kind="challenged_claim", challenged=1, quote=TEXT.split("\n\n")[0])
    listed = invoke(db_path, "findings", "--format", "json")
    assert fid not in {r["id"] for r in json.loads(listed.output)}
    table = invoke(db_path, "findings")
    assert "1 claim(s) the article itself rebuts not listed" in table.output
    shown = invoke(db_path, "findings", "--include-challenged", "--format", "json")
    assert fid in {r["id"] for r in json.loads(shown.output)}
    by_kind = invoke(db_path, "findings", "--kind", "challenged_claim", "--format", "json")
    assert [r["id"] for r in json.loads(by_kind.output)] == [fid]
