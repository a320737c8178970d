"""Figures derived from a facts file: shares on every basis, margins between every pair,
turnout, rounds, related contests, and the source's own precision."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts

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
