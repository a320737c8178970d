"""Exports (rebuttals/claimreview.py; export command): ClaimReview JSON-LD and CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest
from builders import QUOTE, add_article, add_finding, invoke


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def reviewed(db_path, db):
    a = add_article(db)
    framing = add_finding(db, a)
    figure = add_finding(
        db, a, quote="Turnout was 12.2%", kind="figure", rule_id="figure.t", speaker="Gerard Coyne"
    )
    add_finding(db, a, quote="Len McCluskey has been re-elected", rule_id="framing.x")
    invoke(db_path, "review", framing, "--confirm")
    invoke(db_path, "review", figure, "--confirm")
    return {"framing": framing, "figure": figure}


def _export(db_path, *args):
    result = invoke(db_path, "export", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_one_claimreview_per_confirmed_finding(db_path, reviewed):
    reviews = _export(db_path)
    assert sorted(r["claimReviewed"] for r in reviews) == sorted([QUOTE, "Turnout was 12.2%"])


def test_claimreview_shape(db_path, reviewed):
    review = next(r for r in _export(db_path) if r["claimReviewed"] == QUOTE)
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    appearance = review["itemReviewed"]["appearance"]
    assert review["itemReviewed"]["@type"] == "Claim"
    assert appearance == {
        "@type": "NewsArticle",
        "url": "https://news.example/unite-result",
        "headline": "McCluskey re-elected as Unite leader",
        "datePublished": "2017-04-21",
        "publisher": {"@type": "Organization", "name": "Example News"},
    }
    assert review["url"] == f"https://news.example/unite-result#factwatch-{reviewed['framing']}"


def test_rating_follows_the_kind(db_path, reviewed):
    ratings = {r["claimReviewed"]: r["reviewRating"] for r in _export(db_path)}
    assert ratings[QUOTE]["alternateName"] == "Misleading"
    assert ratings["Turnout was 12.2%"]["alternateName"] == "False"
    assert ratings[QUOTE]["@type"] == "Rating"


def test_quoted_speaker_is_the_claim_author(db_path, reviewed):
    review = next(r for r in _export(db_path) if r["claimReviewed"] == "Turnout was 12.2%")
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Gerard Coyne"}


def test_date_published_is_the_confirmation_date(db_path, db, reviewed):
    confirmed = db.execute(
        "SELECT at FROM reviews WHERE finding_id = ?", [reviewed["framing"]]
    ).fetchone()[0]
    review = next(r for r in _export(db_path) if r["claimReviewed"] == QUOTE)
    assert review["datePublished"] == confirmed[:10]


def test_author_is_the_configured_organisation(tmp_path, db_path, reviewed):
    config = tmp_path / "config.toml"
    config.write_text('[rebuttals]\norganisation = "Grassroots Campaign"\n')
    result = invoke(db_path, "export", config=config)
    assert json.loads(result.stdout)[0]["author"] == {
        "@type": "Organization",
        "name": "Grassroots Campaign",
    }


def test_csv_to_a_file(tmp_path, db_path, reviewed):
    out = tmp_path / "findings.csv"
    invoke(db_path, "export", "--format", "csv", "--output", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert len(rows) == 3
    assert {r["status"] for r in rows} == {"confirmed", "suggested"}


def test_export_of_empty_database_says_what_to_run(db_path, db):
    result = invoke(db_path, "export")
    assert result.exit_code == 2
    assert "no findings yet" in result.stderr
