"""The keys a facts file (format 2) may hold, and the check that enforces them.

``SCHEMA`` describes every table and key with its type and one line of
documentation; ``validate(data, text, origin)`` walks a parsed file against
it and raises ``FactsError`` naming the file, the line, the key path and the
problem.  An unknown key at any depth is an error that suggests the nearest
known key ("severty: unknown key; did you mean severity?").  The same schema
writes the skeleton of ``factwatch facts new`` and is checked against
docs/facts-format.md by the tests, so the three never drift apart.

Every key has an example, and the examples together describe one invented
election: ``example_document()`` is that whole file, and it loads without
a warning.

The schema is put together beside this module, which keeps the entry points
(``validate``, ``example_document``, ``all_keys``) and the names callers import:
``schema_keys`` holds the ``Key`` record and the values some keys take,
``schema_example`` the example election's entries, ``schema_tables`` ``SCHEMA``
itself, ``schema_check`` the ``Checker`` and the ``Locator`` that finds a key's
line, and ``schema_values`` figures and dates as a file writes them.
"""

from __future__ import annotations

import copy
from typing import Any

from factwatch.claims.schema_check import Checker, Locator, dotted
from factwatch.claims.schema_keys import BASES, OUTCOMES, PRONOUNS, ROUND_BASES, SEVERITIES, Key
from factwatch.claims.schema_tables import SCHEMA
from factwatch.claims.schema_values import FigureValue, parse_date, parse_figure

__all__ = [
    "BASES",
    "OUTCOMES",
    "PRONOUNS",
    "ROUND_BASES",
    "SCHEMA",
    "SEVERITIES",
    "Checker",
    "FigureValue",
    "Key",
    "Locator",
    "all_keys",
    "dotted",
    "example_document",
    "parse_date",
    "parse_figure",
    "validate",
]


def example_document() -> dict[str, Any]:
    """The whole example election as a parsed facts file: every key with its example."""

    def build(keys: dict[str, Key]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, spec in keys.items():
            if spec.type == "table":
                out[k] = build(spec.keys)
            else:
                out[k] = copy.deepcopy(spec.example)
        return out

    return build(SCHEMA)


def validate(data: dict[str, Any], text: str, origin: str) -> Checker:
    """Check a parsed facts file against SCHEMA (raises FactsError)."""
    checker = Checker(text, origin)
    checker.table(data, SCHEMA, ())
    return checker


def all_keys(keys: dict[str, Key] | None = None, prefix: str = "") -> list[str]:
    """Every documented key path ("election.dates.ballot_close", "candidates.name")."""
    out = []
    for k, spec in (keys or SCHEMA).items():
        path = f"{prefix}.{k}" if prefix else k
        out.append(path)
        if spec.keys:
            out.extend(all_keys(spec.keys, path))
    return out
