"""The commented skeleton ``factwatch facts new`` writes, generated from ``facts_schema.SCHEMA``.

Every key of the schema appears once, in schema order, under its one-line
documentation, with its example value (the schema's examples describe one
invented election).  Required keys of required tables are written as they
are, so the skeleton loads as it is; every other key and every optional
table is commented out, ready to uncomment.  An election needs two
candidates, so the skeleton shows a second ``[[candidates]]`` table with its
required keys.
"""

from __future__ import annotations

import textwrap
from typing import Any

from factwatch.claims.facts_schema import SCHEMA, Key
from factwatch.core.tomltext import assign

HEAD = """\
# A facts file (format 2): plain data about one election, each fact with its source.
# Replace the example values, uncomment the optional keys you have facts for and
# delete the rest, then run `factwatch facts check FILE`.
# docs/facts-format.md walks through a whole file and describes every key.
"""


# The second candidate every election needs: the example election's second.
SECOND_CANDIDATE = {k: SCHEMA["candidates"].example[1][k] for k in ("name", "outcome")}


def skeleton() -> str:
    lines = HEAD.splitlines()
    for name, spec in SCHEMA.items():
        lines.append("")
        lines += _item((name,), spec, active=True)
    return "\n".join(lines) + "\n"


def _doc(spec: Key, *, optional: bool) -> list[str]:
    text = spec.doc + (f" One of: {', '.join(spec.choices)}." if spec.choices else "")
    if optional and "(optional" not in text:
        text = "(optional) " + text
    return textwrap.wrap(text, 88, initial_indent="# ", subsequent_indent="# ")


def _item(path: tuple[str, ...], spec: Key, *, active: bool, example: Any = None) -> list[str]:
    """One key or table; ``active`` is False inside a commented-out table."""
    on = active and spec.required
    if spec.type == "table":
        return [
            *_doc(spec, optional=not spec.required),
            *_comment(not on, [f"[{'.'.join(path)}]"]),
            *_keys(path, spec, on),
        ]
    if spec.type == "tables":
        header = f"[[{'.'.join(path)}]]"
        out = [*_doc(spec, optional=not spec.required), *_comment(not on, [header])]
        out += _keys(path, spec, on)
        if path == ("candidates",):
            out += ["", *_comment(not on, [header])]
            out += [
                ln for k, v in SECOND_CANDIDATE.items() for ln in _comment(not on, assign(k, v))
            ]
            out.append("# ... with the optional keys above, one [[candidates]] table per candidate")
        return out
    if spec.type == "sourcetable":
        out = [*_doc(spec, optional=not spec.required), *_comment(not on, [f"[{path[-1]}]"])]
        for k, v in spec.example.items():
            out += _comment(not on, assign(k, v))
        return out
    value = spec.example if example is None else example
    return [*_doc(spec, optional=not spec.required), *_comment(not on, assign(path[-1], value))]


def _keys(path: tuple[str, ...], spec: Key, on: bool) -> list[str]:
    scalars = [(k, s) for k, s in spec.keys.items() if s.type not in ("table", "tables")]
    tables = [(k, s) for k, s in spec.keys.items() if s.type in ("table", "tables")]
    out: list[str] = []
    for k, s in scalars:
        out += _item((*path, k), s, active=on)
    for k, s in tables:
        out += ["", *_item((*path, k), s, active=on)]
    return out


def _comment(yes: bool, lines: list[str]) -> list[str]:
    return [f"# {ln}" for ln in lines] if yes else lines
