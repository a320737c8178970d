"""A count declared and later replaced (`[[earlier_counts]]`): its figures are right
before the replacement or when said of it, and a finding otherwise says which count."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.cli import cli
from factwatch.core.errors import FactsError
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

RECOUNTED = """
format = 2

[election]
name = "Harbour Workers presidential election 2024"
organisation = "Harbour Workers"
office = "President"
source = "recount"

[election.dates]
ballot_close = 2024-03-01
declared = 2024-03-02

[sources]
first = "Returning officer's declaration, 2 March 2024"
recount = "Recount declaration, 20 March 2024"

[[candidates]]
name = "Ada Quill"
outcome = "winner"
votes = 5120

[[candidates]]
name = "Bram Oakes"
outcome = "defeated"
votes = 4980

[[candidates]]
name = "Cora Lind"
outcome = "defeated"
votes = 1200

[[earlier_counts]]
declared = 2024-03-02
replaced = 2024-03-20
label = "the first count"
votes = { "Ada Quill" = 5090, "Bram Oakes" = 4995, "Cora Lind" = 1200 }
source = "first"
"""


@pytest.fixture(scope="module")
def matcher(tmp_path_factory) -> Matcher:
    path = tmp_path_factory.mktemp("facts") / "recount.toml"
    path.write_text(RECOUNTED, encoding="utf-8")
    return Matcher(load_facts(path))


def figures(matcher: Matcher, published: str, *paragraphs: str):
    lead = "Ada Quill won the Harbour Workers presidency ahead of Bram Oakes and Cora Lind."
    text, paras = join_paragraphs([lead, *paragraphs])
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras, published=published)
    a.sentences = segment(paras, text)
    return [f for f in matcher.check(a) if f.kind == "figure"]


def test_the_replaced_counts_figures_are_right_before_the_replacement(matcher):
    assert figures(matcher, "2024-03-05", "Quill had 5,090 votes to 4,995 for Oakes.") == []


def test_the_replaced_counts_margin_is_worked_out_and_right_before_the_replacement(matcher):
    assert figures(matcher, "2024-03-05", "Quill won by 95 votes.") == []


def test_a_replaced_figure_given_as_the_result_later_is_flagged_and_says_so(matcher):
    (f,) = figures(matcher, "2024-04-10", "Quill won with 5,090 votes.")
    assert "5,120" in f.explanation and "the first count" in f.explanation
    assert "replaced on 20 March 2024" in f.explanation


@pytest.mark.parametrize(
    "sentence",
    [
        "The first count had given Quill 5,090 votes.",
        "Quill initially had 5,090 votes.",
        "Before the recount Quill had 5,090 votes.",
        "The first-count margin was 95 votes.",
        "Quill had 5,090 votes on election night.",
        "Quill had 5,090 votes before any of the late postal ballots were opened.",
    ],
)
def test_a_replaced_figure_said_of_that_count_is_right_at_any_date(matcher, sentence):
    assert figures(matcher, "2024-04-10", sentence) == []


def test_a_figure_of_neither_count_is_flagged_against_the_result(matcher):
    (f,) = figures(matcher, "2024-03-05", "Quill won with 5,500 votes.")
    assert "5,120" in f.explanation and "first count" not in f.explanation


def test_a_replacement_before_the_declaration_is_refused(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(RECOUNTED.replace("replaced = 2024-03-20", "replaced = 2024-02-20"))
    with pytest.raises(FactsError, match=r"earlier_counts.*replaced.*before `declared`"):
        load_facts(path)


def test_an_unknown_name_in_the_replaced_count_is_refused(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(RECOUNTED.replace('"Cora Lind" = 1200 }', '"Cora Lynd" = 1200 }'))
    with pytest.raises(FactsError, match=r"earlier_counts"):
        load_facts(path)


def test_facts_check_lists_the_replaced_count(tmp_path):
    path = tmp_path / "recount.toml"
    path.write_text(RECOUNTED, encoding="utf-8")
    result = CliRunner().invoke(cli, ["facts", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert "Replaced: the first count, declared 2 March 2024, replaced 20 March 2024" in (
        result.output
    )
