"""A facts file with a value of the wrong kind anywhere is a FactsError, never a crash:
format 2 files read by the loader, format 1 files read by the converter."""

from __future__ import annotations

import copy
import random
import tomllib
from pathlib import Path
from typing import Any

import pytest

from factwatch.claims.facts import parse_facts
from factwatch.claims.facts_convert import convert
from factwatch.core.errors import FactsError

ROOT = Path(__file__).resolve().parents[1]
FORMAT2 = [
    ROOT / "facts" / "unite-2017.toml",
    *sorted(ROOT.glob("tests/fixtures/elections/*/facts.toml")),
]
FORMAT1 = sorted((ROOT / "tests" / "fixtures" / "facts" / "v1").glob("*.toml"))
WRONG: list[Any] = ["x", 3, 2.5, True, [], {}, [1], ["a"], {"a": 1}, None]  # None: key removed


def mutations(data: dict[str, Any], n: int, seed: int):
    """``n`` copies of ``data``, each with one value replaced by one of another kind."""
    paths: list[list[Any]] = []

    def walk(x: Any, path: list[Any]) -> None:
        items = x.items() if isinstance(x, dict) else enumerate(x) if isinstance(x, list) else []
        for k, v in items:
            paths.append([*path, k])
            walk(v, [*path, k])

    walk(data, [])
    rng = random.Random(seed)
    for _ in range(n):
        copy_ = copy.deepcopy(data)
        *parents, last = rng.choice(paths)
        target = copy_
        for k in parents:
            target = target[k]
        value = rng.choice(WRONG)
        if value is None:
            del target[last]
        else:
            target[last] = value
        yield copy_


@pytest.mark.parametrize("path", FORMAT2, ids=lambda p: p.parent.name)
def test_format_2_files_with_a_wrong_value_are_facts_errors(path):
    text = path.read_text(encoding="utf-8")
    refused = 0
    for data in mutations(tomllib.loads(text), 150, seed=1):
        try:
            parse_facts(data, origin=str(path), text=text, version="test")
        except FactsError:
            refused += 1
    assert refused > 100  # most wrong values are refused; none crashes


@pytest.mark.parametrize("path", FORMAT1, ids=lambda p: p.stem)
def test_format_1_files_with_a_wrong_value_are_facts_errors_in_the_converter(path):
    refused = 0
    for data in mutations(tomllib.loads(path.read_text(encoding="utf-8")), 300, seed=2):
        try:
            convert(data, origin=str(path))
        except FactsError:
            refused += 1
    assert refused > 0  # some wrong values are refused; none crashes
