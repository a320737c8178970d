"""Reading helpers for facts files: typed access with clear errors, pattern macros.

``Reader`` checks the type of each key and raises FactsError naming the file
and key; ``Compiler`` expands ``{NAME}`` macros (lexicon entries and names
built from the candidates) and compiles patterns once.
"""

from __future__ import annotations

import re
from typing import Any

from factwatch.claims.facts_model import Candidate
from factwatch.core.errors import FactsError

_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir)\.?\s+)?"
# "the Unite general secretary election": a descriptor used as an adjective is no reference.
NOT_ATTRIBUTIVE = (
    r"\b(?!\s+(?:elections?|contests?|race|ballot|vote|post|job|role|position|candidates?|"
    r"contenders?|challengers?|hopefuls?|hustings|campaign|nominations?|result|count)\b)"
)


class Reader:
    """Typed access to one TOML table, raising FactsError with file and key."""

    def __init__(self, origin: str):
        self.origin = origin

    def fail(self, key: str, problem: str) -> FactsError:
        return FactsError(f"{self.origin}: {key}: {problem}")

    def get(self, table: dict, key: str, where: str, kind: type | tuple, default: Any = ...) -> Any:
        name = f"{where}.{key}" if where else key
        if key not in table:
            if default is ...:
                raise self.fail(name, "missing (required)")
            return default
        value = table[key]
        ok = isinstance(value, kind) and not (isinstance(value, bool) and kind in (int, float))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            ok, value = True, float(value)
        if not ok:
            want = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            raise self.fail(name, f"expected {want}, got {value!r}")
        if isinstance(value, str) and not value.strip() and default is ...:
            raise self.fail(name, "must not be empty")
        return value

    def strings(self, table: dict, key: str, where: str, required: bool = False) -> list[str]:
        value = self.get(table, key, where, list, ... if required else [])
        if not all(isinstance(v, str) for v in value):
            raise self.fail(f"{where}.{key}", "expected a list of strings")
        if required and not value:
            raise self.fail(f"{where}.{key}", "must list at least one entry")
        return value

    def tables(self, data: dict, key: str) -> list[dict]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, f"use [[{key}]] tables, one per entry")
        return value


class Compiler:
    """Expands {MACROS} and compiles patterns, naming the key on failure."""

    def __init__(self, reader: Reader, macros: dict[str, str]):
        self.reader = reader
        self.macros = macros

    def expand(self, pattern: str, where: str, depth: int = 0) -> str:
        def sub(m: re.Match) -> str:
            name = m.group(1)
            if name not in self.macros:
                known = ", ".join(sorted(self.macros))
                raise self.reader.fail(where, f"unknown name {{{name}}} (known: {known})")
            if depth > 5:
                raise self.reader.fail(where, f"{{{name}}} refers to itself")
            return "(?:" + self.expand(self.macros[name], where, depth + 1) + ")"

        return _MACRO.sub(sub, pattern)

    def compile(self, pattern: str, where: str) -> re.Pattern:
        try:
            return re.compile(self.expand(pattern, where), re.IGNORECASE)
        except re.error as exc:
            raise self.reader.fail(where, f"not a valid pattern ({exc}): {pattern!r}") from None

    def many(self, patterns: list[str], where: str) -> list[re.Pattern]:
        return [self.compile(p, f"{where}[{i}]") for i, p in enumerate(patterns)]


def _name_alternation(names: list[str]) -> str:
    parts = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


def candidate_macros(candidates: list[Candidate]) -> dict[str, str]:
    def names(cs: list[Candidate]) -> str:
        alt = _name_alternation([n for c in cs for n in c.names])
        return rf"\b{_TITLE}(?:{alt})\b" if alt else r"(?!x)x"

    def refs(cs: list[Candidate]) -> str:
        parts = [names(cs)] + [f"(?:{d}){NOT_ATTRIBUTIVE}" for c in cs for d in c.descriptors]
        return "|".join(f"(?:{p})" for p in parts)

    winners = [c for c in candidates if c.role == "winner"]
    losers = [c for c in candidates if c.role != "winner"]
    macros = {
        "CANDIDATE_ANY": names(candidates),
        "CANDIDATE": names(candidates),
        "WINNER": names(winners),
        "LOSER": names(losers),
        "REF": refs(candidates),
        "WINNER_REF": refs(winners),
        "LOSER_REF": refs(losers),
        "CANDIDATE_POSS": f"(?:{names(candidates)})(?:\u2019s|'s|\u2019|')",
        "WINNER_POSS": f"(?:{names(winners)})(?:\u2019s|'s)",
        "LOSER_POSS": f"(?:{names(losers)})(?:\u2019s|'s)",
    }
    for c in candidates:
        key = re.sub(r"[^A-Z0-9]+", "_", c.id.upper())
        macros[f"{key}_ANY"] = names([c])
        macros[f"{key}_REF"] = refs([c])
    return macros
