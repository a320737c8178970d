"""The facts file reader (format 2): the bundled and fixture files load, mistakes are errors
that name file, line, key and the fix, several files extend each other, the version follows
the files."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.claims.facts import load_facts
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
            "expected one of winner, defeated, withdrawn, disqualified, eliminated, got 'winer'; "
            "did you mean winner?",
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
