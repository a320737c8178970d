"""The text model: sentences with offsets, quotations and speakers, voice, scope."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.text import Document
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs

FACTS = Path(__file__).resolve().parents[1] / "facts" / "unite-2017.toml"


@pytest.fixture(scope="module")
def facts():
    return load_facts(FACTS)


def doc(facts, *paragraphs: str, title: str = "") -> Document:
    text, paras = join_paragraphs(list(paragraphs))
    return Document(
        Article(url="t", canonical_url="t", title=title, text=text, paragraphs=paras), facts
    )


def test_sentence_offsets_index_the_article_text(facts):
    d = doc(facts, "Mr McCluskey won. Turnout was 12.2%.", "Coyne said he would appeal.")
    assert [s.text for s in d.sentences] == [
        "Mr McCluskey won.",
        "Turnout was 12.2%.",
        "Coyne said he would appeal.",
    ]
    assert all(d.text[s.start : s.end] == s.text for s in d.sentences)


def test_quote_after_speaker_is_attributed(facts):
    d = doc(facts, 'Coyne said: "The union let members down."')
    assert [q.speaker for q in d.all_quotes] == ["Gerard Coyne"]


def test_quote_before_speaker_is_attributed(facts):
    d = doc(facts, "\u201cWe won fairly,\u201d a Unite spokesman said.")
    assert d.all_quotes[0].speaker == "a Unite spokesman"


def test_pronoun_speaker_resolves_to_the_candidate_named_before(facts):
    d = doc(facts, 'Ian Allinson was at the count. "It is a three-horse race," he said.')
    assert d.all_quotes[0].speaker == "Ian Allinson"


def test_reported_speech_is_quoted_voice(facts):
    d = doc(facts, "Coyne said union employees had breached guidelines.")
    s = d.sentences[0]
    assert d.voice_at(s, s.start + 20, s.start + 30) == ("quote", "Gerard Coyne")


def test_outlet_voice_when_nobody_is_quoted(facts):
    d = doc(facts, "Union employees breached guidelines.")
    s = d.sentences[0]
    assert d.voice_at(s, s.start, s.end) == ("outlet", None)


def test_misspelt_names_and_descriptors_are_candidate_references(facts):
    d = doc(facts, "Mcluskey beat the West Midlands regional secretary and Ian Allison.")
    assert [r.candidate for r in d.sentences[0].refs] == ["mccluskey", "coyne", "allinson"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Unite general secretary election was held in April.",
        "Unite General Secretary contender Ian Allinson spoke.",
        "Unite leadership challenger Ian Allinson spoke.",
    ],
)
def test_descriptor_used_as_adjective_is_not_a_reference(facts, sentence):
    d = doc(facts, sentence)
    assert [r.candidate for r in d.sentences[0].refs if r.candidate == "mccluskey"] == []


def test_other_year_puts_a_sentence_in_another_election(facts):
    d = doc(facts, "In 2013 McCluskey beat Jerry Hicks. It was a two-horse race.")
    assert [s.scope for s in d.sentences] == ["other", "other"]


def test_scope_returns_to_this_election_with_its_candidates(facts):
    d = doc(facts, "In 2013 McCluskey beat Jerry Hicks. This time Coyne came second.")
    assert [s.scope for s in d.sentences] == ["other", "this"]


def test_article_opening_on_another_contest_stays_there(facts):
    d = doc(
        facts,
        "The GMB has a new regional secretary.",
        "The defeated candidate conceded.",
        title="The GMB has a new regional secretary.",
    )
    assert d.sentences[1].scope == "other"


def test_article_without_candidates_is_not_relevant(facts):
    assert not doc(facts, "The defeated candidate conceded the council seat.").relevant()


def test_headline_is_marked(facts):
    d = doc(facts, "McCluskey wins", "Len McCluskey won.", title="McCluskey wins")
    assert [s.headline for s in d.sentences] == [True, False]


def test_went_on_to_is_not_a_speech_verb(facts):
    d = doc(facts, "Ian Allinson was nominated early. He went on to take 17,143 votes.")
    s = d.sentences[1]
    assert d.voice_at(s, s.start, s.end) == ("outlet", None)


def test_a_weak_marker_does_not_move_a_paragraph_about_another_contest(facts):
    d = doc(facts, "Last year Owen Smith lost to Jeremy Corbyn. Unite had backed Corbyn.")
    assert [s.scope for s in d.sentences] == ["other", "other"]


def test_a_strong_marker_moves_it_back(facts):
    d = doc(facts, "Owen Smith lost to Jeremy Corbyn. The Unite general secretary race followed.")
    assert [s.scope for s in d.sentences] == ["other", "this"]
