"""Finding ids come from what a finding is about (article, kind, statement, facts),
not from the rule that fired; the migration to them carries reviews, drafts and
corrections over."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from builders import QUOTE, add_article, add_finding, invoke

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Finding, finding_id, normalise_statement, statement_key
from factwatch.core.settings import BUNDLED_FACTS, Config
from factwatch.db import open_db, store, transaction
from factwatch.db.migrations import MIGRATIONS
from factwatch.pipeline import recheck
from factwatch.scraper.extract import extract

URL = "https://news.example/unite-result"
COPY = "https://copy.example/unite-result"
FIGURE = "Turnout was 12.2% of the 1,062,049 ballot papers despatched."
FACTS = ["result.candidates"]


def finding(rule_id: str = "framing.a", **changes) -> Finding:
    fields = {"kind": "framing", "quote": QUOTE, "fact_ids": ["candidates.three"]}
    fields.update(changes)
    return Finding(rule_id=rule_id, start=0, end=len(fields["quote"]), explanation="x", **fields)


def test_the_rule_that_fired_is_not_part_of_the_id():
    assert finding("framing.a").identity(URL) == finding("framing.b").identity(URL)


@pytest.mark.parametrize(
    "changes",
    [
        {"kind": "unchallenged_claim"},
        {"quote": "Another statement altogether."},
        {"fact_ids": ["candidates.three", "votes.allinson"]},
    ],
)
def test_kind_statement_and_facts_are(changes):
    assert finding(**changes).identity(URL) != finding().identity(URL)


def test_spacing_case_quotes_and_fact_order_are_not():
    curly = finding(quote=QUOTE.replace("The", "  the").replace("'", "\u2019"))
    assert curly.identity(URL) == finding().identity(URL)
    two = finding(fact_ids=["b", "a"]).identity(URL)
    assert two == finding(fact_ids=["a", "b", "a"]).identity(URL)


def test_the_article_is_part_of_the_id_and_not_of_the_statement_key():
    assert finding().identity(URL) != finding().identity(COPY)
    assert finding().statement_key == statement_key("framing", QUOTE, ["candidates.three"])


# -- recheck across a rule rename -----------------------------------------------------------

PAGE = """<html><head><title>Coyne alleges bias</title></head><body><article>
<h1>McCluskey sees off his only rival</h1>
<p>The defeated candidate, Gerard Coyne, said: "Unite employees repeatedly breached guidelines
that meant they should have been neutral in this contest." He wants a re-run.</p>
<p>Len McCluskey won with 59,067 votes to Coyne's 53,544 in the Unite general secretary
election.</p>
</article></body></html>"""


def rename_every_rule(monkeypatch) -> None:
    """A later release that renames every rule: the findings are the same, their
    rule ids are not."""
    check = Matcher.check

    def renamed(self, article):
        found = check(self, article)
        for f in found:
            f.rule_id = f"renamed.{f.rule_id}"
        return found

    monkeypatch.setattr(Matcher, "check", renamed)


def test_recheck_keeps_ids_reviews_and_currency_across_rule_renames(db, db_path, monkeypatch):
    article = extract(PAGE, url="https://news.example/bias")
    findings = Matcher(load_facts(BUNDLED_FACTS)).check(article)
    assert any(f.kind == "framing" for f in findings)
    store.store_article(db, article, findings)
    before = {r["id"]: r["rule_id"] for r in db.query("SELECT id, rule_id FROM findings")}
    some = next(iter(before))
    assert invoke(db_path, "review", some, "--confirm").exit_code == 0
    rename_every_rule(monkeypatch)
    counts = recheck(Config(facts=[str(BUNDLED_FACTS)]), db=db, workers=1)  # in this process
    after = {r["id"]: r for r in db.query("SELECT id, rule_id, stale, status FROM findings")}
    assert counts["new"] == 0 and counts["stale"] == 0
    assert set(after) == set(before)
    assert all(r["rule_id"].startswith("renamed.") for r in after.values())
    assert all(r["stale"] == 0 for r in after.values())
    assert after[some]["status"] == "confirmed"


# -- the migration, on a database built at the old schema --------------------------------------


def old_key(rule_id: str, quote: str) -> str:
    """Finding.statement_key before the change (hash of rule and statement)."""
    basis = f"{rule_id}\x00{normalise_statement(quote)}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]


def old_id(article_url: str, rule_id: str, quote: str) -> str:
    basis = f"{article_url}\x00{old_key(rule_id, quote)}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]


def new_id(article_url: str, kind: str, quote: str) -> str:
    return finding_id(article_url, statement_key(kind, quote, FACTS))


def old_schema_db(path: Path):
    """A real database migrated only as far as the schema before the id change."""
    db = open_db(path, migrate=False)
    db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for fn in sorted(MIGRATIONS, key=lambda f: f.__name__):
        if fn.__name__ >= "m008":
            break
        with transaction(db):
            fn(db)
            db["_migrations"].insert({"name": fn.__name__, "applied_at": "2017-05-01T00:00:00"})
    return db


def old_finding(db, article: int, url: str, rule: str, quote: str = QUOTE, **kw) -> str:
    fid = old_id(url, rule, quote)
    kind = "figure" if rule.startswith("figure") else "framing"
    add_finding(
        db, article, quote=quote, kind=kind, rule_id=rule, finding_id=fid,
        statement_key=old_key(rule, quote), fact_ids=FACTS, **kw,
    )  # fmt: skip
    return fid


def review(db, fid: str, action: str, new: str, at: str, note: str | None = None) -> None:
    old = db.execute("SELECT status FROM findings WHERE id = ?", [fid]).fetchone()[0]
    db["reviews"].insert(
        {"finding_id": fid, "action": action, "old_status": old, "new_status": new,
         "reviewer": "jo", "note": note, "at": at}
    )  # fmt: skip
    db.execute("UPDATE findings SET status = ? WHERE id = ?", [new, fid])


@pytest.fixture
def migrated(tmp_path):
    """An old database with a renamed rule's two findings on one statement, a
    reviewed figure, a syndicated copy that inherited a decision, a draft and a
    correction check; then migrated by opening it."""
    path = tmp_path / "old.db"
    db = old_schema_db(path)
    a = add_article(db, url=URL)
    b = add_article(db, url=COPY, outlet="Copy News")
    old = {
        "renamed": old_finding(db, a, URL, "framing.definite-loser", stale=1,
                               first_seen="2017-04-21T10:00:00", last_seen="2017-04-22T10:00:00"),
        "current": old_finding(db, a, URL, "framing.loser-title",
                               first_seen="2017-04-25T10:00:00", last_seen="2017-04-26T10:00:00"),
        "figure": old_finding(db, a, URL, "figure.participation", quote=FIGURE),
        "copy": old_finding(db, b, COPY, "framing.definite-loser"),
    }  # fmt: skip
    review(db, old["renamed"], "confirm", "confirmed", "2017-04-23T09:00:00", "three stood")
    review(db, old["figure"], "dismiss", "dismissed", "2017-04-23T09:05:00")
    note = f"same statement as finding {old['renamed']} (Example News), confirmed there"
    review(db, old["copy"], "inherit", "confirmed", "2017-04-23T09:10:00", note)
    rid = db["rebuttals"].insert(
        {"article_id": a, "format": "correction_request", "subject": "s", "body": "b",
         "finding_ids": json.dumps([old["renamed"], old["figure"]]), "status": "sent"}
    ).last_pk  # fmt: skip
    db["rebuttal_history"].insert({"rebuttal_id": rid, "new_status": "sent", "at": "2017-04-24"})
    db["corrections"].insert(
        {"rebuttal_id": rid, "article_id": a, "finding_id": old["renamed"], "outcome": "unchanged"}
    )
    db.conn.close()
    db = open_db(path)  # migrates
    yield db, path, old, rid
    db.conn.close()


def test_every_finding_gets_the_id_of_what_it_is_about(migrated):
    db, _, old, _ = migrated
    ids = {r["id"] for r in db.query("SELECT id FROM findings")}
    assert ids == {
        new_id(URL, "framing", QUOTE),
        new_id(URL, "figure", FIGURE),
        new_id(COPY, "framing", QUOTE),
    }
    keys = {r["statement_key"] for r in db.query("SELECT statement_key FROM findings")}
    assert statement_key("framing", QUOTE, FACTS) in keys


def test_the_renamed_rules_two_findings_become_one_current_confirmed_one(migrated):
    db, _, _, _ = migrated
    row = db["findings"].get(new_id(URL, "framing", QUOTE))
    assert (row["stale"], row["status"], row["rule_id"]) == (0, "confirmed", "framing.loser-title")
    assert (row["first_seen"], row["last_seen"]) == ("2017-04-21T10:00:00", "2017-04-26T10:00:00")


def test_reviews_move_with_their_history(migrated):
    db, _, _, _ = migrated
    history = list(db.query("SELECT finding_id, action, note FROM reviews ORDER BY id"))
    assert [(h["finding_id"], h["action"]) for h in history] == [
        (new_id(URL, "framing", QUOTE), "confirm"),
        (new_id(URL, "figure", FIGURE), "dismiss"),
        (new_id(COPY, "framing", QUOTE), "inherit"),
    ]
    assert new_id(URL, "framing", QUOTE) in history[2]["note"]
    assert db["findings"].get(new_id(URL, "figure", FIGURE))["status"] == "dismissed"


def test_drafts_and_corrections_name_the_new_ids(migrated):
    db, _, _, rid = migrated
    ids = json.loads(db["rebuttals"].get(rid)["finding_ids"])
    assert ids == [new_id(URL, "framing", QUOTE), new_id(URL, "figure", FIGURE)]
    (correction,) = db.query("SELECT finding_id FROM corrections")
    assert correction["finding_id"] == new_id(URL, "framing", QUOTE)
    assert db["rebuttal_history"].count == 1


def test_the_database_is_consistent_and_a_reopen_changes_nothing(migrated):
    db, path, _, _ = migrated
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    before = list(db.query("SELECT * FROM findings ORDER BY id"))
    again = open_db(path)
    assert list(again.query("SELECT * FROM findings ORDER BY id")) == before
    again.conn.close()


def test_an_old_id_still_finds_its_finding(migrated):
    _, path, old, _ = migrated
    result = invoke(path, "show", old["renamed"][:8])
    assert result.exit_code == 0, result.output
    assert f"Finding {new_id(URL, 'framing', QUOTE)}" in result.stdout


def test_storing_the_same_finding_again_lands_on_the_migrated_row(migrated):
    db, _, _, _ = migrated
    article = store.article_from_row(db["articles"].get(1))
    again = finding("framing.a", fact_ids=FACTS)
    again.start = article.text.find(QUOTE)
    again.end = again.start + len(QUOTE)
    with transaction(db):
        new = store.store_findings(db, 1, URL, [again])
    assert new == []
    row = db["findings"].get(again.identity(URL))
    assert (row["status"], row["rule_id"]) == ("confirmed", "framing.a")
