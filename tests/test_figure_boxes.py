"""A box of figures: a label before a number ("Turnout: 12.2%") or a caption after one
that opens its line ("5,523 - McCluskey's margin over Coyne") says what it is."""

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


def figures(matcher: Matcher, *lines: str) -> list[str]:
    text, paras = join_paragraphs([CONTEXT, *lines])
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    return [f.explanation for f in matcher.check(a) if f.kind == "figure"]


@pytest.mark.parametrize(
    ("line", "recorded"),
    [
        ("Turnout: 15 per cent.", "12.2%"),
        ("Spoiled ballots: 400.", "317"),
        ("6,100 \u2014 McCluskey's margin over Coyne.", "5,523"),
        ("55,000 \u2014 votes for Gerard Coyne.", "53,544"),
        ("59,067; 51,210; 17,143 \u2014 the votes for McCluskey, Coyne and Allinson.", "53,544"),
    ],
)
def test_a_label_or_caption_says_what_the_number_is(matcher, line, recorded):
    (explanation,) = figures(matcher, line)
    assert recorded in explanation


@pytest.mark.parametrize(
    "line",
    [
        "Age: 46.",
        "3 \u2014 candidates who stood in 2013 and 2017.",
        "500 \u2014 McCluskey's margin over the line.",
        "Turnout: 12.2 per cent.",
        "5,523 \u2014 McCluskey's margin over Coyne.",
    ],
)
def test_a_right_figure_or_one_the_facts_do_not_record_passes(matcher, line):
    assert figures(matcher, line) == []
