"""Known false claims in other forms of the same words: every form of a word is one
stem ("voted", "votes", "voting"), irregular verbs meet their base form ("ran" and
"run"), words that carry a denial ("unwitting", "behind their backs") deny, phrases
with an apostrophe ("voters' list") are read, and a surname two people share is the
one the text names in full.  One class of wording per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.concepts import stem
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
id = "claim.staff-ran-count"
claim = "Union staff ran the count."
fact = "An independent scrutineer ran and counted the ballot."
source = "desk"

[[claims]]
id = "claim.signed-up-unknowing"
claim = "Thousands of people were signed up as members without their knowledge."
paraphrases = ["Members were enrolled without their consent."]
fact = "Every new member signed a form and paid a first subscription."
source = "desk"

[[claims]]
id = "claim.list-padded"
claim = "Fake names were added to the voters' list."
fact = "Every name added to the register was checked against the membership records."
source = "desk"

[[claims]]
id = "claim.retired-voted"
claim = "Thousands of retired members voted."
fact = "Only members in work were sent ballot papers."
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


@pytest.mark.parametrize(
    "forms",
    [
        ("vote", "voted", "votes", "voting"),
        ("agree", "agreed", "agrees", "agreeing"),
        ("ran", "run", "running"),
        ("paid", "pay", "paying"),
        ("froze", "frozen", "freeze"),
    ],
)
def test_every_form_of_a_word_has_one_stem(forms):
    assert len({stem(w) for w in forms}) == 1


def test_an_irregular_past_meets_its_base_form(matcher):
    text = "Candidates complained that union staff would run the count."
    assert repeated(matcher, text) == ["claim.staff-ran-count"]


def test_unwitting_says_without_their_knowledge(matcher):
    text = "Organisers boasted of the enrolment of thousands of unwitting members."
    assert repeated(matcher, text) == ["claim.signed-up-unknowing"]


def test_behind_their_backs_says_without_their_knowledge(matcher):
    text = "Thousands of workers were signed up as members behind their backs."
    assert repeated(matcher, text) == ["claim.signed-up-unknowing"]


def test_knowing_what_one_signed_is_no_repetition(matcher):
    text = "Thousands of workers were signed up as members, and every one knew it."
    assert repeated(matcher, text) == []


def test_a_phrase_with_an_apostrophe_is_read_whole(matcher):
    text = "A roll padded with fake names decided nothing."
    assert repeated(matcher, text) == ["claim.list-padded"]


def test_a_verb_of_a_claim_is_not_dropped_as_a_word_for_the_vote(matcher):
    # "voted" is what the claim says; retired members merely counted among the members
    # do not repeat it
    text = "The union has 27,000 members, including retirees, who cannot vote."
    assert repeated(matcher, text) == []
