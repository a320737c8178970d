"""Readings first needed for an election whose coverage was written after the rules:
a nurses' union vote with four on the ballot, a nominee who withdrew, a roll of
members, an earlier two-way contest and another union's election the same year
(tests/fixtures/elections/nurses).  Each test is one class of wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

FACTS = Path(__file__).parent / "fixtures" / "elections" / "nurses" / "facts.toml"


@pytest.fixture(scope="module")
def nurses() -> Matcher:
    return Matcher(load_facts(FACTS))


def found(matcher: Matcher, *paragraphs: str, kind: str, published: str = "2026-08-20"):
    text, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras, published=published)
    a.sentences = segment(paras, text)
    return [f for f in matcher.check(a) if f.kind == kind]


def test_a_letter_written_while_members_are_still_voting_reports_no_result(nurses):
    text = "Leonie Marchetti beat the incumbent, Grant Ollerenshaw, at the hustings vote."
    assert found(nurses, text, kind="omission", published="2026-07-21") == []
    assert len(found(nurses, text, kind="omission", published="2026-08-20")) == 1


def test_an_opponent_then_is_the_earlier_contests_whatever_the_clause_says_later(nurses):
    text = (
        "In 2022 Grant Ollerenshaw beat Helen Drummond-Vale by 7,904 votes to 6,311. "
        "Ollerenshaw\u2019s only opponent then is backing nobody this time."
    )
    assert found(nurses, text, kind="framing") == []


def test_two_candidates_head_to_head_in_one_exchange_of_a_debate_is_no_framing(nurses):
    text = (
        "Grant Ollerenshaw and Leonie Marchetti went head-to-head in the sharpest exchange "
        "of the night, over staffing ratios."
    )
    assert found(nurses, text, kind="framing") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Grant Ollerenshaw was backed by 12 per cent of the roll.", True),
        ("Grant Ollerenshaw was backed by 10.5 per cent of the roll.", False),
    ],
)
def test_a_share_of_the_roll_is_a_share_of_the_electorate(nurses, text, flagged):
    got = found(nurses, text, kind="figure")
    assert bool(got) == flagged
    if got:
        assert "10.5% (of the electorate)" in got[0].explanation


def test_a_gapped_list_after_backed_by_keeps_the_first_items_measure(nurses):
    text = (
        "Grant Ollerenshaw was backed by 10.5 per cent of the roll, Priya Ramanathan by "
        "about 5 per cent and Desmond Kowalczyk by fewer than 2 per cent."
    )
    assert found(nurses, text, kind="figure") == []


def test_another_organisations_name_places_its_recorded_contest(nurses):
    text = (
        "Leonie Marchetti won. "
        "The Allied Health and Hospital Employees\u2019 Union managed a 27.5 per cent turnout."
    )
    assert found(nurses, text, kind="figure") == []


def test_a_sentence_opening_pronoun_means_an_earlier_subject_before_a_later_name(nurses):
    text = (
        "Leonie Marchetti won 6,418 of the 15,026 formal votes. Ollerenshaw was runner-up "
        "with 5,127, ahead of Priya Ramanathan on 2,561 and Desmond Kowalczyk on 920. "
        "Her margin over her nearest rival was 1,291 votes."
    )
    assert found(nurses, text, kind="figure") == []


@pytest.mark.parametrize(
    "text",
    [
        "We salute Des Kowalczyk and Fiona Tallis-Hart, the other defeated candidates.",
        "Tallis-Hart was among the candidates Marchetti beat in August.",
    ],
)
def test_a_nominee_who_withdrew_called_beaten_is_framing(nurses, text):
    got = found(nurses, "Leonie Marchetti won the ballot.", text, kind="framing")
    assert [f.rule_id for f in got] == ["framing.withdrawn"]


@pytest.mark.parametrize(
    "text",
    [
        "Turnout among the 48,620 members on the roll was 32.4 per cent.",
        "Turnout fell from 32 per cent in my race to just 29 per cent this time.",
    ],
)
def test_turnout_read_across_a_number_or_from_one_figure_to_another(nurses, text):
    got = found(nurses, "Leonie Marchetti won the ballot.", text, kind="figure")
    assert [f.rule_id for f in got] == ["figure.turnout"]
