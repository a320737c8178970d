"""The records a loaded facts file gives the matcher: ``Facts``, with its ``Election``
and ``Candidate`` entries beside the model's people, contests, figures and claims."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from factwatch.claims.model import (
    OFF_BALLOT,
    Claim,
    Contest,
    EarlierCount,
    Fact,
    Figure,
    Person,
)

T = TypeVar("T")


@dataclass
class Election:
    """The contest the file is about, as other modules read it."""

    id: str
    name: str
    organisation: str
    office: str
    aliases: list[str]
    year: int | None
    dates: dict[str, dt.date]
    electorate: int | None
    source: str
    electorate_counts: str = ""


@dataclass
class Candidate:
    """A candidate of this election: the person and what became of the candidacy."""

    id: str
    name: str
    names: list[str]  # the name and every variant
    pronoun: str | None
    descriptors: list[str]
    outcome: str
    round: int | None = None
    withdrawn: dt.date | None = None
    incumbent: bool = False
    withdrawn_source: str = ""  # key of [sources] for the withdrawal

    @property
    def on_ballot(self) -> bool:
        return self.outcome not in OFF_BALLOT


@dataclass(eq=False)
class Facts:
    election: Election
    candidates: list[Candidate]
    people: dict[str, Person]
    contests: dict[str, Contest]  # "this" and the related contests
    figures: list[Figure]
    claims: list[Claim]
    facts: dict[str, Fact]
    sources: dict[str, str]
    version: str
    paths: list[str] = field(default_factory=list)
    earlier: list[EarlierCount] = field(default_factory=list)  # counts later replaced
    framing_patterns: list[re.Pattern[str]] = field(default_factory=list)
    quiet_patterns: list[re.Pattern[str]] = field(default_factory=list)
    # What the matcher works out from these facts once (tables, patterns), by name.
    derived: dict[str, Any] = field(default_factory=dict, repr=False)

    def once(self, name: str, build: Callable[[Facts], T]) -> T:
        """``build(self)``, worked out on first use and kept with these facts."""
        if name not in self.derived:
            self.derived[name] = build(self)
        return self.derived[name]  # type: ignore[no-any-return]

    @property
    def this(self) -> Contest:
        return self.contests["this"]

    def candidate(self, key: str) -> Candidate:
        return next(c for c in self.candidates if c.id == key)

    def person(self, key: str) -> Person:
        return self.people[key]

    def fact(self, fact_id: str) -> Fact:
        return self.facts[fact_id]

    def source_text(self, key: str) -> str:
        return self.sources.get(key, key)

    def is_quiet(self, text: str) -> bool:
        """Whether no rule may flag this sentence: one of ``advanced.quiet_patterns`` is
        found anywhere in ``text`` (``re.search``, case-insensitive, as written)."""
        return any(p.search(text) for p in self.quiet_patterns)
