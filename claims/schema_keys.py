"""One key of a facts file: its type, documentation and example, and the values some
keys take (outcomes, share bases, severities, pronouns).

``Key`` describes one key; ``_t`` a table of keys (``[table]``, or ``[[tables]]``
with ``many``).  ``schema_tables.SCHEMA`` is written with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

OUTCOMES = ("winner", "defeated", "withdrawn", "not_nominated", "disqualified", "eliminated")
BASES = ("cast", "valid", "electorate")
ROUND_BASES = (*BASES, "continuing")
SEVERITIES = ("low", "medium", "high")
PRONOUNS = ("he", "she", "they")


@dataclass
class Key:
    """One key: its type, whether it is required, what it means, and an example value."""

    type: str  # str, int, number, figure, date, bool, list, names, votes, table, tables
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    keys: dict[str, Key] = field(default_factory=dict)  # for table / tables
    example: Any = None  # for tables: the example election's entries, a list of tables


def _t(
    doc: str,
    keys: dict[str, Key],
    *,
    required: bool = False,
    many: bool = False,
    example: list[dict[str, Any]] | None = None,
) -> Key:
    return Key("tables" if many else "table", doc, required, keys=keys, example=example)
