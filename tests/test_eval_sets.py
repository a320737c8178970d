"""The labelled article sets, scored end to end through `factwatch check`.

The public dev set (../shared/eval/dev-cases.jsonl) must score F1 1.0; our own
sets, short cases in other wording (generalisation.jsonl) and full-length
articles in the style of the 2017 coverage (coverage.jsonl), must stay above a
floor, so a rule tuned to one phrasing cannot pass unnoticed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
COMMAND = f"{sys.executable} -m factwatch check"


def score(shared_dir: Path, cases: Path, tmp_path: Path) -> float:
    run = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "eval" / "score.py"),
            str(cases),
            "--command",
            COMMAND,
            "--workdir",
            str(tmp_path / "pages"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode in (0, 1), run.stdout + run.stderr
    match = re.search(r"f1 ([0-9.]+)\s*$", run.stdout)
    assert match, run.stdout
    print(run.stdout)
    return float(match.group(1))


def test_dev_set_scores_f1_one(shared_dir, tmp_path):
    assert score(shared_dir, shared_dir / "eval" / "dev-cases.jsonl", tmp_path) == 1.0


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        "generalisation.jsonl",
        "coverage.jsonl",
        "formats.jsonl",
        "traps.jsonl",
        "mixed.jsonl",
        "fresh.jsonl",
    ],
)
def test_our_sets_stay_above_their_floor(shared_dir, tmp_path, name):
    cases = HERE / "fixtures" / "claims" / name
    assert score(shared_dir, cases, tmp_path) >= 0.95
