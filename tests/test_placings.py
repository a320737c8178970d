"""Places, rounds and field sizes are figures: judged against the recorded order, by round."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

ELECTIONS = Path(__file__).resolve().parent / "fixtures" / "elections"
# An exhaustive ballot over four rounds: Whitfield won; Faleolo was runner-up after all
# rounds; Lindqvist was second on first preferences and went out in the last round.
RUNOFF = ELECTIONS / "runoff" / "facts.toml"
# Four nominated, one withdrew before the ballot: three on the paper.
WITHDRAWAL = ELECTIONS / "withdrawal" / "facts.toml"


@pytest.fixture(scope="module")
def runoff() -> Matcher:
    return Matcher(load_facts(RUNOFF))


@pytest.fixture(scope="module")
def withdrawal() -> Matcher:
    return Matcher(load_facts(WITHDRAWAL))


def figures(matcher: Matcher, *paragraphs: str, published: str = "2022-10-12"):
    text, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras, published=published)
    a.sentences = segment(paras, text)
    return [f for f in matcher.check(a) if f.kind == "figure"]


def test_a_final_place_the_rounds_do_not_give_is_flagged(runoff):
    found = figures(runoff, "Deb Lindqvist ended up second once every preference was counted.")
    assert len(found) == 1 and "third" in found[0].explanation


def test_a_first_preference_place_is_judged_on_the_first_round(runoff):
    assert figures(runoff, "Deb Lindqvist came second on first preferences.") == []


def test_a_place_in_a_relative_clause_is_the_named_persons(runoff):
    text = "Deb Lindqvist, who finished second behind the mayor, has promised to stand again."
    assert len(figures(runoff, text)) == 1


def test_places_given_respectively_are_not_read_as_one(runoff):
    text = "Anaru Kātene and Colin Sparrow, who finished fourth and fifth, conceded early."
    assert figures(runoff, text) == []


def test_the_runner_up_after_all_rounds_is_right(runoff):
    assert figures(runoff, "Leilani Faleolo finished as runner-up with 19,540 votes.") == []


def test_a_tally_in_a_clause_about_the_final_standing_is_a_final_round_tally(runoff):
    text = (
        "Mr Whitfield was elected in the fourth round. Ms Lindqvist was excluded in that "
        "round, and Cr Leilani Faleolo finished as runner-up with 19,540 votes."
    )
    assert figures(runoff, text) == []


def test_a_wrong_field_size_after_a_withdrawal_is_flagged(withdrawal):
    text = "Siobhán Kerrigan won the four-way race for general secretary of the federation."
    assert len(figures(withdrawal, text, published="2022-05-20")) == 1


def test_a_pronoun_means_the_person_of_its_gender_named_before(runoff):
    text = (
        "Leilani Faleolo led on first preferences this time. Colin Sparrow went out early. "
        "In 2022 she was runner-up to Grant Whitfield, with 45% of the votes in the final round."
    )
    found = figures(runoff, text, published="2025-10-16")
    assert len(found) == 1 and "Faleolo" in found[0].explanation


def test_a_wrong_field_after_a_withdrawal_cites_the_withdrawal(withdrawal):
    text = "Siobhán Kerrigan won the four-way race for general secretary of the federation."
    (found,) = figures(withdrawal, text, published="2022-05-20")
    assert found.fact_ids == ["field", "withdrawn.paul-venables"]
