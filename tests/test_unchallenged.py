"""Recorded false claims repeated in any paraphrase, and whether the article rebuts them."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

FACTS = Path(__file__).resolve().parents[1] / "facts" / "unite-2017.toml"
CONTEXT = "Len McCluskey won the Unite election, beating Gerard Coyne and Ian Allinson."


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_facts(FACTS))


def claims(matcher: Matcher, *paragraphs: str, kind: str = "unchallenged_claim"):
    text, paras = join_paragraphs([CONTEXT, *paragraphs])
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    return [f for f in matcher.check(a) if f.kind == kind]


def with_claims(folder: Path, name: str, text: str) -> Matcher:
    """The bundled facts plus the claims in ``text``, written to ``folder/name``."""
    extra = folder / name
    extra.write_text(text, encoding="utf-8")
    return Matcher(load_facts([FACTS, extra]))


REPEATED = [
    (
        'Coyne said: "Unite employees repeatedly breached guidelines that meant they should have '
        'been neutral in this contest."',
        "claim.neutrality-guidelines",
    ),
    (
        "The complaint argues that paid officials were bound by union guidance to stay impartial "
        "during the ballot but campaigned for the incumbent anyway.",
        "claim.neutrality-guidelines",
    ),
    (
        "Coyne says paid officials broke rules requiring them to stay neutral.",
        "claim.neutrality-guidelines",
    ),
    (
        "Staff were supposed to remain impartial under union guidelines, the complaint says.",
        "claim.neutrality-guidelines",
    ),
    (
        "Coyne accused union officials of breaching guidelines on neutrality.",
        "claim.neutrality-guidelines",
    ),
    (
        "Coyne complained that Unite employees had not been neutral, as union guidelines required.",
        "claim.neutrality-guidelines",
    ),
    (
        "Ian Allinson has joined Gerard Coyne in demanding a re-run of the Unite election.",
        "claim.joint-rerun",
    ),
    ("Both defeated candidates have called for a re-run.", "claim.joint-rerun"),
    ("Allinson is also seeking a fresh ballot.", "claim.joint-rerun"),
    ("Coyne and Allinson want the result overturned.", "claim.joint-rerun"),
    ("The two losing candidates are now seeking a re-run of the ballot.", "claim.joint-rerun"),
    ("Losing candidates call for rerun.", "claim.joint-rerun"),
    ("Coyne's legal challenge, backed by Allinson, will be heard next month.", "claim.joint-rerun"),
    ("Both Coyne and Allinson have lodged complaints about the ballot.", "claim.joint-rerun"),
    ("Unite's rules require officials to be neutral in elections.", "claim.neutrality-guidelines"),
    (
        "Coyne says officials should have stayed out of the contest under union rules.",
        "claim.neutrality-guidelines",
    ),
    (
        "Coyne alleges that union staff campaigned for McCluskey in breach of the rules.",
        "claim.neutrality-guidelines",
    ),
    (
        "Coyne alleges that, in breach of union guidelines, officials campaigned for McCluskey.",
        "claim.neutrality-guidelines",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "rule"), REPEATED, ids=[f"{r}-{i}" for i, (_, r) in enumerate(REPEATED)]
)
def test_false_claim_is_flagged_in_any_paraphrase(matcher, sentence, rule):
    found = claims(matcher, sentence)
    assert [f.rule_id for f in found] == [rule]
    assert found[0].quote == sentence and not found[0].challenged


def test_direct_quote_records_speaker_and_voice(matcher):
    (f,) = claims(
        matcher,
        'Coyne said: "Unite employees breached guidelines that meant they '
        'should have been neutral."',
    )
    assert f.voice == "quote" and f.speaker == "Gerard Coyne"


def test_claim_in_outlet_voice_is_high_severity(matcher):
    (f,) = claims(matcher, "Union staff broke guidelines requiring them to be neutral.")
    assert f.voice == "outlet" and f.severity == "high"


CHALLENGED = [
    (
        "Coyne said union employees had repeatedly breached guidelines that meant they should have "
        "been neutral.",
        "No such guideline exists, according to Ian Allinson.",
    ),
    (
        "Coyne says paid officials broke rules requiring them to stay neutral.",
        "Unite rejected the claim.",
    ),
    ("Coyne says staff breached neutrality guidelines.", "But there is no such guideline."),
    (
        "Coyne claimed union staff campaigned despite rules obliging them to stay neutral.",
        "A Unite spokesman dismissed the allegations as baseless.",
    ),
    ("Coyne says staff broke neutrality rules.", "Unite denies there were any such rules."),
]


@pytest.mark.parametrize(("claim", "rebuttal"), CHALLENGED)
def test_rebutted_claim_is_recorded_as_challenged(matcher, claim, rebuttal):
    assert claims(matcher, claim, rebuttal) == []
    (f,) = claims(matcher, claim, rebuttal, kind="challenged_claim")
    assert f.challenged and f.severity == "low" and f.details["rebuttal"]


def test_hedge_in_the_same_sentence_challenges_the_claim(matcher):
    sentence = "Coyne falsely claimed staff had broken guidelines requiring neutrality."
    assert claims(matcher, sentence) == []


CORRECT = [
    "There was no guideline requiring staff to be neutral.",
    "Staff were not bound by any neutrality rules.",
    "Ian Allinson, who finished third, said he would not be joining the challenge.",
    "Allinson said he would not back Coyne's legal challenge.",
    "Coyne is alone in seeking a re-run.",
    "Coyne, the only candidate seeking a re-run, has gone to the Certification Officer.",
    "Gerard Coyne, one of the two losing candidates, has lodged a complaint with the "
    "Certification Officer.",
    "Allinson has refused to back the legal challenge mounted by Coyne.",
    "Unite officials campaigned for McCluskey, as they were entitled to do.",
    "Electoral Reform Services, a neutral body, ran the ballot under union rules.",
    "Unite's ballot guidelines do not require staff to be neutral.",
]


@pytest.mark.parametrize("sentence", CORRECT)
def test_correct_statements_are_not_claims(matcher, sentence):
    assert claims(matcher, sentence) == []
    assert claims(matcher, sentence, kind="challenged_claim") == []


def test_claim_is_reported_once_per_article(matcher):
    found = claims(
        matcher,
        "Allinson backs Coyne's legal action.",
        "Ian Allinson has joined Gerard Coyne in demanding a re-run.",
    )
    assert len(found) == 1


def test_claim_finding_carries_correction_and_source(matcher):
    (f,) = claims(matcher, "Union staff broke guidelines requiring them to be neutral.")
    assert f.fact_ids == ["claim.neutrality-guidelines"]
    assert "no such rule" in f.correction and "guidelines" in f.fact_sources[0].lower()


@pytest.mark.parametrize(
    "sentence",
    [
        "The rules, it said, were never meant to keep officials neutral.",
        "Unite replied that its guidance placed no duty of neutrality on its officers.",
    ],
)
def test_a_sentence_that_negates_the_rule_is_the_denial_not_the_claim(matcher, sentence):
    assert claims(matcher, sentence) == []


def test_a_claim_that_staff_were_not_neutral_is_still_the_claim(matcher):
    (f,) = claims(matcher, "Coyne says officials were not neutral, in breach of union rules.")
    assert f.rule_id == "claim.neutrality-guidelines"


@pytest.mark.parametrize(
    "sentence",
    [
        "Coyne argues union rules obliged regional staff to stay out of the contest.",
        "Officials, he says, were bound by the guidance to take no side in the ballot.",
    ],
)
def test_neutrality_rule_in_new_wording_is_flagged(matcher, sentence):
    found = claims(matcher, sentence)
    assert [f.rule_id for f in found] == ["claim.neutrality-guidelines"]


def test_reports_called_wrong_in_the_same_sentence_challenge_the_claim(matcher):
    sentence = "Stories that Allinson backed the call for a fresh ballot were simply untrue."
    assert claims(matcher, sentence) == []


def test_neutrality_as_a_ban_on_backing_candidates_is_the_claim(matcher):
    found = claims(
        matcher,
        "The complaint says the union's rules prohibited staff from supporting any candidate.",
    )
    assert [f for f in found if f.rule_id == "claim.neutrality-guidelines"]


def test_a_candidate_saying_he_is_not_alone_in_seeking_a_rerun_is_the_claim(matcher):
    found = claims(
        matcher,
        "Mr Coyne told supporters he was not alone in demanding a new ballot for the union.",
    )
    assert [f.rule_id for f in found] == ["claim.joint-rerun"]


def test_one_runner_up_is_not_the_losing_candidates_together(matcher):
    assert claims(matcher, "The runner-up is demanding a re-run of the ballot.") == []


def test_the_losing_candidates_together_repeat_the_joint_claim(matcher):
    found = claims(matcher, "The two losing candidates are now demanding a re-run of the ballot.")
    assert [f.rule_id for f in found] == ["claim.joint-rerun"]


NEGATIVE_CLAIM = """
[[claims]]
id = "claim.uncounted"
claim = "Thousands of postal ballots were never counted."
paraphrases = ["Many returned papers went uncounted."]
fact = "All 130,388 returned ballot papers were counted by the independent scrutineer."
source = "result"
"""


@pytest.fixture(scope="module")
def with_negative_claim(tmp_path_factory) -> Matcher:
    extra = tmp_path_factory.mktemp("facts") / "extra.toml"
    extra.write_text(NEGATIVE_CLAIM, encoding="utf-8")
    return Matcher(load_facts([FACTS, extra]))


def test_a_negative_claim_is_repeated_in_its_own_words(with_negative_claim):
    found = claims(
        with_negative_claim, "Coyne's team says thousands of postal votes were never counted."
    )
    assert [f.rule_id for f in found] == ["claim.uncounted"]


def test_a_sentence_affirming_what_a_negative_claim_denies_is_not_a_repetition(
    with_negative_claim,
):
    text = "Of the postal ballots returned, the scrutineer counted 130,071 and set 317 aside."
    assert claims(with_negative_claim, text) == []


def test_a_claim_followed_by_its_refuting_fact_is_challenged(with_negative_claim):
    text = (
        "Coyne's supporters say thousands of postal votes were never counted. "
        "The independent scrutineer counted all 130,388 returned ballot papers."
    )
    assert claims(with_negative_claim, text) == []
    found = claims(with_negative_claim, text, kind="challenged_claim")
    assert [f.rule_id for f in found] == ["claim.uncounted"]


def test_a_negation_inside_a_phrase_does_not_deny_the_next_word(matcher):
    (f,) = claims(matcher, "Gerard Coyne says he is not the only candidate seeking a re-run.")
    assert f.rule_id == "claim.joint-rerun"


def test_the_person_a_claim_involves_disowning_it_challenges_it(matcher):
    found = claims(
        matcher,
        "Mr Coyne claims that other candidates back his demand for the election to be run again.",
        "But Ian Allinson said he had played no part in the complaint and accepted the result.",
        kind="challenged_claim",
    )
    assert [f.rule_id for f in found] == ["claim.joint-rerun"]


def test_a_short_verdict_straight_after_the_claim_challenges_it(matcher):
    found = claims(
        matcher,
        "Coyne says paid officials broke rules requiring them to stay neutral.",
        "That is just wrong.",
        kind="challenged_claim",
    )
    assert [f.rule_id for f in found] == ["claim.neutrality-guidelines"]


def test_a_verdict_after_a_question_about_the_claim_challenges_it(matcher):
    found = claims(
        matcher,
        "PRESENTER: People say paid officials broke rules requiring them to stay neutral.",
        "What do you make of that?",
        "GUEST: It's nonsense.",
        kind="challenged_claim",
    )
    assert [f.rule_id for f in found] == ["claim.neutrality-guidelines"]


def test_a_short_sentence_that_is_no_verdict_does_not_challenge_the_claim(matcher):
    found = claims(
        matcher,
        '"Staff broke the guidelines requiring them to stay neutral," Coyne said.',
        "Ian Allinson was not involved.",
    )
    assert [f.rule_id for f in found] == ["claim.neutrality-guidelines"]


def test_a_claim_that_holds_a_hedge_word_is_not_hedged_by_it(with_wrongly_claim):
    found = with_wrongly_claim(
        "The email says ballots marked for Coyne were wrongly thrown out as void during the count."
    )
    assert [f.kind for f in found] == ["unchallenged_claim"]


def test_a_hedge_on_the_saying_challenges_the_claim(with_wrongly_claim):
    found = with_wrongly_claim("The email falsely claims Coyne ballots were thrown out as void.")
    assert [f.kind for f in found] == ["challenged_claim"]


def test_by_election_officials_are_no_by_election(with_wrongly_claim):
    found = with_wrongly_claim(
        "His supporters say Coyne ballots were tossed by election officials."
    )
    assert [f.kind for f in found] == ["unchallenged_claim"]


@pytest.fixture(scope="module")
def with_wrongly_claim(tmp_path_factory):
    extra = tmp_path_factory.mktemp("facts") / "void.toml"
    extra.write_text(
        'format = 2\n\n[sources]\ncount = "Scrutineer\'s report"\n\n[[claims]]\n'
        'claim = "Ballots marked for Gerard Coyne were wrongly thrown out as void."\n'
        'paraphrases = ["Coyne votes were voided.", "Ballots cast for Coyne were thrown out."]\n'
        'fact = "No ballot marked for a single candidate was set aside."\nsource = "count"\n',
        encoding="utf-8",
    )
    m = Matcher(load_facts([FACTS, extra]))

    def check(sentence: str):
        text, paras = join_paragraphs([CONTEXT, sentence])
        a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
        a.sentences = segment(paras, text)
        return [f for f in m.check(a) if f.kind in ("unchallenged_claim", "challenged_claim")]

    return check


def test_a_question_asserts_no_claim(matcher):
    assert claims(matcher, "Did Allinson also want a fresh ballot?") == []


def test_there_was_no_x_is_no_rebuttal(matcher):
    found = claims(
        matcher, "Allinson also wants a fresh ballot, his supporters say. There was no recount."
    )
    assert [f.rule_id for f in found] == ["claim.joint-rerun"]


def test_an_indirect_question_asserts_nothing(matcher):
    text = "Some members have asked whether Unite staff broke rules requiring them to stay neutral."
    assert claims(matcher, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Coyne says Unite staff broke rules requiring them to stay neutral, which isn't true.",
        "Coyne says Unite staff broke rules requiring them to stay neutral. That isn't true.",
        "Coyne says Unite staff broke rules requiring them to stay neutral. It wasn't: the "
        "union's own staff handbook was followed.",
        "It is tempting to say Unite staff broke rules requiring them to stay neutral, but "
        "they did not.",
    ],
)
def test_a_plain_denial_challenges_the_claim(matcher, text):
    assert claims(matcher, text) == []


@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "A leaflet from Coyne supporters said Unite staff broke rules requiring them to "
            "stay neutral.",
            "None of it was true. The guidelines contain no such rule.",
        ),
        ("The union's lawyer said flatly that none of it holds up.",),
        (
            "HOST: There are posts online saying Unite staff broke rules requiring them to "
            "stay neutral. Did they?",
            "GUEST: No. The guidelines say nothing of the kind.",
        ),
    ],
)
def test_a_verdict_on_what_was_said_in_the_next_paragraph_challenges_it(matcher, paragraphs):
    if len(paragraphs) == 1:
        paragraphs = (
            "A leaflet from Coyne supporters said Unite staff broke rules requiring them to "
            "stay neutral.",
            *paragraphs,
        )
    assert claims(matcher, *paragraphs) == []
    assert claims(matcher, *paragraphs, kind="challenged_claim")


@pytest.mark.parametrize(
    "rebuttal",
    [
        "The union's own records say otherwise.",
        "The claim has already been rejected twice inside the union.",
    ],
)
def test_records_that_say_otherwise_or_a_claim_already_rejected_challenge_it(matcher, rebuttal):
    text = (
        "A leaflet from Coyne supporters said Unite staff broke rules requiring them to stay "
        "neutral."
    )
    assert claims(matcher, text, rebuttal) == []
    assert claims(matcher, text, rebuttal, kind="challenged_claim")


def test_a_supposition_asserts_no_claim(matcher):
    text = (
        "Had Unite staff broken rules requiring them to stay neutral, Coyne would have had a case."
    )
    assert claims(matcher, text) == []


RULE_CLAIM = """
[sources]
desk = "The desk's list of claims seen in the campaign"

[[claims]]
id = "claim.rule-new"
claim = "The majority rule was introduced this year to stop Coyne."
fact = "The majority rule was adopted at the Brighton conference in 2011, first used in 2013."
source = "desk"
"""


@pytest.fixture(scope="module")
def with_rule_claim(tmp_path_factory) -> Matcher:
    return with_claims(tmp_path_factory.mktemp("facts"), "rule.toml", RULE_CLAIM)


def test_a_rebuttal_citing_the_facts_date_and_place_challenges_the_claim(with_rule_claim):
    text = (
        "Those who say the majority rule was introduced to stop Coyne, as his allies do, might "
        "look up the 2011 Brighton conference."
    )
    assert claims(with_rule_claim, text) == []
    assert claims(with_rule_claim, text, kind="challenged_claim")


def test_one_detail_of_the_fact_alone_is_no_rebuttal(with_rule_claim):
    text = "His allies say the majority rule was introduced to stop Coyne, who joined in 2011."
    assert [f.rule_id for f in claims(with_rule_claim, text)] == ["claim.rule-new"]


def test_a_rebuttal_after_the_claimants_own_quotation_challenges_the_claim(matcher):
    paragraphs = (
        "Coyne says Unite staff broke rules requiring them to stay neutral.",
        "\u201cThey campaigned openly. Everybody saw it,\u201d he said. "
        "\u201cIt was shameless.\u201d",
        "The union's own records say otherwise.",
    )
    assert claims(matcher, *paragraphs) == []
    assert claims(matcher, *paragraphs, kind="challenged_claim")


def test_a_rebuttal_three_sentences_on_after_the_outlets_own_words_is_too_far(matcher):
    paragraphs = (
        "Coyne says Unite staff broke rules requiring them to stay neutral.",
        "He lost by 5,523 votes. He has not said what he will do next. Allinson came third.",
        "The union's own records say otherwise.",
    )
    assert [f.rule_id for f in claims(matcher, *paragraphs)] == ["claim.neutrality-guidelines"]


OPENING = (
    "Let us be clear about that from the start, because the complaint is back in the news.",
    "The complaint says Unite staff broke rules requiring them to stay neutral.",
)


def test_a_rebuttal_two_sentences_before_that_speaks_of_the_claim_challenges_it(matcher):
    paragraphs = ("There was no such requirement on union staff.", *OPENING)
    assert claims(matcher, *paragraphs) == []
    assert claims(matcher, *paragraphs, kind="challenged_claim")


def test_a_denial_two_sentences_before_about_something_else_is_no_rebuttal(matcher):
    paragraphs = ("There was no queue at the count in Birmingham.", *OPENING)
    assert [f.rule_id for f in claims(matcher, *paragraphs)] == ["claim.neutrality-guidelines"]


RETIRED_CLAIM = """
[sources]
desk = "The desk's list of claims seen in the campaign"

[[claims]]
id = "claim.retired-voted"
claim = "Retired members were allowed to vote in the ballot."
fact = "Only members in employment were on the register."
source = "desk"
"""


def test_let_is_allow(tmp_path):
    matcher = with_claims(tmp_path, "retired.toml", RETIRED_CLAIM)
    found = claims(
        matcher, "His backers say: \u201cThey let retired members vote in the ballot.\u201d"
    )
    assert [f.rule_id for f in found] == ["claim.retired-voted"]


def test_the_claimants_own_alarm_is_no_rebuttal(matcher):
    paragraphs = (
        "Coyne says he knew something was wrong when the count began.",
        "He says Unite staff broke rules requiring them to stay neutral.",
    )
    assert [f.rule_id for f in claims(matcher, *paragraphs)] == ["claim.neutrality-guidelines"]


OBSERVERS_CLAIM = """
[sources]
desk = "The desk's list of claims seen in the campaign"

[[claims]]
id = "claim.observers-barred"
claim = "Observers were barred from the count."
fact = "Every campaign's observers signed the attendance log at every session of the count."
source = "desk"
"""


@pytest.mark.parametrize(
    "barred", ["shut out of", "locked out of", "kept out of", "turned away from"]
)
def test_shut_out_and_kept_out_are_barred(tmp_path, barred):
    matcher = with_claims(tmp_path, "observers.toml", OBSERVERS_CLAIM)
    found = claims(matcher, f"Coyne says his observers were {barred} the count.")
    assert [f.rule_id for f in found] == ["claim.observers-barred"]


SIGNED_UP_CLAIM = """
[sources]
desk = "The desk's list of claims seen in the campaign"

[[claims]]
id = "claim.signed-up"
claim = "Thousands of people were signed up as party members without their knowledge."
fact = "The audit confirmed every new membership by email or telephone."
source = "desk"
"""


def test_enrolled_is_signed_up_and_knowing_is_knowledge(tmp_path):
    matcher = with_claims(tmp_path, "signed.toml", SIGNED_UP_CLAIM)
    text = (
        "Coyne told supporters that thousands of people had been enrolled as party members "
        "without knowing it."
    )
    assert [f.rule_id for f in claims(matcher, text)] == ["claim.signed-up"]


def test_claims_rejected_at_length_in_the_same_sentence_are_challenged(matcher):
    text = (
        "Claims that union employees had breached guidelines obliging them to be neutral "
        "were rejected by the certification officer."
    )
    assert claims(matcher, text) == []
    assert len(claims(matcher, text, kind="challenged_claim")) == 1


def test_throwing_out_ballots_is_the_claim_not_a_rebuttal(tmp_path):
    m = with_claims(
        tmp_path,
        "voided.toml",
        '[sources]\nlist = "The desk\'s list"\n\n[[claims]]\nid = "claim.voided"\n'
        'claim = "Ballots marked for Ian Allinson were wrongly thrown out as void."\n'
        'paraphrases = ["Allinson\'s ballots were thrown out."]\n'
        'fact = "No ballot marked for Allinson was rejected."\nsource = "list"\n',
    )
    found = claims(m, "CALLER: they threw out Allinson's ballots.")
    assert [f.rule_id for f in found] == ["claim.voided"]


def test_there_being_no_place_where_the_claim_held_challenges_it(tmp_path):
    m = with_claims(
        tmp_path,
        "exceed.toml",
        '[sources]\nlist = "The desk\'s list"\n\n[[claims]]\nid = "claim.exceed"\n'
        'claim = "More ballots were counted than there were eligible members."\n'
        'paraphrases = ["The ballots outnumbered the voters."]\n'
        'fact = "Every region returned fewer ballots than it had members."\nsource = "list"\n',
    )
    text = '"There is no region, anywhere, where the ballots outnumber the voters," she said.'
    assert claims(m, text) == []


GRADUATE_CLAIM = """
[sources]
desk = "The desk's list of claims seen in the campaign"

[[claims]]
id = "claim.not-a-graduate"
claim = "Coyne never studied at Warwick."
paraphrases = ["Coyne is not a Warwick graduate."]
fact = "Coyne graduated from Warwick in 1988."
source = "desk"
"""


@pytest.fixture(scope="module")
def with_graduate_claim(tmp_path_factory) -> Matcher:
    return with_claims(tmp_path_factory.mktemp("facts"), "graduate.toml", GRADUATE_CLAIM)


def test_a_sentence_affirming_what_a_claim_denies_does_not_repeat_it(with_graduate_claim):
    assert claims(with_graduate_claim, "Coyne, a Warwick graduate, polled 53,544 votes.") == []


def test_a_claim_that_denies_something_is_repeated_in_its_own_negation(with_graduate_claim):
    found = claims(with_graduate_claim, "His critics say Coyne is not even a Warwick graduate.")
    assert [f.rule_id for f in found] == ["claim.not-a-graduate"]


DUES_CLAIM = """
[sources]
desk = "The desk's list of claims seen in the campaign"

[[claims]]
id = "claim.local-paid"
claim = "Local 212 bankrolled Coyne's campaign."
fact = "An audit by the returning officer traced every expense to donations by individuals."
source = "desk"
"""


@pytest.fixture(scope="module")
def with_dues_claim(tmp_path_factory) -> Matcher:
    return with_claims(tmp_path_factory.mktemp("facts"), "dues.toml", DUES_CLAIM)


def test_a_claim_opening_with_a_numbered_name_needs_that_name(with_dues_claim):
    assert claims(with_dues_claim, "A wealthy donor bankrolled Coyne's campaign, rivals say.") == []
    found = claims(with_dues_claim, "His critics say Local 212 bankrolled Coyne's campaign.")
    assert [f.rule_id for f in found] == ["claim.local-paid"]


def test_demanding_to_be_told_who_paid_asserts_nothing(with_dues_claim):
    text = "McCluskey demanded Coyne say who was paying for his campaign in Local 212."
    assert claims(with_dues_claim, text) == []


def test_a_claims_words_in_a_clause_about_another_time_do_not_repeat_it(tmp_path):
    matcher = with_claims(tmp_path, "retired.toml", RETIRED_CLAIM)
    text = (
        "Allinson, at 71, was the only candidate who could remember the last time retired "
        "members were allowed to vote in a ballot."
    )
    assert claims(matcher, text) == []


def test_a_quoted_denial_that_is_the_whole_sentence_rebuts(tmp_path):
    matcher = with_claims(tmp_path, "retired.toml", RETIRED_CLAIM)
    paragraphs = (
        "Coyne has no patience with stories that retired members were allowed to vote in the "
        "ballot. "
        "\u201cThey didn\u2019t. I read the rules.\u201d",
    )
    assert claims(matcher, *paragraphs) == []


def test_a_claimants_defiance_is_no_denial(tmp_path):
    matcher = with_claims(tmp_path, "retired.toml", RETIRED_CLAIM)
    paragraphs = (
        "His campaign says retired members were allowed to vote in the ballot. "
        "\u201cThis isn\u2019t over.\u201d",
    )
    assert [f.rule_id for f in claims(matcher, *paragraphs)] == ["claim.retired-voted"]


SUCCESSOR_CLAIM = """
[sources]
desk = "The desk's list of claims seen in the campaign"

[[claims]]
id = "claim.successor"
claim = "Allinson picked Coyne as his successor."
fact = "Allinson endorsed nobody."
source = "desk"
"""


def test_a_claims_own_words_that_point_ahead_do_not_move_it(tmp_path):
    matcher = with_claims(tmp_path, "successor.toml", SUCCESSOR_CLAIM)
    text = "Put simply: Allinson has picked the Birmingham man Coyne as his successor."
    assert [f.rule_id for f in claims(matcher, text)] == ["claim.successor"]


BACKING_CLAIM = """
[sources]
desk = "The desk's list of claims seen in the campaign"

[[claims]]
id = "claim.backing"
claim = "Jerry Hicks endorsed Gerard Coyne."
paraphrases = ["Coyne had the backing of Hicks."]
fact = "Hicks endorsed nobody in 2017."
source = "desk"
"""


def test_a_claims_people_who_stood_elsewhere_do_not_move_it(tmp_path):
    matcher = with_claims(tmp_path, "backing.toml", BACKING_CLAIM)
    text = "Coyne, who had the backing of Jerry Hicks in the campaign, lost to McCluskey."
    assert [f.rule_id for f in claims(matcher, text)] == ["claim.backing"]


def test_a_claim_rejected_by_someone_in_the_same_sentence_is_challenged(tmp_path):
    matcher = with_claims(tmp_path, "retired.toml", RETIRED_CLAIM)
    text = (
        "Coyne has claimed that retired members were allowed to vote in the ballot, a claim "
        "rejected by the returning officer."
    )
    assert claims(matcher, text) == []


def test_a_rules_condition_asserts_nothing():
    from electionkit import findings

    text = (
        "Heritage riding president Brent Hollis says the party is "
        "\u201clooking at a recount.\u201d "
        "An automatic recount happens only if the margin is under one-thousandth of the valid "
        "votes, about 39 votes in this riding, and this one is 1,021."
    )
    lead = "Annick Thériault won the by-election."
    found = findings("riding", lead, text, kind="unchallenged_claim", published="2025-09-29")
    assert found == []
