"""The plain records a facts file becomes: people, contests, figures, facts, claims."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Outcomes of candidates who were never on the ballot: not part of the field.
OFF_BALLOT = ("withdrawn", "not_nominated")


@dataclass
class Person:
    """Anyone who stood in a recorded contest."""

    key: str
    name: str
    variants: tuple[str, ...] = ()
    pronoun: str | None = None
    descriptors: tuple[str, ...] = ()


@dataclass
class Standing:
    """A person's candidacy in one contest."""

    person: str
    outcome: str  # winner, defeated, withdrawn, not_nominated, disqualified, eliminated, unknown
    round: int | None = None
    withdrawn: dt.date | None = None
    incumbent: bool = False


@dataclass
class Contest:
    """An election: the one the facts file is about ("this") or a related one."""

    key: str
    name: str
    year: int | None
    organisation: str
    office: str
    standings: list[Standing]
    dates: dict[str, dt.date]
    relation: str  # this, earlier, later, other
    source: str = ""
    votes: dict[str, int] = field(default_factory=dict)
    turnout: object = None
    # Rounds held as ballots of their own (a run-off on new papers): round -> its field.
    ballots: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # Other names coverage gives a related contest ("the annulled ballot").
    aliases: tuple[str, ...] = ()

    @property
    def people(self) -> list[str]:
        return [s.person for s in self.standings]

    @property
    def on_ballot(self) -> list[str]:
        return [s.person for s in self.standings if s.outcome not in OFF_BALLOT]

    @property
    def winners(self) -> list[str]:
        return [s.person for s in self.standings if s.outcome == "winner"]

    @property
    def losers(self) -> list[str]:
        """Everyone on the ballot who did not win."""
        return [s.person for s in self.standings if s.outcome not in ("winner", *OFF_BALLOT)]

    @property
    def withdrawn(self) -> list[str]:
        return [s.person for s in self.standings if s.outcome == "withdrawn"]

    @property
    def field_known(self) -> bool:
        return bool(self.standings) and all(s.outcome != "unknown" for s in self.standings)


@dataclass
class Figure:
    """A number recorded (or derived from recorded numbers) about a contest."""

    id: str
    contest: str  # Contest.key
    measure: str  # votes, share, margin, total, valid, spoiled, turnout, electorate,
    #               nominations, or "count" for a figure of the facts file's own kind
    unit: str  # count or percent
    value: float
    half_unit: float  # the source's precision: the truth lies within value +- half_unit
    source: str
    statement: str
    subject: str | None = None  # a person key
    other: str | None = None  # a margin's second person
    basis: str | None = None  # a share's whole: cast, valid, electorate, continuing
    round: int | None = None
    counts: str = ""  # for measure "count": what it counts, in words
    # Worked out exactly from other figures (not the points between two recorded shares,
    # which keep the shares' rounding as recorded figures do).
    derived: bool = False
    shown: str = ""  # the value as the source wrote it
    as_of: dt.date | None = None  # when the source's count was taken (figures.as_of)


@dataclass
class Fact:
    """A fact in words with its source: what findings cite and rebuttals quote."""

    id: str
    statement: str
    source: str
    as_of: dt.date | None = None  # when a figure's count was taken (the statement says so)


@dataclass
class Claim:
    """A known false or misleading claim."""

    id: str
    claim: str
    paraphrases: list[str]
    fact: str
    source: str
    severity: str = "high"


@dataclass
class EarlierCount:
    """A count declared and later replaced (by a recount or a corrected declaration):
    its figures were right until ``replaced``, and stay right when said of it."""

    declared: dt.date
    replaced: dt.date
    label: str  # what coverage calls it ("the first count")
    source: str
    figures: list[Figure]
