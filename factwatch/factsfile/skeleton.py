"""The commented skeleton ``factwatch facts new`` writes, generated from ``facts_schema.SCHEMA``.

Every key of the schema appears once, in schema order, under its one-line
documentation.  Required keys of required tables are written with their
example values, so the skeleton loads as it is; every other key and every
optional table is commented out with its example (or a placeholder of the
right type), ready to uncomment.  An election needs two candidates, so the
skeleton shows a second ``[[candidates]]`` table with its required keys.
"""

from __future__ import annotations

import datetime as dt
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


def _second_name() -> str:
    """The schema's examples name one candidate; a related contest's example names two."""
    first = SCHEMA["candidates"].keys["name"].example
    return next(n for n in SCHEMA["contests"].keys["candidates"].example if n != first)


# The second candidate every election needs.
SECOND_CANDIDATE = {"name": _second_name(), "outcome": "defeated"}


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
        for k, v in (spec.example or {}).items():
            out += _comment(not on, assign(k, v))
        for k in _cited_sources():
            if k not in (spec.example or {}):
                out += _comment(True, assign(k, f"Where the {k} facts come from"))
        return out
    value = spec.example if example is None else example
    if value is None:
        value = _placeholder(path[-1], spec)
    if spec.type == "date" and isinstance(value, str):
        value = dt.date.fromisoformat(value)  # a TOML date, as facts files write them
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


def _cited_sources() -> list[str]:
    """The source keys the schema's examples cite ("declaration", "nominations", ...)."""
    found: list[str] = []

    def walk(keys: dict[str, Key]) -> None:
        for k, s in keys.items():
            if k == "source" and isinstance(s.example, str) and s.example not in found:
                found.append(s.example)
            walk(s.keys)

    walk(SCHEMA)
    return found


def _placeholder(name: str, spec: Key) -> Any:
    names = [SCHEMA["candidates"].keys["name"].example, SECOND_CANDIDATE["name"]]
    if spec.choices:
        return spec.choices[0]
    if name == "source":
        return SCHEMA["election"].keys["source"].example
    return {
        "str": "...",
        "int": 1,
        "number": 0.0,
        "figure": 12.5,
        "date": "2024-01-01",
        "bool": False,
        "list": ["..."],
        "names": names[1:],
        "votes": dict.fromkeys(names, 0),
        "shares": dict.fromkeys(names, 0.0),
    }.get(spec.type, "...")
