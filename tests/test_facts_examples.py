"""The schema's examples: every key has one, and together they are one invented election
whose file loads and checks without a warning."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from factwatch.claims.facts import load_facts
from factwatch.claims.facts_schema import SCHEMA, Key, all_keys, example_document
from factwatch.cli import cli
from factwatch.core.tomltext import assign


def spec_of(path: str) -> Key:
    keys, spec = SCHEMA, None
    for part in path.split("."):
        spec = keys[part]
        keys = spec.keys
    assert spec is not None
    return spec


def table(header: str, data: dict[str, Any], keys: dict[str, Key]) -> list[str]:
    """``[header]`` and its keys, then its sub-tables (``[election.dates]``)."""
    lines = ["", header]
    for k, v in data.items():
        if keys[k].type not in ("table", "tables"):
            lines.extend(assign(k, v))
    for k, v in data.items():
        if keys[k].type == "table":
            lines.extend(table(f"[{header.strip('[]')}.{k}]", v, keys[k].keys))
    return lines


def toml_text(doc: dict[str, Any]) -> str:
    """The example document as a facts file, its tables in schema order."""
    lines: list[str] = []
    for name, value in doc.items():
        spec = SCHEMA[name]
        if spec.type == "table":
            lines.extend(table(f"[{name}]", value, spec.keys))
        elif spec.type == "tables":
            for entry in value:
                lines.extend(table(f"[[{name}]]", entry, spec.keys))
        elif spec.type == "sourcetable":
            lines.extend(["", f"[{name}]", *[ln for k, v in value.items() for ln in assign(k, v)]])
        else:
            lines.extend(assign(name, value))
    return "\n".join(lines) + "\n"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "example.toml"
    path.write_text(toml_text(example_document()), encoding="utf-8")
    return path


@pytest.mark.parametrize("key", all_keys())
def test_every_key_has_an_example(key):
    assert spec_of(key).example is not None or spec_of(key).type == "table"


def test_the_example_document_uses_every_key():
    doc = example_document()

    def present(value: Any, parts: list[str]) -> bool:
        if not parts:
            return True
        if isinstance(value, list):
            return any(present(v, parts) for v in value)
        return isinstance(value, dict) and parts[0] in value and present(value[parts[0]], parts[1:])

    assert [k for k in all_keys() if not present(doc, k.split("."))] == []


def test_the_examples_make_a_file_that_checks_without_warnings(example):
    result = CliRunner().invoke(cli, ["facts", "check", str(example)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_the_examples_turnout_agrees_with_the_total_and_the_electorate(example):
    # Shares that disagree with their votes are warnings, which the test above refuses;
    # a recorded turnout is compared here.
    found = {f.id: f for f in load_facts(example).figures}
    recorded, exact = found["turnout"], found["turnout.derived"]
    assert abs(exact.value - recorded.value) <= recorded.half_unit
