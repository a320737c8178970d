"""Figures derived from a facts file: shares on every basis, margins between every pair,
turnout, rounds, related contests, and the source's own precision."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
from factwatch.core.errors import FactsError

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "facts" / "unite-2017.toml"
ELECTIONS = ROOT / "tests" / "fixtures" / "elections"


def figures(path: Path) -> dict:
    return {f.id: f for f in load_facts(path).figures}


@pytest.fixture(scope="module")
def unite() -> dict:
    return figures(BUNDLED)


@pytest.mark.parametrize(
    ("basis", "whole"),
    [("valid", 130071 - 317), ("cast", 130071), ("electorate", 1062049)],
)
def test_shares_are_derived_on_each_basis(unite, basis, whole):
    share = unite[f"share.len-mccluskey.{basis}"]
    assert share.value == pytest.approx(100 * 59067 / whole)
    assert share.derived and share.basis == basis and share.half_unit == 0


def test_recorded_share_keeps_its_basis_and_rounding(unite):
    share = unite["share.gerard-coyne"]
    assert (share.value, share.basis, share.half_unit, share.derived) == (41.2, "cast", 0.05, False)


def test_margins_are_derived_between_every_pair(unite):
    margins = {
        (f.subject, f.other): f.value
        for f in unite.values()
        if f.measure == "margin" and f.unit == "count"
    }
    assert margins == {
        ("len-mccluskey", "gerard-coyne"): 59067 - 53544,
        ("len-mccluskey", "ian-allinson"): 59067 - 17143,
        ("gerard-coyne", "ian-allinson"): 53544 - 17143,
    }


def test_margin_in_points_from_recorded_shares_carries_both_roundings(unite):
    points = unite["points.gerard-coyne.ian-allinson"]
    assert points.value == pytest.approx(41.2 - 13.2) and points.half_unit == pytest.approx(0.1)


def test_valid_votes_are_derived_from_total_and_spoiled(unite):
    assert unite["valid"].value == 130071 - 317


def test_turnout_is_derived_when_the_file_gives_none():
    found = figures(ELECTIONS / "withdrawal" / "facts.toml")
    assert "turnout" not in found
    assert found["turnout.derived"].value == pytest.approx(100 * 41949 / 284316)


def test_a_recorded_turnout_is_kept_beside_the_derived_one(unite):
    assert unite["turnout"].value == 12.2 and unite["turnout"].half_unit == pytest.approx(0.05)
    assert unite["turnout.derived"].value == pytest.approx(100 * 130071 / 1062049)


def test_a_figure_written_as_the_source_gives_it_keeps_that_precision(tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text(
        BUNDLED.read_text(encoding="utf-8").replace("turnout = 12.2", 'turnout = "12%"'),
        encoding="utf-8",
    )
    turnout = figures(path)["turnout"]
    assert (turnout.value, turnout.half_unit, turnout.shown) == (12.0, 0.5, "12%")


def test_a_share_recorded_to_one_decimal_is_shown_to_one_decimal(tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text(
        BUNDLED.read_text(encoding="utf-8").replace("turnout = 12.2", "turnout = 12.0"),
        encoding="utf-8",
    )
    turnout = figures(path)["turnout"]
    assert (turnout.value, turnout.half_unit, turnout.shown) == (12.0, 0.05, "12.0%")


@pytest.fixture(scope="module")
def runoff() -> dict:
    return figures(ELECTIONS / "runoff" / "facts.toml")


def test_each_round_has_its_own_votes(runoff):
    assert runoff["votes.grant-whitfield.r1"].value == 17480
    assert runoff["votes.grant-whitfield.r4"].value == 25960
    assert runoff["votes.grant-whitfield.r4"].round == 4
    assert "votes.colin-sparrow.r2" not in runoff


def test_later_rounds_have_shares_of_the_papers_still_in_the_count(runoff):
    final = runoff["share.leilani-faleolo.continuing.r4"]
    assert final.value == pytest.approx(100 * 19540 / (25960 + 19540))
    assert runoff["share.leilani-faleolo.valid.r4"].value == pytest.approx(100 * 19540 / 48900)


def test_margins_are_derived_in_every_round(runoff):
    assert runoff["margin.deb-lindqvist.leilani-faleolo.r1"].value == 11260 - 10940
    assert runoff["margin.leilani-faleolo.deb-lindqvist.r3"].value == 15420 - 13290


def test_a_related_contests_figures_are_derived_under_its_own_key():
    found = figures(ELECTIONS / "twohorse" / "facts.toml")
    key = "ldwu-general-secretary-election-2016"
    assert found[f"{key}:votes.owen-pritchard"].contest == key
    assert found[f"{key}:margin.owen-pritchard.sandra-kett"].value == 16402 - 12977
    assert found[f"{key}:share.sandra-kett.valid"].value == pytest.approx(
        100 * 12977 / (16402 + 12977 + 6118)
    )
    assert found[f"{key}:turnout"].value == 16.1


def edited(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "facts.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# -- what is worked out is flagged derived ----------------------------------------------------
def test_margins_in_votes_are_flagged_derived(unite):
    margins = [f for f in unite.values() if f.measure == "margin" and f.unit == "count"]
    assert margins and all(f.derived for f in margins)


def test_valid_votes_worked_out_from_total_and_spoiled_are_flagged_derived(unite):
    assert unite["valid"].derived


def test_a_total_worked_out_from_valid_and_spoiled_is_flagged_derived(tmp_path):
    path = edited(tmp_path, BUNDLED, "total = 130071", "valid = 129754")
    total = figures(path)["total"]
    assert (total.value, total.derived) == (130071, True)


def test_a_recorded_total_is_not_derived(unite):
    assert not unite["total"].derived


# -- others, the papers still in the count, sources -------------------------------------------
HARBOUR = ROOT / "tests" / "fixtures" / "facts" / "harbour-2021.toml"


def test_others_count_in_the_valid_votes(tmp_path):
    path = edited(tmp_path, HARBOUR, "[results]\n", "[results]\nothers = 93\n")
    share = figures(path)["share.maria-okafor.valid"]
    assert share.value == pytest.approx(100 * 2410 / (2410 + 1980 + 905 + 412 + 93))


def test_others_are_a_count_of_their_own_belonging_to_no_candidate(tmp_path):
    added = '[results]\nothers = 93\nothers_label = "Write-ins"\n'
    others = figures(edited(tmp_path, HARBOUR, "[results]\n", added))["others"]
    assert (others.value, others.counts, others.subject, others.measure) == (
        93,
        "write-ins",
        None,
        "count",
    )


def test_a_rounds_shares_may_be_of_the_papers_still_in_the_count(tmp_path):
    old = '"Leilani Faleolo" = 19540 }\n'
    new = (
        old + 'shares = { "Grant Whitfield" = 57.1, "Leilani Faleolo" = 42.9 }\n'
        'share_basis = "continuing"\n'
    )
    share = figures(edited(tmp_path, ELECTIONS / "runoff" / "facts.toml", old, new))[
        "share.grant-whitfield.r4"
    ]
    assert (share.value, share.basis, share.derived) == (57.1, "continuing", False)


def test_a_rounds_source_is_cited_by_that_rounds_figures(tmp_path):
    old = '"Leilani Faleolo" = 19540 }\n'
    found = figures(
        edited(tmp_path, ELECTIONS / "runoff" / "facts.toml", old, old + 'source = "note"\n')
    )
    assert found["votes.grant-whitfield.r4"].source == "note"
    assert found["margin.grant-whitfield.leilani-faleolo.r4"].source == "note"
    assert found["votes.grant-whitfield.r1"].source == "decl"


def test_nominations_cite_their_own_source():
    found = figures(ELECTIONS / "twohorse" / "facts.toml")
    assert found["nominations.marcia-delaney"].source == "nominations"


def test_a_withdrawal_is_a_fact_citing_its_own_source():
    fact = load_facts(ELECTIONS / "withdrawal" / "facts.toml").fact("withdrawn.paul-venables")
    assert fact.statement == "Paul Venables withdrew on 18 March 2022, before the ballot."
    assert fact.source == "withdraw"


def test_a_figures_date_is_kept_and_its_statement_gives_it(tmp_path):
    path = edited(tmp_path, BUNDLED, "value = 21\n", "value = 21\nas_of = 2017-02-17\n")
    facts = load_facts(path)
    fig = next(f for f in facts.figures if f.counts == "workplace nominations")
    assert str(fig.as_of) == "2017-02-17" and facts.fact(fig.id).as_of == fig.as_of
    assert facts.fact(fig.id).statement == (
        "Ian Allinson received 97 nominations, 21 of them from workplaces (as of 17 February 2017)."
    )


def test_the_electorate_statement_says_what_the_electorate_counts(unite):
    assert unite["electorate"].statement == (
        "1,062,049 were entitled to vote (ballot papers despatched)."
    )


def test_a_round_naming_somebody_who_is_not_a_candidate_is_an_error(tmp_path):
    path = edited(
        tmp_path,
        ELECTIONS / "runoff" / "facts.toml",
        'eliminated = ["Colin Sparrow"]',
        'eliminated = ["Colin Sparrowe"]',
    )
    with pytest.raises(FactsError, match=r"rounds\[0\]\.eliminated: .*Sparrowe"):
        load_facts(path)
