"""A candidate who declared but was never nominated (`outcome = "not_nominated"`): not in
the field, never omitted, and "fell short" of the nominations is no framing."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.cli import cli
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment

FOUR_DECLARED = """
format = 2

[election]
name = "Harbour Workers presidential election 2024"
organisation = "Harbour Workers"
office = "President"
source = "decl"

[election.dates]
nominations_close = 2024-02-01
declared = 2024-03-02

[sources]
decl = "Returning officer's declaration, 2 March 2024"

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

[[candidates]]
name = "Dev Patel"
outcome = "not_nominated"
"""


@pytest.fixture(scope="module")
def facts(tmp_path_factory):
    path = tmp_path_factory.mktemp("facts") / "four.toml"
    path.write_text(FOUR_DECLARED, encoding="utf-8")
    return load_facts(path)


def findings(facts, *paragraphs: str) -> list[tuple[str, str]]:
    text, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras, published="2024-03-05")
    a.sentences = segment(paras, text)
    return [(f.kind, f.quote) for f in Matcher(facts).check(a)]


def test_a_candidate_never_nominated_is_not_in_the_field(facts):
    assert len(facts.this.on_ballot) == 3 and len(facts.this.losers) == 2


def test_a_result_that_leaves_out_the_candidate_never_nominated_omits_nobody(facts):
    assert (
        findings(
            facts,
            "Ada Quill won the Harbour Workers presidency, beating Bram Oakes "
            "and Cora Lind in a three-way race.",
        )
        == []
    )


def test_falling_short_of_the_nominations_is_no_framing(facts):
    assert (
        findings(
            facts,
            "Ada Quill won the Harbour Workers presidency, beating Bram Oakes and Cora Lind.",
            "Dev Patel fell short of the nominations he needed and never made the ballot.",
        )
        == []
    )


def test_a_two_way_label_is_still_framing_with_three_on_the_ballot(facts):
    found = findings(
        facts, "Ada Quill beat Bram Oakes in a two-horse race for the Harbour Workers presidency."
    )
    assert (
        "framing",
        "Ada Quill beat Bram Oakes in a two-horse race for the Harbour Workers presidency.",
    ) in found


def test_facts_check_counts_the_candidate_never_nominated_apart(tmp_path):
    path = tmp_path / "four.toml"
    path.write_text(FOUR_DECLARED, encoding="utf-8")
    result = CliRunner().invoke(cli, ["facts", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert "Field on the ballot: 3 (1 won, 2 lost); 1 not nominated" in result.output
    assert "Dev Patel: not nominated (never on the ballot)" in result.output
