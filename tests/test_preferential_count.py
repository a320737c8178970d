"""Coverage of a count by preferences, in its own words: "the primary vote" is the
first count; a margin in a count of several rounds may be any two candidates' in any
round; the final two-candidate count's margin may be given over half; a guess or an
indicative count labelling a list is no result; a list of shares goes on without "per
cent"; a party in a description picks one candidate out; a claim's parties do not
stand in for its own words.

The facts are the by-election's: six on the ballot, five counts, the winner third on
primaries, three known false claims.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article, Finding
from factwatch.core.segment import join_paragraphs, segment

FACTS = Path(__file__).parent / "fixtures" / "elections" / "preferential" / "facts.toml"
LEAD = (
    "Independent Naomi Sandercock has won Kellerton on preferences, ahead of Progressive "
    "Marcus Delahunty, with Simone Aldridge, Callum Reid, Wayne Brodribb and Tegan Oakhurst "
    "excluded along the way."
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_facts(FACTS))


def check(matcher: Matcher, *paragraphs: str, lead: str = LEAD) -> list[Finding]:
    body, paras = join_paragraphs([lead, *paragraphs])
    a = Article(url="t", canonical_url="t", text=body, paragraphs=paras, published="2025-08-30")
    a.sentences = segment(paras, body)
    return matcher.check(a)


def kinds(found: list[Finding], kind: str) -> list[str]:
    return [f.quote for f in found if f.kind == kind]


def test_second_on_the_primary_vote_is_a_place_in_the_first_count(matcher):
    text = "Simone Aldridge came second on the primary vote with 26.9 per cent."
    assert kinds(check(matcher, text), "figure") == []


def test_second_overall_is_still_the_final_order(matcher):
    text = "Simone Aldridge finished second overall."
    assert kinds(check(matcher, text), "figure") == [text]


def test_a_margin_of_some_two_in_some_round_is_no_error(matcher):
    text = "Marcus Delahunty topped the primary count, on 34.6 per cent, and lost by 889 votes."
    assert kinds(check(matcher, text), "figure") == []


def test_the_final_counts_margin_over_half(matcher):
    text = "Her final count of 51.1 per cent gives Naomi Sandercock a margin of 1.1 per cent."
    assert kinds(check(matcher, text), "figure") == []


def test_a_guess_labelling_a_list_is_no_result(matcher):
    text = "My rough guess at primaries: Delahunty 35, Aldridge 28, Sandercock 20, Reid 11."
    assert kinds(check(matcher, text), "figure") == []


def test_a_list_of_shares_goes_on_without_per_cent(matcher):
    text = (
        "Marcus Delahunty is on 35 per cent of the primary vote, Simone Aldridge 27, "
        "independent Naomi Sandercock 22."
    )
    assert kinds(check(matcher, text), "figure") == []


def test_a_seat_count_is_no_figure_of_the_contest(matcher):
    text = "The Progressives keep their majority in the 57-seat Legislative Assembly."
    assert kinds(check(matcher, text), "figure") == []


def test_a_partys_candidate_is_one_of_the_defeated(matcher):
    text = "The review will hear from the defeated Progressive candidate, Marcus Delahunty."
    assert kinds(check(matcher, text), "framing") == []


def test_a_claims_parties_do_not_stand_in_for_its_words(matcher):
    text = (
        "Progressive Marcus Delahunty led with 34.6 per cent, ahead of National Liberal "
        "Simone Aldridge, with independent Naomi Sandercock third."
    )
    assert kinds(check(matcher, text), "unchallenged_claim") == []


def test_once_every_preference_was_counted_is_the_final_count(matcher):
    text = (
        "Naomi Sandercock came from third on first preferences to win, beating Marcus "
        "Delahunty by 889 votes once every preference had been counted."
    )
    assert kinds(check(matcher, text), "figure") == []


def test_the_runner_up_is_second_at_the_end_of_the_count(matcher):
    text = (
        "Naomi Sandercock came from third on first preferences to take the seat, beating "
        "runner-up Marcus Delahunty of the Progressives."
    )
    assert kinds(check(matcher, text), "figure") == []


def test_a_three_cornered_contest_counts_the_front_runners(matcher):
    text = "From early August it was a three-cornered contest."
    assert kinds(check(matcher, text), "figure") == []


def test_more_ways_than_candidates_is_still_wrong(matcher):
    text = "In the end it was a seven-way contest."
    assert len(kinds(check(matcher, text), "figure")) == 1


def _dail_figures(text: str) -> list[str]:
    from electionkit import findings

    lead = "Gráinne Mulrennan won the by-election."
    return [f.quote for f in findings("dail", lead, text, kind="figure", published="2025-12-01")]


def test_topping_the_poll_is_most_first_preferences():
    assert _dail_figures("Ciarán Dunleavy topped the poll.") == []
    assert _dail_figures("Gráinne Mulrennan topped the poll.")


def test_a_share_of_the_papers_still_in_play_is_on_that_basis():
    text = (
        "Her final tally of 20,703 was 51.7 per cent of the papers still in play on the "
        "sixth count."
    )
    assert _dail_figures(text) == []


def test_a_candidates_papers_split_between_others_are_nobodys_tally():
    assert (
        _dail_figures("Fourth count: Kearsley's 4,569 split 1,276 Mulrennan, 1,032 Dunleavy.") == []
    )
    assert (
        _dail_figures("Sixth count: Brosnan's 11,643 gave Mulrennan 5,012 and Dunleavy 3,477.")
        == []
    )
