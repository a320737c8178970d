"""Omission: reporting the contest while leaving the third candidate out."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

FACTS = Path(__file__).resolve().parents[1] / "facts" / "unite-2017.toml"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_facts(FACTS))


def omissions(matcher: Matcher, *paragraphs: str, title: str = ""):
    text, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", title=title, text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    return [f for f in matcher.check(a) if f.kind == "omission"]


OMITTING = [
    (
        "Len McCluskey has been re-elected as general secretary of Unite.",
        "He defeated Gerard Coyne, winning 59,067 votes to 53,544.",
        "Turnout was 12.2 per cent.",
    ),
    ("Mr McCluskey saw off a challenge from Mr Coyne to win a third term.",),
    (
        "Len McCluskey wins Unite election.",
        "The incumbent beat Gerard Coyne by 59,067 votes to 53,544 in a bitter contest.",
    ),
    (
        "In a straight contest between the general secretary and the West Midlands regional "
        "secretary, McCluskey held on by 5,523 votes.",
    ),
    (
        "Gerard Coyne has been sacked by Unite.",
        "Mr Coyne lost the general secretary election to Len McCluskey in April.",
    ),
]


@pytest.mark.parametrize("paragraphs", OMITTING)
def test_result_without_the_third_candidate_is_flagged(matcher, paragraphs):
    (f,) = omissions(matcher, *paragraphs)
    assert f.details["missing"] == ["ian-allinson"]
    assert "Ian Allinson" in f.explanation


MENTIONING = [
    ("Len McCluskey has been re-elected, beating Gerard Coyne and Ian Allinson.",),
    ("Len McCluskey has been re-elected, beating Gerard Coyne.", "Ian Allison came third."),
    ("Len McCluskey has been re-elected, beating Gerard Coyne and a third candidate.",),
    ("Len McCluskey beat his two rivals; Gerard Coyne was runner-up.",),
    ("Len McCluskey spoke at the TUC conference about pay.",),
    ("Len McCluskey beat Gerard Coyne in the Unite election.", "Ian Allinsen came third."),
    ("Gerard Coyne spoke to Unite members in Birmingham about the union's future.",),
]


@pytest.mark.parametrize("paragraphs", MENTIONING)
def test_articles_that_mention_every_candidate_or_no_result_pass(matcher, paragraphs):
    assert omissions(matcher, *paragraphs) == []


def test_a_different_name_is_not_taken_for_a_misspelling(matcher):
    found = omissions(
        matcher,
        "Len McCluskey beat Gerard Coyne in the Unite election.",
        "Alison Smith, a member, voted.",
    )
    assert len(found) == 1


def test_omission_quotes_the_sentence_that_reports_the_result(matcher):
    (f,) = omissions(
        matcher,
        "McCluskey re-elected",
        "Unite members have voted.",
        "Len McCluskey beat Gerard Coyne to win a third term as general secretary.",
        title="McCluskey re-elected",
    )
    assert f.quote == "Len McCluskey beat Gerard Coyne to win a third term as general secretary."


def test_third_candidate_named_only_in_a_sidebar_is_still_an_omission(matcher):
    text, paras = join_paragraphs(["Len McCluskey beat Gerard Coyne in the Unite election."])
    a = Article(
        url="t",
        canonical_url="t",
        text=text,
        paragraphs=paras,
        asides=["Ian Allinson: the candidate nobody mentions"],
    )
    assert [f.kind for f in matcher.check(a)] == ["omission"]


GUARDIAN_STYLE = [
    "Len McCluskey re-elected as Unite general secretary",
    "Len McCluskey has been re-elected as general secretary of Unite, defeating a challenge "
    "from Gerard Coyne, in a result that will come as a relief to Jeremy Corbyn.",
    "McCluskey, a close ally of the Labour leader, won 59,067 votes against Coyne's 53,544 "
    "\u2013 a majority of 5,523. A third candidate, Ian Allinson, won 17,143 votes. "
    "Turnout was 12.2%.",
    "Coyne, who was suspended from his job as the union's West Midlands regional secretary "
    "during the campaign, had framed the contest as a referendum on the Labour leadership.",
    "McCluskey said: \u201cI am honoured to have been re-elected.\u201d",
    "In 2013 McCluskey won 144,570 votes, with a 15.2% turnout, beating Jerry Hicks.",
    "Unite, Britain's biggest union with 1.4 million members, has given Labour more than "
    "\u00a38m since 2015.",
]


def test_accurate_full_report_has_no_findings(matcher):
    text, paras = join_paragraphs(GUARDIAN_STYLE)
    a = Article(url="t", canonical_url="t", title=GUARDIAN_STYLE[0], text=text, paragraphs=paras)
    a.sentences = segment(paras, text)
    assert matcher.check(a) == []


def test_report_of_the_legal_challenge_gets_each_finding_once(matcher):
    paras = [
        "Unite's Gerard Coyne launches legal challenge to election result",
        "The defeated candidate in the Unite leadership election has launched a legal "
        "challenge to the result.",
        "Gerard Coyne lost to Len McCluskey by 5,523 votes.",
        "Mr Coyne said Unite employees \u201crepeatedly breached guidelines that meant they "
        "should have been neutral in the contest to be general secretary\u201d.",
        "Mr McCluskey won 45.4% of the vote, with Mr Coyne on 41.2%. The turnout was 15%.",
    ]
    text, p = join_paragraphs(paras)
    a = Article(url="t", canonical_url="t", title=paras[0], text=text, paragraphs=p)
    a.sentences = segment(p, text)
    kinds = sorted(f.kind for f in matcher.check(a))
    assert kinds == ["figure", "framing", "omission", "unchallenged_claim"]


@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "Len McCluskey and Gerard Coyne are campaigning across the country for Unite's "
            "top job.",
            "Ballot papers go out next month.",
        ),
        ("Gerard Coyne launched his campaign to unseat Len McCluskey in Birmingham today.",),
    ],
)
def test_a_preview_that_reports_no_result_is_no_omission(matcher, paragraphs):
    assert omissions(matcher, *paragraphs) == []


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Coyne wants an inquiry into the election that returned Len McCluskey for a third term.",),
        ("Len McCluskey took 59,067 votes in the Unite contest and Gerard Coyne 53,544.",),
    ],
)
def test_an_article_reporting_the_outcome_in_passing_is_checked(matcher, paragraphs):
    (f,) = omissions(matcher, *paragraphs)
    assert f.details["missing"] == ["ian-allinson"]


def test_a_headline_style_retains_reports_the_outcome(matcher):
    (f,) = omissions(matcher, "Len McCluskey retains Unite's top job after Gerard Coyne challenge.")
    assert f.details["missing"] == ["ian-allinson"]


@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "Len McCluskey is seeking a third term at the head of Unite.",
            "Gerard Coyne hopes to unseat him; the result is due at the end of April.",
        ),
        (
            "Gerard Coyne says he has a real chance of victory over Len McCluskey.",
            "The outcome will be declared by the union's executive.",
        ),
    ],
)
def test_an_outcome_spoken_of_ahead_of_time_reports_no_result(matcher, paragraphs):
    assert omissions(matcher, *paragraphs) == []


def test_winning_as_an_activity_is_no_outcome(matcher):
    found = omissions(
        matcher,
        "Len McCluskey is seeking a third term. He faces Gerard Coyne.",
        "His supporters point to the union's record on winning disputes.",
    )
    assert found == []


@pytest.mark.parametrize(("published", "flagged"), [("2023-07-10", False), ("2023-11-20", True)])
def test_an_article_before_voting_opened_reports_no_result(published, flagged):
    folder = Path(__file__).parent / "fixtures" / "elections" / "convention"
    convention = Matcher(load_facts(folder / "facts.toml"))
    text, paras = join_paragraphs(
        [
            "Members face a choice between Michael Hanlon and Theresa Reyes, who beat him "
            "at the convention."
        ]
    )
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras, published=published)
    a.sentences = segment(paras, text)
    assert bool([f for f in convention.check(a) if f.kind == "omission"]) == flagged


@pytest.mark.parametrize("others", ["two also-rans", "the two others"])
def test_the_others_acknowledged_without_names_is_no_omission(matcher, others):
    text = f"Len McCluskey beat Gerard Coyne by 5,523 votes; {others} trailed far behind."
    assert omissions(matcher, text) == []


def test_a_count_still_going_on_reports_no_outcome(matcher):
    assert (
        omissions(
            matcher,
            "11:42 a.m. - McCluskey is ahead by about 5,000 votes in the batches counted so "
            "far, Coyne's observers say.",
            "1:15 p.m. - Counting resumes at the count centre.",
        )
        == []
    )


def test_what_the_reader_will_know_by_now_is_no_prospect(matcher):
    found = omissions(
        matcher, "Friends, you will all know by now that Coyne was beaten by McCluskey."
    )
    assert len(found) == 1


@pytest.mark.parametrize(
    "text",
    [
        "McCluskey beat Coyne, and the rest of the field trailed far behind.",
        "McCluskey topped a three-name field, beating Coyne.",
        "McCluskey beat Coyne in a field of three.",
    ],
)
def test_the_field_counted_or_taken_together_is_no_omission(matcher, text):
    assert omissions(matcher, text) == []
