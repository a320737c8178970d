"""The facts file: format, validation with clear errors, version, topic terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.core.errors import FactsError

FACTS = Path(__file__).resolve().parents[1] / "facts" / "unite-2017.toml"
SECOND = Path(__file__).resolve().parent / "fixtures" / "facts" / "harbour-2021.toml"


@pytest.fixture(scope="module")
def facts():
    return load_facts(FACTS)


def test_bundled_file_has_the_three_candidates(facts):
    assert [c.name for c in facts.candidates] == ["Len McCluskey", "Gerard Coyne", "Ian Allinson"]


def test_bundled_figures_match_the_declared_result(facts):
    values = {f.id: f.value for f in facts.figures}
    assert values["votes.mccluskey"] == 59067 and values["votes.coyne"] == 53544
    assert values["votes.allinson"] == 17143 and values["turnout"] == 12.2
    assert values["margin.votes"] == 59067 - 53544
    assert values["total.votes"] == 59067 + 53544 + 17143 + 317


def test_every_fact_and_figure_names_a_known_source(facts):
    for item in [*facts.facts.values(), *(f.fact for f in facts.figures)]:
        assert item.source in facts.sources
        assert facts.source_text(item.source)


def test_fact_lookup_gives_statement_and_source(facts):
    fact = facts.fact("guidelines.none")
    assert fact.id == "guidelines.none" and "no such rule" in fact.statement
    assert facts.fact("turnout").statement.startswith("Turnout was 12.2%")


def test_topic_terms_include_names_variants_aliases_and_office(facts):
    terms = facts.topic_terms()
    for term in (
        "Len McCluskey",
        "Mcluskey",
        "Allison",
        "Unite leadership election",
        "General Secretary of Unite",
    ):
        assert term in terms


def test_version_is_stable_for_the_same_file(facts):
    assert load_facts(FACTS).version == facts.version


def test_version_changes_when_the_file_changes(tmp_path, facts):
    changed = tmp_path / "facts.toml"
    changed.write_text(FACTS.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert load_facts(changed).version != facts.version


def test_several_files_extend_each_other(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[facts]]\nid = "extra.fact"\nstatement = "An extra fact."\nsource = "result"\n',
        encoding="utf-8",
    )
    merged = load_facts([FACTS, extra])
    assert merged.fact("extra.fact").statement == "An extra fact."


def broken(tmp_path: Path, old: str, new: str) -> Path:
    text = FACTS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bad.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "key", "problem"),
    [
        ('unit = "count"', 'unit = "votes"', "figures[0].unit", "expected one of"),
        ("value = 59067", 'value = "lots"', "figures[0].value", "expected float"),
        (
            'source = "result"\n\n[[figures]]',
            'source = "nowhere"\n\n[[figures]]',
            ".source",
            "not a key of [sources]",
        ),
        (
            '\nfact = "candidates.three"',
            '\nfact = "no.such.fact"',
            "framings[0].fact",
            "not the id of",
        ),
        (
            "{LOSS_ADJ}) (?:(?:right",
            "{NO_SUCH}) (?:(?:right",
            "framings[0].patterns[0]",
            "unknown name {NO_SUCH}",
        ),
        (
            "'\\bthe (?:(?:election",
            "'\\bthe ((?:(?:election",
            "framings[0].patterns[1]",
            "not a valid pattern",
        ),
        ('severity = "high"', 'severity = "dire"', "framings[0].severity", "expected one of"),
        ('subject = "mccluskey"', 'subject = "smith"', "figures[0].subject", "not a candidate id"),
        ('name = "Gerard Coyne"\n', "", "candidates[1].name", "missing"),
        (
            "nouns = ['votes?', 'ballots?', 'papers', 'points?']",
            "nouns = ['votes?(']",
            "measures[0].nouns",
            "not a valid pattern",
        ),
    ],
)
def test_malformed_file_names_file_key_and_problem(tmp_path, old, new, key, problem):
    path = broken(tmp_path, old, new)
    with pytest.raises(FactsError) as err:
        load_facts(path)
    message = str(err.value)
    assert str(path) in message and key in message and problem in message


def test_not_toml_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[election\nname = 1", encoding="utf-8")
    with pytest.raises(FactsError, match="bad.toml: not valid TOML"):
        load_facts(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(FactsError, match="facts file not found"):
        load_facts(tmp_path / "nope.toml")


def test_unknown_top_level_key_is_rejected(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(FACTS.read_text(encoding="utf-8") + "\n[extras]\nx = 1\n", encoding="utf-8")
    with pytest.raises(FactsError, match="extras: unknown key"):
        load_facts(path)


def test_a_second_election_file_loads(tmp_path):
    facts = load_facts(SECOND)
    assert facts.election.id == "harbour-chair-2021" and len(facts.candidates) == 4


def test_measures_know_what_their_counts_count(facts):
    votes = next(m for m in facts.measures if m.id == "votes")
    assert votes.counts("votes") and votes.counts(None)
    assert not votes.counts("members") and not votes.counts("branches")
    assert votes.counts("members", "was backed by ")
