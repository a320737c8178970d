"""Contest scoping: statements about another contest's contenders are not judged here."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.contenders import foreign_contenders
from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

FACTS = Path(__file__).resolve().parents[1] / "facts" / "unite-2017.toml"


@pytest.fixture(scope="module")
def facts():
    return load_facts(FACTS)


@pytest.fixture(scope="module")
def matcher(facts) -> Matcher:
    return Matcher(facts)


def check(matcher: Matcher, *paragraphs: str, title: str = "Union news"):
    text, paras = join_paragraphs([title, *paragraphs])
    a = Article(url="t", canonical_url="t", title=title, text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    return matcher.check(a)


def test_non_candidates_in_a_winners_role_are_found(facts):
    rx, count = foreign_contenders(
        "Priya Patel has been elected leader. Tom Hale took 9,120 votes.", facts
    )
    assert rx is not None and count == 2
    assert rx.search("Patel") and rx.search("Hale")


def test_candidates_of_this_election_are_not_foreign(facts):
    rx, count = foreign_contenders("Gerard Coyne took 53,544 votes, behind Len McCluskey.", facts)
    assert rx is None and count == 0


def test_pair_going_head_to_head_is_found(facts):
    rx, _ = foreign_contenders("Smith and Brown will go head-to-head in the final.", facts)
    assert rx is not None and rx.search("Smith") and rx.search("Brown")


def test_another_contests_turnout_is_not_judged(matcher):
    found = check(
        matcher,
        "Gerard Coyne stood again, but Rachel Moss has been elected general secretary of Unite.",
        "Turnout was 9.8 per cent.",
        title="Rachel Moss wins Unite vote",
    )
    assert not [f for f in found if f.kind == "figure"]


def test_number_beside_another_contests_contender_is_not_judged(matcher):
    found = check(
        matcher,
        "Len McCluskey won the Unite general secretary election, beating Gerard Coyne and Ian "
        "Allinson.",
        "Years later, Dan Ward, a regional officer, took 38,400 votes, and Gerard Coyne 30,100.",
    )
    assert not [f for f in found if f.kind == "figure" and "38,400" in f.details["phrase"]]


def test_two_person_wording_about_another_race_is_not_framing(matcher):
    found = check(
        matcher,
        "Anna Price and Joe Reid will go head-to-head for the party leadership.",
        "Both candidates begin a tour of the regions next week.",
        "Unite's Len McCluskey said he would not endorse either.",
        title="Price and Reid go head-to-head",
    )
    assert not [f for f in found if f.kind == "framing"]


def test_only_rival_named_in_another_race_sets_its_scope(matcher):
    found = check(
        matcher,
        "Clare Dunn will lead the party after Mark Rowe, her only rival, pulled out.",
        "The two-horse race had been due to end in the autumn.",
        "Unite's general secretary Len McCluskey welcomed the news.",
        title="Rival quits party race",
    )
    assert not [f for f in found if f.kind == "framing"]


def test_several_contenders_of_a_yearless_article_set_its_contest(matcher):
    found = check(
        matcher,
        "Len McCluskey has been elected general secretary of the new union.",
        "Paul Grant was second with 61,000, ahead of Kate Lyle with 40,000.",
        "Turnout was 18 per cent.",
    )
    assert not [f for f in found if f.kind == "figure"]


def test_a_figure_compared_with_this_years_is_of_another_time(matcher):
    found = check(
        matcher,
        "Gerard Coyne has stood for Unite general secretary again.",
        "He took 40,010 votes, up on the 53,544 he won in 2017.",
    )
    assert not [f for f in found if f.kind == "figure"]


def test_this_elections_wrong_figure_is_still_judged_beside_the_scoping(matcher):
    found = check(
        matcher,
        "Len McCluskey won the Unite general secretary election, beating Gerard Coyne and Ian "
        "Allinson.",
        "Coyne took 48,000 votes.",
    )
    assert [f for f in found if f.kind == "figure"]
