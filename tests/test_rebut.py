"""Drafting rebuttals (rebuttals/draft.py, templates.py, status.py; rebut and rebuttals)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import QUOTE, add_article, add_finding, counts, invoke

ROOT = Path(__file__).resolve().parents[1]
SECOND = "Turnout was 12.2% of the 1,062,049 ballot papers despatched."


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def confirmed(db):
    """One article with two confirmed findings, another with one suggested finding."""
    a = add_article(db)
    first = add_finding(db, a, status="confirmed")
    second = add_finding(
        db,
        a,
        quote=SECOND,
        kind="figure",
        rule_id="figure.turnout",
        correction="Turnout was 12.2%.",
        status="confirmed",
        severity="high",
    )
    b = add_article(db, url="https://other.example/b", outlet="Other")
    suggested = add_finding(db, b)
    return {"article": a, "first": first, "second": second, "suggested": suggested}


def _config(tmp_path, templates=None):
    lines = [
        '[database]\npath = "factwatch.db"\n',
        '[rebuttals]\norganisation = "Grassroots Campaign"\nsignature = "Jo Bloggs"\n',
    ]
    if templates:
        lines.append(f'templates = "{templates}"\n')
    path = tmp_path / "config.toml"
    path.write_text("".join(lines))
    return path


def _rebuttals(db):
    rows = [dict(r) for r in db.query("SELECT * FROM rebuttals ORDER BY id")]
    for r in rows:
        r["finding_ids"] = json.loads(r["finding_ids"])
    return rows


def test_one_draft_per_article_groups_its_findings(db_path, db, confirmed):
    result = invoke(db_path, "rebut")
    assert result.exit_code == 0, result.output
    [draft] = _rebuttals(db)
    assert draft["article_id"] == confirmed["article"]
    assert set(draft["finding_ids"]) == {confirmed["first"], confirmed["second"]}
    assert draft["format"] == "correction_request" and draft["status"] == "draft"


def test_correction_request_quotes_exactly_and_names_the_article(db_path, db, confirmed):
    invoke(db_path, "rebut")
    [draft] = _rebuttals(db)
    body = draft["body"]
    assert f'"{QUOTE}"' in body and f'"{SECOND}"' in body
    assert "Ian Allinson won 17,143 votes (13.2%)" in body
    assert "Unite General Secretary election result, declared 28 April 2017" in body
    assert "Example News" in body and "https://news.example/unite-result" in body
    assert "2017-04-21" in body
    assert draft["subject"].startswith('Correction request: "McCluskey re-elected')


def test_drafting_records_history(db_path, db, confirmed):
    invoke(db_path, "rebut")
    [row] = [dict(r) for r in db.query("SELECT * FROM rebuttal_history")]
    assert (row["old_status"], row["new_status"]) == (None, "draft")


def test_default_skips_findings_that_already_have_a_draft(db_path, db, confirmed):
    invoke(db_path, "rebut")
    result = invoke(db_path, "rebut")
    assert "Nothing to draft" in result.stdout
    assert len(_rebuttals(db)) == 1


def test_all_formats(db_path, db, confirmed):
    invoke(db_path, "rebut", "--format", "all")
    assert sorted(r["format"] for r in _rebuttals(db)) == [
        "briefing",
        "correction_request",
        "letter",
        "social",
    ]


def test_config_signature_and_organisation_are_used(tmp_path, db_path, db, confirmed):
    invoke(db_path, "rebut", config=_config(tmp_path))
    body = _rebuttals(db)[0]["body"]
    assert "Jo Bloggs" in body and "Grassroots Campaign" in body


def test_output_folder_gets_one_file_per_draft(tmp_path, db_path, db, confirmed):
    invoke(db_path, "rebut", "--format", "letter", "--output", str(tmp_path / "out"))
    [path] = (tmp_path / "out").iterdir()
    assert path.name == "rebuttal-1-letter.txt"
    assert QUOTE in path.read_text()


def test_social_post_fits_280_by_dropping_findings(db_path, db, confirmed):
    invoke(db_path, "rebut", "--format", "social")
    [draft] = _rebuttals(db)
    assert len(draft["body"].strip()) <= 280
    assert draft["finding_ids"] == [confirmed["second"]]  # the high-severity one is kept


def test_social_post_shortens_a_long_quote_and_links_the_article(db_path, db):
    long_quote = "Coyne " * 60
    a = add_article(db, text="Intro.\n\n" + long_quote)
    add_finding(db, a, quote=long_quote, status="confirmed")
    result = invoke(db_path, "rebut", "--format", "social")
    assert result.exit_code == 0, result.output
    [draft] = _rebuttals(db)
    body = draft["body"].strip()
    assert len(body) <= 280
    assert '"Coyne Coyne' in body and "\u2026" in body  # the quote's first words
    assert body.endswith("https://news.example/unite-result")


def test_a_draft_that_cannot_fit_is_skipped_with_a_warning_and_the_batch_goes_on(
    db_path, db, confirmed
):
    # An outlet name no social post can hold: that one draft cannot fit.
    b = add_article(db, url="https://long.example/x", outlet="The " + "Very " * 70 + "Gazette")
    add_finding(db, b, status="confirmed")
    result = invoke(db_path, "rebut", "--format", "all")
    assert result.exit_code == 0, result.output
    assert "Warning: skipped:" in result.stderr and "over the limit of 280" in result.stderr
    drafted = {(r["article_id"], r["format"]) for r in _rebuttals(db)}
    formats = {"correction_request", "letter", "social", "briefing"}
    assert drafted == {(confirmed["article"], f) for f in formats} | {
        (b, f) for f in formats - {"social"}
    }


def test_letter_is_at_most_250_words(db_path, db, confirmed):
    invoke(db_path, "rebut", "--format", "letter")
    assert len(_rebuttals(db)[0]["body"].split()) <= 250


def test_explicit_finding_must_be_confirmed(db_path, db, confirmed):
    before = counts(db)
    result = invoke(db_path, "rebut", "--finding", confirmed["suggested"])
    assert result.exit_code == 2
    assert "not confirmed" in result.stderr and "--confirm" in result.stderr
    assert counts(db) == before


def test_article_option_drafts_that_article_only(db_path, db, confirmed):
    c = add_article(db, url="https://third.example/c", outlet="Third")
    add_finding(db, c, status="confirmed")
    invoke(db_path, "rebut", "--article", "https://third.example/c")
    assert [r["article_id"] for r in _rebuttals(db)] == [c]


def test_user_template_overrides_the_bundled_one(tmp_path, db_path, db, confirmed):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "correction_request.j2").write_text(
        "{% set subject %}Fix it{% endset %}Dear {{ article.outlet }}: "
        '{% for f in findings %}"{{ f.quote }}" {% endfor %}'
    )
    invoke(db_path, "rebut", config=_config(tmp_path, folder))
    [draft] = _rebuttals(db)
    assert draft["subject"] == "Fix it" and draft["body"].startswith("Dear Example News")
    assert draft["template"] == str(folder / "correction_request.j2")


def test_unknown_field_names_template_and_field(tmp_path, db_path, db, confirmed):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "correction_request.j2").write_text("Hello\n{{ article.editor_name }}\n")
    before = counts(db)
    result = invoke(db_path, "rebut", config=_config(tmp_path, folder))
    assert result.exit_code == 2
    assert f"{folder / 'correction_request.j2'}:2" in result.stderr
    assert "editor_name" in result.stderr
    assert counts(db) == before


def test_template_syntax_error_names_file_and_line(tmp_path, db_path, db, confirmed):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "correction_request.j2").write_text("line one\n{% for f in findings %}\n")
    before = counts(db)
    result = invoke(db_path, "rebut", config=_config(tmp_path, folder))
    assert result.exit_code == 2
    assert "correction_request.j2:" in result.stderr and "syntax error" in result.stderr
    assert counts(db) == before


def test_kind_unknown_to_the_registry_is_a_clear_error(db_path, db):
    a = add_article(db)
    fid = add_finding(db, a, kind="invented_kind", status="confirmed")
    before = counts(db)
    result = invoke(db_path, "rebut")
    assert result.exit_code == 2
    assert fid in result.stderr and "'invented_kind'" in result.stderr
    assert "kind registry" in result.stderr and "_kinds.j2" in result.stderr
    assert counts(db) == before


def test_non_utf8_article_text_fails_and_changes_nothing(db_path, db, confirmed):
    db.execute(
        "UPDATE articles SET text = CAST(x'ff00ff' AS TEXT) WHERE id = ?", [confirmed["article"]]
    )
    before = counts(db)
    result = invoke(db_path, "rebut")
    assert result.exit_code == 2
    assert "not valid UTF-8" in result.stderr
    assert counts(db) == before


def test_empty_database(db_path, db):
    result = invoke(db_path, "rebut")
    assert result.exit_code == 2
    assert "no findings yet" in result.stderr


def test_mark_sent_writes_history(db_path, db, confirmed):
    invoke(db_path, "rebut")
    result = invoke(db_path, "rebuttals", "1", "--mark", "sent", "--note", "emailed")
    assert result.exit_code == 0
    assert _rebuttals(db)[0]["status"] == "sent"
    rows = [dict(r) for r in db.query("SELECT * FROM rebuttal_history ORDER BY id")]
    assert (rows[-1]["old_status"], rows[-1]["new_status"], rows[-1]["note"]) == (
        "draft",
        "sent",
        "emailed",
    )


def test_list_by_status(db_path, db, confirmed):
    invoke(db_path, "rebut", "--format", "all")
    invoke(db_path, "rebuttals", "2", "--mark", "sent")
    result = invoke(db_path, "rebuttals", "--status", "sent")
    assert result.stdout.startswith("#2 ") and len(result.stdout.strip().splitlines()) == 1


def test_mark_unknown_rebuttal_is_a_clear_error(db_path, db, confirmed):
    result = invoke(db_path, "rebuttals", "99", "--mark", "sent")
    assert result.exit_code == 2
    assert "rebuttal 99: no such rebuttal" in result.stderr


def test_briefing_lists_fact_text_from_the_facts_file(tmp_path, db_path, db):
    facts = ROOT / "facts" / "unite-2017.toml"
    if not facts.exists():
        pytest.skip("facts/unite-2017.toml is not in this checkout")
    a = add_article(db)
    add_finding(db, a, status="confirmed", fact_ids=["field"])
    config = _config(tmp_path)
    config.write_text(config.read_text() + f'[facts]\nfiles = ["{facts}"]\n')
    invoke(db_path, "rebut", "--format", "briefing", config=config)
    body = _rebuttals(db)[0]["body"]
    assert (
        "- There were three candidates on the ballot: Len McCluskey (59,067 votes, 45.4%)" in body
    )


def test_social_post_uses_briefer_facts_when_one_finding_is_still_too_long(db_path, db):
    a = add_article(db)
    long_fact = (
        "There were three candidates: Len McCluskey (59,067 votes, 45.4%), Gerard Coyne "
        "(53,544, 41.2%) and Ian Allinson (17,143, 13.2%). Two were defeated: Coyne and "
        "Allinson, and the turnout was 12.2% of 1,062,049 ballot papers despatched."
    )
    add_finding(db, a, status="confirmed", correction=long_fact)
    invoke(db_path, "rebut", "--format", "social")
    body = _rebuttals(db)[0]["body"]
    assert len(body.strip()) <= 280
    assert f'"{QUOTE}"' in body and "Fact: There were three candidates" in body


def test_a_confirmed_challenged_claim_is_refused_with_the_reason(db_path, db):
    a = add_article(db)
    fid = add_finding(db, a, kind="challenged_claim", status="confirmed", challenged=1)
    result = invoke(db_path, "rebut", "--finding", fid[:8])
    assert result.exit_code == 2
    assert "the article itself rebuts" in result.stderr and "nothing to correct" in result.stderr
    assert _rebuttals(db) == []


def test_the_batch_skips_a_confirmed_challenged_claim_and_says_why(db_path, db, confirmed):
    b = add_article(db, url="https://other.example/c")
    add_finding(db, b, kind="challenged_claim", status="confirmed", challenged=1)
    result = invoke(db_path, "rebut", "--format", "all")
    assert result.exit_code == 0
    assert result.stderr.count("the article itself rebuts") == 1
    assert {r["article_id"] for r in _rebuttals(db)} == {confirmed["article"]}
