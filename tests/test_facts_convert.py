"""The format 1 to format 2 converter (claims.facts_convert): what carries over and how."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factwatch.claims.facts_convert import convert, is_format1, phrases
from factwatch.core.errors import FactsError

V1 = Path(__file__).resolve().parent / "fixtures" / "facts" / "v1"


def converted(name: str) -> dict:
    data = tomllib.loads((V1 / name).read_text(encoding="utf-8"))
    return tomllib.loads(convert(data, origin=name).text)


@pytest.fixture(scope="module")
def unite() -> dict:
    return converted("unite-2017.toml")


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("the new chair", ["the new chair"]),
        (
            "the (?:former )?regional secretary",
            ["the former regional secretary", "the regional secretary"],
        ),
        (
            r"the union(?:\x27s)? (?:boss|chief)",
            ["the union's boss", "the union's chief", "the union boss", "the union chief"],
        ),
        (r"\bworkplaces?\b", ["workplaces"]),
    ],
)
def test_simple_patterns_are_spelled_out(pattern, expected):
    assert phrases(pattern) == expected


@pytest.mark.parametrize(
    "pattern", [r"the (?:left[- ]wing|socialist) candidate", "(?:a|b|c) (?:d|e|f) (?:g|h)"]
)
def test_patterns_too_complex_or_too_many_are_not_spelled_out(pattern):
    assert phrases(pattern) is None


def test_roles_become_outcomes_and_gender_a_pronoun(unite):
    assert [(c["name"], c["outcome"], c["pronoun"]) for c in unite["candidates"]] == [
        ("Len McCluskey", "winner", "he"),
        ("Gerard Coyne", "defeated", "he"),
        ("Ian Allinson", "defeated", "he"),
    ]


def test_variants_that_are_the_name_or_surname_are_left_out(unite):
    assert unite["candidates"][0]["variants"] == [
        "Mcluskey",
        "McClusky",
        "Len McClusky",
        "Leonard McCluskey",
    ]


def test_figures_become_votes_shares_and_the_count(unite):
    coyne = unite["candidates"][1]
    assert (coyne["votes"], coyne["share"]) == (53544, 41.2)
    assert unite["results"] == {
        "spoiled": 317,
        "total": 130071,
        "turnout": 12.2,
        "share_basis": "cast",
    }
    assert unite["election"]["electorate"] == 1062049


def test_share_basis_is_the_one_the_votes_agree_with(unite):
    # 59,067 is 45.4% of all 130,071 votes cast but 45.5% of the 129,754 valid ones.
    assert unite["results"]["share_basis"] == "cast"


def test_a_qualified_figure_becomes_a_figure_of_its_own(unite):
    assert unite["figures"] == [
        {
            "counts": "workplace nominations",
            "subject": "Ian Allinson",
            "value": 21,
            "source": "nominations",
            "statement": "Ian Allinson received 97 nominations, 21 of them from workplaces.",
            "id": "nominations.workplace.allinson",
        }
    ]


def test_false_claims_become_claims_with_their_facts_statement_and_source(unite):
    claim = unite["claims"][1]
    assert claim["id"] == "claim.joint-rerun" and claim["source"] == "rerun"
    assert claim["fact"].startswith("Only Gerard Coyne mounted a legal challenge")


def test_the_declared_date_is_kept(unite):
    assert str(unite["election"]["dates"]["declared"]) == "2017-04-28"


def test_format_2_is_not_converted():
    with pytest.raises(FactsError, match="not a format 1 facts file"):
        convert({"format": 2}, origin="new.toml")


def test_format_1_is_recognised_without_a_format_key():
    assert is_format1({"framings": []}) and not is_format1({"claims": []})


def test_an_election_that_is_not_a_table_is_a_facts_error_naming_its_key():
    data = tomllib.loads((V1 / "unite-2017.toml").read_text(encoding="utf-8"))
    data["election"] = "a name, not a table"
    with pytest.raises(FactsError, match="election: expected a table"):
        convert(data, origin="old.toml")


def test_a_list_of_strings_holding_a_number_is_a_facts_error_naming_its_key():
    data = tomllib.loads((V1 / "unite-2017.toml").read_text(encoding="utf-8"))
    data["candidates"][0]["descriptors"] = [1]
    with pytest.raises(FactsError, match=r"candidates\[0\]\.descriptors: expected a list"):
        convert(data, origin="old.toml")
