"""Misprinted figures: a precise count one slip (two neighbouring digits swapped, or one
digit other than the last changed) from a recorded count, where the words do not say
what it counts plainly enough for the measure reader, is still flagged; round numbers,
numbers one unit off in the last digit and numbers anything records are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.claims.rules.misprints import slips
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

FACTS = Path(__file__).resolve().parents[1] / "facts" / "unite-2017.toml"
LEAD = "Len McCluskey won the Unite election, beating Gerard Coyne and Ian Allinson."


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_facts(FACTS))


def figures(matcher: Matcher, text: str) -> list[str]:
    body, paras = join_paragraphs([LEAD, text])
    a = Article(url="t", canonical_url="t", text=body, paragraphs=paras, published="2017-05-01")
    a.sentences = segment(paras, body)
    return [f.explanation for f in matcher.check(a) if f.kind == "figure"]


def test_two_digits_swapped_in_a_count_the_words_do_not_name(matcher):
    found = figures(matcher, "Coyne's camp said the 53,454 who backed him would not go away.")
    assert len(found) == 1
    assert "two digits swapped" in found[0] and "53,544" in found[0]


def test_a_total_with_two_digits_swapped(matcher):
    found = figures(matcher, "The count was clean: 130,701 papers, every one accounted for.")
    assert len(found) == 1 and "130,071" in found[0]


def test_the_recorded_number_itself_is_no_misprint(matcher):
    assert figures(matcher, "Coyne's camp said the 53,544 who backed him would not go away.") == []


def test_a_round_number_is_no_misprint(matcher):
    assert figures(matcher, "Coyne's camp said the 53,500 who backed him would not go away.") == []


def test_a_last_digit_off_is_a_number_of_its_own():
    assert "53,545".replace(",", "") not in slips("53544")
    assert "53454" in slips("53544")
    assert "63544" in slips("53544")


def test_a_number_nobody_would_mistake_is_left_alone(matcher):
    # one slip from Coyne's votes, but the sentence speaks of neither him nor votes
    assert figures(matcher, "The union's 53,454 retired members were not balloted.") == []
