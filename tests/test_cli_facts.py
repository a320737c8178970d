"""`factwatch facts check / new / convert` on real files: output, warnings and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factwatch.claims.facts import load_facts
from factwatch.claims.facts_schema import SCHEMA, all_keys
from factwatch.cli import cli

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "facts" / "unite-2017.toml"
HARBOUR = ROOT / "tests" / "fixtures" / "facts" / "harbour-2021.toml"
V1 = ROOT / "tests" / "fixtures" / "facts" / "v1"
ELECTIONS = ROOT / "tests" / "fixtures" / "elections"


def run(*args: str):
    return CliRunner().invoke(cli, ["facts", *map(str, args)])


def harbour(tmp_path: Path, old: str = "", new: str = "") -> Path:
    text = HARBOUR.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "harbour.toml"
    path.write_text(text.replace(old, new, 1) if old else text, encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


# -- check ---------------------------------------------------------------------------------
def test_check_summarises_a_good_file_and_exits_0():
    result = run("check", BUNDLED)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Unite General Secretary election 2017 (Unite, General Secretary)")
    assert "  Len McCluskey: winner, 59,067 votes (45.4%)" in out
    assert "  Gerard Coyne: defeated, 53,544 votes (41.2%)" in out
    assert "Field on the ballot: 3 (1 won, 2 lost)" in out
    assert "Claims: 2 (11 paraphrases)" in out
    assert "  Unite General Secretary election 2013 (earlier, 2 on the ballot; " in out
    assert "Sources: 4" in out and result.stderr == ""


def test_check_counts_recorded_and_derived_figures(tmp_path):
    out = run("check", harbour(tmp_path)).stdout
    # Recorded: four tallies and the turnout. Derived: each candidate's share of the valid
    # votes (4) and the six pairwise margins, in votes and in points (12).
    assert "Figures: 5 recorded, 16 derived" in out


def test_check_says_who_withdrew():
    out = run("check", ROOT / "tests/fixtures/elections/withdrawal/facts.toml").stdout
    assert "  Paul Venables: withdrew on 18 March 2022" in out
    assert "Field on the ballot: 3 (1 won, 2 lost); 1 withdrew before the ballot" in out


def test_check_error_names_file_line_key_and_nearest_key_and_exits_2(tmp_path):
    path = harbour(tmp_path, 'source = "appeal"', 'source = "appeal"\nseverty = "low"')
    result = run("check", path)
    assert result.exit_code == 2
    line = line_of(path, "severty")
    assert result.stderr.strip() == (
        f"Error: {path}:{line}: claims[0].severty: unknown key; did you mean severity?"
    )
    assert result.stdout == ""


def test_check_exits_2_through_the_installed_command(tmp_path):
    path = harbour(tmp_path, 'outcome = "winner"', 'outcome = "won"')
    proc = subprocess.run(
        [Path(sys.executable).parent / "factwatch", "facts", "check", path],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    line = line_of(path, 'outcome = "won"')
    assert f"{path}:{line}: candidates[0].outcome: expected one of winner" in proc.stderr


def test_check_exits_2_for_a_missing_file(tmp_path):
    result = run("check", tmp_path / "none.toml")
    assert result.exit_code == 2 and "facts file not found" in result.stderr


def test_check_reads_several_files_as_one(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[contests]]\nname = "Harbour Guild chair election 2017"\nyear = 2017\n'
        'candidates = ["Tom Reyes", "Ann Lee"]\nwinner = "Tom Reyes"\n',
        encoding="utf-8",
    )
    result = run("check", HARBOUR, extra)
    assert result.exit_code == 0, result.output
    assert "  Harbour Guild chair election 2017 (earlier, 2 on the ballot; Tom Reyes won)" in (
        result.stdout
    )


def test_a_clean_file_gets_no_warnings(tmp_path):
    result = run("check", harbour(tmp_path))
    assert result.exit_code == 0 and result.stderr == ""


def test_warns_about_a_source_never_used(tmp_path):
    path = harbour(tmp_path, "[sources]\n", '[sources]\nminutes = "Branch minutes, 2021"\n')
    result = run("check", path)
    assert result.exit_code == 0
    assert result.stderr.startswith(
        f"warning: {path}:{line_of(path, 'minutes =')}: sources.minutes: never used"
    )


def test_warns_when_votes_do_not_add_up_to_total_minus_spoiled(tmp_path):
    path = harbour(tmp_path, "[results]\n", "[results]\ntotal = 5800\nspoiled = 80\n")
    result = run("check", path)
    assert result.exit_code == 0
    assert (
        f"warning: {path}:{line_of(path, 'total =')}: results.total: the candidates' votes add "
        "up to 5,707, not results.total minus results.spoiled (5,800 - 80 = 5,720)"
    ) in result.stderr


def test_votes_that_add_up_give_no_warning(tmp_path):
    path = harbour(tmp_path, "[results]\n", "[results]\ntotal = 5800\nspoiled = 93\n")
    assert run("check", path).stderr == ""


def test_warns_when_a_share_disagrees_with_the_votes(tmp_path):
    # Okafor's 2,410 of the 5,707 valid votes is 42.2%: 44.2 is beyond its rounding.
    path = harbour(tmp_path, "votes = 2410\n", "votes = 2410\nshare = 44.2\n")
    result = run("check", path)
    assert result.exit_code == 0
    assert (
        f"warning: {path}:{line_of(path, 'share =')}: candidates[0].share: Maria Okafor's "
        "recorded share, 44.2% of the valid votes, disagrees with the votes beyond its "
        "rounding: Maria Okafor won 42.2% of the valid votes (2,410 of 5,707)."
    ) in result.stderr


def test_a_share_within_its_rounding_gives_no_warning(tmp_path):
    path = harbour(tmp_path, "votes = 2410\n", 'votes = 2410\nshare = "42%"\n')
    assert run("check", path).stderr == ""


def test_a_share_on_another_basis_is_pointed_out(tmp_path):
    text = '[results]\nshare_basis = "valid"\ntotal = 5800\nspoiled = 93\n'
    path = harbour(tmp_path, "[results]\n", text)
    path.write_text(path.read_text().replace("votes = 2410\n", "votes = 2410\nshare = 41.6\n"))
    assert "It agrees with a share of all votes cast: is share_basis right?" in (
        run("check", path).stderr
    )


def test_warns_about_a_claim_with_no_paraphrases(tmp_path):
    text = HARBOUR.read_text(encoding="utf-8")
    start = text.index("paraphrases = [")
    path = tmp_path / "harbour.toml"
    path.write_text(text[:start] + text[text.index("]\n", start) + 2 :], encoding="utf-8")
    result = run("check", path)
    assert result.exit_code == 0
    assert result.stderr.startswith(
        f"warning: {path}:{line_of(path, 'claim =')}: claims[0].claim: no paraphrases"
    )


def test_check_refuses_a_candidate_on_the_ballot_without_votes(tmp_path):
    path = harbour(tmp_path, "votes = 412\n", "")
    result = run("check", path)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"Error: {path}:{line_of(path, 'Dan Hollis') - 1}: candidates[3].votes: "
        "Dan Hollis was on the ballot but has no `votes`"
    )


def test_write_ins_recorded_as_others_make_the_votes_add_up():
    result = run("check", ELECTIONS / "leadership" / "facts.toml")
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize(
    ("election", "sources"),
    [("withdrawal", ["noms", "withdraw"]), ("twohorse", ["nominations"])],
)
def test_sources_cited_for_nominations_and_withdrawals_are_used(election, sources):
    result = run("check", ELECTIONS / election / "facts.toml")
    assert result.exit_code == 0
    for key in sources:
        assert f"sources.{key}: never used" not in result.stderr


def test_shares_of_the_papers_still_in_the_count_that_fit_give_no_warning(tmp_path):
    text = (ELECTIONS / "runoff" / "facts.toml").read_text(encoding="utf-8")
    old = '"Leilani Faleolo" = 19540 }\n'
    path = tmp_path / "runoff.toml"
    path.write_text(
        text.replace(
            old,
            old + 'shares = { "Grant Whitfield" = 57.1, "Leilani Faleolo" = 42.9 }\n'
            'share_basis = "continuing"\n',
        ),
        encoding="utf-8",
    )
    result = run("check", path)
    assert result.exit_code == 0 and result.stderr == ""


def test_warns_when_the_votes_and_others_do_not_add_up(tmp_path):
    path = harbour(tmp_path, "[results]\n", "[results]\nvalid = 5800\nothers = 90\n")
    assert "the candidates' votes and the others' add up to 5,797, not the 5,800 valid" in (
        run("check", path).stderr
    )


# -- new -----------------------------------------------------------------------------------
def test_new_prints_a_skeleton_that_documents_every_key():
    result = run("new")
    assert result.exit_code == 0
    text = result.stdout
    for path in all_keys():
        name = path.split(".")[-1]
        assert f"{name} = " in text or f"[{path}]" in text or f"[[{path}]]" in text, path


def test_new_writes_a_file_that_check_accepts(tmp_path):
    out = tmp_path / "new.toml"
    result = run("new", "--out", out)
    assert result.exit_code == 0 and f"Wrote {out}" in result.stderr
    checked = run("check", out)
    assert checked.exit_code == 0, checked.output
    facts = load_facts(out)
    first, second = SCHEMA["contests"].keys["candidates"].example[:2]
    assert SCHEMA["candidates"].keys["name"].example == first
    assert [(c.name, c.outcome) for c in facts.candidates] == [
        (first, "winner"),
        (second, "defeated"),
    ]


def test_new_never_overwrites_a_file(tmp_path):
    out = tmp_path / "mine.toml"
    out.write_text("# my work\n", encoding="utf-8")
    result = run("new", "--out", out)
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert out.read_text(encoding="utf-8") == "# my work\n"


# -- convert -------------------------------------------------------------------------------
def test_convert_the_old_bundled_file_matches_the_new_one(tmp_path):
    out = tmp_path / "unite.toml"
    result = run("convert", V1 / "unite-2017.toml", "--out", out)
    assert result.exit_code == 0, result.output
    new, bundled = load_facts(out), load_facts(BUNDLED)
    assert [(c.name, c.outcome) for c in new.candidates] == [
        (c.name, c.outcome) for c in bundled.candidates
    ]

    def votes(facts):
        return {
            f.id: f.value
            for f in facts.figures
            if f.measure in ("votes", "share")
            or f.id in ("total", "spoiled", "electorate", "turnout")
        }

    assert votes(new) == votes(bundled)


def test_convert_the_old_harbour_file_keeps_its_field_and_claim(tmp_path):
    out = tmp_path / "harbour.toml"
    assert run("convert", V1 / "harbour-2021.toml", "--out", out).exit_code == 0
    new, kept = load_facts(out), load_facts(HARBOUR)
    assert [(c.name, c.outcome) for c in new.candidates] == [
        (c.name, c.outcome) for c in kept.candidates
    ]
    assert [(c.id, c.fact, c.source) for c in new.claims] == [
        (c.id, c.fact, c.source) for c in kept.claims
    ]


def test_convert_lists_what_it_dropped_at_the_top_of_the_draft():
    result = run("convert", V1 / "harbour-2021.toml")
    assert result.exit_code == 0
    head = result.stdout.split("\nformat = 2\n")[0]
    assert "#   - [framings] (framing.the-loser, framing.two-way): framing rules are built in." in (
        head
    )
    assert "Claims: add `paraphrases`" in head
    assert "entries dropped" in result.stderr and "to check by hand" in result.stderr


def test_convert_comments_out_votes_given_for_only_some_candidates(tmp_path):
    out = tmp_path / "harbour.toml"
    result = run("convert", V1 / "harbour-2021.toml", "--out", out)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "\n# votes = 2410\n" in text and "\nvotes = " not in text
    assert "Add the votes of Priya Shah, Dan Hollis, then uncomment" in text


def test_convert_refuses_a_format_2_file():
    result = run("convert", BUNDLED)
    assert result.exit_code == 2 and "not a format 1 facts file" in result.stderr


def test_convert_exits_1_when_the_draft_does_not_load_yet(tmp_path):
    old = tmp_path / "old.toml"
    text = (V1 / "harbour-2021.toml").read_text(encoding="utf-8")
    old.write_text(text.replace('role = "winner"', 'role = "loser"'), encoding="utf-8")
    result = run("convert", old, "--out", tmp_path / "new.toml")
    assert result.exit_code == 1
    assert "The draft does not load yet: " in result.stderr
    assert 'no candidate has outcome = "winner"' in result.stderr
    assert (tmp_path / "new.toml").exists()


@pytest.mark.parametrize("command", ["new", "convert"])
def test_out_never_overwrites(tmp_path, command):
    out = tmp_path / "taken.toml"
    out.write_text("kept\n", encoding="utf-8")
    args = ["convert", V1 / "harbour-2021.toml"] if command == "convert" else ["new"]
    result = run(*args, "--out", out)
    assert result.exit_code == 2 and out.read_text(encoding="utf-8") == "kept\n"


def test_warns_about_a_paraphrase_of_one_word(tmp_path):
    path = harbour(tmp_path, '  "Reyes asked for a recount.",\n', '  "The recount.",\n')
    result = run("check", path)
    assert result.exit_code == 0
    assert "claims[0].paraphrases[0]: 'The recount.' is not used" in result.stderr
