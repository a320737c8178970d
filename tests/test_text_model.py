"""The text model: sentences, quotations, speakers, people and the contest each clause is about."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import read
from factwatch.claims.scope import context, scope_at
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment
from factwatch.core.settings import BUNDLED_FACTS


@pytest.fixture(scope="module")
def facts():
    return load_facts(BUNDLED_FACTS)


def doc(facts, *paragraphs: str, published: str | None = None):
    text, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras, published=published)
    a.sentences = segment(paras, text)
    return read(a, facts)


def people(d, i: int = 0) -> list[tuple[str, str | None]]:
    s = d.sentences[i]
    return [(d.text[m.start : m.end], m.person) for m in s.mentions if m.kind == "person"]


def test_sentence_offsets_index_the_article_text(facts):
    d = doc(facts, "Len McCluskey won. Gerard Coyne came second.", "Ian Allinson was third.")
    assert [d.text[s.start : s.end] for s in d.sentences] == [
        "Len McCluskey won.",
        "Gerard Coyne came second.",
        "Ian Allinson was third.",
    ]


def test_normalised_text_has_the_same_length(facts):
    d = doc(facts, "Coyne\u2019s \u201cdefeat\u201d \u2013 a blow.")
    assert len(d.norm) == len(d.text) and 'coyne\'s "defeat" - a blow.' == d.norm


def test_quote_after_its_speaker_names_the_person(facts):
    d = doc(facts, 'Coyne said: "The contest was unfair."')
    (q,) = d.quotes
    assert q.speaker == "Coyne" and q.person == "gerard-coyne"


def test_quote_before_its_speaker_names_the_person(facts):
    d = doc(facts, '"The contest was unfair," said Gerard Coyne.')
    assert d.quotes[0].person == "gerard-coyne"


def test_reported_speech_is_the_speakers_voice(facts):
    d = doc(facts, "Ian Allinson said the ballot had been fair.")
    s = d.sentences[0]
    assert d.voice_at(s, s.end - 6, s.end - 1) == ("quote", "Ian Allinson")


def test_names_misspellings_and_descriptors_are_the_candidates(facts):
    d = doc(facts, "Mcluskey beat the West Midlands regional secretary and Ian Allison.")
    assert [p for _, p in people(d)] == ["len-mccluskey", "gerard-coyne", "ian-allinson"]


def test_a_surname_with_an_accent_alone_names_the_candidate():
    ranked = load_facts(
        Path(__file__).resolve().parents[1] / "tests/fixtures/elections/partyleader/facts.toml"
    )
    d = doc(ranked, "Lafreni\u00e8re picked up more votes than anyone.")
    assert people(d) == [("Lafreni\u00e8re", "corinne-lafreniere")]


def test_a_surname_that_is_a_common_word_needs_its_capital(facts):
    d = doc(facts, "The union will turn a corner, said Ms Graham.")
    assert ("Graham", "sharon-graham") in people(d)
    assert doc(facts, "They graham-crackered the room.").sentences[0].mentions == []


def test_structural_roles_name_the_candidates(facts):
    d = doc(facts, "The runner-up and the third-placed candidate both spoke; the winner did not.")
    assert [p for _, p in people(d)] == ["gerard-coyne", "ian-allinson", "len-mccluskey"]


def test_a_pronoun_opening_a_sentence_means_the_last_subject(facts):
    d = doc(facts, "Gerard Coyne lost to Len McCluskey.", "He said he would appeal.")
    pron = [m for m in d.sentences[1].mentions if m.kind == "pronoun"]
    assert pron[0].person == "gerard-coyne"


def test_a_pronoun_means_somebody_named_in_its_sentence_before_an_older_subject(facts):
    d = doc(
        facts,
        "Gerard Coyne spoke first.",
        "The 2013 contest featured Jerry Hicks; he polled 79,819.",
    )
    pron = [m for m in d.sentences[1].mentions if m.kind == "pronoun"]
    assert pron[0].person == "jerry-hicks"


def test_an_object_pronoun_is_not_its_own_clauses_subject(facts):
    d = doc(facts, "Gerard Coyne ran him close, but in the end Len McCluskey beat him.")
    pron = [m for m in d.sentences[0].mentions if m.kind == "pronoun"]
    assert pron[-1].person == "gerard-coyne"


def test_a_possessive_her_may_be_its_clauses_subject():
    tworound = load_facts(
        Path(__file__).parent / "fixtures" / "elections" / "tworound" / "facts.toml"
    )
    d = doc(tworound, "Marcus Delahaye led, but Niamh Oduwole doubled her vote.")
    pron = [m for m in d.sentences[0].mentions if m.kind == "pronoun"]
    assert pron[-1].person == "niamh-oduwole"


def test_somebody_the_facts_do_not_know_is_an_other_person(facts):
    d = doc(facts, "Jane Roe topped the nominations with 410.")
    assert [d.text[m.start : m.end] for m in d.sentences[0].mentions if m.kind == "other"] == [
        "Jane Roe"
    ]


@pytest.mark.parametrize(
    ("text", "contest"),
    [
        ("In 2013 McCluskey beat Jerry Hicks.", "unite-general-secretary-election-2013"),
        ("Jerry Hicks polled 79,819.", "unite-general-secretary-election-2013"),
        ("The last time he stood, McCluskey won easily.", "unite-general-secretary-election-2013"),
        (
            "Sharon Graham has been elected general secretary.",
            "unite-general-secretary-election-2021",
        ),
        ("Ian Allinson polled 17,143 votes.", "this"),
        ("The GMB general secretary election was won by Tim Roache.", "other"),
        ("In the Labour leadership contest, Corbyn won 61.8 per cent.", "other"),
    ],
)
def test_each_clause_is_placed_in_its_contest(facts, text, contest):
    d = doc(facts, text)
    s = d.sentences[0]
    assert scope_at(d, s, s.end - 2).contest == contest


def test_a_comparison_inside_a_sentence_keeps_each_side_in_its_contest(facts):
    d = doc(facts, "Turnout was 12.2 per cent, down from 15.2 per cent four years ago.")
    s = d.sentences[0]
    assert scope_at(d, s, d.text.index("12.2")).contest == "this"
    assert scope_at(d, s, d.text.index("15.2")).contest == "unite-general-secretary-election-2013"


def test_an_article_years_later_defaults_to_the_later_contest(facts):
    d = doc(facts, "Gerard Coyne is standing again.", published="2021-08-01")
    assert context(d).default == "unite-general-secretary-election-2021"


def test_a_later_article_recalling_this_contest_by_time_words(facts):
    d = doc(
        facts,
        "Coyne, who lost to McCluskey four years ago, is standing again.",
        published="2021-07-01",
    )
    s = d.sentences[0]
    assert scope_at(d, s, d.text.index("four")).contest == "this"


def test_predictions_and_polls_are_marked(facts):
    d = doc(facts, "McCluskey is expected to win 50 per cent.", "A poll puts Coyne on 40 per cent.")
    a, b = d.sentences
    assert scope_at(d, a, d.text.index("50")).prospective
    assert scope_at(d, b, d.text.index("40")).poll


def test_whether_a_number_looks_ahead_does_not_depend_on_what_was_asked_first(facts):
    d = doc(facts, "McCluskey is expected to win 50 per cent of the vote.")
    (s,) = d.sentences
    assert not scope_at(d, s, s.start).prospective  # the clause's start, before "expected"
    assert scope_at(d, s, d.text.index("50")).prospective


def test_a_lead_speaking_of_this_vote_keeps_the_article_on_this_contest(facts):
    d = doc(
        facts,
        "The union owes its members the truth about this vote.",
        "I have carried a Unite card for 27 years.",
        "I knocked on doors for Jerry Hicks in 2013 and in every contest since.",
    )
    assert context(d).default == "this"


def test_a_place_the_facts_claims_name_is_not_another_organisation():
    mayoral = load_facts(
        Path(__file__).resolve().parents[1] / "tests/fixtures/elections/mayoral/facts.toml"
    )
    d = doc(mayoral, "Members ask about reports that Eastgate ballot boxes were double-counted.")
    (s,) = d.sentences
    assert scope_at(d, s, s.start).contest == "this"


def test_a_survey_that_has_a_candidate_on_a_share_is_a_poll(facts):
    d = doc(facts, "This morning the members' panel has Coyne on 41 and McCluskey on 45.")
    (s,) = d.sentences
    assert scope_at(d, s, d.text.index("41")).poll


def test_a_lead_about_another_organisations_contest_sets_the_article_default(facts):
    d = doc(
        facts,
        "Tory race narrows",
        "Two ministers remain in the Conservative leadership contest after the final vote of MPs.",
        "The beaten candidate has yet to endorse either of them.",
    )
    assert context(d).default == "other"


def test_a_weekday_far_from_the_contests_dates_is_not_this_contest(facts):
    d = doc(facts, "On Monday the union's executive met in London.", published="2017-11-20")
    s = d.sentences[0]
    assert scope_at(d, s, s.start).why != "'on monday'"


def test_a_weekday_days_after_the_declaration_is_this_contest(facts):
    d = doc(facts, "On Monday the union's executive met in London.", published="2017-05-02")
    s = d.sentences[0]
    assert scope_at(d, s, s.start).why == "'on monday'"


def test_a_lead_naming_a_later_contests_rivals_sets_the_default(facts):
    d = doc(
        facts,
        "Coyne falls short again",
        "Gerard Coyne has lost again, trailing in behind Sharon Graham and Steve Turner.",
        "He took 35,334 votes, well down on his 2017 tally, when Ian Allinson came third.",
    )
    assert context(d).default == "unite-general-secretary-election-2021"


def test_subordinate_clauses_do_not_decide_the_articles_contest(facts):
    d = doc(
        facts,
        "Graham wins",
        "Sharon Graham won, beating Steve Turner, with Gerard Coyne, runner-up in 2017, third.",
    )
    assert context(d).default == "unite-general-secretary-election-2021"


def test_a_year_given_for_comparison_does_not_decide_the_articles_contest(facts):
    d = doc(
        facts,
        "A turnout story",
        "Turnout in the Unite election was 12.2 per cent.",
        "That is lower than in 2013, when 15.2 per cent voted.",
    )
    assert context(d).default == "this"


def test_a_year_two_contests_share_goes_to_the_one_whose_contenders_are_named():
    convention = load_facts(
        Path(__file__).parent / "fixtures" / "elections" / "convention" / "facts.toml"
    )
    d = doc(
        convention,
        "Theresa Reyes is seeking a second term.",
        "Patricia Gorman, who beat Marcus Bell in a two-person race in 2023, may run again.",
    )
    s = d.sentences[1]
    cs, _ = d.clause_of(s, d.norm.index("who beat"))
    assert scope_at(d, s, cs).contest == "uflw-general-secretary-treasurer-election-2023"


@pytest.mark.parametrize(
    "sentence",
    [
        "For deputy he won 31,204 votes.",
        "Rees-Morgan, who also stood for deputy leader, came second in that contest.",
    ],
)
def test_a_count_for_another_office_or_in_that_contest_is_that_contests(sentence):
    twin = load_facts(Path(__file__).parent / "fixtures" / "elections" / "twin" / "facts.toml")
    d = doc(twin, "Helen Marchbank won the Civic Democrat leadership.", sentence)
    s = d.sentences[1]
    cs, _ = s.clauses[-1]
    assert scope_at(d, s, cs).contest == "civic-democrats-deputy-leadership-election-2023"


@pytest.mark.parametrize(
    "sentence",
    [
        "On Tuesday she won the presidency of her branch, by 300 votes.",
        "Coyne took 56 per cent in Tuesday's two-candidate race.",
    ],
)
def test_a_weekday_long_after_this_contest_is_another_contests(facts, sentence):
    d = doc(facts, "Len McCluskey won the Unite election.", sentence, published="2019-06-03")
    s = d.sentences[1]
    assert scope_at(d, s, s.start).contest == "other"


def test_a_weekday_near_this_contest_is_this_contest(facts):
    d = doc(facts, "Coyne took 42 per cent in Friday's count.", published="2017-04-22")
    assert scope_at(d, d.sentences[0], d.sentences[0].start).contest == "this"


def test_a_pronoun_for_somebody_who_stood_elsewhere_places_its_clause_there(facts):
    d = doc(
        facts, "Len McCluskey won in 2017.", "Jerry Hicks lost in 2013; he polled 79,819 votes."
    )
    s = d.sentences[1]
    cs, _ = s.clauses[-1]
    assert scope_at(d, s, cs).contest == "unite-general-secretary-election-2013"


def test_another_kind_of_election_the_facts_record_is_that_contest():
    tworound = load_facts(
        Path(__file__).parent / "fixtures" / "elections" / "tworound" / "facts.toml"
    )
    d = doc(
        tworound,
        "Marcus Delahaye resigned as deputy president in January.",
        "The by-election that followed was a head-to-head between Ms Santhanam and a "
        "councillor. She won it with 53.9 per cent.",
    )
    s = d.sentences[-1]
    assert scope_at(d, s, s.start).contest == "forward-democrats-deputy-president-by-election-2026"


def test_another_kind_of_election_the_facts_do_not_record_is_another_contest(facts):
    d = doc(facts, "Len McCluskey won the Unite election.", "The by-election was close.")
    s = d.sentences[1]
    assert scope_at(d, s, s.start).contest == "other"


def test_a_sentence_pointing_back_is_about_the_contest_last_spoken_of():
    tworound = load_facts(
        Path(__file__).parent / "fixtures" / "elections" / "tworound" / "facts.toml"
    )
    d = doc(
        tworound,
        "Niamh Oduwole gained a deputy: Priya Santhanam, who won the by-election for the post "
        "over Owen Trask.",
        "That was a genuine head-to-head. Turnout was 42.8 per cent.",
    )
    by_election = "forward-democrats-deputy-president-by-election-2026"
    assert [scope_at(d, s, s.start).contest for s in d.sentences[-2:]] == [by_election] * 2


def test_a_relative_clause_on_somebody_who_stood_elsewhere_is_about_that_contest(facts):
    d = doc(facts, "Len McCluskey thanked Jerry Hicks, who lost by 65,000 votes.")
    s = d.sentences[0]
    cs, _ = s.clauses[-1]
    assert scope_at(d, s, cs).contest == "unite-general-secretary-election-2013"


def test_a_relative_clause_on_a_candidate_here_stays_with_this_contest(facts):
    d = doc(facts, "Len McCluskey thanked Gerard Coyne, who lost by 5,523 votes.")
    s = d.sentences[0]
    cs, _ = s.clauses[-1]
    assert scope_at(d, s, cs).contest == "this"


def test_a_capitalised_name_before_an_organisation_word_is_no_person(facts):
    d = doc(facts, "Ian Allinson was backed by the Grassroots Socialists\u2019 Network.")
    assert [m.kind for m in d.sentences[0].mentions if m.kind in ("person", "other")] == ["person"]


def test_this_month_in_a_lead_that_opens_on_an_earlier_contest_is_this_contest(facts):
    d = doc(
        facts,
        "When Unite last elected a general secretary, in 2013, 15.2 per cent of members "
        "returned a ballot paper. This month the figure was 12.2 per cent.",
        published="2017-05-02",
    )
    s = d.sentences[1]
    assert scope_at(d, s, s.start).contest == "this"


def test_two_known_names_joined_by_a_dash_are_both_named(facts):
    d = doc(facts, "The McCluskey\u2013Coyne duel ended in the small hours.")
    assert people(d) == [("McCluskey", "len-mccluskey"), ("Coyne", "gerard-coyne")]


def test_a_descriptor_set_close_before_another_name_describes_that_person(facts):
    d = doc(facts, "Les Bayliss was second, ahead of the rank-and-file candidate Jerry Hicks.")
    assert [p for _, p in people(d)] == ["les-bayliss", "jerry-hicks"]


def test_an_article_naming_only_an_earlier_contests_field_defaults_to_it(facts):
    d = doc(
        facts,
        "Len McCluskey has been elected general secretary with 101,000 votes.",
        "Les Bayliss came second and Jerry Hicks third.",
        "Turnout was 16 per cent.",
    )
    assert context(d).default == "unite-general-secretary-election-2010"
    s = d.sentences[-1]
    assert scope_at(d, s, s.start).contest == "unite-general-secretary-election-2010"


@pytest.mark.parametrize("named", ["Gerard Coyne", "the runner-up"])
def test_an_article_naming_somebody_who_stood_only_here_keeps_this_contest(facts, named):
    d = doc(
        facts,
        "Len McCluskey has been re-elected general secretary.",
        f"Les Bayliss and Jerry Hicks, his old rivals, congratulated him; {named} did not.",
    )
    assert context(d).default == "this"


def test_a_clause_after_an_opening_marker_is_the_main_clause_not_an_apposition():
    tworound = load_facts(
        Path(__file__).parent / "fixtures" / "elections" / "tworound" / "facts.toml"
    )
    d = doc(
        tworound,
        "In 2021 Penrose beat Delahaye. Third, a deputy by-election in March is a "
        "different animal: fewer than 27,000 members voted.",
    )
    s = d.sentences[1]
    cs, _ = s.clauses[-1]
    assert scope_at(d, s, cs).why.startswith("'by-election'")


def test_a_title_case_headline_names_nobody_by_its_capitals(facts):
    title = "Grumbling Over Void Ballots Hasn't Gone Away"
    text, paras = join_paragraphs([title, "Len McCluskey won."])
    a = Article(url="t", canonical_url="t", title=title, text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    d = read(a, facts)
    assert d.sentences[0].headline
    assert [m for m in d.sentences[0].mentions if m.kind == "other"] == []


def test_a_clause_after_a_colon_is_a_clause_not_an_apposition():
    tworound = load_facts(
        Path(__file__).parent / "fixtures" / "elections" / "tworound" / "facts.toml"
    )
    d = doc(
        tworound,
        "Elsewhere in the party: the deputy by-election went to Owen Trask, on a turnout "
        "of 42.8 per cent.",
    )
    s = d.sentences[0]
    cs, _ = s.clauses[-1]
    assert scope_at(d, s, cs).contest != "this"


def test_my_ballot_is_no_other_organisations_contest(facts):
    d = doc(facts, "Len McCluskey won. My ballot reached me a week late.")
    s = d.sentences[1]
    assert scope_at(d, s, s.start).contest == "this"
