"""A facts file with many known false claims that share words: each sentence is
reported against the claims it repeats, not every claim it touches."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.concepts import Concepts, concepts
from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.errors import FactsError
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

FACTS = Path(__file__).resolve().parents[1] / "facts" / "unite-2017.toml"
CONTEXT = "Len McCluskey won the Unite election, beating Gerard Coyne and Ian Allinson."
NEUTRALITY = "Coyne said union employees had breached guidelines that meant they should be neutral."

BOXES_FACT = (
    "All 214 ballot boxes were verified once against their ballot paper accounts with agents "
    "present; the 127,630 papers counted match the papers issued and the postal votes "
    "accepted, and no agent objected to any box."
)
CATALOGUE = f"""
[sources]
catalogue = "The desk's list of claims seen in the campaign"

[[claims]]
id = "claim.ignored-count"
claim = "Coyne ignored the count."
paraphrases = ["The count was ignored by Coyne."]
fact = "Coyne's agents attended the count."
source = "catalogue"

[[claims]]
id = "claim.staff-misused-rules"
claim = "Union staff misused the rules."
fact = "No complaint against union staff was upheld."
source = "catalogue"

[[claims]]
id = "claim.ballots-exceed-members"
claim = "More ballots were counted than there were eligible members."
paraphrases = ["There were more votes than voters."]
fact = "130,071 ballots were returned by 1,062,000 eligible members."
source = "catalogue"

[[claims]]
id = "claim.boxes-twice"
claim = "Ballot boxes from Northgate were counted twice."
paraphrases = ["Northgate votes were double-counted."]
fact = "{BOXES_FACT}"
source = "catalogue"

[[claims]]
id = "claim.rule-new"
claim = "The majority rule was introduced this year to stop Coyne."
paraphrases = [
    "The requirement to win more than half the votes is a new rule.",
    "The threshold.",
]
fact = "The majority rule has been in the rulebook since 2014."
source = "catalogue"

[[claims]]
id = "claim.coyne-misused-guidance"
claim = "Coyne misused the neutrality guidance during the campaign."
fact = "No complaint against Coyne's use of the guidance was upheld."
source = "catalogue"

[[claims]]
id = "claim.missing-papers"
claim = "Ballot papers went missing in Scotland."
paraphrases = ["Scottish members never received their ballot papers."]
fact = "Every member in Scotland was sent a ballot paper."
source = "catalogue"
"""


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory) -> Matcher:
    extra = tmp_path_factory.mktemp("facts") / "catalogue.toml"
    extra.write_text(CATALOGUE, encoding="utf-8")
    return Matcher(load_facts([FACTS, extra]))


def repeated(matcher: Matcher, *paragraphs: str) -> list[str]:
    text, paras = join_paragraphs([CONTEXT, *paragraphs])
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    return sorted(f.rule_id for f in matcher.check(a) if f.kind == "unchallenged_claim")


def test_a_claim_about_the_count_needs_the_count(catalogue):
    assert repeated(catalogue, NEUTRALITY) == ["claim.neutrality-guidelines"]


def test_a_claim_about_the_count_is_found_when_the_count_is_named(catalogue):
    found = repeated(catalogue, "Coyne simply ignored the count, his critics say.")
    assert found == ["claim.ignored-count"]


def test_a_claim_whose_words_another_claim_holds_and_more_is_not_reported(catalogue):
    text = "Unite employees breached guidelines that required them to be neutral in the election."
    assert repeated(catalogue, text) == ["claim.neutrality-guidelines"]


def test_the_narrower_claim_is_reported_when_it_is_all_the_sentence_says(catalogue):
    assert repeated(catalogue, "Union staff misused the rules, the complaint says.") == [
        "claim.staff-misused-rules"
    ]


def test_a_sentence_repeating_two_different_claims_reports_both(catalogue):
    text = (
        "The complaint says union employees breached guidelines that required them to be "
        "neutral, and that ballot papers went missing in Scotland."
    )
    assert repeated(catalogue, text) == ["claim.missing-papers", "claim.neutrality-guidelines"]


def test_a_word_in_two_thesaurus_groups_is_refused_with_both_names():
    data = {"concepts": {"result": ["outcome", "count"], "count": ["count", "tally"]}}
    with pytest.raises(
        FactsError, match=r"'count' is in both concepts\.result and concepts\.count"
    ):
        Concepts(data, "thesaurus.toml")


def test_a_claim_comparing_two_quantities_is_repeated_in_other_words(catalogue):
    text = "In some regions more votes were counted than there were members, his team says."
    assert repeated(catalogue, text) == ["claim.ballots-exceed-members"]


def test_a_sentence_without_the_comparison_does_not_repeat_it(catalogue):
    text = (
        "Counted against all eligible members, fewer than one in eight members voted, "
        "and McCluskey won 5,523 votes more than Coyne."
    )
    assert repeated(catalogue, text) == []


def test_a_sentence_beside_the_claim_stating_one_part_of_its_fact_challenges_it(catalogue):
    claim = "People in my branch are telling me the Northgate boxes were counted twice."
    answer = "The returning officer says all 214 boxes were verified once, with agents present."
    assert repeated(catalogue, claim) == ["claim.boxes-twice"]
    assert repeated(catalogue, claim, answer) == []


def test_a_claim_that_a_rule_is_new_is_repeated_in_other_words(catalogue):
    text = "McCluskey's allies brought in the majority rule this summer, Coyne says."
    assert repeated(catalogue, text) == ["claim.rule-new"]


def test_stating_the_rule_does_not_repeat_a_claim_that_it_is_new(catalogue):
    text = "Under rules that require a winner to secure more than half of the votes, it went on."
    assert repeated(catalogue, text) == []


def test_the_speaker_of_reported_speech_is_not_an_actor_of_what_is_said(catalogue):
    assert repeated(catalogue, NEUTRALITY) == ["claim.neutrality-guidelines"]


def test_a_speaker_the_words_point_back_to_is_an_actor_of_them(catalogue):
    text = "Coyne admitted that he had misused the neutrality guidance during the campaign."
    assert "claim.coyne-misused-guidance" in repeated(catalogue, text)


def test_a_wording_of_one_word_matches_nothing(catalogue):
    assert repeated(catalogue, "Coyne cleared the threshold with ease.") == []


@pytest.mark.parametrize("text", ["the rule was new.", "the threshold is new this year."])
def test_saying_something_is_new_says_it_is_novel(text):
    assert "novel" in concepts().read(text).concepts


def test_a_claim_that_a_rule_is_new_is_answered_by_how_long_it_has_stood(catalogue):
    text = "Coyne's camp says the majority rule was new. It has been in the rulebook since 2014."
    assert repeated(catalogue, text) == []


@pytest.mark.parametrize(
    "text", ["the ballots were mailed after the other regions.", "ballots went out late."]
)
def test_saying_something_came_after_the_rest_says_it_was_late(text):
    assert "late" in concepts().read(text).concepts


@pytest.mark.parametrize(
    "text",
    [
        "the exhausted ballots were given to her.",
        "his votes were carried straight over into her total.",
        "they were simply added to her pile.",
    ],
)
def test_votes_handed_to_somebody_are_credited_to_them(text):
    assert "credit" in concepts().read(text).concepts


@pytest.mark.parametrize(
    "text",
    [
        "thousands who joined late were given a vote.",
        "people who joined in may were sent ballots.",
        "they were issued ballot papers.",
    ],
)
def test_having_a_vote_given_or_sent_is_being_allowed_to_vote(text):
    assert "allow" in concepts().read(text).concepts


@pytest.mark.parametrize(
    "text, concept",
    [
        ("the list had been stuffed with phantom members.", {"pad", "fake"}),
        ("ballots that had run out of preferences.", {"exhaust"}),
        ("they were lumped in with hers.", {"credit"}),
        ("the leadership raised the nomination bar to 5 percent.", {"novel", "rule"}),
        ("the rule, adopted at this year's convention.", {"novel"}),
    ],
)
def test_other_words_for_the_disputes_of_a_count(text, concept):
    assert concept <= concepts().read(text).concepts


def test_people_signed_up_are_members():
    assert {"enrol", "member"} <= concepts().read("thousands were signed up.").concepts


def test_a_comparison_of_things_no_election_counts_is_no_comparison():
    assert "exceed" not in concepts().read("campaigns with more money than scruples.").concepts
    assert "exceed" in concepts().read("there were more ballots than members.").concepts


def test_failing_to_do_something_negates_it():
    reading = concepts().read("he failed to reach the threshold.")
    assert "reach" in reading.negated


def test_an_implied_concept_must_name_a_group():
    with pytest.raises(FactsError, match="implies"):
        Concepts({"concepts": {"enrol": ["enrol"]}, "implies": {"enrol": "nowhere"}})


def one_claim(folder: Path, claim_id: str, claim: str, fact: str) -> Matcher:
    """The bundled facts plus one known false claim, written to ``folder``."""
    extra = folder / "one-claim.toml"
    extra.write_text(
        f'[sources]\nlist = "The desk\'s list"\n\n[[claims]]\nid = "{claim_id}"\n'
        f'claim = "{claim}"\nfact = "{fact}"\nsource = "list"\n',
        encoding="utf-8",
    )
    return Matcher(load_facts([FACTS, extra]))


def test_a_claim_of_people_signed_up_unknowingly_is_repeated_without_the_word_members(
    tmp_path,
):
    matcher = one_claim(
        tmp_path,
        "claim.unknowing",
        "Thousands of people were signed up as members without their knowledge.",
        "Every new membership was confirmed by email.",
    )
    text = "We now know thousands of those people were signed up without their knowledge."
    assert repeated(matcher, text) == ["claim.unknowing"]


@pytest.mark.parametrize(
    "text", ["they were handed a ballot.", "lapsed members were getting ballot packs."]
)
def test_a_verb_and_its_object_carry_a_frames_concept(text):
    assert "allow" in concepts().read(text).concepts


def test_a_frame_must_name_a_group_and_give_verbs_and_objects():
    with pytest.raises(FactsError, match="frames.allow"):
        Concepts({"concepts": {"allow": ["allow"]}, "frames": {"allow": {"verbs": ["got"]}}})


def test_a_hyphenated_word_is_the_word_written_solid():
    c = concepts()
    assert "handpick" in c.read("a hand-picked returning officer").concepts
    assert "handpick" in c.read("a handpicked returning officer").concepts
    assert "late" in c.read("the late-mailed ballots").concepts


@pytest.mark.parametrize(
    "text", ["the returning officer found", "his campaign paid for ads, included in the total"]
)
def test_an_election_official_or_paying_for_things_is_no_staff_or_count(text):
    assert not {"staff", "count"} & concepts().read(text).concepts


def test_how_much_of_something_is_not_part_of_the_claim(tmp_path):
    matcher = one_claim(
        tmp_path,
        "claim.postal",
        "Boxes of postal votes were left uncounted.",
        "Every postal vote received in time was counted.",
    )
    assert repeated(matcher, "His agent insists postal votes were left uncounted.") == [
        "claim.postal"
    ]


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("ballots were improperly set aside as void.", "discard"),
        ("the leadership hiked the nominating bar to 5 percent.", "rule"),
    ],
)
def test_more_words_for_voided_ballots_and_nomination_thresholds(text, concept):
    assert concept in concepts().read(text).concepts


def test_a_ballot_dump_is_no_discarding():
    assert "discard" not in concepts().read("they dumped the mail ballots at midnight.").concepts


def test_a_why_question_takes_its_claim_as_done(catalogue):
    assert repeated(catalogue, "Why were Northgate's ballot boxes counted a second time?") == [
        "claim.boxes-twice"
    ]
    assert repeated(catalogue, "Were Northgate's ballot boxes counted a second time?") == []


def test_papers_left_in_their_envelopes_were_not_counted():
    assert "discard" in concepts().read("votes never taken out of their envelopes").concepts


def test_a_how_question_takes_its_claim_as_done(catalogue):
    text = "How can members trust a count of Northgate's ballot boxes counted a second time?"
    assert repeated(catalogue, text) == ["claim.boxes-twice"]


def test_what_comparisons_compare_must_be_a_list_of_words():
    with pytest.raises(FactsError, match="compared"):
        Concepts({"concepts": {"exceed": ["exceed"]}, "compared": ["result"]})
