"""A related contest named by its aliases, and articles from the year an earlier contest
was decided: statements about it are judged against it, not against this election.
The facts are the re-run election's: a first ballot annulled, then run again."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

FACTS = Path(__file__).parent / "fixtures" / "elections" / "rerun" / "facts.toml"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_facts(FACTS))


def article(*paragraphs: str, published: str = "2025-07-02") -> Article:
    body, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", text=body, paragraphs=paras, published=published)
    a.sentences = segment(paras, body)
    return a


def kinds(matcher: Matcher, kind: str, *paragraphs: str, published: str = "2025-07-02"):
    return [f for f in matcher.check(article(*paragraphs, published=published)) if f.kind == kind]


def figures(matcher: Matcher, text: str, published: str = "2025-07-02") -> list[str]:
    return [f.quote for f in kinds(matcher, "figure", text, published=published)]


def test_a_statement_naming_the_contest_by_an_alias_is_about_it(matcher):
    text = "Waaka took 9,846 votes in the annulled ballot to Kerehoma\u2019s 9,112."
    assert figures(matcher, text) == []


def test_the_same_numbers_given_for_this_election_are_wrong(matcher):
    text = "In the re-run Waaka took 9,846 votes to Kerehoma\u2019s 9,112."
    assert figures(matcher, text) == [text, text]  # each number


def test_an_article_from_the_year_of_an_earlier_contest_before_nominations_is_about_it(
    matcher,
):
    text = "Hemi Waaka won with 9,846 votes, ahead of Miriama Kerehoma on 9,112."
    assert figures(matcher, text, published="2024-10-23") == []


def test_the_same_article_after_this_election_is_about_this_one(matcher):
    text = "Hemi Waaka won with 9,846 votes, ahead of Miriama Kerehoma on 9,112."
    assert figures(matcher, text, published="2025-07-02") == [text, text]


def test_last_month_named_is_that_months_latest_contest(matcher):
    text = "Waaka and Kerehoma were separated by 734 votes last October."
    assert figures(matcher, text, published="2025-03-20") == []
    assert figures(matcher, "Waaka and Kerehoma were separated by 734 votes.") != []


def test_an_alias_may_end_in_any_word_for_a_contest(matcher):
    text = "Waaka took 9,846 votes in the annulled race to Kerehoma\u2019s 9,112."
    assert figures(matcher, text) == []


def test_a_claim_about_a_related_contest_is_judged_in_that_contest(matcher):
    text = "The Authority found that Waaka rigged the first ballot."
    found = [f.rule_id for f in kinds(matcher, "unchallenged_claim", text)]
    assert found == ["claim.the-authority-found-that-hemi-waaka"]


def test_a_re_run_is_a_contest_word_for_two_way_wording(matcher):
    text = "This year\u2019s two-horse re-run between Miriama Kerehoma and Hemi Waaka is over."
    assert [f.kind for f in kinds(matcher, "framing", text)] == ["framing"]


def test_a_two_way_contest_others_expected_and_the_text_corrects_is_no_framing(matcher):
    paragraphs = [
        "When the re-run was ordered, many expected a straight rematch between Hemi Waaka and "
        "Miriama Kerehoma. It has not turned out that way.",
        "Three names will be on the ballot paper: Kerehoma, Waaka and Tavita Fuimaono.",
    ]
    assert kinds(matcher, "framing", *paragraphs, published="2025-05-28") == []


def test_a_winning_margin_is_of_the_contest_its_winner_won(matcher):
    # Kerehoma lost last year's annulled ballot: a margin she won by is this contest's
    text = "Kerehoma\u2019s winning margin of 1,646 votes makes up for the farce of last year."
    assert figures(matcher, text) == [text]
    right = "Kerehoma\u2019s winning margin of 1,466 votes makes up for the farce of last year."
    assert figures(matcher, right) == []


@pytest.fixture(scope="module")
def riding() -> Matcher:
    return Matcher(load_facts(FACTS.parents[1] / "riding" / "facts.toml"))


def test_a_one_word_place_alias_names_its_contest(riding):
    text = "In Port-Verreau-Est, Heritage won a genuine two-horse race."
    assert kinds(riding, "framing", "Annick Thériault won.", text, published="2025-09-30") == []


def test_an_answer_pointing_back_is_about_the_contest_asked_about(riding):
    paragraphs = (
        "Annick Thériault won.",
        "Q: What about the Port-Verreau-Est by-election?",
        "A: That was a straight fight, and Heritage won it.",
    )
    assert kinds(riding, "framing", *paragraphs, published="2025-09-30") == []
