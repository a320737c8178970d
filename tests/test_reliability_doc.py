"""docs/reliability.md stays true to the tests: every test it names exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "reliability.md"
NAMED = re.compile(r"`(tests/test_\w+\.py)::(test_\w+)`")


def defined_tests(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
    }


def test_every_test_the_reliability_page_names_exists():
    named = NAMED.findall(DOC.read_text(encoding="utf-8"))
    assert len(named) >= 40  # the probes table is there
    missing = [
        f"{file}::{name}"
        for file, name in named
        if not (ROOT / file).is_file() or name not in defined_tests(ROOT / file)
    ]
    assert missing == []


def test_the_probes_table_names_a_test_on_every_row():
    text = DOC.read_text(encoding="utf-8")
    table = text.split("## Probes", 1)[1].split("\n\n## ", 1)[0]
    rows = [r for r in table.splitlines() if r.startswith("| ") and not r.startswith("| probe")]
    assert rows and all(NAMED.search(r) for r in rows)
