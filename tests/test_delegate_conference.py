"""A delegates' conference in the words of another press: honorifics between coordinated
names, the electorate counted in its own words, counts still going on, rebuttals with a
quoted word in them, a side rejecting the result, and a claim's own time words.

The facts are the federation's presidential election: four on the ballot, 1,968
accredited delegates, three known false claims.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article, Finding
from factwatch.core.segment import join_paragraphs, segment

FACTS = Path(__file__).parent / "fixtures" / "elections" / "delegates" / "facts.toml"
LEAD = (
    "Comrade Hauwa Lami Bukar was elected National President of the Allied Workers\u2019 "
    "Federation of Nigeria, ahead of Olumide Fasanmi, Chinedu Ezenwa and Tamara Owei."
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_facts(FACTS))


def check(matcher: Matcher, *paragraphs: str) -> list[Finding]:
    body, paras = join_paragraphs([LEAD, *paragraphs])
    a = Article(url="t", canonical_url="t", text=body, paragraphs=paras, published="2025-05-16")
    a.sentences = segment(paras, body)
    return matcher.check(a)


def kinds(found: list[Finding], kind: str) -> list[Finding]:
    return [f for f in found if f.kind == kind]


def test_numbers_after_names_with_honorifics_go_to_them_in_order(matcher):
    text = "Comrade Chinedu Ezenwa and Comrade Tamara Owei polled 342 and 73 respectively."
    assert kinds(check(matcher, text), "figure") == []


def test_the_electorate_in_the_words_the_facts_count_it_in(matcher):
    found = kinds(check(matcher, "In all, 1,986 delegates were accredited."), "figure")
    assert len(found) == 1 and "1,968" in found[0].explanation
    assert kinds(check(matcher, "In all, 1,968 delegates were accredited."), "figure") == []


def test_an_early_count_from_the_first_boxes_is_not_the_result(matcher):
    text = "18:20 \u2014 Early count from the first two boxes: Bukar 96, Fasanmi 88, Ezenwa 41."
    assert kinds(check(matcher, text), "figure") == []


def test_a_rebuttal_may_quote_a_word_of_its_own(matcher):
    text = (
        "The union dismissed as \u201cmischievous\u201d the claim that Bukar had retired "
        "from service and was not eligible to contest."
    )
    assert kinds(check(matcher, text), "unchallenged_claim") == []


def test_a_side_rejecting_the_result_does_not_rebut_its_own_claim(matcher):
    text = (
        "The Fasanmi campaign has rejected the outcome of the conference, alleging that it "
        "was hijacked. Its director-general said the "
        "delegates\u2019 list was padded with fake delegates who voted at the conference."
    )
    assert len(kinds(check(matcher, text), "unchallenged_claim")) == 1


def test_a_claims_own_time_words_do_not_move_it_to_another_contest(matcher):
    text = "Insiders at her hospital say Bukar retired last year."
    assert len(kinds(check(matcher, text), "unchallenged_claim")) == 1
