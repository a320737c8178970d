"""Figures: numbers attached to what they measure and to whom, judged with honest rounding."""

from __future__ import annotations

from pathlib import Path

import pytest
from electionkit import findings

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.claims.numbers import find_numbers
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

HERE = Path(__file__).resolve().parent
FACTS = HERE.parent / "facts" / "unite-2017.toml"
CONTEXT = "Len McCluskey won the Unite election, beating Gerard Coyne and Ian Allinson."


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_facts(FACTS))


def figures(matcher: Matcher, *paragraphs: str):
    text, paras = join_paragraphs([CONTEXT, *paragraphs])
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    return [f for f in matcher.check(a) if f.kind == "figure"]


WRONG = [
    ("McCluskey received 65,000 votes, according to the union.", "votes.len-mccluskey"),
    ("McCluskey won 62,000 votes.", "votes.len-mccluskey"),
    ("Coyne polled about 45,000 votes.", "votes.gerard-coyne"),
    ("Coyne won 38 per cent of the vote, well behind the incumbent.", "share.gerard-coyne"),
    ("Coyne won 45 per cent of the vote.", "share.gerard-coyne"),
    ("McCluskey took 49.5% of the vote.", "share.len-mccluskey"),
    ("McCluskey won more than half the vote.", "share.len-mccluskey"),
    ("Turnout was 15 per cent.", "turnout"),
    ("Only one in five members bothered to vote, a turnout of 20 per cent.", "turnout"),
    ("Around 20 per cent of Unite members voted.", "turnout"),
    (
        "McCluskey scraped home with a majority of just 1,500 over Coyne.",
        "margin.len-mccluskey.gerard-coyne",
    ),
    ("McCluskey's majority was under 3,000.", "margin.len-mccluskey.gerard-coyne"),
    ("Coyne finished fewer than 3,000 votes behind.", "margin.len-mccluskey.gerard-coyne"),
    ("Coyne was 2,000 votes short.", "margin.len-mccluskey.gerard-coyne"),
    ("McCluskey beat Coyne by 10 percentage points.", "points.len-mccluskey.gerard-coyne"),
    ("More than two million ballot papers were sent out.", "electorate"),
    ("McCluskey won 45.4 per cent of the 230,071 votes cast.", "total"),
    ("Allinson received 90 nominations.", "nominations.ian-allinson"),
    ("The result: McCluskey 59,067, Coyne 53,544, Allinson 19,143.", "votes.ian-allinson"),
    ("McCluskey won by a margin of only 2,000.", "margin.len-mccluskey.gerard-coyne"),
    ("McCluskey beat Coyne 59,067 to 43,544.", "votes.gerard-coyne"),
    ("McCluskey polled 8,523 more ballots than Coyne.", "margin.len-mccluskey.gerard-coyne"),
    ("McCluskey won a majority of the votes cast.", "share.len-mccluskey"),
    ("Some 90,000 people voted in the ballot.", "total"),
    (
        "McCluskey won, defeating Birmingham's Gerard Coyne by 6,523 votes.",
        "margin.len-mccluskey.gerard-coyne",
    ),
    (
        "McCluskey held on, taking 59,067 votes (45.4 per cent), 6,523 more than Coyne.",
        "margin.len-mccluskey.gerard-coyne",
    ),
    ("McCluskey beat Coyne 69,067 to 53,544.", "votes.len-mccluskey"),
    ("Turnout was just under 15%.", "turnout"),
    ("More than 15% of members voted.", "turnout"),
    ("He was re-elected with 55 per cent of the vote.", "share.len-mccluskey"),
    ("The winner took 51% of the vote.", "share.len-mccluskey"),
    ("The union sent out more than 1.5 million ballot papers.", "electorate"),
    ("Ballot papers had been sent to all 1.4 million of its members.", "electorate"),
    ("With barely one in twelve members voting, the win was hollow.", "turnout"),
    ("Fewer than one in ten of the members sent ballot papers returned them.", "turnout"),
    ("McCluskey romped home, bagging a whopping 49 per cent of the vote.", "share.len-mccluskey"),
    (
        "Allinson secured more than a hundred and twenty branch nominations.",
        "nominations.ian-allinson",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "fact_id"), WRONG, ids=[w[1] + str(i) for i, w in enumerate(WRONG)]
)
def test_wrong_figure_is_flagged_against_the_right_fact(matcher, sentence, fact_id):
    found = figures(matcher, sentence)
    assert [f.fact_ids for f in found] == [[fact_id]]
    assert found[0].quote == sentence


RIGHT = [
    "Len McCluskey won with 59,067 votes.",
    "He won 59, 067 votes.",
    "McCluskey received 59067 votes, Coyne 53544 and Allinson 17143.",
    "McCluskey won nearly 60,000 votes and Coyne about 53,500.",
    "McCluskey took almost 60,000 votes.",
    "McCluskey won 45.4% to Coyne's 41.2%.",
    "McCluskey won 45 per cent, Coyne 41 per cent and Allinson 13 per cent.",
    "The incumbent took 45.4 per cent of the vote, with Gerard Coyne on 41.2 per cent.",
    "Coyne won just over 41 per cent.",
    "McCluskey won over 40% of the vote.",
    "Nearly half of those who voted backed McCluskey.",
    "Turnout was just 12%, or roughly one in eight members.",
    "Fewer than one in eight members voted.",
    "A turnout of 12.2 per cent was the lowest yet.",
    "McCluskey won by 5,523 votes, a lead of 4.2 points.",
    "McCluskey won with a majority of about 5,500.",
    "Coyne finished about 5,500 votes behind.",
    "Coyne came within 6,000 votes of victory.",
    "McCluskey beat Coyne by four percentage points.",
    "The left-winger beat Gerard Coyne by 59,067 votes to 53,544.",
    "Len McCluskey was re-elected with 59,067 votes to Coyne's 53,544.",
    "Just over 130,000 members took part, out of more than a million who were sent papers.",
    "Turnout was 12.2%, with 130,071 votes cast from 1,062,049 ballot papers despatched.",
    "Over a million ballot papers were despatched.",
    "Some 317 papers were spoiled.",
    "Allinson won 97 nominations, 21 of them from workplaces.",
    "Allinson received 21 workplace nominations.",
    "Ian Allinson, who came third in the Unite general secretary election with 17,143 votes, "
    "said he was ignored.",
    "Coyne was just 5,523 votes short.",
    "Turnout was just over 12%.",
    "McCluskey beat Coyne, his nearest challenger, by 5,523 votes.",
    "McCluskey, a close ally of the Labour leader, won 59,067 votes against Coyne's 53,544 "
    "\u2013 a majority of 5,523.",
    "Jeremy Corbyn's most powerful union ally clung on to his job by fewer than 6,000 votes.",
    "McCluskey won 59,067 votes (45.4%) to Coyne's 53,544 (41.2%).",
    "Ian Allinson, the only grassroots candidate, received a total of 97 nominations "
    "including 21 workplace nominations.",
    "Ian Allinson spoke. He stood by his pile of 17143 votes, while the media chased Gerard Coyne.",
    "With 59,067 votes, McCluskey won.",
    # a score straight after the beaten rival's name: its first number is the winner's
    "McCluskey beat Coyne 59,067 to 53,544.",
    "McCluskey defeated him 59,067-53,544 after a bruising campaign.",
    "He won the ballot, beating Gerard Coyne 59,067 votes to 53,544.",
    "Coyne lost to McCluskey 53,544 to 59,067.",
    "McCluskey polled 5,523 more first-preference votes than Coyne.",
    "At the declaration McCluskey led Coyne 59,067 to 53,544.",
    "McCluskey won, defeating Birmingham's Gerard Coyne by 5,523 votes.",
    "No candidate won a majority of the vote.",
    # one way of voting is a part of the whole
    "Some 9,900 people voted by post.",
    "About 20,000 members voted online.",
    # a count shared out: the parts are no one's tally
    "Of Allinson's 17,143, McCluskey took 9,212 and Coyne 7,931.",
    "Allinson's 17,143 papers broke 9,212 to McCluskey and 7,931 to Coyne.",
    "Over the five distributions McCluskey picked up 9,499 votes to Coyne's 6,481.",
    "Second count: Allinson's 17,143 split 9,212 McCluskey, 7,931 Coyne.",
    "Allinson's transfers, distributed on the second count, favoured McCluskey by 1,281.",
    # one area's tally
    "Coyne won his home Solihull County 12,602 to 8,905 and squeaked out Dudley County by 136.",
    "It was a three-way race, and McCluskey won without a majority: more than 54 per cent of "
    "voters backed someone else.",
    "McCluskey won with a majority of 5,523.",
    # the one side named is ahead: some candidate is 36,401 behind the runner-up
    "Ian Allinson's vote is the story. That was third of three, 36,401 behind the runner-up, "
    "Gerard Coyne.",
    "McCluskey held on, taking 59,067 votes (45.4 per cent), 5,523 more than Coyne.",
    "Coyne ran him close, but in the end McCluskey beat him 59,067 to 53,544.",
]


@pytest.mark.parametrize("sentence", RIGHT)
def test_honest_figures_pass(matcher, sentence):
    assert figures(matcher, sentence) == []


UNRELATED = [
    "Unite has 1.4 million members.",
    "Unite's 1.4 million members were balloted, but only 130,071 voted.",
    "McCluskey, 66, was first elected in 2010.",
    "In 2013, McCluskey won 64 per cent on a turnout of 15 per cent.",
    "McCluskey received 1,185 nominations.",
    "The union's members will get a 2 per cent pay rise.",
    "The vote was counted on 28 April 2017 at 5pm.",
    "Coyne had been regional secretary for 15 years.",
    "Labour is trailing by 20 points in the opinion polls.",
    "Turnout was 12.2%, down from 15.2% in 2013.",
    "In 2013 McCluskey won 144,570 votes, with a 15.2% turnout, beating Jerry Hicks.",
    "Unite's membership grew by 3 per cent last year.",
]


@pytest.mark.parametrize("sentence", UNRELATED)
def test_numbers_the_facts_say_nothing_about_are_not_findings(matcher, sentence):
    assert figures(matcher, sentence) == []


def test_figure_in_article_not_about_the_election_is_ignored(matcher):
    text, paras = join_paragraphs(["Turnout was 15 per cent in the council by-election."])
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    assert matcher.check(a) == []


def test_two_wrong_numbers_for_one_fact_in_a_sentence_are_one_finding(matcher):
    found = figures(matcher, "Only one in five members bothered to vote, a turnout of 20 per cent.")
    assert len(found) == 1


def test_figure_finding_gives_the_recorded_figure(matcher):
    (f,) = figures(matcher, "McCluskey received 65,000 votes.")
    assert "59,067" in f.explanation and "59,067" in f.correction
    assert f.details["subject"] == "len-mccluskey" and f.details["value"] == 65000


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("59, 067 votes", 59067, "count", "exact"),
        ("nearly 60,000", 60000, "count", "near_below"),
        ("45.4 per cent", 45.4, "percent", "exact"),
        ("about 53,500", 53500, "count", "approx"),
        ("over 40%", 40, "percent", "over"),
        ("a lead of under 3,000", 3000, "count", "under"),
        ("two million ballot papers", 2_000_000, "count", "exact"),
        ("1.06m papers", 1_060_000, "count", "exact"),
        ("one in eight", 12.5, "percent", "exact"),
        ("a hundred and twenty nominations", 120, "count", "exact"),
    ],
)
def test_numbers_are_read_as_journalists_write_them(text, value, unit, qualifier):
    (n,) = find_numbers(text)
    assert (n.value, n.unit, n.qualifier) == (pytest.approx(value), unit, qualifier)


@pytest.mark.parametrize(
    "text", ["28 April 2017", "in 2013", "at 5pm", "£1m", "won 6-4", "his third term"]
)
def test_dates_years_money_and_scores_are_not_numbers(text):
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "mccluskey, 51, will take office in may.",
        "ballots for region 7 members were mailed.",
        "she spoke at local 88's hall.",
        "he won. 4/ the union had 1,000 members then.",
    ],
)
def test_an_age_a_numbered_name_and_a_posts_number_are_not_figures(text):
    assert [n.text for n in find_numbers(text)] == (["1,000"] if "1,000" in text else [])


def test_a_number_in_a_list_after_a_comma_is_still_a_figure():
    found = find_numbers("coyne, the regional secretary, 19, and allinson 12.")
    assert [n.text for n in found] == ["19", "12"]


# -- who and what a number is about, from the grammar around it --------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "McCluskey was declared the victor by 5,523 votes.",
        "The incumbent squeaked back in by roughly 5,500 votes.",
        "Coyne was seen off by fewer than 6,000 votes.",
    ],
)
def test_by_a_number_of_votes_after_any_verb_is_the_margin(matcher, sentence):
    assert figures(matcher, sentence) == []


def test_a_wrong_margin_after_any_verb_is_flagged_as_the_margin(matcher):
    (f,) = figures(matcher, "The incumbent squeaked back in by 9,000 votes.")
    assert f.fact_ids == ["margin.len-mccluskey.gerard-coyne"]


def test_backed_by_a_number_is_a_tally_not_a_margin(matcher):
    (f,) = figures(matcher, "McCluskey was backed by 65,000 members.")
    assert f.fact_ids == ["votes.len-mccluskey"]


@pytest.mark.parametrize(
    "sentence",
    [
        "McCluskey finished ahead of Mr Coyne on 53,544 and Ian Allinson on 17,143.",
        "McCluskey came out in front, ahead of Coyne on 41.2 per cent.",
        "Allinson was a long way behind on 17,143 votes.",
    ],
)
def test_a_number_after_a_name_and_on_is_that_candidates_tally(matcher, sentence):
    assert figures(matcher, sentence) == []


def test_a_wrong_tally_after_ahead_of_is_checked_against_that_candidate(matcher):
    (f,) = figures(matcher, "McCluskey finished ahead of Coyne on 51,000.")
    assert f.fact_ids == ["votes.gerard-coyne"]


def test_with_after_names_compared_belongs_to_the_sentence_subject(matcher):
    found = figures(matcher, "Allinson came in behind McCluskey and Coyne with 17,143 votes.")
    assert found == []


def test_a_wrong_figure_after_names_compared_is_the_subjects(matcher):
    (f,) = figures(matcher, "Coyne ended up behind McCluskey with 43 per cent.")
    assert f.fact_ids == ["share.gerard-coyne"]


def test_a_share_a_candidate_won_of_the_votes_cast_is_the_candidates_share(matcher):
    (f,) = figures(matcher, "Gerard Coyne took 48 per cent of the votes cast.")
    assert f.fact_ids == ["share.gerard-coyne"]


def test_more_votes_than_a_rival_is_a_margin(matcher):
    assert figures(matcher, "McCluskey had 5,523 more votes than Coyne.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Turnout dropped from 15.2 per cent to 12.2 per cent.",
        "McCluskey had 64 per cent in 2013 but 45.4 per cent this time.",
        "The share voting was 15.2 per cent at the last election and 12.2 per cent now.",
    ],
)
def test_a_number_of_another_time_is_not_judged_against_this_result(matcher, sentence):
    assert figures(matcher, sentence) == []


def test_a_number_dated_to_the_elections_own_year_is_judged(matcher):
    (f,) = figures(matcher, "Turnout was 15 per cent in 2017.")
    assert f.fact_ids == ["turnout"]


def test_the_whole_of_a_ratio_is_not_read_as_the_part(matcher):
    assert figures(matcher, "Only 130,000 of some 1.4 million members took part.") == []


def test_the_whole_of_a_ratio_is_judged_by_the_noun_after_it(matcher):
    (f,) = figures(matcher, "About 130,000 of the 2,100,000 ballot papers sent out came back.")
    assert f.fact_ids == ["electorate"]


def test_a_close_fraction_of_the_total_passes(matcher):
    found = figures(matcher, "Allinson's 17,143 votes came to roughly an eighth of the total.")
    assert found == []


def test_spaced_thousands_are_one_number(matcher):
    (f,) = figures(matcher, "McCluskey got 59,067 votes and Coyne 51, 544.")
    assert f.fact_ids == ["votes.gerard-coyne"] and f.details["value"] == 51544


@pytest.mark.parametrize("text", ["on 59, 067 and", "Coyne 53, 544.", "a total of 130, 071"])
def test_spaced_thousands_are_read_whole(text):
    (n,) = find_numbers(text)
    assert n.value >= 10_000


def test_by_a_number_then_to_another_is_a_scoreline_not_a_margin(matcher):
    assert figures(matcher, "He was elected by 59,067 members to 53,544 for Coyne.") == []


# -- what a count counts: the noun after it, or the one it leaves out ----------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "McCluskey now heads a union with 1.3 million members.",
        "Coyne won the backing of 240 branches and workplaces.",
        "The incumbent took charge of 600 staff at the headquarters.",
    ],
)
def test_a_count_of_something_other_than_votes_is_no_tally(matcher, sentence):
    assert figures(matcher, sentence) == []


def test_a_count_of_people_after_a_voting_verb_is_still_a_tally(matcher):
    (f,) = figures(matcher, "Coyne was backed by 49,000 union members.")
    assert f.fact_ids == ["votes.gerard-coyne"]


def test_a_bare_count_counts_what_the_count_before_it_counted(matcher):
    text = "McCluskey gathered the support of 900 branches. Coyne gathered 150."
    assert figures(matcher, text) == []


def test_a_bare_count_after_a_vote_count_is_a_vote_count(matcher):
    (f,) = figures(matcher, "McCluskey won 59,067 votes. Coyne won 48,000.")
    assert f.fact_ids == ["votes.gerard-coyne"]


# -- margins written as "by only N", "N votes over X", or an appositive ------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "The general secretary defeated Coyne by only 5,523 votes.",
        "McCluskey ended the count 5,523 votes over Coyne.",
        "McCluskey's lead over Coyne, 5,523 votes, proved enough.",
        "His winning margin, 5,523 votes over Coyne, was thin.",
    ],
)
def test_a_margin_is_not_read_as_a_tally(matcher, sentence):
    assert figures(matcher, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The general secretary defeated Coyne by a mere 3,100 votes.",
    ],
)
def test_a_wrong_margin_is_flagged_as_the_margin(matcher, sentence):
    (f,) = figures(matcher, sentence)
    assert f.fact_ids == ["margin.len-mccluskey.gerard-coyne"]


def test_an_opinion_poll_lead_is_not_the_election_margin(matcher):
    text = "A new Survation poll gives the Tories a lead of 17 points."
    assert figures(matcher, text) == []


def test_an_opinion_poll_paragraph_stays_about_the_poll(matcher):
    text = "Polls show Labour far behind. An Opinium survey put its deficit at 19 points."
    assert figures(matcher, text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Turnout came in at between 11 and 13 per cent, the union said.",
        "Coyne finished with between 40 and 42 per cent of the vote.",
    ],
)
def test_a_range_holding_the_figure_passes(matcher, sentence):
    assert figures(matcher, sentence) == []


def test_a_withdrawn_figure_in_a_correction_is_not_a_finding(matcher):
    sentence = "Correction: Gerard Coyne's total was wrongly given as 35,544 in the first edition."
    assert figures(matcher, sentence) == []


def test_a_compound_vote_count_before_a_result_noun_is_the_margin(matcher):
    assert figures(matcher, "McCluskey hung on after a 5,523-vote win over Coyne.") == []
    found = figures(matcher, "McCluskey hung on after a 9,000-vote win over Coyne.")
    assert [f.fact_ids for f in found] == [["margin.len-mccluskey.gerard-coyne"]]


def test_a_bracketed_share_belongs_to_the_tally_before_it(matcher):
    found = figures(matcher, "Results: McCluskey 59,067 (45.4%), Allinson 17,143 (15.1%).")
    assert [f.fact_ids for f in found] == [["share.ian-allinson"]]


def test_a_share_after_an_appositive_belongs_to_the_name(matcher):
    found = figures(matcher, "Coyne, the West Midlands regional secretary, drew 38 per cent.")
    assert [f.fact_ids for f in found] == [["share.gerard-coyne"]]


def test_hyphenated_points_margin_is_a_percentage_margin(matcher):
    assert not figures(matcher, "McCluskey's 4.2-point lead over Coyne was narrow.")


def test_wrong_hyphenated_points_margin_is_flagged(matcher):
    found = figures(matcher, "McCluskey won with a 9-point margin over Coyne.")
    assert [f for f in found if f.fact_ids == ["points.len-mccluskey.gerard-coyne"]]


def test_by_x_to_y_are_two_candidates_shares_not_a_margin(matcher):
    assert not figures(matcher, "McCluskey won by 45.4% to Coyne's 41.2%, a narrow result.")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("fifty-three thousand and forty-four ballots", 53044),
        ("four and a half thousand votes", 4500),
        ("three hundred and twelve thousand papers", 312000),
        ("a thousand votes", 1000),
    ],
)
def test_number_words_with_thousands_and_halves_are_read_whole(text, value):
    (n,) = find_numbers(text)
    assert n.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["in a four-way race", "a two-horse affair", "Coyne 53.5, Allinson 17.1"]
)
def test_n_way_and_bare_decimals_are_not_counts(text):
    assert [n for n in find_numbers(text) if n.unit == "count"] == []


def test_one_noun_in_n_is_a_ratio():
    (n,) = find_numbers("just one voter in every four")
    assert (n.form, n.value) == ("ratio", pytest.approx(25.0))


MIXED_WRONG = [
    ("Gerard Coyne picked up some sixty-eight thousand votes.", "votes.gerard-coyne"),
    ("Scarcely one voter in five took part in the ballot.", "turnout"),
    ("Officials were said to have put turnout at nineteen per cent.", "turnout"),
]


@pytest.mark.parametrize(("sentence", "fact_id"), MIXED_WRONG)
def test_wrong_figures_in_words_are_flagged(matcher, sentence, fact_id):
    assert [f.fact_ids for f in figures(matcher, sentence)] == [[fact_id]]


MIXED_RIGHT = [
    "McCluskey collected fifty-nine thousand and sixty-seven votes.",
    "Ian Allinson gathered around seventeen thousand votes.",
    "McCluskey clung on by a hair's breadth - a mere 5,523 votes.",
    "Together, McCluskey's two rivals won more than half the vote.",
    "Only a handful out of 130,071 votes cast were spoiled.",
    "McCluskey thanked the union's 60,000 Scottish members.",
    "McCluskey won a three-way contest.",
]


@pytest.mark.parametrize("sentence", MIXED_RIGHT)
def test_honest_or_unrelated_figures_in_mixed_styles_pass(matcher, sentence):
    assert figures(matcher, sentence) == []


def test_own_tally_that_puts_a_candidate_ahead_is_not_a_margin(matcher):
    sentence = "In the end 59,067 votes placed McCluskey ahead of both rivals."
    assert figures(matcher, sentence) == []


def test_votes_separating_two_candidates_are_the_margin(matcher):
    sentence = "Only some 1,800 votes separated the two leading men, McCluskey and Coyne."
    assert [f.fact_ids for f in figures(matcher, sentence)] == [
        ["margin.len-mccluskey.gerard-coyne"]
    ]


NEW_FRAMES_WRONG = [
    (
        "Coyne, a regional official who got within 3,000 votes of McCluskey, is standing again.",
        "margin.len-mccluskey.gerard-coyne",
    ),
    ("Allinson collected 97 nominations, 25 of them from workplaces.", None),
    ("McCluskey kept his job after taking 48 per cent of the vote.", "share.len-mccluskey"),
    ("McCluskey triumphed with 49 per cent of the vote.", "share.len-mccluskey"),
    ("Turnout across the union's ballot was 15 per cent.", "turnout"),
    ("Some 371 postal papers were spoiled.", "spoiled"),
]


@pytest.mark.parametrize(("sentence", "fact_id"), NEW_FRAMES_WRONG)
def test_wrong_figures_in_more_frames_are_flagged(matcher, sentence, fact_id):
    found = figures(matcher, sentence)
    assert len(found) == 1, found
    if fact_id:
        assert found[0].fact_ids == [fact_id]
    else:
        assert "workplace" in found[0].explanation


def test_a_tally_after_polled_is_votes_not_the_count_before_it(matcher):
    text = "Allinson, nominated by 97 branches and workplaces, polled 17,143."
    assert figures(matcher, text) == []


def test_a_tally_given_as_a_share_of_the_electorate_is_judged_on_that_basis(matcher):
    text = "Coyne's 53,544 votes amounted to barely 3 per cent of the electorate."
    found = figures(matcher, text)
    assert len(found) == 1 and "electorate" in found[0].explanation


def test_a_count_someone_filed_is_theirs(matcher):
    assert len(figures(matcher, "Ian Allinson filed 90 nominations before the deadline.")) == 1


def test_one_eligible_member_in_n_is_a_share(matcher):
    found = figures(matcher, "Coyne was backed by one eligible member in ten.")
    assert len(found) == 1


def test_a_share_that_fell_to_a_figure_is_the_owners(matcher):
    assert len(figures(matcher, "Coyne's first-preference share fell to 38 per cent.")) == 1


def test_a_figure_and_the_earlier_one_it_rose_from_keep_their_own_years(matcher):
    text = "Turnout fell to 12.2 per cent from the 15.2 per cent who voted in 2013."
    assert figures(matcher, text) == []


def test_a_number_after_an_apposition_is_the_named_persons(matcher):
    text = "Allinson, who stood to the left of the incumbent, took 17,143 votes."
    assert figures(matcher, text) == []


def test_a_difference_names_its_rival_straight_after_than(matcher):
    text = "Coyne won 53,544 votes, 5,523 fewer than the winner, while Allinson had 17,143."
    assert figures(matcher, text) == []


def test_a_little_over_a_round_number_is_just_above_it(matcher):
    assert len(figures(matcher, "A little over 100,000 members took part.")) == 1


def test_a_bare_count_that_voted_is_the_total(matcher):
    assert len(figures(matcher, "Fewer than 90,000 voted in the contest.")) == 1


def test_a_span_since_an_earlier_contests_year_does_not_move_the_clause(matcher):
    (f,) = figures(matcher, "McCluskey, who has led Unite since 2010, won 62,000 votes.")
    assert f.fact_ids == ["votes.len-mccluskey"]


def test_the_lowest_since_an_earlier_contests_year_compares_with_it(matcher):
    assert figures(matcher, "Turnout was 12.2 per cent, the lowest since 2010.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "There were 129,754 valid votes, so a majority was 64,878.",
        "Our delegation of 96 voted as a bloc.",
        "Unite's branches represent about 1.4 million members.",
    ],
)
def test_a_threshold_a_groups_size_and_a_membership_are_no_figures(matcher, sentence):
    assert figures(matcher, sentence) == []


def test_turnout_among_a_number_gives_the_electorate(matcher):
    (f,) = figures(matcher, "Turnout among the 1.2 million members was 12.2 per cent.")
    assert f.fact_ids == ["electorate"]


def test_people_who_stood_with_a_candidate_are_their_votes(matcher):
    (f,) = figures(matcher, "\u201cSome 20,000 members stood with me,\u201d Allinson said.")
    assert f.fact_ids == ["votes.ian-allinson"]


def test_a_tally_for_a_possessive_description_belongs_to_the_name_beside_it(matcher):
    (f,) = figures(
        matcher, "McCluskey won 59,067 votes to 35,000 for his closest rival, Gerard Coyne."
    )
    assert f.fact_ids == ["votes.gerard-coyne"]


def test_a_bare_list_after_a_sentence_about_nominations_counts_nominations(matcher):
    found = figures(
        matcher,
        "Each candidate needed branch nominations. McCluskey collected 1,185, Allinson 120.",
    )
    assert [f.fact_ids for f in found] == [["nominations.ian-allinson"]]


def test_a_count_noun_is_not_inherited_from_another_paragraph(matcher):
    found = figures(
        matcher,
        "Some 1,185 branches nominated in February.",
        "RESULT: McCluskey 59,067, Coyne 53,544, Allinson 17,143.",
    )
    assert found == []


def test_a_round_named_by_its_ordinal_alone_is_that_round():
    runoff = Matcher(load_facts(FACTS.parents[1] / "tests/fixtures/elections/runoff/facts.toml"))
    text, paras = join_paragraphs(
        [
            "Grant Whitfield has been re-elected mayor of Taramoa.",
            "He topped the first round by 6,220 votes and won the fourth by more than 6,400.",
        ]
    )
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    assert [f.quote for f in runoff.check(a) if f.kind == "figure"] == []


@pytest.mark.parametrize(
    ("sentence", "fact_id"),
    [
        ("Allinson polled 17,143 first choices, or 15.2 per cent.", "share.ian-allinson"),
        ("Len McCluskey, the incumbent, won on Friday with 62,000 votes.", "votes.len-mccluskey"),
        ("Allinson took one vote in five.", "share.ian-allinson"),
        (
            "McCluskey held on, and even Ian Allinson, who had few backers and praised Coyne, "
            "drew 25,000 votes.",
            "votes.ian-allinson",
        ),
    ],
)
def test_tallies_and_shares_in_apposition_and_coordination(matcher, sentence, fact_id):
    assert [f.fact_ids for f in figures(matcher, sentence)] == [[fact_id]]


def test_votes_between_them_are_nobodys_own(matcher):
    assert figures(matcher, "Coyne and Allinson had 90,000 votes between them.") == []


def test_a_count_one_away_from_the_recorded_one_is_wrong(matcher):
    (f,) = figures(matcher, "Exactly 318 ballot papers were spoiled.")
    assert f.fact_ids == ["spoiled"]


def test_a_share_is_judged_against_the_share_worked_out_from_the_votes(matcher):
    # 17,143 of 130,071 is 13.18%: "13.3%" is wrong, though it touches the declared 13.2
    (f,) = figures(matcher, "Allinson won 13.3 per cent of the votes cast.")
    assert f.kind == "figure"


def test_the_minutes_of_a_time_are_no_number():
    assert find_numbers("13:48 A post claims boxes were counted twice.") == []


def test_a_pair_of_shares_after_a_pair_of_tallies_is_not_the_second_tallys(matcher):
    found = figures(matcher, "McCluskey had 59,067 votes and Coyne 53,544, or 45.4% to 41.2%.")
    assert found == []


def test_a_first_name_alone_in_a_quote_is_the_candidate(matcher):
    found = figures(
        matcher,
        "Coyne came second. Ian Allinson was third.",
        "\u201cI thought Gerard had the best chance,\u201d a supporter said. "
        "\u201cFifty-three thousand people voted for him.\u201d",
    )
    assert found == []


def test_an_article_opening_on_the_election_that_made_another_winner_is_about_it(matcher):
    text, paras = join_paragraphs(
        [
            "Barely one member in eight took part in the election that made Sharon Graham "
            "general secretary, the union's figures show.",
            "Turnout stood at 12.3 per cent.",
            "Ms Graham's share was the lowest winning share in the union's history.",
            "Gerard Coyne, who stood for a second time, took 28.5 per cent.",
        ]
    )
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    assert [f for f in matcher.check(a) if f.kind == "figure"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Coyne and Allinson trailed with 53,544 and 17,143.",
        "Of those papers, 30,000 had a second choice for McCluskey and 8,233 for Coyne.",
        "The 317 papers set aside \u2014 200 blank and 117 marked twice \u2014 were reviewed.",
    ],
)
def test_coordinated_parallel_and_partial_numbers_keep_their_frame(matcher, sentence):
    assert figures(matcher, sentence) == []


def test_a_number_in_words_beside_one_in_digits_is_read():
    assert [n.value for n in find_numbers("19 blank and nine marked twice")] == [19, 9]


@pytest.mark.parametrize(
    ("sentence", "fact_id"),
    [
        ("Allinson was nominated by 120 branches.", "nominations.ian-allinson"),
        ("The union lists 1.2 million paid-up members entitled to vote.", "electorate"),
        ("McCluskey had 59,067 of 135,000 valid votes.", "valid"),
        ("Nearly 13.5 per cent of members voted.", "turnout"),
        ("McCluskey won, and Ian Allinson, with 20,000, was third.", "votes.ian-allinson"),
        ("Gerard Coyne, who received 60,000 votes to her 59,067, lost.", "votes.gerard-coyne"),
    ],
)
def test_nominators_wholes_near_values_and_relative_clauses(matcher, sentence, fact_id):
    assert [f.fact_ids for f in figures(matcher, sentence)] == [[fact_id]]


def test_a_margin_in_points_is_judged_on_the_basis_it_names():
    fed = Matcher(load_facts(FACTS.parents[1] / "tests/fixtures/elections/federation/facts.toml"))

    def found(sentence: str) -> list:
        text, paras = join_paragraphs(["Deborah Kolovos was elected FUA president.", sentence])
        a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
        a.sentences = segment(paras, text)
        return [f for f in fed.check(a) if f.kind == "figure"]

    assert found("She beat Warren Tuckey by 20.3 points of the valid votes.") == []
    assert len(found("She beat Warren Tuckey by 20.3 points of all ballots cast.")) == 1


def _elsewhere(name: str, *paragraphs: str) -> list:
    m = Matcher(load_facts(FACTS.parents[1] / f"tests/fixtures/elections/{name}/facts.toml"))
    text, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    return [f.fact_ids for f in m.check(a) if f.kind == "figure"]


def test_a_thing_the_facts_count_is_read_by_its_words_and_close_of_poll_is_no_poll():
    found = _elsewhere(
        "mayoral",
        "Helen Marchbank was elected Mayor of Brackmouth.",
        "The council said 41,260 postal votes were returned by the close of poll.",
    )
    assert found == [["count.postal-votes-returned"]]


def test_a_name_with_its_party_in_brackets_owns_the_number_after_it():
    found = _elsewhere(
        "mayoral",
        "Helen Marchbank was elected Mayor of Brackmouth.",
        "16:30 \u2013 First round: Marchbank (Lab) 47,318; Costigan (LD) 4,165.",
    )
    assert found == [["votes.niamh-costigan.r1"]]


def test_a_count_of_two_kinds_joined_by_or_is_not_one_of_them():
    found = _elsewhere(
        "federation",
        "Deborah Kolovos was elected FUA president.",
        "There were 1,321 valid votes and 28 blank or void ballots.",
    )
    assert found == [["spoiled"]]


def test_out_of_an_electorate_of_is_the_electorate_after_a_tally(matcher):
    found = figures(
        matcher, "McCluskey won with 59,067 votes. Out of an electorate of 1.3 million, few voted."
    )
    assert [f.fact_ids for f in found] == [["electorate"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "McCluskey won with 5,000 votes to spare.",
        "Allinson's voters sent him 9,000 second preferences.",
        "For comparison, 2013: McCluskey 144,570, Hicks 79,819; 15.2 per cent turnout.",
    ],
)
def test_spare_votes_transfers_and_a_labelled_earlier_year_are_no_figures(matcher, sentence):
    assert figures(matcher, sentence) == []


def test_a_share_in_brackets_in_a_later_round_may_be_of_the_papers_still_in_the_count():
    found = _elsewhere(
        "runoff",
        "Grant Whitfield has been re-elected mayor of Taramoa.",
        "In the fourth round Whitfield had 25,960 (57.1%) and Faleolo 19,540 (42.9%).",
    )
    assert found == []


def test_a_count_noun_matches_a_recorded_count_only_with_its_other_words():
    found = _elsewhere(
        "mayoral",
        "Helen Marchbank was elected Mayor of Brackmouth.",
        "The 388 packs that arrived after 10pm could not lawfully be counted.",
    )
    assert found == []


def test_last_year_is_the_year_before_the_articles_date():
    m = Matcher(load_facts(FACTS.parents[1] / "tests/fixtures/elections/partyleader/facts.toml"))
    text, paras = join_paragraphs(
        [
            "Corinne Lafreni\u00e8re won the party leadership in June.",
            "Harjit Sandhar held his seat by 6,212 votes last year.",
        ]
    )
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras, published="2026-09-01")
    a.sentences = segment(paras, text)
    assert [f for f in m.check(a) if f.kind == "figure"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "After the count, Coyne led Allinson by 36,401 votes.",
        "Allinson trailed McCluskey by 41,924 votes and Coyne by 36,401.",
    ],
)
def test_the_person_named_before_by_is_the_other_side_of_the_margin(matcher, sentence):
    assert figures(matcher, sentence) == []


def test_a_wrong_margin_between_two_named_losers_is_judged_against_theirs(matcher):
    (f,) = figures(matcher, "After the count, Coyne led Allinson by 30,000 votes.")
    assert "36,401" in f.explanation


def test_a_round_named_by_its_ordinal_after_the_number_is_that_round():
    facts = load_facts(HERE / "fixtures" / "elections" / "partyleader" / "facts.toml")
    text, paras = join_paragraphs(
        [
            "Corinne Lafrenière won on the third count.",
            "Penhallow was 11,125 votes behind after the first count and 15,675 behind "
            "after the third.",
        ]
    )
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    assert [f for f in Matcher(facts).check(a) if f.kind == "figure"] == []


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("McCluskey cleared the majority bar by 500 votes.",),
        ("A majority needed 65,000 votes, and McCluskey was 5,000 short of it.",),
        ("A majority needed 65,000 votes.", "He was 5,000 short."),
    ],
)
def test_a_surplus_or_shortfall_to_a_mark_is_no_margin_over_a_rival(matcher, paragraphs):
    assert figures(matcher, *paragraphs) == []


def test_votes_short_of_a_rival_are_still_a_margin(matcher):
    (f,) = figures(matcher, "Coyne finished 2,000 votes short of McCluskey.")
    assert "5,523" in f.explanation


@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "Allinson's 17,143 papers went to the other two.",
            "McCluskey received 9,000 of them, about half; Coyne got 6,000, and 2,143 were "
            "exhausted.",
        ),
        ("Allinson's supporters went mostly to McCluskey: 9,000 of his 17,143.",),
        ("McCluskey filed 1,185 nominations, Coyne 140 and Allinson 97.",),
    ],
)
def test_parts_of_a_count_and_numbers_listed_after_one_are_no_tallies(matcher, paragraphs):
    assert [f for f in figures(matcher, *paragraphs) if "votes" in f.explanation] == []


def test_a_part_the_words_name_is_judged(matcher):
    found = figures(matcher, "Ian Allinson received 97 nominations, 12 of them from workplaces.")
    assert [f.fact_ids for f in found] and "21" in found[0].explanation


def test_a_date_written_with_an_abbreviated_month_is_no_figure():
    assert find_numbers("all 1,185 sold between jan. 12 and sept. 30 were checked.")[1:] == []


def _federation(*paragraphs: str):
    facts = load_facts(HERE / "fixtures" / "elections" / "federation" / "facts.toml")
    text, paras = join_paragraphs(["Deborah Kolovos won the FUA presidency.", *paragraphs])
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    return [f for f in Matcher(facts).check(a) if f.kind == "figure"]


def test_people_counted_for_something_else_are_no_recorded_count_of_a_kind_of_them():
    assert _federation("Because 86 delegates trusted a guy from a district council.") == []


def test_a_count_that_says_the_kind_of_people_is_still_judged():
    (f,) = _federation("There were 1,500 credentialed delegates at the convention.")
    assert "1,412" in f.explanation


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Allinson's ally held Bolton West by 936 votes at the general election.",),
        ("Had Allinson stood down, Coyne would have finished with 70,687, 11,620 ahead.",),
        (
            "Coyne and Allinson took 53,544 and 17,143 votes, 40 per cent of the votes "
            "between them.",
        ),
        ("Our report on Friday was wrong.", "The same article said 20,000 members had voted."),
    ],
)
def test_a_seats_margin_what_would_have_happened_a_groups_share_and_a_quoted_error_pass(
    matcher, paragraphs
):
    assert figures(matcher, *paragraphs) == []


def test_a_bare_number_after_a_name_where_nominations_are_spoken_of_is_nominations(matcher):
    (f,) = figures(
        matcher,
        "Our branch was one of those that nominated McCluskey; Allinson, with 120, was far behind.",
    )
    assert f.fact_ids == ["nominations.ian-allinson"]


@pytest.mark.parametrize(
    "sentence",
    [
        "McCluskey won 500 delegate votes at the policy conference.",
        "More than 50 per cent of the members who voted chose someone else.",
        "After the recount Coyne gained 44 votes, McCluskey 29 and Ian Allinson 4.",
    ],
)
def test_another_bodys_votes_a_share_of_voters_and_a_change_are_no_tallies(matcher, sentence):
    assert figures(matcher, sentence) == []


def test_a_share_of_a_count_is_judged_against_that_count_and_so_are_the_items_after_it():
    facts = load_facts(HERE / "fixtures" / "elections" / "convention" / "facts.toml")
    text, paras = join_paragraphs(
        [
            "Theresa Reyes won the UFLW presidency.",
            "Incumbent Michael Hanlon won 48 percent of the 1,840 delegates, vice president "
            "Theresa Reyes about 30 percent.",
        ]
    )
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    (f,) = [f for f in Matcher(facts).check(a) if f.kind == "figure"]
    assert "45.8" in f.explanation and f.details["subject"] == "michael-j-hanlon"


@pytest.mark.parametrize(
    ("sentence", "recorded"),
    [
        ("Turnout: 20 per cent.", "12.2%"),
        ("Turnout, the union says, came in at 20 per cent.", "12.2%"),
        ("The count gave 59,067 votes for McCluskey \u2014 50 per cent of the valid vote.", "45."),
        (
            "McCluskey was re-elected, defeating regional secretary Gerard Coyne and Fujitsu "
            "activist Ian Allinson on a single ballot with 62,000 votes.",
            "59,067",
        ),
    ],
)
def test_labels_asides_dashes_and_lists_of_rivals_leave_the_number_its_owner(
    matcher, sentence, recorded
):
    (f,) = figures(matcher, sentence)
    assert recorded in f.explanation


def test_a_label_the_facts_do_not_record_gives_no_figure(matcher):
    assert figures(matcher, "Age: 46.") == []


def test_two_tallies_that_came_to_a_share_are_a_groups(matcher):
    text = "Coyne's 53,544 votes and Allinson's 17,143 came to about 40 per cent of the vote."
    assert figures(matcher, text) == []


def test_one_tally_that_came_to_a_share_is_its_owners(matcher):
    (f,) = figures(matcher, "Allinson's 17,143 votes amounted to 20 per cent of the vote.")
    assert f.fact_ids[0].startswith("share.ian-allinson")


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("Two months ago Coyne won the argument but lost the vote: 50,120 votes.", "coyne"),
        ("McCluskey led the count, opening with 50,120 votes and finishing well clear.", "mccl"),
    ],
)
def test_a_subject_carries_across_a_colon_or_an_opening_participle(matcher, sentence, owner):
    (f,) = figures(matcher, sentence)
    assert owner in f.fact_ids[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "Coyne took 9,000 of Ian Allinson's 17,143 papers.",
        "Of Allinson's 17,143 papers, Coyne got 9,000.",
        "Claim: Coyne won 60,000 votes.",
    ],
)
def test_parts_of_somebodys_papers_and_a_claim_set_out_to_check_are_no_tallies(matcher, sentence):
    assert figures(matcher, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Coyne's camp thinks a lead of more than 9,000 votes would be decisive.",
        "The transfers split 9,000 to Coyne and 5,000 to McCluskey, with 3,143 exhausting.",
    ],
)
def test_what_would_be_and_exhausted_papers_are_no_figures(matcher, sentence):
    assert figures(matcher, sentence) == []


def test_a_hyphenated_word_before_a_recorded_count_names_it_by_its_first_part():
    facts = load_facts(HERE / "fixtures" / "elections" / "partyleader" / "facts.toml")
    text, paras = join_paragraphs(
        ["Corinne Lafrenière won the leadership.", "The 12,204 mail-in ballots took longest."]
    )
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    (f,) = [f for f in Matcher(facts).check(a) if f.kind == "figure"]
    assert "mail ballots" in f.explanation


RELATIVE = (
    "Coyne and his allies, who all attacked McCluskey, came up short; Allinson, who once "
    "backed McCluskey, had {} per cent."
)


def test_a_number_after_a_relative_clause_naming_somebody_else_is_the_subjects(matcher):
    assert figures(matcher, RELATIVE.format("13.2")) == []  # Allinson's share, not McCluskey's


def test_a_wrong_number_after_a_relative_clause_is_judged_as_the_subjects(matcher):
    found = figures(matcher, RELATIVE.format("19"))
    assert [f.fact_ids for f in found] == [["share.ian-allinson"]]


@pytest.fixture(scope="module")
def tworound() -> Matcher:
    folder = Path(__file__).parent / "fixtures" / "elections" / "tworound"
    return Matcher(load_facts(folder / "facts.toml"))


def _counts_after_colon(matcher: Matcher, signatures: str):
    text, paras = join_paragraphs(
        [
            "Priya Santhanam put her name forward for party president in September.",
            f"She cleared the bar comfortably: 15 local parties and {signatures} members' "
            "signatures against a threshold of 250.",
        ]
    )
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    return [f.fact_ids for f in matcher.check(a) if f.kind == "figure"]


def test_counts_listed_after_a_colon_are_the_subjects(tworound):
    assert _counts_after_colon(tworound, "431") == []  # hers, not the 3,901 of all nominees


def test_a_wrong_count_listed_after_a_colon_is_judged_as_the_subjects(tworound):
    assert _counts_after_colon(tworound, "531") == [["signatures.santhanam"]]


def _published(matcher: Matcher, text: str, published: str):
    body, paras = join_paragraphs([CONTEXT, text])
    a = Article(url="t", canonical_url="t", text=body, paragraphs=paras, published=published)
    a.sentences = segment(paras, body)
    return [f.fact_ids for f in matcher.check(a) if f.kind == "figure"]


def test_nominations_in_the_present_tense_years_later_are_a_later_contests(matcher):
    text = "Allinson has been nominated by 150 branches, his campaign said."
    assert _published(matcher, text, "2018-05-01") == []


def test_nominations_told_in_the_past_years_later_are_this_contests(matcher):
    text = "Allinson was nominated by 150 branches, his campaign said."
    assert _published(matcher, text, "2018-05-01") == [["nominations.ian-allinson"]]


FURTHER_BACK = "Coyne was 4.2 points behind McCluskey, and Allinson another {} points back."


def test_another_margin_further_back_is_behind_the_one_put_behind_before(matcher):
    assert figures(matcher, FURTHER_BACK.format("28")) == []  # Coyne 41.2, Allinson 13.2


def test_a_wrong_margin_further_back_is_judged_against_that_pair(matcher):
    found = figures(matcher, FURTHER_BACK.format("18"))
    assert [f.fact_ids for f in found] == [["points.gerard-coyne.ian-allinson"]]


@pytest.mark.parametrize("whole", ["ballots returned", "the ballot papers returned"])
def test_a_share_of_the_papers_returned_is_on_the_basis_of_all_cast(matcher, whole):
    # 45.5 per cent is McCluskey's share of the valid votes; of all cast it is 45.4.
    text = f"McCluskey won 59,067 votes, or 45.5 per cent of {whole}."
    assert [f.fact_ids for f in figures(matcher, text)] == [["share.len-mccluskey"]]


def test_a_share_of_the_papers_returned_that_agrees_is_right(matcher):
    assert (
        figures(matcher, "McCluskey won 59,067 votes, or 45.4 per cent of ballots returned.") == []
    )


def test_a_corrections_column_quoting_a_piece_by_title_is_not_judged(matcher):
    text = (
        "An analysis ('How the vote was won', 30 April) said Coyne took 45 per cent of the "
        "vote. He took 41.2 per cent."
    )
    assert figures(matcher, text) == []


def test_a_share_of_those_who_voted_for_the_office_is_no_turnout(matcher):
    text = "More than 54 per cent of those who voted for general secretary chose someone else."
    assert figures(matcher, text) == []


@pytest.mark.parametrize("promise", ["vowed to", "pledged to", "has promised to"])
def test_a_number_promised_is_no_figure(promise):
    folder = Path(__file__).parent / "fixtures" / "elections" / "convention"
    convention = Matcher(load_facts(folder / "facts.toml"))
    text, paras = join_paragraphs(
        [
            "Theresa Reyes won the presidency of the union.",
            f"The union reported about 452,000 members. Reyes {promise} add 25,000 by 2026.",
        ]
    )
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras, published="2024-11-18")
    a.sentences = segment(paras, text)
    assert [f.quote for f in convention.check(a) if f.kind == "figure"] == []


@pytest.fixture(scope="module")
def twin() -> Matcher:
    folder = Path(__file__).parent / "fixtures" / "elections" / "twin"
    return Matcher(load_facts(folder / "facts.toml"))


def _twin_figures(matcher: Matcher, text: str, published: str = "2023-04-22") -> list[str]:
    body, paras = join_paragraphs(["Helen Marchbank won the Civic Democrat leadership.", text])
    a = Article(url="t", canonical_url="t", text=body, paragraphs=paras, published=published)
    a.sentences = segment(paras, body)
    return [f.quote for f in matcher.check(a) if f.kind == "figure"]


@pytest.mark.parametrize(
    "text",
    [
        "Neil Strachan has seven MPs and 22 local parties.",
        "Neil Strachan has seven MPs and 22 local parties, Dafydd Rees-Morgan eight and 47.",
    ],
)
def test_somebodys_count_of_things_is_not_the_organisations_whole(twin, text):
    assert _twin_figures(twin, text) == []  # not the party's 386 local parties


def test_a_ratio_of_more_than_one_is_a_share(matcher):
    found = figures(matcher, "Almost two in three members voted.")  # turnout was 12.2 per cent
    assert [f.fact_ids for f in found] == [["turnout"]]


def test_a_ratio_of_people_who_voted_and_chose_is_no_turnout(matcher):
    assert figures(matcher, "More than six in ten people who voted wanted someone else.") == []


LEAD_FELL = "McCluskey's lead over Coyne fell from 9,000 to {} as the count went on."


def test_a_lead_that_fell_to_a_number_is_a_margin_between_the_two_named(matcher):
    assert figures(matcher, LEAD_FELL.format("5,523")) == []


def test_a_wrong_lead_that_fell_to_a_number_is_judged_as_that_margin(matcher):
    found = figures(matcher, LEAD_FELL.format("4,000"))
    assert [f.fact_ids for f in found] == [["margin.len-mccluskey.gerard-coyne"]]


def test_nominations_by_members_of_parliament_are_judged(twin):
    assert _twin_figures(twin, "Marchbank was nominated by 17 MPs.") == []
    wrong = "Marchbank was nominated by 18 MPs."
    assert _twin_figures(twin, wrong) == [wrong]


NOMINATED_WITH = (
    "Ian Allinson, backed by the Grassroots Socialists' Network, scraped onto the ballot "
    "with {} nominations."
)


def test_nominations_with_which_the_only_person_named_got_there_are_theirs(matcher):
    assert figures(matcher, NOMINATED_WITH.format("97")) == []
    found = figures(matcher, NOMINATED_WITH.format("150"))
    assert [f.fact_ids for f in found] == [["nominations.ian-allinson"]]


def test_a_date_after_on_is_no_poll_reading(twin):
    text = "Gatley scraped onto the ballot with seven MP nominations."
    body, paras = join_paragraphs(["Members have until 5pm on 7 July to vote.", text])
    a = Article(url="t", canonical_url="t", text=body, paragraphs=paras, published="2023-06-01")
    a.sentences = segment(paras, body)
    assert [f.quote for f in twin.check(a) if f.kind == "figure"] == [text]  # she had six


def test_counts_of_things_in_brackets_after_a_name_are_theirs(twin):
    assert _twin_figures(twin, "Dafydd Rees-Morgan (8 MPs, 47 local parties) is standing.") == []


def test_a_count_of_things_that_nominated_somebody_is_their_nominations_of_that_kind(twin):
    text = "Nominated by six MPs and 31 local parties, Gatley won 10,063 first preferences."
    assert _twin_figures(twin, text) == [text]  # 29 local parties nominated her


def test_a_count_takes_the_words_before_the_next_number(tworound):
    text, paras = join_paragraphs(
        ["Marcus Delahaye led the nominations with 41 local parties and 1,120 member signatures."]
    )
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras, published="2025-10-01")
    a.sentences = segment(paras, text)
    assert [f.quote for f in tworound.check(a) if f.kind == "figure"] == []


LOSING_BY = (
    "Gerard Coyne, a regional secretary, polled 53,544 votes, losing by {} votes to his opponent."
)


def test_a_margin_in_a_participle_clause_is_the_sentence_subjects(matcher):
    assert figures(matcher, LOSING_BY.format("5,523")) == []
    found = figures(matcher, LOSING_BY.format("4,000"))
    assert [f.fact_ids for f in found] == [["margin.len-mccluskey.gerard-coyne"]]


def test_one_of_a_group_placed_with_a_tally_and_share_is_judged(matcher):
    text = "Coyne came second of the three candidates, with 53,544 votes, or {} per cent."
    assert figures(matcher, text.format("41.2")) == []
    assert [f.fact_ids for f in figures(matcher, text.format("45"))] == [["share.gerard-coyne"]]


def test_a_rephrasing_before_a_colon_is_no_label(matcher):
    found = figures(matcher, "Put another way: barely a quarter of the members took part.")
    assert [f.fact_ids for f in found] == [["turnout"]]  # 12.2 per cent took part


IN_THE_BALLOT = "McCluskey received 59,067 votes in the postal ballot, or {} per cent of the vote."


def test_a_share_after_a_tally_and_where_it_was_won_is_the_tallys_owners(matcher):
    assert figures(matcher, IN_THE_BALLOT.format("45.4")) == []
    found = figures(matcher, IN_THE_BALLOT.format("47"))
    assert [f.fact_ids for f in found] == [["share.len-mccluskey"]]


def test_later_shares_of_a_list_are_on_the_basis_its_first_gives(matcher):
    # 45.4 is McCluskey's share of all votes cast; of the valid votes it is 45.5
    text = (
        "On percentages: Coyne 41.3 per cent of the valid vote, McCluskey {} per cent, "
        "Allinson 13.2 per cent."
    )
    assert figures(matcher, text.format("45.5")) == []
    assert [f.fact_ids for f in figures(matcher, text.format("45.4"))] == [
        ["share.len-mccluskey.valid"]
    ]


def test_a_difference_after_a_count_of_nominations_is_no_margin_in_votes(matcher):
    text = (
        "Allinson went into the ballot with 97 nominations, 40 more than Coyne, and finished "
        "36,401 votes behind Coyne."
    )
    assert figures(matcher, text) == []


def test_a_count_split_of_them_to_his_is_two_parts_of_a_count_named_before(matcher):
    text = "Allinson's ballots were shared out; McCluskey took 3,640 of them to his 1,994."
    assert figures(matcher, text) == []


def test_a_bare_number_after_a_count_of_members_is_not_the_membership():
    folder = Path(__file__).parent / "fixtures" / "elections" / "convention"
    convention = Matcher(load_facts(folder / "facts.toml"))
    text, paras = join_paragraphs(
        [
            "Theresa Reyes won the presidency.",
            "More than 112,000 members returned ballots. Another 2,906 arrived after the "
            "deadline and will not be counted.",
        ]
    )
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras, published="2023-11-20")
    a.sentences = segment(paras, text)
    assert [f.quote for f in convention.check(a) if f.kind == "figure"] == []


def test_a_round_named_after_a_later_number_is_not_an_earlier_numbers(twin):
    text = "Fairweather won the first round by 2.3 points and led by over 1,500 after the second."
    body, paras = join_paragraphs(["Helen Marchbank won the Civic Democrat leadership.", text])
    a = Article(url="t", canonical_url="t", text=body, paragraphs=paras, published="2023-07-20")
    a.sentences = segment(paras, body)
    found = [f.details["phrase"] for f in twin.check(a) if f.kind == "figure"]
    assert found == ["over 1,500"]  # 2.3 points was the first round's margin; the second's 567


def test_a_relative_clause_on_a_round_is_that_rounds(tworound):
    text = (
        "Marcus Delahaye and Niamh Oduwole will contest a second ballot after Saturday's first "
        "round, in which Gethin Rowlands was third on a turnout of {} per cent."
    )

    def found(turnout: str) -> list[str]:
        body, paras = join_paragraphs([text.format(turnout)])
        a = Article(url="t", canonical_url="t", text=body, paragraphs=paras, published="2025-11-08")
        a.sentences = segment(paras, body)
        return [f.details["phrase"] for f in tworound.check(a) if f.kind == "figure"]

    assert found("64.8") == []
    assert found("62") == ["62 per cent"]  # 62.0 was the second ballot's turnout


def test_a_whole_number_after_a_list_of_bare_shares_is_one_more_share(matcher):
    assert (
        figures(matcher, "Remember the result: McCluskey 45.4, Coyne 41.2, Allinson just under 14.")
        == []
    )


@pytest.mark.parametrize(
    ("race", "flagged"), [("leadership race", True), ("deputy leadership race", False)]
)
def test_a_race_of_this_elections_own_kind_is_this_election(twin, race, flagged):
    text = f"Dafydd Rees-Morgan, who polled 31,204 votes in the {race}, was eliminated."
    # 31,204 was his deputy vote; published after the declaration
    assert bool(_twin_figures(twin, text, "2023-07-10")) == flagged


def test_members_who_returned_ballots_of_a_kind_are_the_number_who_voted(matcher):
    assert figures(matcher, "Across the country 130,071 members returned postal ballots.") == []
    found = figures(matcher, "Across the country 140,000 members returned postal ballots.")
    assert [f.fact_ids for f in found] == [["total"]]


def _tworound_figures(matcher: Matcher, text: str) -> list[str]:
    body, paras = join_paragraphs(["Niamh Oduwole won the presidency.", text])
    a = Article(url="t", canonical_url="t", text=body, paragraphs=paras, published="2025-11-24")
    a.sentences = segment(paras, body)
    return [f.details["phrase"] for f in matcher.check(a) if f.kind == "figure"]


@pytest.mark.parametrize(("turnout", "found"), [("62.0", []), ("64.8", ["64.8 per cent"])])
def test_a_round_fronted_in_a_clause_of_its_own_is_the_next_clauses(tworound, turnout, found):
    text = (
        f"In the first ballot 39,863 members returned a paper; in the second ballot, turnout "
        f"was {turnout} per cent."
    )
    assert _tworound_figures(tworound, text) == found


def test_turnout_given_as_a_number_is_turnout(matcher):
    found = figures(matcher, "Turnout is being given as 16.4 per cent of the members.")
    assert [f.fact_ids for f in found] == [["turnout"]]


def test_a_margin_with_where_it_was_won_before_the_number(matcher):
    found = figures(matcher, "McCluskey's margin in the postal ballot was 7,000 votes.")
    assert [f.fact_ids for f in found] == [["margin.len-mccluskey.gerard-coyne"]]


@pytest.mark.parametrize(("share", "flagged"), [("41.2", False), ("43", True)])
def test_a_share_carried_of_the_papers_the_sentence_opens_with(matcher, share, flagged):
    text = f"Of the 130,071 papers returned, Coyne carried {share} per cent."
    assert bool(figures(matcher, text)) == flagged


def test_a_margin_after_a_comma_is_the_verb_before_its(matcher):
    found = figures(matcher, "McCluskey still led, by 7,000 votes.")
    assert [f.fact_ids for f in found] == [["margin.len-mccluskey.gerard-coyne"]]
    assert figures(matcher, "McCluskey still led, by 5,523 votes.") == []


def test_a_round_after_which_is_not_that_round(tworound):
    # 62.0 per cent was the second ballot's turnout
    text = (
        "Marcus Delahaye led after the first ballot; after the first ballot, turnout was "
        "62.0 per cent."
    )
    assert _tworound_figures(tworound, text) == []


@pytest.mark.parametrize(("rejected", "flagged"), [("612", False), ("621", True)])
def test_a_recorded_count_named_by_its_participle_and_the_paragraph_before(rejected, flagged):
    folder = Path(__file__).parent / "fixtures" / "elections" / "mayoral"
    mayoral = Matcher(load_facts(folder / "facts.toml"))
    text, paras = join_paragraphs(
        [
            "Helen Marchbank won the mayoralty. How many postal votes were there? The council "
            "issued 71,540 postal ballot packs.",
            f"Were any left out? The returning officer says {rejected} were rejected at opening.",
        ]
    )
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras, published="2021-05-12")
    a.sentences = segment(paras, text)
    assert bool([f for f in mayoral.check(a) if f.kind == "figure"]) == flagged


def test_finished_on_is_the_final_rounds_count(tworound):
    text, paras = join_paragraphs(
        [
            "Topped up with the transferred first-round votes of Gethin Rowlands and Priya "
            "Santhanam, Niamh Oduwole finished on 19,688."
        ]
    )
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    assert [f for f in tworound.check(a) if f.kind == "figure"] == []


def test_a_comparison_tacked_on_after_a_tally_is_the_subjects_margin():
    paragraphs = (
        "Corinne Lafrenière won the leadership.",
        "Lafrenière led from the opening count, taking 31,240 first choices "
        "(39.8 per cent), 11,125 more than Penhallow.",
    )
    assert findings("partyleader", *paragraphs, kind="figure") == []


def _slate_figures(published: str, *paragraphs: str):
    return findings("slate", *paragraphs, kind="figure", published=published)


def test_a_tally_before_the_ballot_opened_is_not_the_ballots():
    nominating = (
        "General President Frank Delahunt led the delegate vote with 1,146 of 1,788 votes cast."
    )
    assert _slate_figures("2025-06-26", nominating) == []


def test_the_same_tally_after_the_count_is_judged():
    wrong = "General President Frank Delahunt polled 1,146 votes in the ballot."
    assert _slate_figures("2025-12-20", wrong)


def _rector_figures(text: str) -> list[str]:
    found = findings(
        "rector", "Catriona Ferrie was elected Rector.", text, kind="figure", published="2025-11-01"
    )
    return [f.rule_id for f in found]


def test_a_count_named_by_all_its_words_is_the_fullest_recorded_one():
    # the electorate counts "students and staff on the roll"; "staff on the roll" is a part
    assert _rector_figures("One in five of the 21,846 students and staff on the roll voted.") == []
    assert _rector_figures("One in five of the 23,846 students and staff on the roll voted.") == [
        "figure.electorate"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "With 38% of precincts reporting, McCluskey has moved ahead by 412 votes.",
        "8:22 p.m. - First numbers are in: McCluskey 35%, Coyne 27%.",
        "The race was called for McCluskey with 96% of precincts reporting.",
        "12:40 Tallies from about 92 per cent of boxes: McCluskey 47.1%, Coyne 40.2%.",
        "12:40 Tallymen's figures from about 92 per cent of boxes: McCluskey 47.1%, Coyne 40.2%.",
    ],
)
def test_a_count_still_coming_in_is_not_judged(matcher, sentence):
    assert figures(matcher, sentence) == []


def test_a_ballot_options_share_is_judged_by_its_name():
    assert _rector_figures("This year RON took 1.9 per cent of the valid vote.") == []
    assert _rector_figures("This year RON took 3.4 per cent of the valid vote.") == ["figure.count"]
    # its name may hold words of other counts: "re-open nominations"
    text = "Every ballot carries RON, re-open nominations. This year RON took 3.4 per cent."
    assert _rector_figures(text) == ["figure.count"]
