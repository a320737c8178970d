"""`factwatch recheck`: findings keep their identity; ones that stop firing go stale."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.settings import Config
from factwatch.db import store
from factwatch.pipeline import recheck
from factwatch.scraper.extract import extract

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "facts" / "unite-2017.toml"
PAGE = """<html><head><title>Coyne alleges bias</title></head><body><article>
<h1>Coyne alleges bias by union staff</h1>
<p>Gerard Coyne said: "Unite employees repeatedly breached guidelines that meant they should
have been neutral in this contest." He has asked for the result to be set aside.</p>
<p>Len McCluskey won with 59,067 votes. Ian Allinson, the third candidate, polled 17,143 votes
and Coyne 53,544 in the Unite general secretary election.</p>
</article></body></html>"""


def without_false_claims(tmp_path: Path) -> Path:
    """The bundled facts file with its [[false_claims]] tables removed."""
    text = FACTS.read_text(encoding="utf-8")
    text = re.sub(r"\n\[\[claims\]\].*?(?=\n\[)", "\n", text, flags=re.S)
    path = tmp_path / "facts.toml"
    path.write_text(text, encoding="utf-8")
    return path


def stored_db(db):
    article = extract(PAGE, url="https://news.example/coyne-bias")
    findings = Matcher(load_facts(FACTS)).check(article)
    assert any(f.kind == "unchallenged_claim" for f in findings)
    store.store_article(db, article, findings)
    return db


def claim_rows(db):
    return list(db.query("SELECT id, stale FROM findings WHERE kind = 'unchallenged_claim'"))


def test_recheck_with_the_same_facts_adds_nothing(db):
    stored_db(db)
    before = db["findings"].count
    counts = recheck(Config(facts=[str(FACTS)]), db=db)
    assert counts == {"articles": 1, "new": 0, "stale": 0, "failed": 0}
    assert db["findings"].count == before


def test_finding_whose_rule_is_gone_is_marked_stale(db, tmp_path):
    stored_db(db)
    recheck(Config(facts=[str(without_false_claims(tmp_path))]), db=db)
    assert [r["stale"] for r in claim_rows(db)] == [1]


def test_finding_comes_back_with_the_same_identity(db, tmp_path):
    stored_db(db)
    (first,) = claim_rows(db)
    recheck(Config(facts=[str(without_false_claims(tmp_path))]), db=db)
    recheck(Config(facts=[str(FACTS)]), db=db)
    assert claim_rows(db) == [{"id": first["id"], "stale": 0}]


def test_recheck_command_reports_counts(db, db_path):
    stored_db(db)
    run = subprocess.run(
        [sys.executable, "-m", "factwatch", "--db", str(db_path), "recheck"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    assert "rechecked 1 articles" in run.stdout
