"""What a candidate gained between the rounds of a count: read as a gain, not a tally,
and judged against the difference between the two rounds."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

ROOT = Path(__file__).resolve().parents[1]
LEAD = "Corinne Lafreni\u00e8re won the party leadership on the third count."


@pytest.fixture(scope="module")
def ranked() -> Matcher:
    return Matcher(load_facts(ROOT / "tests/fixtures/elections/partyleader/facts.toml"))


def figures(matcher: Matcher, *paragraphs: str) -> list[tuple[str, str]]:
    text, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    return [(f.rule_id, f.fact_ids[0]) for f in matcher.check(a) if f.kind == "figure"]


def test_a_gain_between_rounds_is_not_read_as_a_tally(ranked):
    text = "Most of Gallant's supporters went to Penhallow; Lafreni\u00e8re gained only 610."
    assert figures(ranked, LEAD, text) == []


def test_a_wrong_gain_is_judged_against_the_difference_between_the_rounds(ranked):
    text = "Douglas Penhallow gained more than 3,000 votes in the second round."
    assert figures(ranked, LEAD, text) == [("figure.gain", "gain.douglas-penhallow.r2")]


def test_a_gain_between_two_named_counts_belongs_to_the_later_one(ranked):
    wrong = "Lafreni\u00e8re picked up more than 8,000 votes between the second and third counts."
    right = "Lafreni\u00e8re picked up about 7,000 votes between the second and third counts."
    assert figures(ranked, LEAD, wrong) == [("figure.gain", "gain.corinne-lafreniere.r3")]
    assert figures(ranked, LEAD, right) == []


def test_gained_in_a_count_of_one_round_is_the_tally():
    bundled = Matcher(load_facts(ROOT / "facts/unite-2017.toml"))
    text = "Len McCluskey won, beating Gerard Coyne and Ian Allinson. Coyne gained 9,000 votes."
    assert figures(bundled, text) == [("figure.votes", "votes.gerard-coyne")]


def test_votes_picked_up_in_a_count_of_several_rounds_are_still_a_tally(ranked):
    text = "Douglas Penhallow picked up 20,115 first preferences."
    assert figures(ranked, LEAD, text) == []


def test_a_gain_carries_to_a_number_given_the_same_way_after_a_comma(ranked):
    text = "Douglas Penhallow gained more than 3,000 votes in the second round, Sandhar about 700."
    assert figures(ranked, LEAD, text) == [("figure.gain", "gain.douglas-penhallow.r2")]


def test_a_gain_carries_to_a_number_given_the_same_way_after_and(ranked):
    text = "Douglas Penhallow gained more than 3,000 votes in the second round and Mr Sandhar 740."
    assert figures(ranked, LEAD, text) == [("figure.gain", "gain.douglas-penhallow.r2")]
