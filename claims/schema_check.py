"""The check a parsed facts file goes through, and the lines its errors point at.

``Checker`` walks parsed data against the schema's keys and raises ``FactsError``
naming the file, the line, the key path and the problem; ``Locator`` finds the
line of a key path in the TOML text and ``dotted`` writes the path
("candidates[2].severity").
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from factwatch.claims.schema_keys import Key
from factwatch.claims.schema_values import parse_date, parse_figure
from factwatch.core.errors import FactsError

# -- locating keys in the file ------------------------------------------------------------
_HEADER = re.compile(r"^\s*\[(\[)?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


class Locator:
    """Line numbers of keys in a TOML text: ``line(("candidates", 2, "severty"))``."""

    def __init__(self, text: str):
        self.lines: dict[tuple, int] = {}
        counts: dict[str, int] = {}
        table: tuple = ()
        for no, line in enumerate(text.splitlines(), 1):
            m = _HEADER.match(line)
            if m:
                parts = tuple(p.strip().strip("\"'") for p in m.group(2).split("."))
                if m.group(1):  # [[array]]
                    base = ".".join(parts)
                    idx = counts.get(base, 0)
                    counts[base] = idx + 1
                    table = (*parts, idx)
                else:
                    table = self._resolve(parts, counts)
                self.lines.setdefault(table, no)
                continue
            m = _ASSIGN.match(line)
            if m:
                key = m.group(1).strip("\"'")
                self.lines.setdefault((*table, key), no)

    @staticmethod
    def _resolve(parts: tuple, counts: dict[str, int]) -> tuple:
        # [results.x] inside the latest [[results]] element, if any.
        out: list = []
        for p in parts:
            out.append(p)
            base = ".".join(str(x) for x in out if not isinstance(x, int))
            if base in counts:
                out.append(counts[base] - 1)
        return tuple(out)

    def line(self, path: tuple) -> int | None:
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return None


def dotted(path: tuple) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


class Checker:
    """Walks parsed data against SCHEMA; ``fail`` builds errors with file and line."""

    def __init__(self, text: str, origin: str):
        self.origin = origin
        self.loc = Locator(text)

    def fail(self, path: tuple, problem: str) -> FactsError:
        line = self.loc.line(path)
        where = f"{self.origin}:{line}" if line else self.origin
        return FactsError(f"{where}: {dotted(path)}: {problem}")

    def table(self, data: Any, keys: dict[str, Key], path: tuple) -> None:
        if not isinstance(data, dict):
            raise self.fail(path, f"expected a table, got {_show(data)}")
        for k in data:
            if k not in keys:
                raise self.fail((*path, k), _unknown(k, keys))
        for k, spec in keys.items():
            if k not in data:
                if spec.required:
                    raise self.fail(path, f"missing required key `{k}` ({spec.doc})")
                continue
            self.value(data[k], spec, (*path, k))

    def value(self, v: Any, spec: Key, path: tuple) -> None:
        """Check one value against its key's type (tables and lists of tables in depth)."""
        t = spec.type
        if t == "table":
            self.table(v, spec.keys, path)
        elif t == "tables":
            if not isinstance(v, list) or not all(isinstance(x, dict) for x in v):
                name = path[-1]
                raise self.fail(path, f"use [[{name}]] tables, one per entry")
            for i, item in enumerate(v):
                self.table(item, spec.keys, (*path, i))
        elif t == "str":
            self._string(v, spec, path)
        elif t in ("votes", "shares"):
            self._numbers_by_name(v, t, path)
        elif t == "sourcetable":
            self._sources(v, path)
        else:
            problem = _scalar_problem(t, v)
            if problem:
                raise self.fail(path, problem)

    def _string(self, v: Any, spec: Key, path: tuple) -> None:
        """A non-empty string, one of the key's choices when it has them."""
        if not isinstance(v, str) or not v.strip():
            raise self.fail(path, f"expected a non-empty string, got {_show(v)}")
        if spec.choices and v not in spec.choices:
            near = difflib.get_close_matches(v, spec.choices, n=1)
            hint = f"; did you mean {near[0]}?" if near else ""
            raise self.fail(path, f"expected one of {', '.join(spec.choices)}, got {v!r}{hint}")

    def _numbers_by_name(self, v: Any, t: str, path: tuple) -> None:
        """A table of candidate name = votes (whole numbers) or shares (figures)."""
        if not isinstance(v, dict) or not v:
            raise self.fail(path, "expected a table of candidate name = number")
        for name, n in v.items():
            ok = (
                parse_figure(n) is not None
                if t == "shares"
                else (isinstance(n, int) and not isinstance(n, bool) and n >= 0)
            )
            if not ok:
                raise self.fail((*path, name), f"expected a number, got {_show(n)}")

    def _sources(self, v: Any, path: tuple) -> None:
        """A table of source key = description."""
        if not isinstance(v, dict) or not v:
            raise self.fail(path, 'expected a table of key = "description"')
        for k, desc in v.items():
            if not isinstance(desc, str) or not desc.strip():
                raise self.fail((*path, k), f"expected a description, got {_show(desc)}")


def _scalar_problem(t: str, v: Any) -> str | None:
    """What is wrong with ``v`` as a value of simple type ``t`` (None: nothing)."""
    if t == "int" and (isinstance(v, bool) or not isinstance(v, int) or v < 0):
        return f"expected a whole number, got {_show(v)}"
    if t == "bool" and not isinstance(v, bool):
        return f"expected true or false, got {_show(v)}"
    if t == "figure" and parse_figure(v) is None:
        return f'expected a number such as 12.2 or "12%", got {_show(v)}'
    if t == "date" and parse_date(v) is None:
        return f"expected a date YYYY-MM-DD, got {_show(v)}"
    if t in ("list", "names") and (
        not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v)
    ):
        return f"expected a list of strings, got {_show(v)}"
    return None


def _unknown(key: str, keys: dict[str, Key]) -> str:
    near = difflib.get_close_matches(key, list(keys), n=1, cutoff=0.6)
    hint = f"; did you mean {near[0]}?" if near else f" (known: {', '.join(keys)})"
    return f"unknown key{hint}"


def _show(v: Any) -> str:
    text = repr(v)
    return text if len(text) < 60 else text[:57] + "..."
