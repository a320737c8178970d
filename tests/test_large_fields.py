"""A large field with minor candidates, in the words and numbers of another press.

The facts are the by-election's: seven on the ballot, three contenders and four minor
candidates under 3 per cent, a same-day by-election elsewhere that was a genuine
two-way race, and coverage in Indian English (lakh, crore, 2,41,876).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.claims.numbers import find_numbers
from factwatch.core.records import Article, Finding
from factwatch.core.segment import join_paragraphs, segment

FACTS = Path(__file__).parent / "fixtures" / "elections" / "bypoll" / "facts.toml"
AFTER = "2025-11-18"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_facts(FACTS))


def check(matcher: Matcher, *paragraphs: str, published: str = AFTER) -> list[Finding]:
    body, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", text=body, paragraphs=paras, published=published)
    a.sentences = segment(paras, body)
    return matcher.check(a)


def kinds(found: list[Finding], kind: str) -> list[Finding]:
    return [f for f in found if f.kind == kind]


# -- minor candidates -----------------------------------------------------------------


def test_a_report_naming_the_three_contenders_omits_nobody(matcher):
    text = (
        "Meenakshi Sahu of the VKD won the Kusumbari bypoll, defeating Devendra Pratap "
        "Singh of the JPP and Prakash Chandra Nayak of the BLM."
    )
    assert kinds(check(matcher, text), "omission") == []


def test_a_report_leaving_out_the_third_contender_omits_him_alone(matcher):
    text = "Meenakshi Sahu of the VKD won the Kusumbari bypoll, defeating Devendra Pratap Singh."
    found = kinds(check(matcher, text), "omission")
    assert [f.details["missing"] for f in found] == [["prakash-chandra-nayak"]]


def test_a_three_way_fight_counts_the_contenders(matcher):
    text = "Meenakshi Sahu won a close three-way fight with Devendra Pratap Singh and Nayak."
    assert kinds(check(matcher, text), "figure") == []


def test_a_four_way_fight_is_no_count_of_anything(matcher):
    text = "Meenakshi Sahu won a close four-way fight with Devendra Pratap Singh and Nayak."
    assert len(kinds(check(matcher, text), "figure")) == 1


# -- whose numbers and which contest ----------------------------------------------------


def test_a_partys_possessive_before_a_name_leaves_it_the_subject(matcher):
    text = (
        "The BLM\u2019s Prakash Chandra Nayak, on 22.6 per cent, finished 12.2 points behind Singh."
    )
    assert kinds(check(matcher, "Meenakshi Sahu won.", text), "figure") == []


def test_in_the_end_is_no_defeated_candidate(matcher):
    text = "In the end she defeated Devendra Pratap Singh comfortably."
    assert kinds(check(matcher, "Meenakshi Sahu held Kusumbari.", text), "framing") == []


def test_a_place_only_a_related_contest_has_names_that_contest(matcher):
    lead = "Meenakshi Sahu held Kusumbari, ahead of Devendra Pratap Singh and Nayak."
    text = "In Dhanauri, where the JPP and the VKD met in a straight fight, turnout was lower."
    assert kinds(check(matcher, lead, text), "framing") == []


def test_this_contests_own_place_still_names_it(matcher):
    lead = "Meenakshi Sahu beat Devendra Pratap Singh by 3,744 votes."
    text = "Kusumbari was, at heart, a straight fight."
    assert len(kinds(check(matcher, lead, text), "framing")) == 1


def test_turnout_while_the_polls_are_open_is_not_the_final_figure(matcher):
    text = "Turnout at 11 am stood at 24.3 per cent, officials said."
    assert kinds(check(matcher, "Meenakshi Sahu cast her vote early.", text), "figure") == []


def test_the_final_turnout_is_still_judged(matcher):
    text = "Turnout was 64.3 per cent, officials said."
    assert len(kinds(check(matcher, "Meenakshi Sahu won the bypoll.", text), "figure")) == 1


def test_a_count_of_the_set_up_is_judged_in_the_future_tense(matcher):
    text = "Voting will take place at 217 polling stations across the constituency."
    found = kinds(check(matcher, "Meenakshi Sahu is the VKD candidate.", text), "figure")
    assert len(found) == 1 and "271" in found[0].explanation


# -- numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a roll of 2,41,876 electors", 241876),
        ("1,63,025 votes were polled", 163025),
        ("about 2.42 lakh electors", 242000),
        ("two lakh votes", 200000),
        ("a haul of 1.5 crore", 15000000),
    ],
)
def test_south_asian_grouping_and_scales_are_read(text, value):
    assert [round(n.value) for n in find_numbers(text)] == [value]


@pytest.mark.parametrize("text", ["seized \u20b92 crore in cash", "Rs 40 lakh spent", "Rs. 5,000"])
def test_rupee_amounts_are_money(text):
    assert find_numbers(text) == []


def test_an_electorate_in_lakh_is_judged(matcher):
    lead = "Meenakshi Sahu won the Kusumbari bypoll."
    assert len(kinds(check(matcher, lead, "The electorate was 2.24 lakh."), "figure")) == 1
    assert kinds(check(matcher, lead, "The electorate was 2.42 lakh."), "figure") == []


# -- claims ------------------------------------------------------------------------------


def test_a_surname_two_people_share_is_the_candidates(matcher):
    lead = "Meenakshi Sahu won the Kusumbari bypoll for the VKD."
    text = "The JPP said police seized \u20b92 crore in cash from Sahu\u2019s convoy."
    assert [f.rule_id for f in kinds(check(matcher, lead, text), "unchallenged_claim")] == [
        "claim.police-seized-2-crore-in-cash"
    ]


def test_a_place_every_name_of_the_contest_holds_puts_two_way_words_in_it(matcher):
    text = (
        "Everyone will argue over what Kusumbari means. My reading is simpler: it was a "
        "two-cornered contest decided by sympathy."
    )
    later = "Nobody should pretend the money did not matter either."
    names = "Meenakshi Sahu will now serve out the term; Devendra Pratap Singh will regroup."
    assert len(kinds(check(matcher, text, later, names), "framing")) == 1


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("NOTA polled 2,947 votes.", True),
        ("NOTA drew 1,947 votes, or 1.2 per cent.", False),
        ("NOTA, at 1,947, outpolled three of the candidates.", False),
        ("As many as 2,947 votes went to NOTA.", True),
    ],
)
def test_a_ballot_option_that_is_no_candidate_is_judged_by_its_name(matcher, text, wrong):
    found = kinds(check(matcher, "Meenakshi Sahu won the Kusumbari bypoll.", text), "figure")
    assert bool(found) == wrong
    assert all("Gives NOTA as" in f.explanation for f in found)
