"""Known false claims repeated in other words: general English the thesaurus reads as one
concept, and questions that assert what they ask.  One class of wording per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

FACTS = Path(__file__).resolve().parents[1] / "facts" / "unite-2017.toml"
CONTEXT = "Len McCluskey won the Unite election, beating Gerard Coyne and Ian Allinson."

CLAIMS = """
[sources]
desk = "The desk's list of claims seen in the campaign"

[[claims]]
id = "claim.found-rigged"
claim = "The regulator found that Ian Allinson rigged the ballot."
fact = "The regulator made no finding against any candidate."
source = "desk"

[[claims]]
id = "claim.union-paid"
claim = "The union paid for Gerard Coyne's campaign leaflets."
fact = "Every candidate's printing was invoiced to a committee of supporters."
source = "desk"

[[claims]]
id = "claim.turnout-fell"
claim = "Turnout fell in the re-run."
fact = "Turnout was higher in the re-run."
source = "desk"

[[claims]]
id = "claim.unfinancial"
claim = "Thousands of unfinancial members were left on the roll."
fact = "The roll held only members whose dues were paid up."
source = "desk"

[[claims]]
id = "claim.rules-changed"
claim = "The nominating rules were changed to keep Ian Allinson off the ballot."
fact = "The nominating rules have not changed since 2014."
source = "desk"
"""


@pytest.fixture(scope="module")
def matcher(tmp_path_factory) -> Matcher:
    extra = tmp_path_factory.mktemp("claims") / "claims.toml"
    extra.write_text(CLAIMS, encoding="utf-8")
    return Matcher(load_facts([FACTS, extra]))


def repeated(matcher: Matcher, text: str) -> list[str]:
    full, paras = join_paragraphs([CONTEXT, text])
    a = Article(url="t", canonical_url="t", text=full, paragraphs=paras)
    a.sentences = segment(paras, full)
    return [f.rule_id for f in matcher.check(a) if f.kind == "unchallenged_claim"]


def test_a_question_that_expects_yes_asserts_its_claim(matcher):
    text = "Isn't it the case that the regulator found Allinson rigged the ballot?"
    assert repeated(matcher, text) == ["claim.found-rigged"]


def test_a_plain_question_still_asserts_nothing(matcher):
    assert repeated(matcher, "Did the regulator find that Allinson rigged the ballot?") == []


def test_finding_is_find_and_an_authority_is_a_regulator(matcher):
    text = "The Authority's finding was that Allinson had rigged the ballot."
    assert repeated(matcher, text) == ["claim.found-rigged"]


def test_misconduct_is_rigging(matcher):
    text = "The regulator found Allinson guilty of misconduct in the ballot."
    assert repeated(matcher, text) == ["claim.found-rigged"]


def test_dues_that_bankrolled_a_mail_out_paid_for_leaflets(matcher):
    text = "Members' dues bankrolled Coyne's glossy campaign mail-out."
    assert repeated(matcher, text) == ["claim.union-paid"]


@pytest.mark.parametrize("fell", ["dropped", "was down", "declined"])
def test_a_drop_is_a_fall(matcher, fell):
    assert repeated(matcher, f"Turnout {fell} in the re-run.") == ["claim.turnout-fell"]


def test_lapsed_members_are_unfinancial_and_a_register_is_a_roll(matcher):
    text = "Thousands of lapsed members were left on the register, his supporters say."
    assert repeated(matcher, text) == ["claim.unfinancial"]


def test_rewriting_rules_is_changing_them(matcher):
    text = "Officials rewrote the nominating rules to keep Allinson off the ballot."
    assert repeated(matcher, text) == ["claim.rules-changed"]


def test_dropping_out_is_no_fall_in_turnout(matcher):
    assert repeated(matcher, "Turnout was high; one candidate dropped out of the re-run.") == []


NEUTRALITY = "Unite staff breached guidelines requiring them to stay neutral"


@pytest.mark.parametrize(
    "text",
    [
        f"The certification officer has thrown out a Coyne supporter's claim that {NEUTRALITY}.",
        f"She has no truck with the talk that {NEUTRALITY}.",
        f"To those still repeating that {NEUTRALITY}: the regulator found nothing.",
    ],
)
def test_a_claim_thrown_out_or_waved_away_is_challenged(matcher, text):
    assert repeated(matcher, text) == []


def test_a_claim_reported_as_going_round_is_not_repeated(matcher):
    text = f"Claims that {NEUTRALITY} have been shared thousands of times. Here is what we know."
    assert repeated(matcher, text) == []


def test_members_who_had_not_paid_their_dues_are_in_arrears():
    from factwatch.claims.concepts import concepts

    reading = concepts().read("members who hadn't paid their dues got ballot packs")
    assert "arrears" in reading.concepts
    assert not reading.negated & {"pay", "money"}  # what it says, not a denial of the claim


def test_a_denied_concept_must_say_a_concept_group():
    from factwatch.claims.concepts import Concepts
    from factwatch.core.errors import FactsError

    with pytest.raises(FactsError, match="denied"):
        Concepts({"concepts": {"pay": ["paid"]}, "denied": {"pay": "arrears"}})


def test_a_malformed_irregular_table_names_the_table():
    from factwatch.claims.concepts import irregular_forms
    from factwatch.core.errors import FactsError

    with pytest.raises(FactsError, match="irregular: expected base forms"):
        irregular_forms({"irregular": {"run": "ran"}}, "thesaurus.toml")


def test_a_form_under_two_irregular_bases_is_named():
    from factwatch.claims.concepts import irregular_forms
    from factwatch.core.errors import FactsError

    with pytest.raises(FactsError, match="'left' is a form of both"):
        irregular_forms({"irregular": {"leave": ["left"], "lift": ["left"]}}, "thesaurus.toml")


def test_not_until_is_lateness_not_a_denial():
    from factwatch.claims.concepts import concepts

    got = concepts().read("the packages weren't put in the mail until a week later")
    assert "mailing" in got.concepts
    assert "mailing" not in got.negated


def test_a_negation_reaches_across_even_and_an_article():
    from factwatch.claims.concepts import concepts

    assert "graduat" in concepts().read("she is not even a northgate graduate").negated


@pytest.mark.parametrize(
    "text",
    ["she was taken off the ballot", "his name will come off the ballot", "struck off the list"],
)
def test_a_verb_with_off_is_a_removal(text):
    from factwatch.claims.concepts import concepts

    assert "suspend" in concepts().read(text).concepts


def test_suspending_a_campaign_is_stopping_it_not_a_suspension():
    from factwatch.claims.concepts import concepts

    got = concepts().read("she has suspended her campaign").concepts
    assert "resign" in got and "suspend" not in got


@pytest.mark.parametrize(
    ("text", "concept"),
    [("the party took barely 40 per cent", "ban"), ("and quite right too", "resign")],
)
def test_a_degree_adverb_is_no_word_it_looks_like(text, concept):
    from factwatch.claims.concepts import concepts

    assert concept not in concepts().read(text).concepts


def test_more_than_once_is_twice():
    from factwatch.claims.concepts import concepts

    assert "twice" in concepts().read("people voted more than once").concepts


def test_a_word_with_an_accent_is_one_word():
    from factwatch.claims.concepts import concepts

    got = concepts().read("the pact with glór an phobail in rivière-sauvage").concepts
    assert {"gl", "r", "rivi"}.isdisjoint(got)
