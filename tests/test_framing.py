"""Framing: wording that turns the three-candidate race into a two-person one."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

FACTS = Path(__file__).resolve().parents[1] / "facts" / "unite-2017.toml"
# A paragraph that names all three candidates, so only the sentence under test can frame.
CONTEXT = "Len McCluskey won the Unite election, beating Gerard Coyne and Ian Allinson."


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_facts(FACTS))


def article(*paragraphs: str, title: str = "") -> Article:
    text, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", title=title, text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    return a


def framing(matcher: Matcher, *paragraphs: str):
    return [f for f in matcher.check(article(CONTEXT, *paragraphs)) if f.kind == "framing"]


FLAGGED = [
    ("The defeated candidate has vowed to fight on.", "defeated candidate"),
    ("Mr Coyne, the losing candidate, said he would appeal.", "the losing candidate"),
    ("Beaten challenger Gerard Coyne said he was consulting lawyers.", "Beaten challenger"),
    ("The unsuccessful challenger has lodged a complaint.", "unsuccessful challenger"),
    ("Gerard Coyne, the loser, refused to comment.", "the loser"),
    ("Unite election loser Gerard Coyne is challenging the result.", "loser Gerard Coyne"),
    ("The defeated Gerard Coyne said he would consider his options.", "defeated Gerard"),
    ("The man who lost to McCluskey is now considering legal action.", "the man who lost"),
    ("The man McCluskey beat is now suing the union.", "The man McCluskey beat"),
    ("Coyne, the candidate who fell short, is appealing.", "who fell short"),
    ("Len McCluskey has seen off his only rival to keep his grip on Unite.", "his only rival"),
    ("McCluskey faced his sole opponent at a hustings in Birmingham.", "his sole opponent"),
    ("His lone challenger said the vote was unfair.", "lone challenger"),
    ("Coyne was the only other candidate.", "the only other candidate"),
    ("McCluskey comfortably beat his rival Gerard Coyne.", "his rival"),
    ("Mr McCluskey's rival accused him of bullying.", "McCluskey's rival"),
    ("His challenger Gerard Coyne was suspended after the count.", "His challenger"),
    ("The other candidate, Gerard Coyne, refused to concede.", "The other candidate"),
    ("Neither candidate would comment on the result.", "Neither candidate"),
    ("Both candidates accused each other of misusing union resources.", "Both candidates"),
    ("The two-horse race for Unite's top job turned nasty.", "two-horse race"),
    ("His duel with McCluskey was lost in the regions, Coyne thinks.", "duel"),
    ("It was a two-way fight for the union's top job.", "two-way fight"),
    ("A two-horse contest ended in victory for the incumbent.", "two-horse contest"),
    ("In a straight contest, McCluskey held on.", "straight contest"),
    ("Members faced a straight choice between McCluskey and Coyne.", "straight choice"),
    ("McCluskey and Coyne went head to head in a bitter contest.", "head to head"),
    ("The battle between McCluskey and Coyne was watched by Labour.", "battle between"),
    ("The race pitted McCluskey against Coyne.", "pitted"),
    ("McCluskey v Coyne: the result is in.", "McCluskey v Coyne"),
    ("Unite's defeated candidate is to mount a legal challenge.", "defeated candidate"),
    ("The losing side says the contest was unfair.", "losing side"),
    ("McCluskey narrowly saw off his challenger.", "his challenger"),
    ("Outside the count, the beaten candidate told supporters to fight on.", "beaten candidate"),
    ("McCluskey has beaten his only challenger for the leadership.", "his only challenger"),
    ("Both camps accused each other of misusing union resources.", "Both camps"),
    ("Coyne, the challenger, said the result was tainted.", "the challenger"),
    (
        "McCluskey, who was first elected in 2010, saw off his only rival, Gerard Coyne.",
        "his only rival",
    ),
    ("The rival camp said the ballot was unfair.", "rival camp"),
    ("McCluskey won a bruising head-to-head with Coyne.", "head-to-head"),
    (
        "Jeremy Corbyn's most powerful union ally clung on after a bitter two-way battle.",
        "two-way battle",
    ),
    (
        "It was a straight fight between the incumbent and the West Midlands regional secretary.",
        "straight fight",
    ),
]


@pytest.mark.parametrize(("sentence", "key"), FLAGGED, ids=[k for _, k in FLAGGED])
def test_two_person_wording_is_flagged(matcher, sentence, key):
    found = framing(matcher, sentence)
    assert len(found) == 1
    assert key.lower() in found[0].quote.lower()


PASSES = [
    "Coyne, the runner-up, said he would challenge the result.",
    "Coyne, who came second, said he would challenge the result.",
    "The second-placed candidate, Gerard Coyne, is taking legal action.",
    "McCluskey's main challenger, Gerard Coyne, has complained.",
    "His nearest rival, Gerard Coyne, won 41.2 per cent.",
    "Coyne was one of two defeated candidates.",
    "Gerard Coyne, one of the two losing candidates, has complained.",
    "The two defeated candidates, Coyne and Allinson, reacted differently.",
    "The defeated candidates reacted differently.",
    "McCluskey beat his rivals Gerard Coyne and Ian Allinson.",
    "Both challengers criticised the timetable.",
    "McCluskey narrowly defeated Coyne, with Allinson third.",
    "McCluskey saw off a challenge from Gerard Coyne and Ian Allinson.",
    "Allinson, who finished third, said members wanted change.",
    "Coyne lost his job as regional secretary after the election.",
    "Coyne is the only candidate to have demanded a re-run.",
    "Allinson, the only grassroots candidate, won 13.2 per cent.",
    "This was not a two-horse race: three candidates stood.",
    "Allinson said the election was never a straight fight.",
    "Three candidates stood in a three-way contest.",
    "McCluskey narrowly saw off his challengers.",
    "Allinson, the left-wing challenger, won 13.2 per cent.",
    "The challenger who came third, Ian Allinson, said little.",
    'Coyne said he was "the only candidate who could beat McCluskey".',
    'Allinson said: "This is a three horse race."',
    "The Coyne camp said the contest was unfair.",
    "McCluskey beat Coyne, his nearest challenger, by 5,523 votes.",
    "McCluskey and Coyne, the two candidates with most votes, spoke after the count.",
    # a column's label, one of a list
    "LOSER: Gerard Coyne.",
    # "the only candidate" with a place or group and a clause that picks one out
    "Allinson was the only candidate in the Unite election who tried to lose.",
    "Coyne was the only candidate west of Birmingham to make the shortlist.",
]


COUNTERFACTUAL = [
    "Without Allinson on the ballot, it would have been a head-to-head between McCluskey and "
    "Coyne.",
    "Would a straight two-way vote have been simpler?",
    "Had Allinson stood down, the contest would have been a straight fight.",
]


@pytest.mark.parametrize("sentence", COUNTERFACTUAL)
def test_two_person_wording_about_what_did_not_happen_passes(matcher, sentence):
    assert framing(matcher, sentence) == []


@pytest.mark.parametrize("sentence", PASSES)
def test_correct_wording_passes(matcher, sentence):
    assert framing(matcher, sentence) == []


OTHER_ELECTIONS = [
    "In 2013, McCluskey beat Jerry Hicks in a two-horse race.",
    "McCluskey was re-elected in 2013 after a straight fight with Jerry Hicks.",
    "In the GMB contest, the defeated candidate accepted the result.",
    "In the Labour leadership contest the defeated candidate, Owen Smith, conceded.",
    "Four years ago it was a two-horse race. McCluskey won it easily.",
    "Four years ago, McCluskey beat his only rival, Jerry Hicks, while this year Coyne ran him "
    "close.",
    "In 2013 McCluskey beat Jerry Hicks in a two-horse race; this time Coyne and Allinson stood.",
    "McCluskey beat Jerry Hicks in a two-horse race in 2013, but Coyne proved tougher.",
    # people standing for another seat
    "Coyne's two running mates, both candidates for regional vice-president, stay on the ballot.",
    # coordinated verb phrases, each with its own year
    "McCluskey has led Unite since winning a crowded race in 2010 and beating Jerry Hicks in "
    "a two-horse race in 2013.",
]


@pytest.mark.parametrize("sentence", OTHER_ELECTIONS)
def test_other_elections_are_not_flagged(matcher, sentence):
    assert framing(matcher, sentence) == []


def test_article_about_another_union_is_not_flagged(matcher):
    a = article(
        "The GMB has confirmed Sandra Holt as regional secretary after a close ballot.",
        "Holt beat Martin Keogh after a closely fought campaign.",
        "The defeated candidate congratulated Holt.",
        "The contrast with the Unite general secretary election, won by Len McCluskey, is stark.",
        title="GMB confirms new regional secretary",
    )
    assert [f for f in Matcher(load_facts(FACTS)).check(a) if f.kind == "framing"] == []


def test_phrase_beside_a_person_from_another_contest_is_not_flagged(matcher):
    assert framing(matcher, "The defeated candidate, Jerry Smithson, backed the union.") == []


def test_framing_quote_is_the_sentence_and_offsets_index_the_text(matcher):
    a = article(CONTEXT, "Speaking outside, the defeated candidate said he was let down.")
    (f,) = [f for f in matcher.check(a) if f.kind == "framing"]
    assert f.quote == a.text[f.start : f.end]
    assert f.quote.startswith("Speaking outside")
    assert f.details["phrase"] == "the defeated candidate"


def test_framing_carries_fact_and_source(matcher):
    (f,) = framing(matcher, "The defeated candidate has vowed to fight on.")
    assert f.fact_ids == ["field"]
    assert "three candidates" in f.correction
    assert f.fact_sources and f.severity == "high"


def test_possessive_framing_is_low_severity(matcher):
    (f,) = framing(matcher, "McCluskey comfortably beat his rival Gerard Coyne.")
    assert f.severity == "low"


def test_headline_repeating_the_phrase_is_reported_once(matcher):
    a = article(
        "McCluskey sees off his only rival",
        "Len McCluskey has seen off his only rival for the leadership of Unite.",
        "Ian Allinson came third.",
        title="McCluskey sees off his only rival",
    )
    found = [f for f in matcher.check(a) if f.kind == "framing"]
    assert len(found) == 1 and not found[0].details["headline"]


@pytest.mark.parametrize(
    "sentence",
    [
        "On polling day the candidates, Len McCluskey and Gerard Coyne, were both in London.",
        "Hustings pitted the two rivals Coyne and McCluskey in front of shop stewards.",
        "The competing candidates McCluskey and Coyne spent heavily on leaflets.",
    ],
)
def test_the_winner_and_one_loser_named_as_the_candidates_is_flagged(matcher, sentence):
    (f,) = framing(matcher, sentence)
    assert f.rule_id == "framing.pair"


@pytest.mark.parametrize(
    "sentence",
    [
        "McCluskey's rival candidates Coyne and Allinson both criticised him.",
        "The candidates McCluskey, Coyne and Allinson met the press.",
        "Two of the candidates, McCluskey and Coyne, spoke at the hustings.",
    ],
)
def test_a_pair_that_is_not_the_whole_field_passes(matcher, sentence):
    assert [f for f in framing(matcher, sentence) if f.rule_id == "framing.pair"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Gerard Coyne, the sole challenger to McCluskey, lost narrowly.",
        "Coyne cast himself as the single opponent to the general secretary.",
        "He was the solitary rival to him in the race.",
    ],
)
def test_the_only_rival_to_the_winner_is_flagged(matcher, sentence):
    (f,) = framing(matcher, sentence)
    assert f.rule_id == "framing.only"


def test_the_only_candidate_to_do_something_still_passes(matcher):
    assert framing(matcher, "Allinson was the lone candidate to back the strike.") == []


def test_a_name_followed_by_who_lost_identifies_the_person_and_frames_nothing(matcher):
    # "Coyne, who lost to McCluskey" says who Coyne is; it does not say he was the only loser.
    assert (
        framing(matcher, "Coyne, who lost to Len McCluskey by a narrow margin, is appealing.") == []
    )


# -- a phrase mentioned and corrected is criticism, not framing --------------------------
@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "Several papers described the contest as a two-horse race, though three candidates "
            "stood.",
        ),
        (
            'One radio bulletin labelled Coyne "the losing candidate". There were two losing '
            "candidates, not one.",
        ),
        ("The so-called head-to-head ignored the third candidate on the ballot.",),
    ],
)
def test_a_phrase_reported_and_corrected_is_not_framing(matcher, paragraphs):
    assert framing(matcher, *paragraphs) == []


def test_a_phrase_reported_without_correction_is_still_framing(matcher):
    (f,) = framing(matcher, "The contest was billed as a two-horse race.")
    assert f.rule_id == "framing.two-way"


def test_a_paragraph_about_another_contest_is_not_moved_by_the_organisation_name(matcher):
    text = (
        "In 2016 Jeremy Corbyn saw off Owen Smith. Unite backed the incumbent, and the "
        "defeated candidate went back to the backbenches."
    )
    assert framing(matcher, text) == []


def test_the_organisation_name_alone_still_places_an_unscoped_paragraph_here(matcher):
    (f,) = framing(matcher, "Unite members rejected the defeated candidate.")
    assert f.rule_id == "framing.loser"


@pytest.mark.parametrize(
    "sentence", ["Sore loser Coyne heads to court.", "Bad loser Gerard Coyne calls in lawyers."]
)
def test_a_sore_loser_epithet_is_about_conduct_not_the_field(matcher, sentence):
    assert framing(matcher, sentence) == []


def test_loser_as_a_title_is_still_flagged(matcher):
    (f,) = framing(matcher, "Loser Gerard Coyne calls in the lawyers.")
    assert f.rule_id == "framing.loser"


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("Members faced a straight union ballot between the two men.", "straight union ballot"),
        ("It was a scrap between Coyne and McCluskey from the start.", "scrap between Coyne"),
        ("Voters had a choice between McCluskey's record and Coyne's promises.", "choice between"),
        ("The incumbent saw off a single challenger in the spring.", "a single challenger"),
    ],
)
def test_two_person_contest_in_new_wording_is_flagged(matcher, sentence, key):
    found = framing(matcher, sentence)
    assert len(found) == 1
    assert key.lower() in found[0].quote.lower()


def test_a_label_quoted_by_a_critic_and_corrected_is_not_flagged(matcher):
    found = framing(
        matcher,
        "A tabloid called the race 'a straight fight' on Monday.",
        "Two candidates lost, not one, and Allinson took 13.2 per cent.",
    )
    assert found == []


def test_only_rival_narrowed_by_a_clause_is_not_framing(matcher):
    found = framing(
        matcher, "Coyne, McCluskey's only rival with backing from the shop stewards, spoke."
    )
    assert not found


def test_only_rival_unqualified_after_a_narrowed_one_is_still_reported(matcher):
    found = framing(
        matcher,
        "Coyne was McCluskey's only challenger to carry the West Midlands region.",
        "On the night, Coyne, McCluskey's only challenger in the hall, left early.",
    )
    assert [f for f in found if "in the hall" in f.quote]


def test_and_only_other_candidate_is_framing(matcher):
    found = framing(matcher, "Coyne, second and only other contender, conceded on Friday.")
    assert found


def test_two_cornered_contest_is_framing(matcher):
    found = framing(matcher, "It was a bruising two-cornered contest for Unite's top job.")
    assert found


def test_a_binary_contest_is_two_person_framing(matcher):
    (f,) = framing(matcher, "Members faced a binary election between McCluskey and his critic.")
    assert "binary election" in f.quote


def test_both_campaigns_said_of_the_third_candidate_is_not_framing(matcher):
    sentence = "Allinson, who came third, criticised the tone of both camps in a blog post."
    assert framing(matcher, sentence) == []


def test_both_camps_without_the_third_candidate_is_still_framing(matcher):
    (f,) = framing(matcher, "Both camps traded insults on the final weekend of voting.")
    assert "Both camps" in f.quote


def test_a_definite_description_made_a_loser_by_its_clause_is_framing(matcher):
    found = framing(matcher, "McCluskey toured the Midlands, home turf of the official he beat.")
    assert [f.quote for f in found] == [
        "McCluskey toured the Midlands, home turf of the official he beat."
    ]


def test_a_description_of_the_pair_who_lost_is_not_one_loser(matcher):
    assert framing(matcher, "The pair who lost took the result very differently.") == []


def test_a_loss_verb_after_its_subject_is_no_title(matcher):
    text = "On Friday McCluskey defeated regional secretary Gerard Coyne and Ian Allinson."
    assert framing(matcher, text) == []


def test_an_opponent_then_is_judged_against_the_earlier_contest(matcher):
    text = (
        "The last time McCluskey stood he polled 144,570. "
        "His opponent then, Jerry Hicks, has since retired from union politics."
    )
    assert framing(matcher, text) == []


def test_a_weekday_before_a_contest_word_is_no_organisation(matcher):
    found = framing(matcher, "Coyne was the defeated candidate in Friday's ballot.")
    assert len(found) == 1


def test_quiet_patterns_silence_every_kind_in_their_sentences(tmp_path):
    extra = tmp_path / "quiet.toml"
    extra.write_text('[advanced]\nquiet_patterns = ["\\\\bbranch ballot\\\\b"]\n', encoding="utf-8")
    quiet = Matcher(load_facts([FACTS, extra]))
    text = "In the branch ballot McCluskey won 65,000 votes, beating his only rival."
    assert framing(quiet, text) == []
    text, paras = join_paragraphs([CONTEXT, text])
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    assert [f.kind for f in quiet.check(a) if "branch ballot" in f.quote] == []


def test_the_other_defeated_candidate_counts_two_losers(matcher):
    assert framing(matcher, "Ian Allinson, the other beaten candidate, accepted the result.") == []


def test_a_rival_clause_needs_a_person_it_ran_against(matcher):
    assert framing(matcher, "Profile: the shop steward who took on the establishment") == []


def test_possessive_rival_named_as_a_candidate_is_framing_beside_an_outsider(matcher):
    found = framing(
        matcher,
        "Jeremy Corbyn's allies were relieved. Mr McCluskey beat his rival Gerard Coyne.",
    )
    assert [f.details["phrase"] for f in found] == ["his rival"]


def test_possessive_rival_named_after_a_phrase_of_place_is_framing(matcher):
    found = framing(
        matcher,
        "McCluskey's opponent in the race, Gerard Coyne, accused him of being close to "
        "Jeremy Corbyn.",
    )
    assert [f.details["phrase"] for f in found] == ["McCluskey's opponent"]


def test_possessive_rival_beside_an_outsider_who_may_be_it_passes(matcher):
    assert framing(matcher, "Jeremy Corbyn was there. McCluskey's rival stayed away.") == []


def test_a_persons_leadership_is_no_other_contest(matcher):
    found = framing(matcher, "Gerard Coyne, the lone challenger to McCluskey's leadership, spoke.")
    assert [f.details["phrase"] for f in found] == ["the lone challenger"]


def test_headline_possessive_is_read_with_the_lead(matcher):
    a = article(
        "McCluskey's rival Coyne suspended",
        "Gerard Coyne, who stood against Len McCluskey in the Unite ballot, has been suspended.",
        "Ian Allinson also stood.",
        title="McCluskey's rival Coyne suspended",
    )
    found = [f for f in matcher.check(a) if f.kind == "framing"]
    assert [f.details["phrase"] for f in found] == ["McCluskey's rival"]


def test_two_sides_carried_into_the_next_sentence_are_one_finding(matcher):
    found = framing(
        matcher, "It was a two-horse race for the union's top job.", "That suited both camps."
    )
    assert [f.details["phrase"] for f in found] == ["two-horse race"]


def test_two_sides_said_again_later_are_found_again(matcher):
    found = framing(
        matcher,
        "It was a two-horse race for the union's top job.",
        "Turnout was 12.2 per cent.",
        "Both camps spent heavily on the Unite ballot.",
    )
    assert [f.details["phrase"] for f in found] == ["two-horse race", "Both camps"]


def test_a_counted_set_picked_out_by_a_participle_is_no_field(matcher):
    assert (
        framing(matcher, "The second choices of the two candidates eliminated went nowhere.") == []
    )


@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "Re: \u201cMcCluskey Wins the Two-Horse Race\u201d (May 1).",
            "There were three candidates on the ballot.",
        ),
        (
            "Your story described the election as \u201ca two-horse race between McCluskey "
            "and Coyne.\u201d As a member, I would point out that there were three horses.",
        ),
        ("Some called it a two-horse race. There were three on the ballot.",),
    ],
)
def test_a_quoted_label_the_writer_corrects_is_no_framing(matcher, paragraphs):
    assert framing(matcher, *paragraphs) == []


def test_the_two_eliminated_candidates_are_counted_against_those_eliminated():
    facts = load_facts(
        FACTS.parents[1] / "tests" / "fixtures" / "elections" / "partyleader" / "facts.toml"
    )
    m = Matcher(facts)
    text, paras = join_paragraphs(
        [
            "Corinne Lafrenière won on the third count, ahead of Douglas Penhallow and Harjit "
            "Sandhar, after the two eliminated candidates' ballots were shared out."
        ]
    )
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    assert [f for f in m.check(a) if f.kind == "framing"] == []


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Warren Tuckey, the president she unseated, was second with 402.", False),
        ("Warren Tuckey, the man she beat, was second with 402.", True),
    ],
)
def test_the_post_the_beaten_incumbent_held_picks_him_out(sentence, flagged):
    facts = load_facts(
        FACTS.parents[1] / "tests" / "fixtures" / "elections" / "federation" / "facts.toml"
    )
    text, paras = join_paragraphs(["Deborah Kolovos won the FUA presidency.", sentence])
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    assert bool([f for f in Matcher(facts).check(a) if f.kind == "framing"]) is flagged


def test_a_later_round_of_a_related_contest_whose_rounds_are_unknown_is_not_judged(matcher):
    text = "2010 election, second ballot (Len McCluskey v Les Bayliss): 101,000 papers."
    assert framing(matcher, text) == []


def test_a_related_contest_as_a_whole_is_judged_by_its_field(matcher):
    text = "2010 election (Len McCluskey v Les Bayliss): 101,000 papers."
    assert [f.rule_id for f in framing(matcher, text)] == ["framing.two-way"]


def test_a_label_asked_about_and_corrected_after_a_short_reply_is_no_framing(matcher):
    paragraphs = (
        "HOST: A lot of people went into the count calling it McCluskey versus Coyne. Fair?",
        "GUEST: Fair as a description of the top two, not of the race. There were three on "
        "the ballot.",
    )
    assert framing(matcher, *paragraphs) == []


def test_a_label_corrected_only_three_full_sentences_later_is_framing(matcher):
    paragraphs = (
        "HOST: A lot of people went into the count calling it McCluskey versus Coyne. They "
        "were loud about it.",
        "GUEST: They were, and they were organised. There were three on the ballot.",
    )
    assert [f.rule_id for f in framing(matcher, *paragraphs)] == ["framing.two-way"]


@pytest.fixture(scope="module")
def tworound() -> Matcher:
    folder = Path(__file__).parent / "fixtures" / "elections" / "tworound"
    return Matcher(load_facts(folder / "facts.toml"))


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("It is a genuine head-to-head this week.", False),
        ("It is a head-to-head this week.", True),
    ],
)
def test_a_genuine_two_way_is_the_run_off_of_a_contest_that_had_one(tworound, sentence, flagged):
    a = article("Niamh Oduwole and Marcus Delahaye face the party's members again.", sentence)
    found = [f for f in tworound.check(a) if f.kind == "framing"]
    assert bool(found) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Gerard Coyne: the man who lost twice in four years.", False),
        ("Gerard Coyne: the man who lost.", True),
    ],
)
def test_a_loss_told_apart_by_how_often_singles_out_one_person(matcher, text, flagged):
    assert bool(framing(matcher, text)) == flagged


def test_both_candidates_after_two_people_of_another_contest_are_theirs():
    from electionkit import findings

    paragraphs = (
        "Meg Halvorsen won the Republican primary.",
        "Colette Amadi won the Democratic primary, beating Paul Ostrowski.",
        "Both candidates ran on protecting the county hospital system.",
    )
    assert findings("primary", *paragraphs, kind="framing") == []
