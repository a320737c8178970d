"""The facts file reader (format 2): the bundled and fixture files load, mistakes are errors
that name file, line, key and the fix, several files extend each other, the version follows
the files."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts, slug
from factwatch.core.errors import FactsError

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "facts" / "unite-2017.toml"
ELECTIONS = ROOT / "tests" / "fixtures" / "elections"
RUNOFF = ELECTIONS / "runoff" / "facts.toml"
FIVE = [
    BUNDLED,
    *(ELECTIONS / n / "facts.toml" for n in ("twohorse", "withdrawal", "runoff", "leadership")),
]


def edited(tmp_path: Path, old: str, new: str, *, source: Path = BUNDLED) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "edited.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def error(path: Path) -> str:
    with pytest.raises(FactsError) as exc:
        load_facts(path)
    return str(exc.value)


def test_bundled_file_loads_with_its_candidates_and_outcomes():
    facts = load_facts(BUNDLED)
    assert [(c.name, c.outcome) for c in facts.candidates] == [
        ("Len McCluskey", "winner"),
        ("Gerard Coyne", "defeated"),
        ("Ian Allinson", "defeated"),
    ]


@pytest.mark.parametrize("path", FIVE, ids=lambda p: p.parent.name)
def test_each_elections_facts_file_loads(path):
    facts = load_facts(path)
    assert len(facts.this.winners) == 1 and len(facts.this.on_ballot) >= 2
    assert facts.claims and all(c.source in facts.sources for c in facts.claims)


def test_unknown_top_level_key_names_file_line_and_nearest_key(tmp_path):
    path = edited(tmp_path, "format = 2\n", "format = 2\ncandidate = []\n")
    assert error(path) == (
        f"{path}:{line_of(path, 'candidate = []')}: candidate: unknown key; "
        "did you mean candidates?"
    )


def test_unknown_key_in_a_table_names_file_line_and_nearest_key(tmp_path):
    path = edited(tmp_path, 'organisation = "Unite"', 'organization = "Unite"')
    assert error(path) == (
        f"{path}:{line_of(path, 'organization')}: election.organization: "
        "unknown key; did you mean organisation?"
    )


def test_unknown_key_in_an_array_of_tables_names_file_line_and_nearest_key(tmp_path):
    path = edited(tmp_path, 'source = "rerun"', 'source = "rerun"\nseverty = "low"')
    assert error(path) == (
        f"{path}:{line_of(path, 'severty')}: claims[1].severty: unknown key; did you mean severity?"
    )


@pytest.mark.parametrize(
    ("old", "new", "key", "problem"),
    [
        ("votes = 59067", 'votes = "lots"', "candidates[0].votes", "expected a whole number"),
        (
            "incumbent = true",
            'incumbent = "yes"',
            "candidates[0].incumbent",
            "expected true or false",
        ),
        ("turnout = 12.2", 'turnout = "high"', "results.turnout", "expected a number"),
        (
            "declared = 2017-04-28",
            'declared = "28 April 2017"',
            "election.dates.declared",
            "expected a date YYYY-MM-DD",
        ),
        (
            'outcome = "winner"',
            'outcome = "winer"',
            "candidates[0].outcome",
            "expected one of winner, defeated, withdrawn, not_nominated, disqualified, "
            "eliminated, got 'winer'; did you mean winner?",
        ),
        (
            'aliases = ["Unite leadership election"',
            'aliases = [3, "Unite leadership election"',
            "election.aliases",
            "expected a list of strings",
        ),
    ],
    ids=["int", "bool", "figure", "date", "choice", "list"],
)
def test_wrong_type_names_the_key_and_what_was_expected(tmp_path, old, new, key, problem):
    path = edited(tmp_path, old, new)
    message = error(path)
    assert message.startswith(f"{path}:{line_of(path, new)}: {key}: "), message
    assert problem in message


def test_unknown_source_is_an_error_listing_the_known_ones(tmp_path):
    bad = 'source = "re-run"'
    path = edited(tmp_path, 'source = "rerun"', bad)
    message = error(path)
    assert message.startswith(f"{path}:{line_of(path, bad)}: claims[1].source: ")
    assert "unknown source 're-run' (known: result, rerun, guidelines, nominations)" in message


def test_a_name_in_votes_that_is_not_a_candidate_is_an_error(tmp_path):
    path = edited(tmp_path, '"Colin Sparrow" = 2905 }', '"Colin Sparow" = 2905 }', source=RUNOFF)
    message = error(path)
    assert message.startswith(f"{path}:{line_of(path, 'Sparow')}: rounds[0].votes.Colin Sparow")
    assert "'Colin Sparow' is not a candidate (known: Grant Whitfield" in message


def test_dates_out_of_order_are_an_error(tmp_path):
    path = edited(tmp_path, "declared = 2022-10-13", "declared = 2022-10-01", source=RUNOFF)
    assert error(path) == (
        f"{path}:{line_of(path, 'declared =')}: election.dates.declared: is before ballot_close"
    )


def test_format_1_file_is_refused_with_the_converter_named():
    old = ROOT / "tests" / "fixtures" / "facts" / "v1" / "unite-2017.toml"
    message = error(old)
    assert message.startswith(f"{old}: this is a format 1 facts file")
    assert f"`factwatch facts convert {old}`" in message


def test_missing_file_says_how_to_start_one(tmp_path):
    assert "`factwatch facts new` writes a skeleton" in error(tmp_path / "none.toml")


def test_several_files_extend_each_other(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[sources]\nhustings = "Note of the Birmingham hustings, 2017"\n\n'
        '[[claims]]\nclaim = "Gerard Coyne skipped every hustings."\n'
        'fact = "Coyne spoke at all six hustings."\nsource = "hustings"\n\n'
        '[[contests]]\nname = "Unite Executive Council election 2017"\nyear = 2017\n'
        'office = "Executive Council"\ncandidates = ["Ann Lee", "Bo Marsh"]\n',
        encoding="utf-8",
    )
    facts = load_facts([BUNDLED, extra])
    assert [c.id for c in facts.claims][-1] == "claim.gerard-coyne-skipped-every-hustings"
    assert facts.sources["hustings"].startswith("Note of the Birmingham")
    assert "unite-executive-council-election-2017" in facts.contests
    assert len(facts.candidates) == 3


def test_an_extending_file_is_checked_against_its_own_lines(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '\n[[claims]]\nclaim = "A claim."\nfact = "A fact."\nsource = "x"\nseverty = "low"\n',
        encoding="utf-8",
    )
    with pytest.raises(FactsError, match=rf"^{extra}:6: claims\[0\]\.severty: unknown key"):
        load_facts([BUNDLED, extra])


def test_version_is_stable_for_the_same_file():
    assert load_facts(BUNDLED).version == load_facts(BUNDLED).version


def test_version_changes_when_the_file_changes(tmp_path):
    path = edited(tmp_path, "turnout = 12.2", "turnout = 12.3")
    assert load_facts(path).version != load_facts(BUNDLED).version


# -- the count must be complete and agree with the outcomes --------------------------------
WITHDRAWAL = ELECTIONS / "withdrawal" / "facts.toml"
TWOHORSE = ELECTIONS / "twohorse" / "facts.toml"


def test_a_candidate_on_the_ballot_without_votes_is_an_error_naming_the_candidate(tmp_path):
    path = edited(tmp_path, "votes = 17143\n", "")
    table = line_of(path, 'name = "Ian Allinson"') - 1  # its [[candidates]] line
    assert error(path) == (
        f"{path}:{table}: candidates[2].votes: Ian Allinson was on "
        "the ballot but has no `votes` while other candidates have them: give `votes` for "
        "every candidate on the ballot (0 if none were counted)"
    )


def test_a_round_leaving_out_a_candidate_still_in_the_count_is_an_error(tmp_path):
    path = edited(tmp_path, ', "Deb Lindqvist" = 13290 }', " }", source=RUNOFF)
    message = error(path)
    assert message.startswith(f"{path}:{line_of(path, '= 15420')}: rounds[2].votes: ")
    assert "Deb Lindqvist has no votes in round 3" in message


def test_a_round_counting_a_candidate_already_out_is_an_error(tmp_path):
    path = edited(
        tmp_path,
        '"Grant Whitfield" = 25960,',
        '"Grant Whitfield" = 25960, "Colin Sparrow" = 10,',
        source=RUNOFF,
    )
    message = error(path)
    assert message.startswith(f"{path}:{line_of(path, '= 25960')}: rounds[3].votes: ")
    assert "Colin Sparrow has votes in round 4, but went out after round 1" in message


def test_rounds_eliminated_must_agree_with_the_candidates_outcomes(tmp_path):
    path = edited(
        tmp_path, 'eliminated = ["Colin Sparrow"]', 'eliminated = ["Anaru Kātene"]', source=RUNOFF
    )
    assert error(path) == (
        f"{path}:{line_of(path, 'eliminated = [')}: rounds[0].eliminated: lists Anaru Kātene "
        "as going out after round 1, but candidates[3] says outcome = 'eliminated', round = 2"
    )


def test_an_eliminated_candidate_left_out_of_rounds_eliminated_is_an_error(tmp_path):
    path = edited(tmp_path, 'eliminated = ["Colin Sparrow"]', "eliminated = []", source=RUNOFF)
    message = error(path)
    assert message.startswith(f"{path}:{line_of(path, 'eliminated = []')}: rounds[0].eliminated")
    assert "Colin Sparrow went out after round 1 (candidates[4].round) but is not listed" in (
        message
    )


def test_a_candidates_votes_must_agree_with_the_first_round(tmp_path):
    path = edited(
        tmp_path, 'outcome = "winner"\n', 'outcome = "winner"\nvotes = 17000\n', source=RUNOFF
    )
    message = error(path)
    assert message.startswith(f"{path}:{line_of(path, 'votes = 17000')}: candidates[0].votes: ")
    assert "17,000 is not the 17,480 the first round gives" in message


# -- keys that belong to an outcome, and their sources ----------------------------------------
def test_an_unknown_nominations_source_is_an_error(tmp_path):
    path = edited(
        tmp_path,
        'nominations_source = "nominations"',
        'nominations_source = "noms"',
        source=TWOHORSE,
    )
    message = error(path)
    assert message.startswith(
        f"{path}:{line_of(path, 'nominations_source')}: candidates[0].nominations_source: "
    )
    assert "unknown source 'noms'" in message


def test_a_withdrawal_source_on_a_candidate_who_did_not_withdraw_is_an_error(tmp_path):
    added = 'withdrawn_source = "withdraw"'
    path = edited(tmp_path, "votes = 19874\n", f"votes = 19874\n{added}\n", source=WITHDRAWAL)
    assert error(path) == (
        f"{path}:{line_of(path, added)}: candidates[0].withdrawn_source: is the source of a "
        "withdrawal, but outcome is 'winner': remove it, or set outcome = \"withdrawn\""
    )


def test_affiliation_is_no_longer_a_key(tmp_path):
    path = edited(tmp_path, 'outcome = "winner"', 'outcome = "winner"\naffiliation = "Left"')
    assert "candidates[0].affiliation: unknown key" in error(path)


def test_a_share_basis_of_the_papers_still_in_the_count_is_for_rounds_only(tmp_path):
    path = edited(tmp_path, 'share_basis = "cast"', 'share_basis = "continuing"')
    assert "results.share_basis: expected one of cast, valid, electorate" in error(path)


# -- identifiers and quiet sentences ------------------------------------------------------------
def test_slug_folds_accents_before_making_the_identifier():
    assert slug("Jo Rowe") == "jo-rowe"
    assert slug("Anaru Kātene") == "anaru-katene"
    assert slug("Siobhán O\u2019Neill") == "siobhan-oneill"


def test_a_candidate_with_an_accent_keeps_every_letter_of_the_identifier():
    assert [c.id for c in load_facts(RUNOFF).candidates][3] == "anaru-katene"


def test_is_quiet_is_true_when_a_quiet_pattern_is_found_anywhere_in_the_text(tmp_path):
    path = tmp_path / "quiet.toml"
    path.write_text(
        BUNDLED.read_text(encoding="utf-8")
        + "\n[advanced]\nquiet_patterns = ['\\bbranch secretary election\\b']\n",
        encoding="utf-8",
    )
    facts = load_facts(path)
    assert facts.is_quiet("In the Branch Secretary election, the defeated candidate won.")
    assert not facts.is_quiet("The defeated candidate wants a re-run.")


def test_a_candidate_who_stood_down_after_the_papers_were_fixed_stays_in_the_field(tmp_path):
    text = BUNDLED.read_text(encoding="utf-8")
    old = 'outcome = "defeated"\nvotes = 17143'
    assert old in text
    path = tmp_path / "stood-down.toml"
    path.write_text(text.replace(old, old + "\nwithdrawn = 2017-04-10", 1), encoding="utf-8")
    facts = load_facts(path)
    assert len(facts.this.on_ballot) == 3 and len(facts.this.losers) == 2
    fact = facts.facts["withdrawn.ian-allinson"]
    assert "10 April 2017" in fact.statement and "stayed on the ballot" in fact.statement
