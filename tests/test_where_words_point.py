"""What a phrase's surroundings place it in: a relative clause on a description gives
the person's score in a round without making the description that round's; a
relative clause's time words do not carry to the next sentence; a live blog's time
stamp opens no clause; a profile that opens with a year of somebody's life is not an
article about another contest.  Each with its own election's facts."""

from __future__ import annotations

from pathlib import Path

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article, Finding
from factwatch.core.segment import join_paragraphs, segment

ELECTIONS = Path(__file__).parent / "fixtures" / "elections"


def check(election: str, published: str, *paragraphs: str) -> list[Finding]:
    body, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", text=body, paragraphs=paras, published=published)
    a.sentences = segment(paras, body)
    return Matcher(load_facts(ELECTIONS / election / "facts.toml")).check(a)


def framing(found: list[Finding]) -> list[str]:
    return [f.quote for f in found if f.kind == "framing"]


def test_a_relative_clause_giving_the_run_off_score_does_not_make_it_the_run_off():
    lead = "Niamh Oduwole is the Forward Democrats' new president."
    text = "The defeated candidate, who won 47.6 per cent in the second ballot, wished her well."
    assert framing(check("tworound", "2025-11-25", lead, text)) == [text]


def test_a_description_that_names_the_run_off_is_that_ballots():
    lead = "Niamh Oduwole is the Forward Democrats' new president."
    text = "The defeated run-off candidate, Marcus Delahaye, wished her well."
    assert framing(check("tworound", "2025-11-25", lead, text)) == []


def test_a_relative_clauses_time_words_stay_in_their_sentence():
    lead = "Leonie Marchetti has beaten Grant Ollerenshaw to become state secretary."
    text = (
        "Insiders say Ollerenshaw, who crushed his only opponent four years ago, never saw "
        "it coming. Her only rival had promised members a new contract."
    )
    assert framing(check("nurses", "2026-08-19", lead, text)) == [
        "Her only rival had promised members a new contract."
    ]


def test_a_profile_opening_with_a_year_of_a_life_is_about_this_election():
    opening = "When Leonie Marchetti started as a midwife in 2001, the union meant little to her."
    text = "Her dealings with the man she beat last week are polite but cool."
    assert framing(check("nurses", "2026-08-22", opening, text)) == [text]


def test_a_live_blog_time_stamp_opens_no_clause():
    stamp = "7:48 p.m. — The secretary-treasurer race is in."
    text = "Patricia Gorman held off Marcus Bell, 54,106 votes to 52,385 — a margin of 1,721."
    found = check("convention", "2023-11-14", "Theresa Reyes leads the count.", stamp + " " + text)
    assert [f.quote for f in found if f.kind == "figure"] == []
