"""A two-round election whose run-off is a ballot of its own (`separate = true`): its
own totals and turnout, and two-person wording about it judged against its field."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.errors import FactsError
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

TWO_BALLOTS = """
format = 2

[election]
name = "Riverside Guild presidential election 2024"
organisation = "Riverside Guild"
office = "President"
electorate = 40000
source = "decl"

[election.dates]
ballot_open = 2024-03-01
ballot_close = 2024-03-29
declared = 2024-03-30

[sources]
decl = "Returning officer's declarations of both ballots, 30 March 2024"

[[candidates]]
name = "Ada Quill"
outcome = "winner"
nominations = 41

[[candidates]]
name = "Bram Oakes"
outcome = "defeated"

[[candidates]]
name = "Cora Finch"
outcome = "eliminated"
round = 1

[results]
total = 20000
spoiled = 200
turnout = 50.0

[[rounds]]
votes = { "Ada Quill" = 7000, "Bram Oakes" = 8000, "Cora Finch" = 4800 }

[[rounds]]
separate = true
votes = { "Ada Quill" = 9500, "Bram Oakes" = 8300 }
total = 18000
spoiled = 200
turnout = 45.0

[[figures]]
counts = "spoiled papers"
value = 120
source = "decl"
statement = "Of the 200 rejected papers in the first ballot, 120 were spoiled and 80 blank."

[[figures]]
counts = "blank papers"
value = 80
source = "decl"
statement = "80 papers were blank in the first ballot."

[[figures]]
counts = "branches"
value = 300
source = "decl"
statement = "The guild has 300 branches."
"""
LEAD = "Ada Quill has been elected president of the Riverside Guild, beating Bram Oakes."


@pytest.fixture(scope="module")
def two_ballots(tmp_path_factory) -> Matcher:
    path = tmp_path_factory.mktemp("facts") / "guild.toml"
    path.write_text(TWO_BALLOTS, encoding="utf-8")
    return Matcher(load_facts(path))


def found(matcher: Matcher, *paragraphs: str) -> list[tuple[str, str]]:
    text, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    return [(f.kind, f.fact_ids[0]) for f in matcher.check(a) if f.kind in ("framing", "figure")]


def test_the_run_off_has_its_own_turnout_and_totals(two_ballots):
    facts = two_ballots.facts
    ids = {f.id: f.value for f in facts.figures}
    assert ids["turnout.r2"] == 45.0
    assert ids["total.r2"] == 18000
    assert ids["valid.r2"] == 17800


def test_a_wrong_run_off_turnout_is_judged_against_the_run_offs(two_ballots):
    text = "Turnout in the run-off was 50 per cent, Cora Finch noted."
    assert found(two_ballots, LEAD, text) == [("figure", "turnout.r2")]


def test_the_run_offs_own_turnout_passes(two_ballots):
    text = "Turnout in the run-off was 45 per cent, Cora Finch noted."
    assert found(two_ballots, LEAD, text) == []


def test_two_person_wording_about_the_run_off_is_right(two_ballots):
    text = "Quill won the head-to-head run-off, and Cora Finch congratulated her."
    assert found(two_ballots, LEAD, text) == []


def test_two_person_wording_about_the_whole_election_is_framing(two_ballots):
    text = "The two-horse race for the Riverside Guild presidency ended in a win for Quill."
    assert found(two_ballots, LEAD, text) == [("framing", "field")]


def test_totals_on_a_round_of_one_count_are_refused(tmp_path):
    path = tmp_path / "guild.toml"
    path.write_text(TWO_BALLOTS.replace("separate = true\n", ""), encoding="utf-8")
    with pytest.raises(FactsError, match="add separate = true"):
        load_facts(path)


def test_a_hyphenated_round_names_the_ballot(two_ballots):
    assert found(two_ballots, LEAD, "Second-ballot turnout was 45 per cent.") == []
    assert found(two_ballots, LEAD, "Second-ballot turnout was 50 per cent.") == [
        ("figure", "turnout.r2")
    ]


def test_the_first_ballots_order_is_a_result_of_its_own(two_ballots):
    assert found(two_ballots, LEAD, "Bram Oakes topped the poll, Cora Finch said.") == []


def test_a_lead_with_no_round_named_may_be_any_rounds(two_ballots):
    text = "Oakes's lead was 1,000 votes, Cora Finch recalled."
    assert found(two_ballots, LEAD, text) == []


def test_somebodys_nominations_are_not_the_organisations_count(two_ballots):
    text = "Quill led the nominations, with 41 branches, Cora Finch said."
    assert found(two_ballots, LEAD, text) == []


def test_a_round_named_after_than_is_the_compared_numbers(two_ballots):
    text = "The winning margin of 1,200 votes was narrower than Oakes's first-round lead."
    assert found(two_ballots, LEAD, text) == []


def test_parts_of_a_count_given_before_are_not_judged_as_totals(two_ballots):
    text = "In all 20,000 papers were returned. Of those, 150 were blank and 50 spoiled."
    assert found(two_ballots, LEAD, text) == []


def test_a_count_after_a_sentence_on_nominations_is_not_the_organisations(two_ballots):
    text = "Quill led the nominations. Cora Finch said 89 branches nominated somebody."
    assert found(two_ballots, LEAD, text) == []


def test_each_number_takes_the_round_named_nearest_to_it(two_ballots):
    text = "Oakes's first-round lead of 1,000 votes became a deficit of 1,200 in the second ballot."
    assert found(two_ballots, LEAD, text) == []


def test_a_count_recorded_in_the_words_after_the_number_agrees(two_ballots):
    text = "There were 80 blank papers and 120 spoiled ones in the first ballot."
    assert found(two_ballots, LEAD, text) == []


def test_a_shortfall_to_a_mark_is_no_margin(two_ballots):
    assert found(two_ballots, LEAD, "Oakes was nearly 900 short of a majority then.") == []


def test_an_interim_count_of_nominations_is_not_judged(two_ballots):
    text = "In the interim nominations count of 2 March, Quill had 30 branches."
    assert found(two_ballots, LEAD, text) == []


# The labelled two-round election's own facts file, for wording its writers used.
TWO_ROUND = Path(__file__).resolve().parent / "fixtures/elections/tworound/facts.toml"
RESULT = (
    "Niamh Oduwole beat Marcus Delahaye in the run-off after Gethin Rowlands, Priya "
    "Santhanam and Tobias Wren went out in the first ballot."
)


@pytest.fixture(scope="module")
def two_round() -> Matcher:
    return Matcher(load_facts(TWO_ROUND))


@pytest.mark.parametrize(
    "text",
    [
        # every number of a sentence opening on a part of a count is a part
        "Dermot Kealy, the returning officer, said 39,863 papers had been returned by the "
        "61,480 eligible members, a turnout of 64.8 per cent. Of those, 33,410 were returned "
        "online and 6,453 by post, and 395 were rejected: 208 blank and 187 spoiled.",
        # a recorded count ("first-ballot votes of the three eliminated candidates") is
        # matched by its head noun, not its last word
        "In the first ballot, declared on 8 November, five candidates were on the paper.",
        # the subject of a copula names the round the wording is about
        "The second ballot, which opened on Tuesday, is a straight fight between the top two "
        "from the first round.",
        # "at the very end" is the run-off
        "Oduwole said: \u201cIt only became a head-to-head at the very end.\u201d",
    ],
)
def test_correct_coverage_of_a_two_round_election_passes(two_round, text):
    assert found(two_round, RESULT, text) == []
