"""Finding rules: one module per kind, behind one small interface and registry.

A rule is built once per facts file and checks one read document at a time:

    class Rule(Protocol):
        kinds: tuple[str, ...]    # the finding kinds it reports
        def __init__(self, facts: Facts): ...
        def check(self, doc: Document) -> list[Finding]: ...

``@register`` adds a rule class to ``RULES``; the matcher runs every
registered rule.  A new finding kind is one module here (imported below)
plus its entry in ``factwatch/core/kinds.toml`` and its template block.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from factwatch.claims.facts import Facts
    from factwatch.claims.text import Document
    from factwatch.core.records import Finding


class Rule(Protocol):
    kinds: tuple[str, ...]

    def check(self, doc: Document) -> list[Finding]: ...


RULES: dict[str, type] = {}


def register(cls: type) -> type:
    """Class decorator: make a rule part of every matcher (several rules may share a kind)."""
    RULES[cls.__name__] = cls
    return cls


def build_rules(facts: Facts) -> list[Rule]:
    return [cls(facts) for cls in RULES.values()]


def reported_kinds() -> frozenset[str]:
    """Every finding kind a registered rule may report."""
    return frozenset(k for cls in RULES.values() for k in cls.kinds)  # type: ignore[attr-defined]
