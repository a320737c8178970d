"""Correct coverage that must raise nothing: readings first needed for quiet articles
written after the rules (tests/fixtures/elections/*/quiet-dev.jsonl).  One class of
wording per test, each with the election whose facts it needs."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

ELECTIONS = Path(__file__).parent / "fixtures" / "elections"


@lru_cache(maxsize=8)
def matcher(election: str) -> Matcher:
    return Matcher(load_facts(ELECTIONS / election / "facts.toml"))


def findings(election: str, *paragraphs: str) -> list[str]:
    text, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    return [
        f"{f.kind}: {f.quote}" for f in matcher(election).check(a) if f.kind != "challenged_claim"
    ]


@pytest.mark.parametrize(
    ("election", "text"),
    [
        # first choices are the first round
        (
            "partyleader",
            "Harjit Sandhar took 12,780 first choices (16.3 per cent), finishing third.",
        ),
        # a poll that puts somebody at a share
        ("partyleader", "A Northstar poll this month put Doug Penhallow at 34 per cent."),
        # a share of those who voted a certain way is no turnout
        (
            "tworound",
            "Niamh Oduwole won. In each round, more than four in five of you voted online.",
        ),
        # a share of everyone who voted is no turnout
        (
            "partyleader",
            "Corinne Lafrenière won with 50.3 per cent in the final round, which is not the "
            "same as 50.3 per cent of everyone who voted.",
        ),
        # a margin over a mark named before
        (
            "partyleader",
            "Corinne Lafrenière needed 38,723 to win in the final round and cleared that by 227.",
        ),
        # valid votes in all
        ("tworound", "With 39,468 valid votes cast, Marcus Delahaye would have needed 19,735."),
        # shares listed under a label, and stages of a labelled count
        (
            "teachers",
            "Siobhán Corcoran won. As shares of valid votes: 44.0, 29.8, 17.2 and 9.0 per cent.",
        ),
        (
            "partyleader",
            "Corinne Lafrenière won. Exhausted ballots: 520 after the first transfer, 570 "
            "after the second, 1,090 in all.",
        ),
        # a round the words head for is not the numbers' round
        (
            "tworound",
            "Marcus Delahaye had 37.7 per cent, so he and Niamh Oduwole (31.4 per cent) go "
            "through to a second ballot; Gethin Rowlands, Priya Santhanam and Tobias Wren are out.",
        ),
        # a name describing somebody else ("Reyes ally Marcus Bell") places no clause here
        (
            "convention",
            "Secretary-Treasurer Patricia Gorman held her seat in a two-way race against "
            "Reyes ally Marcus Bell, 54,106 votes to 52,385.",
        ),
        # another organisation's recorded contest, whatever time words say
        (
            "nurses",
            "Earlier this month the rival Allied Health and Hospital Employees\u2019 Union "
            "elected Carmen Dutta with 48.9 per cent in a three-way race.",
        ),
        # the final tally
        (
            "twin",
            "Helen Marchbank trailed Callum Fairweather in first-choice votes but won 54 "
            "per cent in the final tally, after Dafydd Rees-Morgan and Siobhan Gatley were "
            "eliminated.",
        ),
        # a line's label naming a count that is not the ballot's
        (
            "convention",
            "Convention nomination vote, June 22 (of 1,840 credentialed delegates): Hanlon "
            "842; Reyes 561; Lindqvist 214; Blevins 139.",
        ),
        # those who preferred someone else
        (
            "teachers",
            "Siobhán Corcoran won, but more than half of those who voted preferred someone else.",
        ),
        # a list after a share takes its measure
        (
            "teachers",
            "Siobhán Corcoran\u2019s share of valid votes is 44.0 per cent; Moriarty 29.8; "
            "Ó Súilleabháin 17.2; Whelan 9.0.",
        ),
        # a poll that had somebody on a share
        (
            "partyleader",
            "Corinne Lafrenière won. A members' poll in April had Lafrenière on 41 per cent "
            "of first choices.",
        ),
        # a relative clause's figures are its antecedent's
        (
            "federation",
            "Warren Tuckey finished 239 ahead of Marisol Quintanar, who finished 77 ahead of "
            "Lamar Pettibone.",
        ),
        # a round word before another number is that number's
        (
            "tworound",
            "Niamh Oduwole won the second ballot. Her 19,688 is not simply her first-round "
            "12,407 plus other votes.",
        ),
        # a gapped list takes the basis of its first item
        (
            "tworound",
            "Niamh Oduwole beat Marcus Delahaye, Gethin Rowlands, Priya Santhanam and Tobias "
            "Wren. In the first ballot Marcus Delahaye had the backing of 24.2 per cent of the "
            "whole electorate, Niamh Oduwole 20.2 per cent.",
        ),
        # the group a share of voters is taken of is the electorate
        (
            "partyleader",
            "Corinne Lafreni\u00e8re won. More than three in five of the party\u2019s 126,480 "
            "eligible members voted.",
        ),
        # a share of those who voted is no turnout
        (
            "nurses",
            "Leonie Marchetti won. More than seven in ten of those who voted did so online.",
        ),
        # a label that names a round is no count's name
        (
            "tworound",
            "Niamh Oduwole beat Marcus Delahaye, Gethin Rowlands, Priya Santhanam and Tobias "
            "Wren. First ballot: 39,863 papers were returned. Second ballot: 38,092 papers "
            "returned.",
        ),
        # a lead set beside what is said of the sentence's first person is theirs
        (
            "teachers",
            "Siobh\u00e1n Corcoran won ahead of Declan Moriarty, P\u00e1draig \u00d3 "
            "S\u00failleabh\u00e1in and Karen Whelan. 11.15 Corcoran\u2019s share of valid "
            "votes is 44 per cent, a lead of 14.2 points over Moriarty.",
        ),
        # a round word after another number is not somebody else's own number's
        (
            "tworound",
            "Niamh Oduwole beat Marcus Delahaye, Gethin Rowlands, Priya Santhanam and Tobias "
            "Wren. Tobias Wren\u2019s 1,346 first-ballot votes were not added to Marcus "
            "Delahaye\u2019s 17,907 either.",
        ),
        # how far somebody was from winning outright is no margin over anyone
        (
            "tworound",
            "Niamh Oduwole beat Marcus Delahaye, Gethin Rowlands, Priya Santhanam and Tobias "
            "Wren. In the first ballot Mr Delahaye had been 4,873 votes short of winning "
            "outright.",
        ),
        # a number written with a fraction is nobody's votes
        (
            "teachers",
            "Siobh\u00e1n Corcoran won. On the valid-vote basis the order is: Ms Corcoran 44.0 "
            "per cent, Declan Moriarty 29.8, P\u00e1draig \u00d3 S\u00failleabh\u00e1in 17.2 "
            "and Karen Whelan 9.0.",
        ),
        # a surplus over a mark, said after the number, is no margin over anyone
        (
            "federation",
            "Deborah Kolovos beat Warren Tuckey, Marisol Quintanar and Lamar Pettibone. In an "
            "election decided by nine votes over the majority line, that matters.",
        ),
        # somebody's own seat
        ("partyleader", "Doug Penhallow lost his seat last spring by 3,410 votes."),
        # a parliamentary seat's majority
        (
            "tworound",
            "Niamh Oduwole won. She holds one of the party\u2019s nine Commons seats, with a "
            "majority of 3,412.",
        ),
    ],
)
def test_correct_coverage_raises_nothing(election, text):
    assert findings(election, text) == []


def test_an_interim_count_does_not_displace_the_final_one():
    text = "Marcus Delahaye collected 41 local-party nominations, more than anyone."
    assert findings("tworound", text) == []


def test_a_corrections_column_states_nothing_of_its_own():
    text = (
        "A report on Monday said Helen Marchbank won 54.0 per cent of all votes cast. The "
        "54.0 per cent was her share of the votes still in the count in the final round. "
        "We apologise for the error. A headline misspelt the name of Siobhan Gatley."
    )
    assert findings("twin", text) == []


_FEDERATION_RESULT = (
    "Deborah Kolovos won the federation presidency at the convention, ahead of Warren "
    "Tuckey, Marisol Quintanar and Lamar Pettibone."
)


def test_a_precise_figure_of_the_contest_just_named_is_that_contests():
    text = (
        _FEDERATION_RESULT,
        "In July the hospital workers re-elected Lorraine Betancourt over Dale Hruska, "
        "41,228 votes to 17,904. The count took two days.",
        "Turnout was 22.6 percent.",
    )
    assert findings("federation", *text) == []


def test_the_same_figure_in_a_clause_naming_this_contest_is_judged():
    text = (
        _FEDERATION_RESULT,
        "In July the hospital workers re-elected Lorraine Betancourt over Dale Hruska, "
        "41,228 votes to 17,904.",
        "Deborah Kolovos won the federation presidency on a turnout of 22.6 percent.",
    )
    assert findings("federation", *text) == [
        "figure: Deborah Kolovos won the federation presidency on a turnout of 22.6 percent."
    ]


def test_a_count_labelled_before_it_is_the_recorded_count_of_that_label():
    text = "Niamh Oduwole won. Rejected papers in the first ballot: blank 208, spoiled 187."
    assert findings("tworound", text) == []


def test_the_support_of_a_share_of_those_who_voted_is_a_share_of_the_vote():
    # 42.7 per cent is her share of the valid votes; of the ballots returned, 42.1
    text = (
        "Leonie Marchetti was elected with 6,418 votes, the support of 42.7 per cent of those "
        "who returned a ballot."
    )
    text, paras = join_paragraphs([text])
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    assert [f.rule_id for f in matcher("nurses").check(a)] == ["figure.share"]


def test_votes_counted_between_two_candidates_are_no_two_way_contest():
    text = "Theresa Reyes won. That put roughly 1,300 votes between Reyes and Hanlon."
    assert [f for f in findings("convention", text) if f.startswith("framing")] == []
