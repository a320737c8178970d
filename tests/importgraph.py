"""The import graph of the factwatch package, read from the source with ``ast``.

Every ``import`` and ``from ... import`` counts, wherever it is: at module
level, inside a function or class, or under ``if TYPE_CHECKING:``.  A name
imported from a package counts as an import of the submodule when there is a
submodule of that name.  Run as a script to print the counts:

    python tests/importgraph.py
"""

from __future__ import annotations

import ast
import os
import sys
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "factwatch"
ROOT = Path(__file__).resolve().parents[1] / PACKAGE


@dataclass(frozen=True)
class Import:
    source: str  # importing module
    target: str  # imported module (the longest known module name)
    line: int
    local: bool  # inside a function body
    type_only: bool  # under ``if TYPE_CHECKING:``


def modules(root: Path = ROOT) -> dict[str, Path]:
    """Module name -> file, following the folder symlinks (factwatch/db -> ../db)."""
    found: dict[str, Path] = {}
    for folder, dirs, files in os.walk(root, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        rel = Path(folder).relative_to(root)
        if rel.parts and not (Path(folder) / "__init__.py").exists():
            dirs[:] = []  # a data folder (templates, demo site), not a package
            continue
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            parts = [PACKAGE, *rel.parts]
            if name != "__init__.py":
                parts.append(name[:-3])
            found[".".join(parts)] = Path(folder) / name
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class _Visitor(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool, known: set[str]):
        self.module = module
        self.package = module if is_package else module.rpartition(".")[0]
        self.known = known
        self.depth = 0  # function nesting
        self.type_only = 0
        self.found: list[Import] = []

    def _add(self, target: str, node: ast.stmt) -> None:
        while target and target not in self.known:
            target = target.rpartition(".")[0]
        if target:
            self.found.append(
                Import(self.module, target, node.lineno, self.depth > 0, self.type_only > 0)
            )

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            self.type_only += 1
            for child in node.body:
                self.visit(child)
            self.type_only -= 1
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            anchor = self.package.split(".")
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join([*anchor, base] if base else anchor)
        for alias in node.names:
            full = f"{base}.{alias.name}"
            self._add(full if full in self.known else base, node)


def imports(root: Path = ROOT) -> list[Import]:
    """Every import of a factwatch module by a factwatch module."""
    files = modules(root)
    known = set(files)
    out: list[Import] = []
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        visitor = _Visitor(name, path.name == "__init__.py", known)
        visitor.visit(tree)
        out.extend(i for i in visitor.found if i.target != name)
    return out


def local_imports(root: Path = ROOT) -> list[tuple[str, int, str]]:
    """(module, line, imported name) of every import inside a function, any package."""
    out = []
    for name, path in modules(root).items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for func in ast.walk(tree):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Import):
                    out.extend((name, node.lineno, a.name) for a in node.names)
                elif isinstance(node, ast.ImportFrom):
                    out.append((name, node.lineno, "." * node.level + (node.module or "")))
    return sorted(set(out))


class _Tarjan:
    """Strongly connected components of a directed graph."""

    def __init__(self, graph: dict[str, set[str]]):
        self.graph = graph
        self.index: dict[str, int] = {}
        self.low: dict[str, int] = {}
        self.stack: list[str] = []
        self.on_stack: set[str] = set()
        self.groups: list[list[str]] = []

    def visit(self, node: str) -> None:
        self.index[node] = self.low[node] = len(self.index)
        self.stack.append(node)
        self.on_stack.add(node)
        for nxt in sorted(self.graph[node]):
            if nxt not in self.index:
                self.visit(nxt)
                self.low[node] = min(self.low[node], self.low[nxt])
            elif nxt in self.on_stack:
                self.low[node] = min(self.low[node], self.index[nxt])
        if self.low[node] == self.index[node]:
            self.groups.append(self._pop_group(node))

    def _pop_group(self, root: str) -> list[str]:
        group = []
        while True:
            top = self.stack.pop()
            self.on_stack.discard(top)
            group.append(top)
            if top == root:
                return group


def cycles(edges: list[Import]) -> list[list[str]]:
    """Strongly connected groups of two or more modules, each sorted."""
    graph: dict[str, set[str]] = {}
    for edge in edges:
        graph.setdefault(edge.source, set()).add(edge.target)
        graph.setdefault(edge.target, set())
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    tarjan = _Tarjan(graph)
    for node in sorted(graph):
        if node not in tarjan.index:
            tarjan.visit(node)
    return sorted(sorted(g) for g in tarjan.groups if len(g) > 1)


if __name__ == "__main__":
    edges = imports()
    print(f"modules: {len(modules())}, imports between them: {len(edges)}")
    found = cycles(edges)
    print(f"import cycles: {len(found)}")
    for group in found:
        print("   ", " <-> ".join(group))
    local = local_imports()
    own = [i for i in local if i[2].startswith(PACKAGE) or i[2].startswith(".")]
    print(f"function-local imports: {len(local)} ({len(own)} of factwatch modules)")
    for module, line, target in local:
        print(f"    {module}:{line}: {target}")
