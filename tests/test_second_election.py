"""A second, invented election: a new facts file and no code change."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher, check_article
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment
from factwatch.scraper.topic import TopicFilter

FACTS = Path(__file__).resolve().parent / "fixtures" / "facts" / "harbour-2021.toml"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_facts(FACTS))


def article(*paragraphs: str) -> Article:
    text, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    return a


FULL = "Maria Okafor was elected guild chair ahead of Tom Reyes, Priya Shah and Dan Hollis."


def test_framing_follows_the_new_elections_field(matcher):
    found = matcher.check(article(FULL, "The defeated candidate said he would stand again."))
    assert [(f.kind, f.fact_ids) for f in found] == [("framing", ["field"])]
    assert "four candidates on the ballot" in found[0].correction


def test_omission_counts_the_new_elections_candidates(matcher):
    found = matcher.check(
        article("Maria Okafor won the guild chair election, beating Tom Reyes and Priya Sha.")
    )
    (f,) = [f for f in found if f.kind == "omission"]
    assert f.details["missing"] == ["dan-hollis"]
    assert f.fact_ids == ["field"]


def test_figure_is_checked_against_the_new_figures(matcher):
    found = matcher.check(article(FULL, "Okafor won 3,100 votes. Turnout was 38.5 per cent."))
    assert [f.fact_ids for f in found if f.kind == "figure"] == [["votes.maria-okafor"]]


def test_false_claim_and_its_rebuttal_come_from_the_new_file(matcher):
    claim = "Reyes has demanded a recount."
    assert [f.kind for f in matcher.check(article(FULL, claim))] == ["unchallenged_claim"]
    rebuttal = "The appeals panel rejected the claim: no candidate asked for a recount."
    rebutted = matcher.check(article(FULL, claim, rebuttal))
    assert [f.kind for f in rebutted] == ["challenged_claim"]


def test_unite_coverage_is_not_about_this_election(matcher):
    a = article("Len McCluskey beat Gerard Coyne. The defeated candidate wants a re-run.")
    assert check_article(a, load_facts(FACTS)) == []


def test_topic_terms_come_from_the_new_file():
    topic = TopicFilter.from_facts(load_facts(FACTS))
    assert topic.matches("Okafur wins", "The guild chair election went to Maria Okafor.")
    assert not topic.matches("Harbour bridge", "The council voted on the harbour bridge.")
