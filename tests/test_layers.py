"""Layers point down and imports form no cycle (docs/architecture.md has the picture).

Every import counts, wherever it is (module level, inside a function, under
``if TYPE_CHECKING:``); tests/importgraph.py reads them with ``ast``.
"""

from __future__ import annotations

from pathlib import Path

import importgraph
import pytest

# Each group and the groups it may import (besides itself), bottom to top.
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "scraper": {"core"},
    "claims": {"core"},
    "db": {"core"},
    "rebuttals": {"core", "db"},
    "app": {"core", "scraper", "claims", "db", "rebuttals"},
    "jobs": {"core", "scraper", "claims", "db", "rebuttals", "app"},
    "demo": {"core", "scraper", "claims", "db", "rebuttals", "app", "jobs"},
    "cli": {"core", "scraper", "claims", "db", "rebuttals", "app", "jobs", "demo"},
    "main": {"cli"},
}
PACKAGES = {  # module prefix -> group
    "factwatch.core": "core",
    "factwatch.scraper": "scraper",
    "factwatch.claims": "claims",
    "factwatch.db": "db",
    "factwatch.rebuttals": "rebuttals",
    "factwatch.config": "app",
    "factwatch.pipeline": "app",
    "factwatch.work": "app",
    "factwatch.workpool": "app",
    "factwatch.progress": "app",
    "factwatch.discovery": "app",
    "factwatch.datasette": "app",
    "factwatch.factsfile": "app",
    "factwatch.jobs": "jobs",
    "factwatch.backcheck": "jobs",
    "factwatch.demo": "demo",
    "factwatch.cli": "cli",
    "factwatch.__main__": "main",
    "factwatch": "core",  # the package itself: only __version__
}
# Imports allowed to break a rule: (importer, imported) with the reason.  Each
# entry must still happen (test_known_exceptions_still_happen), so a fixed one
# gets removed.  There are none.
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {}
# Groups whose modules may import factwatch modules inside functions: CLI
# commands import their implementation when they run, so `factwatch --help`
# starts fast.  Everywhere else factwatch modules are imported at the top.
LAZY_IMPORTS_ALLOWED = {"cli"}


def group_of(module: str) -> str | None:
    for prefix in sorted(PACKAGES, key=len, reverse=True):
        if module == prefix or module.startswith(prefix + "."):
            return PACKAGES[prefix]
    return None


@pytest.fixture(scope="module")
def edges() -> list[importgraph.Import]:
    return importgraph.imports()


def test_every_module_is_in_a_layer():
    homeless = [m for m in importgraph.modules() if group_of(m) is None]
    assert homeless == [], "add these modules to PACKAGES in tests/test_layers.py"


def test_no_import_cycles(edges):
    assert importgraph.cycles(edges) == []


def _breaks_a_rule(edge: importgraph.Import) -> bool:
    source, target = group_of(edge.source), group_of(edge.target)
    assert source is not None and target is not None
    return source != target and target not in ALLOWED[source]


def test_layers_point_down(edges):
    wrong = sorted(
        f"{e.source}:{e.line} imports {e.target} ({group_of(e.source)} -> {group_of(e.target)})"
        for e in edges
        if _breaks_a_rule(e) and (e.source, e.target) not in KNOWN_EXCEPTIONS
    )
    assert wrong == []


def test_only_the_cli_and_main_import_the_cli(edges):
    importers = {e.source for e in edges if group_of(e.target) == "cli"}
    assert {group_of(m) for m in importers} <= {"cli", "main"}, sorted(importers)


def test_core_imports_nothing_above_it(edges):
    assert [e for e in edges if group_of(e.source) == "core" and group_of(e.target) != "core"] == []


def test_known_exceptions_still_happen(edges):
    happening = {(e.source, e.target) for e in edges if _breaks_a_rule(e)}
    assert set(KNOWN_EXCEPTIONS) <= happening, "remove the fixed entries from KNOWN_EXCEPTIONS"


def test_factwatch_modules_are_imported_at_the_top_outside_the_cli(edges):
    lazy = sorted(
        f"{e.source}:{e.line} imports {e.target} inside a function"
        for e in edges
        if e.local and group_of(e.source) not in LAZY_IMPORTS_ALLOWED
    )
    assert lazy == []


# -- the checker itself --------------------------------------------------------------------


def _package(root: Path, files: dict[str, str]) -> Path:
    pkg = root / "factwatch"
    for name, text in files.items():
        path = pkg / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return pkg


def test_the_graph_sees_a_cycle_hidden_in_a_function(tmp_path):
    pkg = _package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "from factwatch import b\n",
            "b.py": "def f():\n    from factwatch.a import x\n",
        },
    )
    found = importgraph.imports(pkg)
    assert importgraph.cycles(found) == [["factwatch.a", "factwatch.b"]]
    assert [e.local for e in found if e.source == "factwatch.b"] == [True]


def test_the_graph_sees_type_checking_and_relative_imports(tmp_path):
    pkg = _package(
        tmp_path,
        {
            "__init__.py": "",
            "sub/__init__.py": "",
            "sub/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from factwatch.sub import b\n",
            "sub/b.py": "from . import a\nfrom ..c import thing\n",
            "c.py": "thing = 1\n",
        },
    )
    found = {(e.source, e.target, e.type_only) for e in importgraph.imports(pkg)}
    assert ("factwatch.sub.a", "factwatch.sub.b", True) in found
    assert ("factwatch.sub.b", "factwatch.sub.a", False) in found
    assert ("factwatch.sub.b", "factwatch.c", False) in found


def test_a_layer_pointing_up_is_reported():
    up = importgraph.Import("factwatch.db.store", "factwatch.claims.matcher", 1, False, False)
    sideways = importgraph.Import(
        "factwatch.rebuttals.x", "factwatch.scraper.fetch", 1, True, False
    )
    down = importgraph.Import("factwatch.pipeline", "factwatch.db.store", 1, False, False)
    assert [_breaks_a_rule(e) for e in (up, sideways, down)] == [True, True, False]
